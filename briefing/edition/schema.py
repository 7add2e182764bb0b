"""The editorial keys of an honest edition, checked like every editorial value: each problem
goes to the file's Checker as `file:line: message`, listing the valid keys or values.

In `seeds/editorial/<id>.yml`:

    original:                    # what the seed's text is
      kind: machine-translation  # original | machine-translation | translation | reconstruction
      from: zh                   # the language it was made from (not for `original`)
      note: {zh: …, en: …}       # what the reader should know (optional)
    breaks:                      # paragraph breaks the source lost, anchored to text
      - after: "…national intelligence advantages."   # the text that ends a paragraph
        paragraph: p1            # only when the text occurs more than once
    date: {kind: speech}         # speech | publication | issue: what the date is
    publication: {zh: 北京青年报, en: Beijing Youth Daily}   # per language, when it differs
    notes:                       # editor's notes shown in the header, both languages
      - {zh: …, en: …}
    quotations:                  # source texts translated differently here, on purpose
      - {text: 源句, why: {zh: …, en: …}}   # (briefing.edition.quotations)

In `seeds/translations/<id>.yml`, per paragraph:

    notes:                       # translator's notes, numbered on the page and in the PDFs
      - 据……恢复官方表述           # a text: shown with the translation only
      - {zh: …, en: …}           # both languages: shown on both pages
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..editorial_yaml import Checker
from ..model import LANGUAGES

EDITION_KEYS = ("original", "breaks", "date", "publication", "notes", "quotations")
QUOTATION_KEYS = ("text", "why")
ORIGINAL_KEYS = ("kind", "from", "note")
#: What a seed's text can be. Only `original` is the text as its author wrote it; the others
#: were made from a text in another language (`from`), which the collection may not have.
ORIGINAL_KINDS = ("original", "machine-translation", "translation", "reconstruction")
BREAK_KEYS = ("after", "paragraph")
DATE_KEYS = ("kind",)
#: What a document's date is: the day a speech was given, the day it was published, or (for
#: a periodical) the issue it appeared in, when the source gives no day.
DATE_KINDS = ("speech", "publication", "issue")


@dataclass
class Original:
    """What the seed's text is (`original:` in the editorial file)."""

    kind: str  #: one of ORIGINAL_KINDS
    source_language: str | None  #: `from`: the language it was made from
    note: dict[str, str | None]  #: per language, what the reader should know
    line: int


@dataclass
class Break:
    """A paragraph break an editor declares: the paragraph ends right after `after`."""

    after: str  #: the text that ends the paragraph (either script), as cleaned
    paragraph: str | None  #: where to look, when `after` occurs more than once
    line: int


@dataclass
class QuotationExemption:
    """A source text this document translates differently from another, on purpose."""

    text: str  #: as printed (either script)
    why: dict[str, str | None]  #: the reason, per language
    line: int


@dataclass
class EditionEdits:
    """The honest-edition keys of one editorial file."""

    original: Original | None = None
    breaks: list[Break] = field(default_factory=list)
    date_kind: str | None = None
    publication: dict[str, str | None] = field(default_factory=dict)
    notes: list[dict[str, str | None]] = field(default_factory=list)
    quotations: list[QuotationExemption] = field(default_factory=list)


def check_edition(check: Checker, data) -> EditionEdits:
    """The keys of EDITION_KEYS that `data` (an editorial file's mapping) has."""
    edits = EditionEdits()
    if not data:
        return edits
    if "original" in data:
        edits.original = check_original(check, data.get("original"), data.line_of("original"))
    if "breaks" in data:
        edits.breaks = check_breaks(check, data.get("breaks"), data.line_of("breaks"))
    if "date" in data:
        value = check.mapping(data.get("date"), data.line_of("date"), "date", DATE_KEYS,
                              required=DATE_KEYS)
        if value and value.get("kind") not in DATE_KINDS:
            check.fail(value.line_of("kind"), f"date.kind must be one of {', '.join(DATE_KINDS)}")
        elif value:
            edits.date_kind = value["kind"]
    if "publication" in data:
        edits.publication = check.per_language(data.get("publication"),
                                               data.line_of("publication"), "publication")
    if "notes" in data:
        edits.notes = check_bilingual_notes(check, data.get("notes"), data.line_of("notes"),
                                            "notes")
    if "quotations" in data:
        edits.quotations = check_exemptions(check, data.get("quotations"),
                                            data.line_of("quotations"))
    return edits


def check_exemptions(check: Checker, value, line: int) -> list[QuotationExemption]:
    """`quotations: [{text, why: {zh, en}}, …]`: renderings kept different on purpose."""
    if not isinstance(value, list):
        check.fail(line, "quotations must be a list of entries with text and why")
        return []
    found = []
    for entry in value:
        entry = check.mapping(entry, getattr(entry, "line", line), "a quotation",
                              QUOTATION_KEYS, required=QUOTATION_KEYS)
        if not entry:
            continue
        text = check.text(entry.get("text"), entry.line_of("text"), "text")
        why = check.per_language(entry.get("why"), entry.line_of("why"), "why", optional=False)
        if text:
            found.append(QuotationExemption(text, why, entry.line))
    return found


def check_original(check: Checker, value, line: int) -> Original | None:
    """`original: {kind, from, note}`; `from` is needed, and must be another language, for
    every kind but `original`."""
    value = check.mapping(value, line, "original", ORIGINAL_KEYS, required=("kind",))
    if not value:
        return None
    kind = value.get("kind")
    if kind not in ORIGINAL_KINDS:
        check.fail(value.line_of("kind"), f"original.kind must be one of "
                                          f"{', '.join(ORIGINAL_KINDS)}")
        return None
    source = value.get("from")
    if kind == "original" and source is not None:
        check.fail(value.line_of("from"), "original.from is for a text made from another "
                                          "language; an `original` has none: remove it")
        return None
    if kind != "original" and source not in LANGUAGES:
        check.fail(value.line_of("from") if "from" in value else value.line,
                   f"original.from must be the language the {kind} was made from "
                   f"({', '.join(LANGUAGES)})")
        return None
    note = check.per_language(value.get("note"), value.line_of("note"), "original.note") \
        if "note" in value else {}
    return Original(kind, source, note, value.line)


def check_breaks(check: Checker, value, line: int) -> list[Break]:
    if not isinstance(value, list):
        check.fail(line, "breaks must be a list of entries with after (and optionally "
                         "paragraph)")
        return []
    breaks = []
    for entry in value:
        entry = check.mapping(entry, getattr(entry, "line", line), "a break", BREAK_KEYS,
                              required=("after",))
        if not entry:
            continue
        after = check.text(entry.get("after"), entry.line_of("after"), "after")
        paragraph = check.text(entry.get("paragraph"), entry.line_of("paragraph"),
                               "paragraph", optional=True)
        if after:
            breaks.append(Break(after, paragraph, entry.line))
    return breaks


def check_bilingual_notes(check: Checker, value, line: int, what: str) -> list[dict]:
    """A list of `{zh: …, en: …}` notes, both languages required."""
    if not isinstance(value, list) or not value:
        check.fail(line, f"{what} must be a list of notes, each {{zh: …, en: …}}")
        return []
    return [check.per_language(item, getattr(item, "line", line), what, optional=False)
            for item in value]


def check_translation_notes(check: Checker, value, line: int, language: str) -> list[dict]:
    """A translation entry's `notes`: each a text (in the translation's `language`, shown
    with the translation only) or `{zh: …, en: …}` (shown on both pages)."""
    if not isinstance(value, list) or not value:
        check.fail(line, "notes must be a list of translator's notes, each a text or "
                         "{zh: …, en: …}")
        return []
    notes = []
    for item in value:
        item_line = getattr(item, "line", line)
        if isinstance(item, str):
            text = check.text(item, item_line, "a note")
            if text:
                notes.append({language: text} if language in LANGUAGES else {})
        else:
            notes.append(check.per_language(item, item_line, "a note", optional=False))
    return notes
