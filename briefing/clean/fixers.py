"""The cleaner's fixers: small named functions, each with what it fixes and leaves alone.

Text fixers are `str -> str` (some take `chinese: bool` too, when the right fix depends on
the document's language). Block fixers see the list of blocks of one seed. Patterns live in
`briefing.chardata`. The fixers for printed matter (page furniture, footnotes, hard wraps
and page breaks, bylines, mojibake) have modules of their own, imported here so that every
fixer is reached as `briefing.clean.fixers.NAME`. Each fixer has examples in its docstring (run
as doctests) and cases in `tests/test_fixers.py` and `tests/test_print.py`, including text
it must not touch.
"""
from __future__ import annotations

import html
import re
from dataclasses import replace
from functools import lru_cache

from .. import chardata as cd
from .bylines import mark_spaced_byline
from .footnotes import mark_footnotes
from .furniture import remove_page_furniture
from ..model import Block, Change, Seed
from .mojibake import repair_mojibake  # noqa: F401  (a text fixer of its own module)
from .fragments import flag_page_edge_fragments
from .wraps import join_hard_wrapped_lines, join_page_broken_paragraphs


# --- text fixers ----------------------------------------------------------------------

def unescape_html_entities(text: str) -> str:
    """Turn HTML entities left by scraping into their characters.

    Only well-formed entities are touched; a bare `&` stays.

    >>> unescape_html_entities("R&amp;D&nbsp;center, A & B")
    'R&D\\xa0center, A & B'
    """
    return cd.HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def remove_html_remnants(text: str) -> str:
    """Remove bare paragraph tags left by scraping, and their mis-decoded form (`?/p>`,
    where `<` was lost).

    Only attribute-less `p`, `br`, `div`, `span` tags go. Angle brackets that are not such
    tags stay, and so does markup with attributes: it is shown as text, never as markup.

    >>> remove_html_remnants("效应?!?/p> 就在<br/>几天前 a < b")
    '效应?! 就在几天前 a < b'
    >>> remove_html_remnants('<img src=x onerror=alert(1)> <p class="x">')
    '<img src=x onerror=alert(1)> <p class="x">'
    """
    return cd.HTML_REMNANT.sub("", cd.HTML_TAG.sub("", text))


def remove_pinyin_notes(text: str) -> str:
    """Remove pinyin notes that a converter left after characters: `產業(yè)` -> `產業`.

    A note needs a tone mark, so parenthesised abbreviations, letters and numbers stay.

    >>> remove_pinyin_notes("產業(yè)變革,創(chuàng)新(AI)與(a)方案(2025)")
    '產業變革,創新(AI)與(a)方案(2025)'
    """
    return cd.PINYIN_NOTE.sub("", text)


def normalize_whitespace(text: str, chinese: bool) -> str:
    """Trim, fold runs of spaces into one and, in Chinese, drop spaces between characters.

    PDF extraction breaks titles with stray spaces (`实践 要求`); Chinese text has no spaces
    between characters, so those go. A space next to Latin letters or digits stays
    (`2025 年` keeps its space: it is the seed's typography, not an artifact).

    >>> normalize_whitespace("  发展新质生产力的 核心要义\\u3000 ", True)
    '发展新质生产力的核心要义'
    >>> normalize_whitespace("large  models ", False)
    'large models'
    """
    text = cd.SPACES.sub(" ", text).strip()
    if chinese:
        text = cd.SPACE_IN_HAN.sub("", text)
    return text


def fold_spaces(text: str) -> str:
    """Fold runs of white space into one space and trim; nothing else.

    >>> fold_spaces("  閆帥南\u3000 王姍姍 ")
    '閆帥南 王姍姍'
    """
    return cd.SPACES.sub(" ", text).strip()


def fix_punctuation_width(text: str, chinese: bool) -> str:
    """Full-width punctuation inside Chinese text (GB/T 15834), half-width in English.

    In Chinese, `,;:!` touching a Chinese character become `，；：！`; straight double quotes
    around Chinese become `“”`; parentheses around Chinese become `（）`. Marks between digits
    (`1,043`, `9:00`) and `?` stay: in these seeds a `?` usually stands for a character lost
    in decoding, and it is flagged, not disguised. In English, full-width marks become
    half-width ones.

    >>> fix_punctuation_width('算力,"云网边端"(来源:新华社)9:00,1,043', True)
    '算力，“云网边端”（来源：新华社）9:00,1,043'
    >>> fix_punctuation_width("AI（人工智能），large models", False)
    'AI (人工智能), large models'
    """
    if not chinese:
        for full, half in cd.TO_HALF_WIDTH.items():
            text = text.replace(full, half)
        return re.sub(r" {2,}", " ", re.sub(r" +([,.;:!?)])", r"\1", text)).strip()
    han = f"[{cd.HAN_OR_PUNCT}]"
    for half, full in cd.TO_FULL_WIDTH.items():
        mark = re.escape(half)
        text = re.sub(rf"(?<={han}){mark}|{mark}(?={han})", full, text)
    text = re.sub(rf"\(([^()]*[{cd.HAN}][^()]*)\)", r"（\1）", text)
    return _curl_double_quotes(text)


def _curl_double_quotes(text: str) -> str:
    """Straight double quotes in pairs around Chinese text become `“…”`."""
    if text.count('"') % 2:
        return text  # unbalanced: leave it for the editor rather than guess
    return re.sub(rf'"([^"]*[{cd.HAN}][^"]*)"', r"“\1”", text)


def find_suspicious_spans(text: str, script: str = "Hans",
                          evidence: str | None = None) -> list[tuple[str, str, str]]:
    """Spans that look corrupted but cannot be repaired: (kind, span, context).

    `?` touching Chinese (a character lost in decoding), lower-case Latin glued to Chinese,
    pinyin whose character was lost, and improbable characters: in Traditional text one
    that Big5 lacks (`谩` in `規;瘧谩`), in Simplified text one that neither GB2312 nor Big5
    has, or a Traditional form only Big5 has where the text elsewhere prints the word in
    Simplified (`加強`, `加强`; `evidence`: the whole text, by default `text`). Nothing is
    changed; the editor decides (errata).

    >>> [k for k, s, c in find_suspicious_spans("規;瘧谩爱a學研用金?nèi)祟惿", "Hant")]
    ['question-mark-in-han', 'latin-in-han', 'pinyin-fragment', 'improbable-characters']
    >>> find_suspicious_spans("算力达到748EFLOPS,AI?")
    []
    >>> [(k, s) for k, s, c in find_suspicious_spans("要加強研判。要加强统筹。昇腾芯片。")]
    [('traditional-in-simplified', '強')]
    """
    found = []
    for kind, pattern in (("question-mark-in-han", cd.QUESTION_IN_HAN),
                          ("latin-in-han", cd.LATIN_IN_HAN),
                          ("pinyin-fragment", cd.PINYIN_FRAGMENT)):
        for match in pattern.finditer(text):
            if kind == "question-mark-in-han" and not re.search(f"[{cd.HAN}]", match.group(0)):
                continue
            found.append((kind, match.group(0), _context(text, match.start(), match.end())))
    for match in re.finditer(f"[{cd.HAN}]+", text):
        run = match.group(0)
        bad = [i for i, c in enumerate(run) if _improbable(c, script)]
        for group in _runs(bad):
            start, end = match.start() + group[0], match.start() + group[-1] + 1
            found.append(("improbable-characters", text[start:end], _context(text, start, end)))
        for i, char in enumerate(run):
            if _traditional_in_simplified(char, script) and _simplified_elsewhere(
                    run, i, evidence if evidence is not None else text):
                start = match.start() + i
                found.append(("traditional-in-simplified", char,
                              _context(text, start, start + 1)))
    return found


#: Characters too common to show that a word recurs (`的升` says nothing about `昇腾`).
_FUNCTION_HAN = set("的了和与及是在为对把被将从向以之而或也都就")


def _simplified_elsewhere(run: str, i: int, evidence: str) -> bool:
    """The same word with the Simplified form occurs in the text (`加强` beside `加強`): a
    mixed-in Traditional form, not a name that uses it (`昇腾`)."""
    from ..script import convert

    simplified = convert(run[i], "t2s")
    if simplified == run[i]:
        return False
    before, after = run[i - 1] if i else "", run[i + 1] if i + 1 < len(run) else ""
    words = [before + simplified + after]
    words += [before + simplified] if before and before not in _FUNCTION_HAN else []
    words += [simplified + after] if after and after not in _FUNCTION_HAN else []
    return any(len(word) > 1 and word in evidence for word in words)


@lru_cache(maxsize=None)
def _traditional_in_simplified(char: str, script: str) -> bool:
    """In Simplified text, a character GB2312 lacks but Big5 has is a Traditional form
    mixed in (`加強` for `加强`): kept, and flagged for an erratum.

    >>> _traditional_in_simplified("強", "Hans"), _traditional_in_simplified("强", "Hans")
    (True, False)
    """
    if script != "Hans" or char in cd.SEPARATOR_HAN:
        return False
    try:
        char.encode("gb2312")
        return False
    except UnicodeEncodeError:
        pass
    try:
        char.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


def _context(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width): end + width]


def _runs(indexes: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


@lru_cache(maxsize=None)
def _improbable(char: str, script: str) -> bool:
    # Traditional web text fits Big5; a character outside it (谩, 爱: Simplified-only forms)
    # is debris of mis-decoding. Any Chinese text fits GB2312 or Big5 (惿 fits neither).
    # (Characters such as 云 or 范 are Simplified forms and valid Traditional ones too.)
    if char in cd.SEPARATOR_HAN or char in cd.CANTONESE:  # 嘅, 咗: Hong Kong's, not debris
        return False
    encodings = ("big5",) if script == "Hant" else ("gb2312", "big5")
    for encoding in encodings:
        try:
            char.encode(encoding)
            return False
        except UnicodeEncodeError:
            pass
    return True


# --- block fixers -----------------------------------------------------------------------
# Each takes the blocks of one seed, the seed, and the change log to append to. They run
# after the character repairs (entities, HTML remnants, pinyin notes) and before white space
# and punctuation width are normalised, because spaces are their evidence.

def drop_blank_blocks(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Blocks holding only white space (including ideographic spaces) carry nothing."""
    kept = []
    for block in blocks:
        if cd.SPACES.sub("", block.text):
            kept.append(block)
        else:
            log.append(Change("drop_blank_blocks", block.first_line, block.text, ""))
    return kept


def mark_contents_lines(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark a table of contents: two or more consecutive lines ending in a page number.

    They are not text: the splitter reads them to find a compilation's articles. A single
    line ending in a number (`全年增长 5`) is left alone.
    """
    marked = list(blocks)
    run: list[int] = []
    for index, block in enumerate(blocks + [Block("", 0, 0)]):
        if block.kind == "text" and cd.CONTENTS_LINE.match(block.text):
            run.append(index)
            continue
        if len(run) >= 2:
            for i in run:
                marked[i] = replace(blocks[i], kind="contents")
        run = []
    return marked


def drop_site_chrome(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Drop the web page around the document: print/share links, licence numbers,
    copyright and report lines, empty image links, "related reading" labels.

    Each dropped line is logged whole. Lines that are metadata (editor, source, date) are
    not chrome; `mark_metadata_lines` keeps them.
    """
    kept = []
    for block in blocks:
        # Chrome is a short line; a long block that matches is text that mentions such
        # words, and is never dropped.
        if (block.kind == "text" and len(block.text) <= CHROME_MAX
                and any(p.search(block.text) for p in cd.CHROME_LINES)):
            log.append(Change("drop_site_chrome", block.first_line, block.text, ""))
        else:
            kept.append(block)
    return kept


#: Longest line taken for site chrome, in characters.
CHROME_MAX = 500


def mark_metadata_lines(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark datelines, source and editor lines near the start or end as metadata.

    They leave the text but not the document: `analyze` reads date, source and editors from
    them. Page furniture at the end of such a line (`我来说两句 |`) is removed.
    """
    marked = []
    edge = set(range(3)) | set(range(len(blocks) - 6, len(blocks)))
    for index, block in enumerate(blocks):
        if (index in edge and block.kind == "text"
                and any(p.search(block.text) for p in cd.META_LINES)):
            text = cd.META_CHROME.sub("", block.text)
            # A dateline's lost spaces show as `?` (`11:54:40? ?來源`): they were spaces.
            text = cd.LOST_SPACE.sub(" ", text)
            if text != block.text:
                log.append(Change("mark_metadata_lines", block.first_line, block.text, text))
            block = replace(block, text=text, kind="meta")
        marked.append(block)
    return marked


def mark_distribution_list(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark the distribution list that closes an internal publication (`报：…` `送：…`).

    From its first line to the end, blocks are the list (its lines wrap), kept for the
    publication's overview, not for any article.
    """
    for index, block in enumerate(blocks):
        if block.kind == "text" and cd.DISTRIBUTION_LINE.match(block.text) and \
                len(blocks) - index <= 8:
            return blocks[:index] + [replace(b, kind="distribution") for b in blocks[index:]]
    return blocks


def split_run_together_paragraphs(blocks: list[Block], seed: Seed,
                                  log: list[Change]) -> list[Block]:
    """Split Chinese lines where scraping ran paragraphs together.

    Chinese text has no spaces; a space after a sentence end (`强音。 4月29日`) or before a
    photo caption (`△`) is what is left of a paragraph break. English is left alone: there a
    space after a full stop is ordinary.
    """
    if seed.language != "zh":
        return blocks
    result = []
    for block in blocks:
        parts = [p for p in cd.RUN_TOGETHER.split(block.text)] if block.kind == "text" else []
        if len(parts) <= 1:
            result.append(block)
            continue
        for before, after in zip(parts, parts[1:]):
            log.append(Change("split_run_together_paragraphs", block.first_line,
                              before[-8:] + " " + after[:8], before[-8:] + "\n" + after[:8]))
        result.extend(replace(block, text=part) for part in parts if part.strip())
    return result


def split_bylines(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Split a dateline or byline glued to the text into a metadata line of its own.

    `飛象網訊(易歡)當前，…` opens the first paragraph with agency and author;
    `… Text/Our reporter Wu Wenjuan` closes the last. Both are metadata, not text.
    """
    result = list(blocks)
    texts = [i for i, b in enumerate(result) if b.kind == "text"]
    if not texts:
        return result
    first, last = texts[0], texts[-1]
    match = cd.LEADING_DATELINE.match(result[first].text)
    if match:
        block = result[first]
        log.append(Change("split_bylines", block.first_line, block.text[:30],
                          match.group("line") + "\n" + match.group("rest")[:20]))
        result[first:first + 1] = [replace(block, text=match.group("line"), kind="meta"),
                                   replace(block, text=match.group("rest"))]
        last += 1
    match = cd.TRAILING_BYLINE.match(result[last].text)
    if match:
        block = result[last]
        log.append(Change("split_bylines", block.first_line, block.text[-40:],
                          match.group("rest")[-20:] + "\n" + match.group("line")))
        result[last:last + 1] = [replace(block, text=match.group("rest")),
                                 replace(block, text=match.group("line"), kind="meta")]
    return result


#: Longest heading, in characters, per language.
HEADING_MAX = {"zh": 40, "en": 160}


def mark_headings(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark short lines that do not end a sentence as headings (titles, section heads)."""
    marked = []
    for block in blocks:
        # A note marker after the full stop (`… growth.[1]`) does not make a heading.
        text = cd.TRAILING_NOTE_MARKERS.sub("", block.text.strip()) or block.text.strip()
        if (block.kind == "text" and 0 < len(text) <= HEADING_MAX[seed.language]
                and text[-1] not in cd.SENTENCE_END + cd.CONTINUING + ".,"
                and not (text[-1] in cd.CLOSING_QUOTES and text[-2:-1] in
                         tuple(cd.SENTENCE_END + "."))):
            block = replace(block, kind="heading")
        marked.append(block)
    return marked


def mark_source_lines(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark lines that give an article's source or author: `（作者系…；来源：《求是》…）`.

    They are metadata printed in the text; `split` and `analyze` read them.
    """
    return [replace(b, kind="source") if b.kind == "text" and cd.SOURCE_LINE.match(b.text)
            else b for b in blocks]


BLOCK_FIXERS = [
    drop_blank_blocks,
    mark_contents_lines,
    split_run_together_paragraphs,  # first: chrome and metadata are judged per paragraph
    drop_site_chrome,
    # Printed matter (briefing.clean.footnotes, .furniture, .bylines, .wraps): notes are found at
    # the bottom of each page, so before the page furniture that marks it goes.
    mark_footnotes,
    remove_page_furniture,
    mark_spaced_byline,
    mark_metadata_lines,
    mark_source_lines,
    mark_distribution_list,
    join_hard_wrapped_lines,
    join_page_broken_paragraphs,
    split_bylines,
    mark_headings,
    flag_page_edge_fragments,  # flags only (briefing.clean.fragments, issue #15)
]
