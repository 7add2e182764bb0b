"""Stage 5, curate: merge what editors wrote (`seeds/editorial/*.yml`) into the documents.

An editorial value always wins over what analysis found, and the page says which is which.
"""
from __future__ import annotations

from dataclasses import replace

from .editorial import DocumentEdits
from .errors import EditorialError, Problem
from .model import LANGUAGES, Document


def curate(documents: list[Document], edits: list[DocumentEdits]) -> list[Document]:
    """Documents with editorial values applied; an edit for an unknown document fails."""
    by_id = {e.document_id: e for e in edits}
    known = {d.id for d in documents}
    unknown = [Problem(e.path, None, f"there is no document {e.document_id!r}; rename the "
                                     "file after a document id (see corpus.json)")
               for e in edits if e.document_id not in known]
    if unknown:
        raise EditorialError(unknown)
    curated = []
    for doc in documents:
        title = dict(doc.title)
        origin = {lang: "seed" for lang in LANGUAGES if title.get(lang)}
        edit = by_id.get(doc.id)
        if edit:
            for lang in LANGUAGES:
                if edit.title.get(lang):
                    title[lang] = edit.title[lang]
                    origin[lang] = "editorial"
        curated.append(replace(doc, title=title, title_origin=origin,
                               editorial_path=edit.path if edit else None))
    return curated
