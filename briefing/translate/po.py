"""PO out and back, written and read with translate-toolkit (Poedit, Weblate, Lokalize).

One entry per paragraph: `msgctxt` is `<document>:<paragraph>:<source hash>`, `msgid` the
source as the reader sees it, `msgstr` the translation. PO has one state besides
translated, `fuzzy`: a suggestion or a stale translation is fuzzy (and the old source of a
stale one is its `#| msgid`, as gettext's msgmerge writes it), so it is never taken for a
translation. A reviewed translation carries the flag `reviewed` (`#, reviewed`); a
translated entry without it comes back as `editor`. Notes (`#.`) hold the title, the
neighbouring paragraphs, the glossary terms and what the memory offers.
"""
from __future__ import annotations

import re

from translate.storage import pypo

from .units import (INITIAL, REVIEWED, TRANSLATED, DocumentUnits, Refused, Returned, rendering,
                    unit_notes)

CONTEXT = re.compile(r"(?P<document>[^:\s]+):(?P<paragraph>p[0-9]+):(?P<hash>[0-9a-f]{12})")
REVIEWED_FLAG = "reviewed"


def write_po(units: DocumentUnits, original: str) -> bytes:
    """The PO file of one document's units; `original` names its seed."""
    doc = units.document
    po = pypo.pofile(noheader=True)
    header = po.makeheader(charset="UTF-8", encoding="8bit", project_id_version=doc.id,
                           pot_creation_date="", po_revision_date="", last_translator="",
                           language_team="", Language=units.target_language,
                           X_Source_Language=units.source_language, X_Generator="briefing")
    header.markfuzzy(False)
    for lang in (units.source_language, units.target_language):
        if doc.title.get(lang):
            header.addnote(f"title ({lang}): {doc.title[lang]}", origin="translator")
    header.addnote(f"source: {original}", origin="translator")
    po.addunit(header)
    for unit in units.units:
        entry = po.addsourceunit(unit.source)
        entry.setcontext(f"{unit.document}:{unit.paragraph}:{unit.hash}")
        if unit.seed_line:
            entry.addlocation(f"{original}:{unit.seed_line}")
        for category, text in unit_notes(unit):
            if text:
                entry.addnote(f"{category}: {text}", origin="developer")
        for term in unit.terms:
            entry.addnote(f"glossary: {rendering(term, units.source_language)} = "
                          f"{rendering(term, units.target_language)}"
                          + (f" ({term.note[units.target_language]})"
                             if term.note.get(units.target_language) else ""),
                          origin="developer")
        for suggestion in unit.suggestions:
            if suggestion.kind != "paragraph":  # the whole paragraph is the fuzzy msgstr
                for translation, pairs in suggestion.translations:
                    entry.addnote(f"memory ({suggestion.kind}, {pairs[0].origin}): "
                                  f"{suggestion.source} = {translation}", origin="developer")
        if unit.target:
            entry.target = unit.target
        if unit.why == "stale" and unit.old_source:
            entry.prev_source = unit.old_source
        if unit.why:
            entry.markfuzzy()
        elif unit.state == REVIEWED:
            entry.settypecomment(REVIEWED_FLAG)
    return bytes(po)


def read_po(data: bytes, path: str) -> tuple[list[Returned], list[Refused]]:
    """The entries of a returned PO file, and what in it is refused."""
    try:
        po = pypo.pofile(data)
    except Exception as exc:  # translate-toolkit raises ValueError and others: all a bad file
        raise Refused(None, f"is not a PO file translate-toolkit can read ({exc})") from None
    language = (po.parseheader() or {}).get("Language") or None
    lines = _entry_lines(data)
    if len(lines) != len(po.units):  # an entry shape this reading does not know
        lines = [None] * len(po.units)
    returned, refused = [], []
    for entry, line in zip(po.units, lines):
        if entry.isheader() or entry.isobsolete():
            continue
        context = entry.getcontext() or ""
        match = CONTEXT.fullmatch(context)
        if not match:
            refused.append(Refused(line, (
                f"entry {context or entry.source[:30]!r} has no context "
                "<document>:<paragraph>:<hash>; only entries build.py export wrote can be "
                "imported (keep msgctxt as it is)")))
            continue
        text = " ".join((entry.target or "").split()) or None
        if entry.isfuzzy() or not text:
            state = INITIAL
        else:
            state = REVIEWED if entry.hastypecomment(REVIEWED_FLAG) else TRANSLATED
        returned.append(Returned(path, line, match["document"], match["paragraph"],
                                 match["hash"], text, state, language))
    return returned, refused


def _entry_lines(data: bytes) -> list[int]:
    """The first line of each entry of a PO file, in order (translate-toolkit keeps no
    lines): its `msgctxt`, or its `msgid` when it has none; obsolete ones (`#~`) too."""
    starts, after_context = [], False
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        line = line.removeprefix("#~").lstrip() if line.startswith("#~") else line
        if line.startswith("msgctxt "):
            starts.append(number)
            after_context = True
        elif line.startswith("msgid "):
            if not after_context:
                starts.append(number)
            after_context = False
    return starts
