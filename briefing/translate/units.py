"""What a translator is given for one document: a unit per paragraph, in both formats.

A unit is keyed by the document id, the paragraph id and the hash of the source paragraph
(briefing.model.source_hash): the hash is what the import checks, so a translation made
from a text that has changed since is never applied to the new text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Corpus, Document, Paragraph, Term, other_language, source_hash
from .memory import Memory, Suggestion

#: Unit states, as XLIFF 2 names them; PO says `fuzzy` for `initial` with a text.
INITIAL, TRANSLATED, REVIEWED = "initial", "translated", "reviewed"
#: The provenance a state gives in the translation file, and back.
PROVENANCE = {TRANSLATED: "editor", REVIEWED: "reviewed"}
STATE_OF = {"editor": TRANSLATED, "reviewed": REVIEWED}


@dataclass
class Unit:
    """One paragraph for the translator."""

    document: str
    paragraph: str
    hash: str  #: of the source text below
    source: str  #: as the reader sees it (cleaned, errata applied)
    target: str | None  #: the current translation, a stale one, or a suggestion
    state: str  #: `initial`, `translated` or `reviewed`
    why: str | None = None  #: for `initial` with a target: `stale` or `suggested`
    old_source: str | None = None  #: for `stale`: the text it was translated from
    old_hash: str | None = None
    before: str | None = None  #: the neighbouring paragraphs, for context
    after: str | None = None
    kind: str = "text"  #: `text` or `heading`
    seed_line: int | None = None  #: where the paragraph starts in its seed
    terms: list[Term] = field(default_factory=list)  #: glossary terms the source uses
    suggestions: list[Suggestion] = field(default_factory=list)


@dataclass
class DocumentUnits:
    """The units of one document and what the file says about it."""

    document: Document
    source_language: str
    target_language: str
    units: list[Unit]


def document_units(corpus: Corpus, doc: Document, memory: Memory | None,
                   only: tuple[str, ...] = ()) -> DocumentUnits:
    """Every paragraph of `doc` as a unit; with `only` (`missing`, `stale`), just those
    whose translation is in one of these states (context still comes from all)."""
    terms = _terms_by_paragraph(doc, corpus.glossary)
    units = []
    for n, para in enumerate(doc.paragraphs):
        tr = doc.translation.get(para.id)
        state = tr.state if tr else "missing"
        if only and state not in only:
            continue
        unit = Unit(doc.id, para.id, source_hash(para.text), para.text, None, INITIAL,
                    before=doc.paragraphs[n - 1].text if n else None,
                    after=doc.paragraphs[n + 1].text if n + 1 < len(doc.paragraphs) else None,
                    kind=para.kind, seed_line=para.lines[0], terms=terms.get(para.id, []))
        if state == "current":
            unit.target, unit.state = tr.text, STATE_OF[tr.provenance]
        else:
            unit.suggestions = memory.suggestions(doc, para.text) if memory else []
            if state == "stale":
                unit.target, unit.why, unit.old_hash = tr.text, "stale", tr.source
                unit.old_source = old_source(para, tr.source)
            elif unit.suggestions and unit.suggestions[0].kind == "paragraph":
                unit.target, unit.why = unit.suggestions[0].translations[0][0], "suggested"
        units.append(unit)
    return DocumentUnits(doc, doc.language, other_language(doc.language), units)


def old_source(para: Paragraph, old_hash: str) -> str | None:
    """The text a stale translation was made from, when the change was an erratum (the
    text before one or all corrections hashes to `old_hash`); None when it cannot be
    known (the seed itself changed: the translation file keeps only the hash)."""
    def undo(corrections) -> str:
        text = para.text
        for c in sorted(corrections, key=lambda c: -c.start):
            text = text[:c.start] + c.original + text[c.end:]
        return text

    for candidate in [para.corrections] + [[c] for c in para.corrections]:
        if candidate and source_hash(undo(candidate)) == old_hash:
            return undo(candidate)
    return None


def _terms_by_paragraph(doc: Document, glossary: list[Term]) -> dict[str, list[Term]]:
    """The glossary terms each paragraph uses (analysis found them; editors' removals
    applied), each once, in text order."""
    by_id = {t.id: t for t in glossary}
    found: dict[str, list[Term]] = {}
    for use in doc.terms:
        term = by_id.get(use.term)
        if term and term not in found.setdefault(use.paragraph, []):
            found[use.paragraph].append(term)
    return found


def unit_notes(unit: Unit) -> list[tuple[str, str | None]]:
    """(category, text) of the notes a translator sees beside the unit."""
    notes = [("context-before", unit.before), ("context-after", unit.after)]
    if unit.kind == "heading":
        notes.append(("format", "a heading"))
    if unit.why == "stale":
        notes.append(("stale", (
            f"the source changed since this translation was made (source {unit.old_hash}, "
            f"now {unit.hash}): update it to the new source, then mark it translated. "
            + (f"The old source: {unit.old_source}" if unit.old_source else
               "The old source text is not kept (the seed changed); compare with the "
               "translation."))))
    for suggestion in unit.suggestions:
        places = "; ".join(f"{', '.join(dict.fromkeys(p.origin for p in pairs))}"
                           for _, pairs in suggestion.translations)
        prefix = {"paragraph": "the whole paragraph",
                  "context": "a quotation of it inside"}.get(suggestion.kind, f"a {suggestion.kind}")
        text = f"memory: {prefix} is translated (reviewed) in {places}"
        if suggestion.conflict:
            text += ("; CONFLICT: these reviewed translations differ, choose one and make "
                     "the others agree")
        notes.append(("memory", text))
    return notes


def rendering(term: Term, language: str) -> str:
    """A term in `language` (the glossary's rendering, not a variant)."""
    return term.zh if language == "zh" else term.en


# --- what comes back -------------------------------------------------------------------

@dataclass
class Returned:
    """One unit of a file a translator sends back."""

    path: str
    line: int
    document: str | None
    paragraph: str | None  #: None: the unit id is not one of ours
    hash: str | None
    target: str | None
    state: str
    language: str | None  #: the file's target language


class Refused(Exception):
    """A unit (or file) that cannot be imported: (line, message)."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message
