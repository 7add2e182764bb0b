"""Stage 5, curate: merge what editors wrote (`seeds/editorial/*.yml`) into the documents.

An editorial value always wins over what analysis found, and the page says which is which:
titles supplied by editors are labelled, errata are shown as editorial corrections.
"""
from __future__ import annotations

from dataclasses import replace

from .editorial import DocumentEdits
from .errors import EditorialError, Problem
from .model import LANGUAGES, Correction, Document, Paragraph, Theme
from .script import TO_SIMPLIFIED, convert


def correct(documents: list[Document], edits: list[DocumentEdits]) -> list[Document]:
    """Apply the errata: they correct the source text, so they run before analysis (figures,
    dates and passages are then read from the corrected text). An editorial file for an
    unknown document, or an erratum whose text is gone, fails naming file and line."""
    known = {d.id for d in documents}
    unknown = [Problem(e.path, None, f"there is no document {e.document_id!r}; rename the "
                                     "file after a document id (see corpus.json)")
               for e in edits if e.document_id not in known]
    if unknown:
        raise EditorialError(unknown)
    by_id = {e.document_id: e for e in edits}
    corrected, problems = [], []
    for doc in documents:
        edit = by_id.get(doc.id)
        if edit and edit.errata:
            paragraphs, errata_problems = apply_errata(doc, edit)
            problems.extend(errata_problems)
            doc = replace(doc, paragraphs=paragraphs)
        corrected.append(doc)
    if problems:
        raise EditorialError(problems)
    return corrected


def curate(documents: list[Document], edits: list[DocumentEdits],
           themes: list[Theme]) -> list[Document]:
    """Documents with the editors' titles and theme changes applied (errata: `correct`);
    an unknown theme id fails, naming the editorial file and line."""
    by_id = {e.document_id: e for e in edits}
    curated, problems = [], []
    for doc in documents:
        title = dict(doc.title)
        origin = {lang: "seed" for lang in LANGUAGES if title.get(lang)}
        edit = by_id.get(doc.id)
        if edit:
            for lang in LANGUAGES:
                if edit.title.get(lang):
                    title[lang] = edit.title[lang]
                    origin[lang] = "editorial"
        doc_themes, scores = doc.themes, doc.theme_scores
        if edit:
            doc_themes, scores, theme_problems = apply_theme_edits(doc, edit, themes)
            problems.extend(theme_problems)
        curated.append(replace(doc, title=title, title_origin=origin,
                               printed_title=doc.title.get(doc.language),
                               themes=doc_themes, theme_scores=scores,
                               editorial_path=edit.path if edit else None))
    if problems:
        raise EditorialError(problems)
    return curated


def apply_theme_edits(doc: Document, edit: DocumentEdits, themes: list[Theme]):
    """Remove, then add themes as the editor says; an id not in the taxonomy is an error."""
    known = [t.id for t in themes]
    problems = [Problem(edit.path, line, f"unknown theme id {theme_id!r}; valid ids: "
                                         f"{', '.join(known) or '(none: seeds/themes.yml is missing)'}")
                for theme_id, line in edit.themes_add + edit.themes_remove
                if theme_id not in known]
    removed = {t for t, _ in edit.themes_remove}
    result = [t for t in doc.themes if t not in removed]
    result += [t for t, _ in edit.themes_add if t not in result and t in known]
    scores = {t: doc.theme_scores.get(t, 0) for t in result}
    return result, scores, problems


def apply_errata(doc: Document, edit: DocumentEdits) -> tuple[list[Paragraph], list[Problem]]:
    """Apply each erratum where its `find` text stands; a text that no longer occurs (or
    occurs more than once, with no paragraph named) is an error: the source changed and the
    correction must be looked at again, never applied somewhere else."""
    to_simplified = TO_SIMPLIFIED.get(doc.script)
    paragraphs = list(doc.paragraphs)
    problems = []
    for erratum in edit.errata:
        find = convert(erratum.find, to_simplified)
        new = convert(erratum.replace, to_simplified)
        places = [(i, p) for i, p in enumerate(paragraphs)
                  if erratum.paragraph in (None, p.id) and find in p.text]
        count = sum(p.text.count(find) for _, p in places)
        if count != 1:
            where = f" in paragraph {erratum.paragraph}" if erratum.paragraph else ""
            problems.append(Problem(edit.path, erratum.line, (
                f"erratum text {erratum.find!r} occurs {count} times{where} in document "
                f"{doc.id}; " + ("the source no longer has it: update or remove the erratum"
                                 if count == 0 else "name the paragraph (paragraph: pN)"))))
            continue
        index, para = places[0]
        start = para.text.index(find)
        shift = len(new) - len(find)
        kept = [c if c.end <= start else replace(c, start=c.start + shift, end=c.end + shift)
                for c in para.corrections]
        traditional = para.traditional
        if traditional is not None:
            traditional = traditional.replace(erratum.find, erratum.replace, 1) \
                if erratum.find in traditional else traditional
        paragraphs[index] = replace(
            para, text=para.text[:start] + new + para.text[start + len(find):],
            traditional=traditional,
            corrections=sorted(kept + [Correction(start, start + len(new), find, erratum.note)],
                               key=lambda c: c.start))
    return paragraphs, problems
