"""The provenance report: per document, what the cleaner changed and what it flagged.

Each line starts with `file:line` (the raw seed's line), so an editor can jump to it. A
change that belongs to no document (site chrome, a table of contents) is listed under its
seed.
"""
from __future__ import annotations

from .errors import display_path
from .model import Corpus, Document
from .script import convert


def report_lines(corpus: Corpus, flags_only: bool = False) -> list[str]:
    lines: list[str] = []
    pages = corpus.pages()
    for cleaned in corpus.cleaned:
        seed = cleaned.seed
        where = display_path(seed.path)
        docs = [d for d in pages if d.source == seed.name]
        owners = {}
        for doc in docs:
            for first, last in spans(doc):
                for line in range(first, last + 1):
                    owners.setdefault(line, doc.id)
        conversion = f", converted with OpenCC {cleaned.conversion}" if cleaned.conversion else ""
        lines.append(f"== {where}: {seed.encoding}, {seed.script}{conversion}; "
                     f"{len(cleaned.changes)} changes, {len(cleaned.flags)} flagged")
        for doc_id in [d.id for d in docs] + [None]:
            changes = [] if flags_only else [c for c in cleaned.changes
                                             if owners.get(c.line) == doc_id]
            flags = [f for f in cleaned.flags if owners.get(f.line) == doc_id]
            if not changes and not flags:
                continue
            lines.append(f"-- {doc_id}" if doc_id else "-- (outside the documents: page "
                         "furniture, contents, masthead)")
            doc = next((d for d in docs if d.id == doc_id), None)
            for flag in flags:
                fixed = corrected_by(doc, convert(flag.span, cleaned.conversion)) if doc else None
                lines.append(f"{where}:{flag.line}: flagged {flag.kind}: {flag.span!r} in "
                             f"{flag.context!r}" + (f" (corrected by an erratum in "
                                                    f"{doc.editorial_path})" if fixed else ""))
            for change in changes:
                lines.append(f"{where}:{change.line}: {change.fixer}: {change.before!r} -> "
                             f"{change.after!r}")
    return lines


def spans(doc: Document) -> list[tuple[int, int]]:
    """The raw line ranges a document was made from (text, notes, metadata lines)."""
    return [p.lines for p in doc.paragraphs] + [n.lines for n in doc.notes] + [
        (b.first_line, b.last_line) for b in doc.metadata_lines]


def corrected_by(doc: Document, span: str) -> bool:
    """Whether an erratum of the document covers this flagged span."""
    return any(span in c.original or c.original in span
               for p in doc.paragraphs for c in p.corrections)
