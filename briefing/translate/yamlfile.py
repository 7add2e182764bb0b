"""Changing entries of a translation file in place, so that everything else stays as the
editors wrote it: their comments, their order, their quoting. Only the entries that change
are rewritten, in the layout `build.py new` writes (briefing.scaffold): a comment with the
start of the source, then id, source, provenance and text, one line each. A file no entry
changes in is not written at all, so an import of unchanged work is byte-identical.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..model import Document
from ..scaffold import comment, scalar, translation_yaml


@dataclass
class Entry:
    """Where an entry of the `paragraphs` list stands in the file's text."""

    paragraph: str
    line: int  #: 1-based line of the entry (as the loader reports it)
    start: int  #: offset of its first key
    end: int  #: offset just after its last value
    column: int  #: column of its keys
    comment: tuple[int, int] | None  #: the comment line just above it, if any


@dataclass
class Change:
    """What an import writes for one paragraph."""

    paragraph: str
    hash: str
    provenance: str
    text: str
    entry_line: int | None  #: the entry it replaces (None: a new entry)
    source: str  #: the paragraph's source text, for the comment above the entry


def entries(text: str) -> list[Entry]:
    """The entries of a (valid) translation file, in file order."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    items = []
    for key, value in (root.value if isinstance(root, yaml.MappingNode) else []):
        if key.value == "paragraphs" and isinstance(value, yaml.SequenceNode):
            items = value.value
    lines = text.split("\n")
    found = []
    for item in items:
        ids = [v.value for k, v in item.value if k.value == "id"]
        # A flow mapping ends at its brace; a block one at its last value (its own end
        # mark would take the next entry's comment with it).
        end = item.end_mark.index if item.flow_style else max(v.end_mark.index
                                                              for _, v in item.value)
        while end > item.start_mark.index and text[end - 1] in " \r\n":
            end -= 1  # a block scalar's end takes the line breaks after it
        above = item.start_mark.line - 1
        span = None
        if above >= 0 and lines[above].lstrip().startswith("#"):
            begin = sum(len(line) + 1 for line in lines[:above])
            span = (begin, begin + len(lines[above]))
        found.append(Entry(ids[0] if ids else "", item.start_mark.line + 1,
                           item.start_mark.index, end, item.start_mark.column, span))
    return found


def render(paragraph: str, change: Change, column: int) -> str:
    """An entry's keys and values, the first without indentation (it follows `- `)."""
    pad = " " * column
    return (f"id: {paragraph}\n{pad}source: {scalar(change.hash)}\n"
            f"{pad}provenance: {change.provenance}\n{pad}text: {scalar(change.text)}")


def edit(text: str | None, doc: Document, changes: list[Change]) -> str:
    """The translation file with `changes` made; `text` None (or a file without entries):
    a new file in `build.py new`'s layout, every paragraph in it."""
    if text is None or not entries(text):
        text = translation_yaml(doc)
        by_id = {e.paragraph: e.line for e in entries(text)}
        changes = [Change(c.paragraph, c.hash, c.provenance, c.text,
                          by_id.get(c.paragraph), c.source) for c in changes]
    found = entries(text)
    by_line = {e.line: e for e in found}
    ids = {e.paragraph for e in found}
    order = [p.id for p in doc.paragraphs]
    edits: list[tuple[int, int, str]] = []
    inserts: dict[int, list[str]] = {}
    for change in changes:
        entry = by_line.get(change.entry_line)
        if entry is not None:
            # The entry takes its paragraph's id, unless another entry has it (kept apart
            # until an editor looks: the hash finds it either way).
            paragraph = change.paragraph if (change.paragraph == entry.paragraph
                                             or change.paragraph not in ids) else entry.paragraph
            edits.append((entry.start, entry.end, render(paragraph, change, entry.column)
                          + _notes_of(text, entry)))
            if entry.comment and not _same_source(text, entry, change):
                start, end = entry.comment
                indent = text[start:end][:len(text[start:end]) - len(text[start:end].lstrip())]
                edits.append((start, end, f"{indent}# {comment(change.source)}"))
            continue
        # A new entry goes after the entry of the paragraph before it (or the last one).
        before = order[:order.index(change.paragraph)]
        anchor = next((e for p in reversed(before) for e in found if e.paragraph == p),
                      found[-1])
        dash = " " * max(anchor.column - 2, 0)
        inserts.setdefault(anchor.end, []).append(
            f"\n{dash}# {comment(change.source)}\n{dash}- "
            f"{render(change.paragraph, change, anchor.column)}")
    edits += [(at, at, "".join(parts)) for at, parts in inserts.items()]
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _notes_of(text: str, entry: Entry) -> str:
    """The entry's translator's notes (`notes:` and what follows, to the entry's end), kept
    when an import rewrites it: exports do not carry them, and a note is never dropped."""
    block = text[entry.start:entry.end]
    at = block.find("\n" + " " * entry.column + "notes:")
    return block[at:] if at != -1 else ""


def _same_source(text: str, entry: Entry, change: Change) -> bool:
    """Whether the entry already holds the hash it gets (its comment is then kept)."""
    return f"source: {scalar(change.hash)}" in text[entry.start:entry.end]
