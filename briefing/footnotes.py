"""Footnotes of printed matter: notes moved out of the body, linked to their markers.

A printed page ends with its notes (`① 参见…`, `[2] See…`, `¹ Data from…`, `注1：…`); its
text cites them with markers (`①`, `[2]`, `¹`, `注1`). Extraction puts the notes in the
middle of the body, where the next page goes on. `mark_footnotes` finds, at the bottom of
each page (before its furniture, or at the end of the document), the run of lines that
starts with a note whose marker the text before it cites; every line from there to the
page's end belongs to the notes (a note's text may wrap). A rule or a `注释`/`Notes`
heading just above them goes (logged): the notes are shown under a heading of their own. Each note becomes a `note` block
holding the raw line of the marker that cites it: the nearest one before it with the same
number (numbering may restart on every page).

A note without a marker, or a marker of a kind the document's notes use without a note,
is flagged, never dropped. Markers stay in the text, as printed.
"""
from __future__ import annotations

from dataclasses import replace

from . import chardata as cd
from .furniture import find_furniture
from .model import Block, Change, Flag, Note, Seed
from .wraps import join_lines

_SUPERSCRIPT_DIGITS = str.maketrans(cd.SUPERSCRIPTS, "0123456789")


def marker_key(marker: str) -> tuple[str, int]:
    """What a marker refers to: its kind and number (`①` and `注①` are one, `[1]` another).

    >>> marker_key("③"), marker_key("注①"), marker_key("[12]"), marker_key("²"), marker_key("注 4")
    (('circled', 3), ('circled', 1), ('bracket', 12), ('superscript', 2), ('zhu', 4))
    """
    mark = marker.replace("注", "").strip()
    if mark[0] in cd.CIRCLED:
        return "circled", cd.CIRCLED.index(mark[0]) + 1
    if mark.startswith("["):
        return "bracket", int(mark[1:-1])
    if mark[0] in cd.SUPERSCRIPTS:
        return "superscript", int(mark.translate(_SUPERSCRIPT_DIGITS))
    return "zhu", int(mark)


def split_note(text: str) -> tuple[str, str]:
    """A note's marker and its text.

    >>> split_note("① 参见《求是》2024年第11期。"), split_note("[2] See the annex.")
    (('①', '参见《求是》2024年第11期。'), ('[2]', 'See the annex.'))
    """
    match = cd.NOTE_START.match(text)
    return match.group("marker").replace(" ", ""), match.group("text").strip()


def pages(blocks: list[Block], furniture: dict[int, str]) -> list[list[int]]:
    """The indexes of the blocks of each page, furniture left out: a page ends at furniture
    and before a line a form feed opens."""
    found: list[list[int]] = []
    current: list[int] = []
    for index, block in enumerate(blocks):
        if index in furniture or ("\f" in block.text and current):
            if current:
                found.append(current)
            current = []
            if index in furniture:
                continue
        current.append(index)
    if current:
        found.append(current)
    return found


def mark_footnotes(blocks: list[Block], seed: Seed, log: list[Change],
                   flags: list[Flag]) -> list[Block]:
    """Mark the notes at the bottom of each page as `note` blocks, linked to their markers."""
    if not any(b.kind == "text" and cd.NOTE_START.match(b.text.replace("\f", ""))
               for b in blocks):
        return blocks  # no line starts like a note: nothing to move, nothing to flag
    furniture = find_furniture(blocks)
    pending: list[tuple[tuple[str, int], str, int, str]] = []  # key, marker, line, context
    notes: dict[int, Block] = {}  # index of a note's first block -> the note
    absorbed: set[int] = set()  # continuation lines, now part of a note
    for page in pages(blocks, furniture):
        zone = _notes_zone(blocks, page, pending)
        if zone:
            page, zone = _drop_separators(blocks, page, zone, log, absorbed)
        for index in page[:zone]:
            _collect_markers(blocks[index], pending)
        for start, members in _notes(blocks, page[zone:] if zone is not None else []):
            text = blocks[start].text
            for index in members[1:]:
                text = join_lines(text, blocks[index].text, seed.language)
            marker, body = split_note(text)
            line = _link(marker_key(marker), pending)
            if line is None:
                flags.append(Flag("note-without-marker", blocks[start].first_line, marker,
                                  body[:24]))
            notes[start] = replace(blocks[start], text=text, kind="note", marker_line=line,
                                   last_line=blocks[members[-1]].last_line)
            absorbed.update(members[1:])
            log.append(Change("move_footnote_to_notes", blocks[start].first_line, text[:40],
                              f"[note {marker}]"))
    kinds = {marker_key(split_note(n.text)[0])[0] for n in notes.values()}
    for key, marker, line, context in pending:
        if key[0] in kinds:
            flags.append(Flag("marker-without-note", line, marker, context))
    return [notes.get(i, b) for i, b in enumerate(blocks) if i not in absorbed]


def _drop_separators(blocks: list[Block], page: list[int], zone: int, log: list[Change],
                     absorbed: set[int]) -> tuple[list[int], int]:
    """Drop the rule or the `注释`/`Notes` heading right above a page's notes (the notes are
    shown under a heading of their own), logging each: the page and its zone without them."""
    while zone and cd.NOTES_SEPARATOR.match(blocks[page[zone - 1]].text):
        separator = blocks[page[zone - 1]]
        log.append(Change("remove_notes_separator", separator.first_line, separator.text, ""))
        absorbed.add(page[zone - 1])
        zone -= 1
        page = page[:zone] + page[zone + 1:]
    return page, zone


def _notes_zone(blocks: list[Block], page: list[int],
                pending: list[tuple[tuple[str, int], str, int, str]]) -> int | None:
    """Where the page's notes start (a position in `page`): the first line that starts like
    a note whose marker is cited before it. None: the page has no notes."""
    cited = {key for key, *_ in pending}
    for position, index in enumerate(page):
        block = blocks[index]
        if block.kind != "text":
            continue
        match = cd.NOTE_START.match(block.text.replace("\f", ""))
        if match and marker_key(match.group("marker")) in cited \
                and _plausible_zone(blocks, page[position:]):
            return position
        cited.update(marker_key(m.group(0)) for m in cd.NOTE_MARKER.finditer(block.text))
    return None


#: Wrapped lines a note may have, on average, beyond its first.
NOTE_LINES = 3


def _plausible_zone(blocks: list[Block], zone: list[int]) -> bool:
    """Notes, not a list in the body: numbers that go up, and few lines that are not a
    note's first line."""
    notes = _notes(blocks, zone)
    keys = [marker_key(split_note(blocks[start].text)[0]) for start, _ in notes]
    rising = all(a[0] != b[0] or a[1] < b[1] for a, b in zip(keys, keys[1:]))
    others = sum(len(members) - 1 for _, members in notes)
    return rising and others <= NOTE_LINES * len(notes)


def _notes(blocks: list[Block], zone: list[int]) -> list[tuple[int, list[int]]]:
    """The notes of a zone: each note's first block and all its blocks (wrapped lines)."""
    found: list[tuple[int, list[int]]] = []
    for index in zone:
        if blocks[index].kind != "text":
            continue
        if cd.NOTE_START.match(blocks[index].text) or not found:
            found.append((index, [index]))
        else:
            found[-1][1].append(index)
    return found


def _collect_markers(block: Block, pending: list) -> None:
    if block.kind not in ("text", "heading"):
        return
    for match in cd.NOTE_MARKER.finditer(block.text):
        start = match.start()
        pending.append((marker_key(match.group(0)), match.group(0), block.first_line,
                        block.text[max(0, start - 8): match.end() + 8]))


def _link(key: tuple[str, int], pending: list) -> int | None:
    """The line of the nearest marker before a note with the note's number (taken off the
    pending markers); None when the text cites no such marker."""
    for position in range(len(pending) - 1, -1, -1):
        if pending[position][0] == key:
            return pending.pop(position)[2]
    return None


def notes_from(blocks: list[Block], convert) -> list[Note]:
    """The `note` blocks of a document as its notes, numbered in print order (`convert`:
    to Simplified, for Chinese)."""
    found = []
    for block in (b for b in blocks if b.kind == "note"):
        marker, text = split_note(block.text)
        found.append(Note(id=f"n{len(found) + 1}", marker=marker, text=convert(text),
                          lines=(block.first_line, block.last_line),
                          marker_line=block.marker_line))
    return found


def note_paragraph(note: Note, paragraphs) -> str | None:
    """The id of the paragraph that cites a note (the one its marker's line belongs to)."""
    if note.marker_line is None:
        return None
    return next((p.id for p in paragraphs if p.lines[0] <= note.marker_line <= p.lines[1]),
                None)


def note_records(doc) -> list[dict]:
    """A document's notes as `corpus.json` and the pages show them: with the id of the
    paragraph that cites each (None: no marker found)."""
    return [{"id": n.id, "marker": n.marker, "text": n.text, "lines": list(n.lines),
             "paragraph": note_paragraph(n, doc.paragraphs)} for n in doc.notes]
