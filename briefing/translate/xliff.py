"""XLIFF 2.1 out and back, built and read with lxml (never string templates).

One `<file>` per document (its id), one `<unit>` per paragraph, id `p5-<source hash>`,
with one segment: the source as the reader sees it and the translation with its state
(`initial`, `translated`, `reviewed`; `final` reads as reviewed). Around it, what CAT tools
show: the glossary terms the paragraph uses (Glossary module, `gls:`), the memory's
translation candidates (Translation Candidates module, `mtc:`), and notes with the title,
the neighbouring paragraphs and, for a stale translation, the old source.

Why 2.1 rather than 1.2: the issue asks for 2.1's glossary entries and states, OmegaT (via
Okapi), Trados Studio and memoQ import 2.x, and translate-toolkit reads it (its Xliff2File),
which the tests use to read every exported file back. XLIFF 2.1 keeps 2.0's namespace;
`version="2.1"` says which.
"""
from __future__ import annotations

import re
import unicodedata
from lxml import etree

from .units import (INITIAL, REVIEWED, TRANSLATED, DocumentUnits, Refused, Returned, Unit,
                    rendering, unit_notes)

XLIFF = "urn:oasis:names:tc:xliff:document:2.0"
GLOSSARY = "urn:oasis:names:tc:xliff:glossary:2.0"
MATCHES = "urn:oasis:names:tc:xliff:matches:2.0"
VERSION = "2.1"
UNIT_ID = re.compile(r"(p[0-9]+)-([0-9a-f]{12})")
#: How each segment state of a returned file is read.
STATES = {"initial": INITIAL, "translated": TRANSLATED, "reviewed": REVIEWED,
          "final": REVIEWED}
RANK = {INITIAL: 0, TRANSLATED: 1, REVIEWED: 2}


def _x(name: str) -> str:
    return f"{{{XLIFF}}}{name}"


def _sub(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, tag, {k: v for k, v in attributes.items()
                                             if v is not None})
    element.text = text
    return element


def write_xliff(units: DocumentUnits, original: str) -> bytes:
    """The XLIFF 2.1 document of one document's units; `original` names its seed."""
    doc = units.document
    root = etree.Element(_x("xliff"), nsmap={None: XLIFF, "gls": GLOSSARY, "mtc": MATCHES},
                         version=VERSION, srcLang=units.source_language,
                         trgLang=units.target_language)
    file = _sub(root, _x("file"), id=doc.id, original=original)
    titles = [lang for lang in (units.source_language, units.target_language)
              if doc.title.get(lang)]
    if titles:  # a <notes> holds at least one note
        notes = _sub(file, _x("notes"))
        for lang in titles:
            _sub(notes, _x("note"), doc.title[lang], category="title", id=f"title-{lang}")
    for unit in units.units:
        _write_unit(file, unit, units.target_language)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _write_unit(file, unit: Unit, target_language: str) -> None:
    element = _sub(file, _x("unit"), id=f"{unit.paragraph}-{unit.hash}",
                   name=f"{unit.document}:{unit.paragraph}")
    # Module elements come first in a unit, then notes, then segments (XLIFF 2 core).
    if unit.suggestions:
        matches = _sub(element, f"{{{MATCHES}}}matches")
        n = 0
        for suggestion in unit.suggestions:
            for translation, pairs in suggestion.translations:
                n += 1
                match = _sub(matches, f"{{{MATCHES}}}match", id=f"m{n}", ref="#s1", type="tm",
                             subType=f"briefing:{suggestion.kind}",
                             origin=", ".join(dict.fromkeys(p.origin for p in pairs)),
                             similarity="100" if suggestion.kind == "paragraph" else None)
                _sub(match, _x("source"), suggestion.source)
                _sub(match, _x("target"), translation)
    if unit.terms:
        glossary = _sub(element, f"{{{GLOSSARY}}}glossary")
        for term in unit.terms:
            entry = _sub(glossary, f"{{{GLOSSARY}}}glossEntry")
            source_language = "en" if target_language == "zh" else "zh"
            _sub(entry, f"{{{GLOSSARY}}}term", rendering(term, source_language),
                 source="seeds/glossary.yml")
            _sub(entry, f"{{{GLOSSARY}}}translation", rendering(term, target_language))
            if term.note.get(target_language):
                _sub(entry, f"{{{GLOSSARY}}}definition", term.note[target_language])
    notes = [(category, text) for category, text in unit_notes(unit) if text]
    if notes:
        container = _sub(element, _x("notes"))
        for category, text in notes:
            _sub(container, _x("note"), text, category=category)
    segment = _sub(element, _x("segment"), id="s1", state=unit.state,
                   subState=f"briefing:{unit.why}" if unit.why else None)
    _sub(segment, _x("source"), unit.source)
    if unit.target:
        _sub(segment, _x("target"), unit.target)


# --- reading a returned file ----------------------------------------------------------------

def read_xliff(data: bytes, path: str) -> tuple[list[Returned], list[Refused]]:
    """The units of a returned XLIFF 2.x file, and what in it is refused."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise Refused(exc.lineno, f"is not well-formed XML: {exc.msg}") from None
    root = tree.getroot()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        line = data[:max(data.find(b"<!DOCTYPE"), 0)].count(b"\n") + 1
        raise Refused(line, "has a DOCTYPE; an XLIFF 2 file has none (entities are not read)")
    version = root.get("version", "")
    if root.tag != _x("xliff") or not version.startswith("2."):
        raise Refused(root.sourceline, (
            f"is not XLIFF 2 (root {etree.QName(root).localname!r}, version {version!r}); "
            "import the .xlf file that build.py export wrote, saved by the tool as XLIFF 2"))
    language = root.get("trgLang")
    returned, refused = [], []
    for file in root.iter(_x("file")):
        for unit in file.iter(_x("unit")):
            try:
                returned.append(_read_unit(unit, file.get("id"), language, path))
            except Refused as exc:
                refused.append(exc)
    return returned, refused


def _read_unit(unit, document: str | None, language: str | None, path: str) -> Returned:
    match = UNIT_ID.fullmatch(unit.get("id", ""))
    segments = [c for c in unit if c.tag in (_x("segment"), _x("ignorable"))]
    states, texts, line = [], [], unit.sourceline
    for part in segments:
        target = part.find(_x("target"))
        if part.tag == _x("segment"):
            states.append(STATES.get(part.get("state", "initial"), INITIAL))
            if target is None:
                states.append(INITIAL)
        if target is not None:
            line = target.sourceline
            texts.append(inline_text(target))
        elif part.tag == _x("ignorable") and part.find(_x("source")) is not None:
            texts.append(inline_text(part.find(_x("source"))))
    text = " ".join("".join(texts).split()) or None
    state = min(states, key=RANK.get) if states else INITIAL
    return Returned(path, line, document, match.group(1) if match else unit.get("id"),
                    match.group(2) if match else None, text, state, language)


def inline_text(element) -> str:
    """The text of a `<target>` (or `<source>`): `<cp/>` becomes its character and
    annotations (`<mrk>`, `<sm/>`, `<em/>`) their text; a code (`<ph/>`, `<pc>`, `<sc/>`,
    `<ec/>`) or any other element is refused, since the source is plain text and a code
    would stand for nothing (or for markup on the page)."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append(child.tail or "")
            continue
        name = etree.QName(child)
        if name.namespace == XLIFF and name.localname == "cp":
            parts.append(_code_point(child))
        elif name.namespace == XLIFF and name.localname == "mrk":
            parts.append(inline_text(child))
        elif not (name.namespace == XLIFF and name.localname in ("sm", "em")):
            raise Refused(child.sourceline, (
                f"the translation holds an inline code <{name.localname}>; the source is "
                "plain text, so it stands for nothing and could become markup on the page: "
                "remove it in the tool (or type the characters it shows)"))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(element) -> str:
    try:
        char = chr(int(element.get("hex", ""), 16))
    except (ValueError, OverflowError):
        raise Refused(element.sourceline, "<cp> needs hex, a Unicode code point") from None
    if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
        raise Refused(element.sourceline, (
            f"<cp hex={element.get('hex')!r}/> is a control character; a translation is "
            "text: remove it"))
    return char
