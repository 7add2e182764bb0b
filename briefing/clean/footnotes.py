"""Footnotes of printed matter: notes moved out of the body, linked to their markers.

A printed page ends with its notes (`① 参见…`, `[2] See…`, `¹ Data from…`, `注1：…`); its
text cites them with markers (`①`, `[2]`, `¹`, `注1`). Extraction puts the notes in the
middle of the body, where the next page goes on. `mark_footnotes` finds, at the bottom of
each page (before its furniture, or at the end of the document or of an article), the run
of lines that starts with a note whose marker the text before it cites; a line that does
not start like a note belongs to the note above while its sentence is unfinished (a
note's text may wrap), and is text again after it. A rule or a `注释`/`Notes`
heading just above them goes (logged): the notes are shown under a heading of their own. Each note becomes a `note` block
holding the raw line of the marker that cites it: the nearest one before it with the same
number (numbering may restart on every page).

A note without a marker, or a marker of a kind the document's notes use without a note,
is flagged, never dropped. Markers stay in the text, as printed.
"""
from __future__ import annotations

from dataclasses import replace

from .. import chardata as cd
from .furniture import find_furniture
from ..model import Block, Change, Flag, Note, Seed
from .wraps import ends_sentence, join_lines

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
    absorbed: set[int] = set()  # continuation lines and separators, now gone
    for page in pages(blocks, furniture):
        # A page without boundaries (a whole document, a compilation) may hold several runs
        # of notes, each closing a stretch of text: look for the next after each.
        position = 0
        while position < len(page):
            zone = _notes_zone(blocks, page, position, pending)
            if zone is not None:
                page, zone = _drop_separators(blocks, page, zone, position, log, absorbed)
            for index in page[position:len(page) if zone is None else zone]:
                _collect_markers(blocks[index], pending)
            if zone is None:
                break
            found, taken = _notes(blocks, page[zone:])
            for start, members in found:
                notes[start] = _note_block(blocks, members, seed.language, pending, log, flags)
                absorbed.update(members[1:])
            position = zone + taken
    kinds = {marker_key(split_note(n.text)[0])[0] for n in notes.values()}
    for key, marker, line, context in pending:
        if key[0] in kinds:
            flags.append(Flag("marker-without-note", line, marker, context))
    return [notes.get(i, b) for i, b in enumerate(blocks) if i not in absorbed]


def _note_block(blocks: list[Block], members: list[int], language: str, pending: list,
                log: list[Change], flags: list[Flag]) -> Block:
    """One note as a `note` block: its lines joined, linked to the marker citing it."""
    first = blocks[members[0]]
    text = first.text
    for index in members[1:]:
        text = join_lines(text, blocks[index].text, language)
    marker, body = split_note(text)
    line = _link(marker_key(marker), pending)
    if line is None:
        flags.append(Flag("note-without-marker", first.first_line, marker, body[:24]))
    log.append(Change("move_footnote_to_notes", first.first_line, text[:40],
                      f"[note {marker}]"))
    return replace(first, text=text, kind="note", marker_line=line,
                   last_line=blocks[members[-1]].last_line)


def _drop_separators(blocks: list[Block], page: list[int], zone: int, floor: int,
                     log: list[Change], absorbed: set[int]) -> tuple[list[int], int]:
    """Drop the rule or the `注释`/`Notes` heading right above a run of notes (the notes are
    shown under a heading of their own), logging each: the page and the zone without them."""
    while zone > floor and cd.NOTES_SEPARATOR.match(blocks[page[zone - 1]].text):
        separator = blocks[page[zone - 1]]
        log.append(Change("remove_notes_separator", separator.first_line, separator.text, ""))
        absorbed.add(page[zone - 1])
        zone -= 1
        page = page[:zone] + page[zone + 1:]
    return page, zone


def _notes_zone(blocks: list[Block], page: list[int], position: int,
                pending: list[tuple[tuple[str, int], str, int, str]]) -> int | None:
    """Where the next run of notes starts on a page (from `position`): the first line that
    starts like a note whose marker is cited before it. None: no more notes."""
    cited = {key for key, *_ in pending}
    for here in range(position, len(page)):
        block = blocks[page[here]]
        if block.kind != "text":
            continue
        match = cd.NOTE_START.match(block.text.replace("\f", ""))
        if match and marker_key(match.group("marker")) in cited \
                and _plausible_zone(blocks, page[here:]):
            return here
        cited.update(marker_key(m.group(0)) for m in cd.NOTE_MARKER.finditer(block.text))
    return None


def _plausible_zone(blocks: list[Block], zone: list[int]) -> bool:
    """Notes, not a list in the body: numbers that go up."""
    notes, _ = _notes(blocks, zone)
    keys = [marker_key(split_note(blocks[start].text)[0]) for start, _ in notes]
    return all(a[0] != b[0] or a[1] < b[1] for a, b in zip(keys, keys[1:]))


def _notes(blocks: list[Block], zone: list[int]) -> tuple[list[tuple[int, list[int]]], int]:
    """The run of notes a zone starts with: each note's first block and all its blocks, and
    how many of the zone's blocks they take. A line that does not start like a note goes
    on the note before it while that note's sentence is unfinished (its text wraps); after
    a finished note, it is text again, and the run ends."""
    found: list[tuple[int, list[int]]] = []
    taken = 0
    for index in zone:
        block = blocks[index]
        if block.kind != "text":
            break
        if cd.NOTE_START.match(block.text):
            found.append((index, [index]))
        elif found and not ends_sentence(blocks[found[-1][1][-1]].text):
            found[-1][1].append(index)
        else:
            break
        taken += 1
    return found, taken


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
