"""Page furniture of printed matter: page numbers, running headers and footers, form feeds.

Text extracted from a PDF still carries what every printed page repeats. It is recognised
by shape and by repetition across page boundaries, never by a list of publication names:

* a page number on a line of its own, in the forms of `chardata.PAGE_NUMBER_WORDED`
  (`第12页`, `Page 3 of 5`) or `chardata.PAGE_NUMBER_SHAPED` (`· 12 ·`, `— 12 —`, `- 3 -`,
  `12`); a shaped one needs another of its shape further on with a higher number (or a
  form feed beside it), so a `12` that stands alone is text;
* a form feed (a page boundary the extractor kept);
* a running header or footer: a short line that repeats (digits aside: the page number it
  may carry), each time at a page boundary.

`find_furniture` only looks; `remove_page_furniture` drops what it found, logging each line,
and keeps the first running header as metadata (`header`): it names the publication and
issue, never the title. The paragraph a page boundary interrupted is joined again by the
wrap and page-break fixers that run after (`briefing.clean.wraps`, `join_page_broken_paragraphs`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from .. import chardata as cd
from ..model import Block, Change, Seed

#: Blocks a shaped page number needs between itself and the next one (a page is longer than
#: a table's column of numbers).
MIN_PAGE_BLOCKS = 3

#: What a piece of furniture is, as the provenance report names its removal.
REMOVAL = {"page-number": "remove_page_number", "running-header": "remove_running_header",
           "form-feed": "remove_form_feed"}


def find_furniture(blocks: list[Block]) -> dict[int, str]:
    """Index of each block that is page furniture -> what it is (`page-number`,
    `running-header`, `form-feed`). Only `text` blocks are candidates.

    >>> blocks = [Block(t, n, n) for n, t in enumerate(
    ...     ["刊名 2025年第3期", "正文第一段，", "正文。", "· 13 ·", "\\f刊名 2025年第3期",
    ...      "正文第二段。", "它在12号发布。", "· 14 ·"], start=1)]
    >>> sorted(find_furniture(blocks).items())
    [(0, 'running-header'), (3, 'page-number'), (4, 'running-header'), (7, 'page-number')]
    """
    furniture: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.kind == "text" and "\f" in block.text and not block.text.replace("\f", "").strip():
            furniture[index] = "form-feed"
    furniture.update(find_page_numbers(blocks))
    furniture.update(find_running_headers(blocks, furniture))
    return furniture


def find_page_numbers(blocks: list[Block]) -> dict[int, str]:
    """Page-number lines: worded ones always, shaped ones in an ascending series."""
    found: dict[int, str] = {}
    shaped: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for index, block in enumerate(blocks):
        if block.kind != "text":
            continue
        text = block.text.replace("\f", "")
        if cd.PAGE_NUMBER_WORDED.match(text):
            found[index] = "page-number"
            continue
        match = cd.PAGE_NUMBER_SHAPED.match(text)
        if match:
            shaped[_shape(match)].append((index, int(match.group("n"))))
    for series in shaped.values():
        for position, (index, number) in enumerate(series):
            neighbours = series[position - 1: position] + series[position + 1: position + 2]
            in_series = any((other_number - number) * (other_index - index) > 0
                            and abs(other_index - index) > MIN_PAGE_BLOCKS
                            for other_index, other_number in neighbours)
            if in_series or _beside_form_feed(blocks, index):
                found[index] = "page-number"
    return found


def _shape(match: re.Match) -> tuple[str, str]:
    """`· 12 ·` and `· 13 ·` have one shape; `— 12 —` another; `12` a third."""
    def norm(marks: str) -> str:
        return re.sub("[–—-]+", "-", marks.replace("•", "·"))
    return norm(match.group("open")), norm(match.group("close"))


def _beside_form_feed(blocks: list[Block], index: int) -> bool:
    return "\f" in blocks[index].text or (index + 1 < len(blocks)
                                          and "\f" in blocks[index + 1].text)


def header_key(text: str) -> str:
    """How repeats of a running header are compared: spaces folded, any number `#` (the
    page number a header carries changes from page to page).

    >>> header_key("\\f经济研究参考  2025年第3期 · 13 ·") == header_key("经济研究参考 2025年第3期 · 9 ·")
    True
    """
    return re.sub(r"\d+", "#", cd.SPACES.sub(" ", text.replace("\f", "")).strip())


def could_be_header(text: str) -> bool:
    """Short, not a sentence, not a bare number: the shape of a running header or footer."""
    squeezed = re.sub(r"\s+", "", text.replace("\f", ""))
    return (2 <= len(squeezed) <= cd.RUNNING_HEADER_MAX
            and squeezed[-1] not in cd.SENTENCE_END + ".,，、"
            and not squeezed.isdigit())


def find_running_headers(blocks: list[Block], furniture: dict[int, str]) -> dict[int, str]:
    """Lines repeated at page boundaries. Without any boundary (no page number, no form
    feed), a line must repeat three times, pages apart, to be taken for one."""
    occurrences: dict[str, list[int]] = defaultdict(list)
    for index, block in enumerate(blocks):
        if block.kind == "text" and index not in furniture and could_be_header(block.text):
            occurrences[header_key(block.text)].append(index)
    repeated = {key: indexes for key, indexes in occurrences.items() if len(indexes) >= 2}
    headers: dict[int, str] = {}
    bounded = bool(furniture) or any("\f" in b.text for b in blocks)
    texts = [i for i, b in enumerate(blocks) if b.kind == "text"]
    ends = (texts[0], texts[-1]) if texts else ()
    changed = True
    while changed:  # a header beside a header (header above, footer below) counts as a boundary
        changed = False
        known = {**furniture, **headers}
        for key, indexes in list(repeated.items()):
            if (all(_at_page_edge(blocks, i, known, ends) for i in indexes) if bounded
                    else _spread_over_pages(indexes)):
                headers.update((i, "running-header") for i in indexes)
                known.update((i, "running-header") for i in indexes)
                del repeated[key]
                changed = True
    return headers


def _spread_over_pages(indexes: list[int]) -> bool:
    """Without any page boundary, a running header shows by repeating three times or more
    with a page's worth of text between each two (a line printed thrice in a row is not one)."""
    return len(indexes) >= 3 and all(b - a > MIN_PAGE_BLOCKS
                                     for a, b in zip(indexes, indexes[1:]))


def _at_page_edge(blocks: list[Block], index: int, furniture: dict[int, str],
                  ends: tuple[int, ...]) -> bool:
    """Whether a block stands at a page boundary: first or last of the text (`ends`), beside
    other furniture, or on the line that a form feed opens (or before it)."""
    return (index in ends or index - 1 in furniture or index + 1 in furniture
            or _beside_form_feed(blocks, index))


def remove_page_furniture(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Drop page numbers, running headers and footers and form feeds, logging each line.

    The first running header is kept as a `header` block (metadata: `read_running_header`
    finds publication and issue in it), never as the title. A title that the odd pages
    repeat as their header stays, once, as text. A form feed opening a line of text goes;
    the text stays.
    """
    furniture = find_furniture(blocks)
    # A header whose number changes from page to page carries the page number at its end
    # (`… 2025年第3期 · 13 ·`); one printed the same on every page ends in its issue.
    printed: dict[str, set[str]] = defaultdict(set)
    for index, kind in furniture.items():
        if kind == "running-header":
            printed[header_key(blocks[index].text)].add(blocks[index].text.replace("\f", ""))
    title = _title_printed_as_header(blocks, furniture)
    kept_headers: set[str] = set()
    result = []
    for index, block in enumerate(blocks):
        kind = furniture.get(index)
        if index == title:
            kept_headers.add(header_key(block.text))
            log.append(Change("keep_title_repeated_as_running_header", block.first_line,
                              block.text, block.text.replace("\f", "")))
            result.append(replace(block, text=block.text.replace("\f", "")))
        elif kind == "running-header" and header_key(block.text) not in kept_headers:
            kept_headers.add(header_key(block.text))
            header = block.text.replace("\f", "").strip()
            if len(printed[header_key(block.text)]) > 1:
                header = cd.TRAILING_PAGE_NUMBER.sub("", header).strip()
            log.append(Change("keep_running_header_as_metadata", block.first_line,
                              block.text, f"[header] {header}"))
            result.append(replace(block, text=header, kind="header"))
        elif kind:
            log.append(Change(REMOVAL[kind], block.first_line, block.text, ""))
        elif "\f" in block.text and block.kind == "text":
            text = block.text.replace("\f", "")
            log.append(Change("remove_form_feed", block.first_line, block.text[:12],
                              text[:11]))
            result.append(replace(block, text=text))
        else:
            result.append(block)
    return result


def _title_printed_as_header(blocks: list[Block], furniture: dict[int, str]) -> int | None:
    """The index of a title that odd pages repeat as their running header (the
    publication's name heads the even pages): a second running header whose first
    occurrence comes before any text of the body. It is the title, kept as text."""
    headers = sorted(i for i, kind in furniture.items() if kind == "running-header")
    if not headers:
        return None
    first_key = header_key(blocks[headers[0]].text)
    for index, block in enumerate(blocks):
        if block.kind != "text":
            continue
        if index not in furniture:
            return None  # the body has begun
        if furniture[index] == "running-header" and header_key(block.text) != first_key:
            return index
    return None


def read_running_header(text: str) -> tuple[str | None, str | None]:
    """Publication and issue a running header names, when it names them.

    >>> read_running_header("经济研究参考 2025年第3期")
    ('经济研究参考', '2025年第3期')
    >>> read_running_header("《理论视野》2024年第11期")
    ('理论视野', '2024年第11期')
    >>> read_running_header("Policy Digest | May 2025")
    ('Policy Digest', 'May 2025')
    >>> read_running_header("Confidential draft")
    ('Confidential draft', None)
    """
    text = text.strip()
    issue = None
    match = None
    for match in cd.HEADER_ISSUE.finditer(text):
        pass  # the last one: a publication's own name may hold a number
    if match:
        issue = match.group(0).strip()
        text = (text[:match.start()] + " " + text[match.end():]).strip()
    parts = [p for p in cd.HEADER_SEPARATOR.split(text) if p.strip(" |｜·—–")]
    publication = parts[0].strip().strip("《》") if parts else None
    if issue:
        issue = re.sub(r"\s+", "", issue) if re.search(f"[{cd.HAN}]", issue) else issue
    return publication or None, issue
