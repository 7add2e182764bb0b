"""Stage 5, curate: merge what editors wrote (`seeds/editorial/*.yml`) into the documents.

An editorial value always wins over what analysis found, and the page says which is which:
titles supplied by editors are labelled, errata are shown as editorial corrections.
"""
from __future__ import annotations

from dataclasses import replace

from .edition.breaks import apply_breaks
from .editorial import DocumentEdits, TranslationFile
from .errors import EditorialError, Problem
from .model import (LANGUAGES, Correction, Document, Paragraph, ParagraphTranslation, Review,
                    Term, Theme, source_hash)
from .script import TO_SIMPLIFIED, convert


def correct(documents: list[Document], edits: list[DocumentEdits]) -> list[Document]:
    """Apply the errata: they correct the source text, so they run before analysis (figures,
    dates and passages are then read from the corrected text). An editorial file for an
    unknown document, or an erratum whose text is gone, fails naming file and line."""
    unknown = unknown_documents({d.id for d in documents}, edits)
    if unknown:
        raise EditorialError(unknown)
    by_id = {e.document_id: e for e in edits}
    corrected, problems = [], []
    for doc in documents:
        edit = by_id.get(doc.id)
        if edit and edit.edition.breaks:
            paragraphs, break_problems = apply_breaks(doc, edit.path, edit.edition.breaks)
            problems.extend(break_problems)
            doc = replace(doc, paragraphs=paragraphs)
        if edit and edit.errata:
            paragraphs, errata_problems = apply_errata(doc, edit)
            problems.extend(errata_problems)
            doc = replace(doc, paragraphs=paragraphs)
        corrected.append(doc)
    if problems:
        raise EditorialError(problems)
    return corrected


def unknown_documents(known: set[str], files) -> list[Problem]:
    """An editorial or translation file named after no document of the corpus."""
    return [Problem(f.path, None, f"there is no document {f.document_id!r}; rename the file "
                                  "after a document id (see corpus.json)")
            for f in files if f.document_id not in known]


def curate(documents: list[Document], edits: list[DocumentEdits], themes: list[Theme],
           glossary: list[Term] = (), translations: list[TranslationFile] = ()) -> list[Document]:
    """Documents with the editors' titles, summaries, key points, questions, review status,
    theme and glossary changes and translations (errata: `correct`). An unknown theme or
    term id, or a translation file for no document, fails naming the file and line."""
    by_id = {e.document_id: e for e in edits}
    curated, problems = [], []
    for doc in documents:
        title = dict(doc.title)
        origin = {lang: "seed" for lang in LANGUAGES if title.get(lang)}
        edit = by_id.get(doc.id)
        if edit:
            for lang in LANGUAGES:
                # (A scaffold repeats the printed title: that is still the seed's.)
                if edit.title.get(lang) and edit.title[lang] != title.get(lang):
                    title[lang] = edit.title[lang]
                    origin[lang] = "editorial"
        doc_themes = doc.themes
        scores = {t: doc.theme_scores[t] for t in doc.themes if t in doc.theme_scores}
        if edit:
            doc_themes, scores, theme_problems = apply_theme_edits(doc, edit, themes)
            problems.extend(theme_problems)
        terms = doc.terms
        if edit and edit.terms_remove:
            terms, term_problems = apply_term_edits(doc, edit, glossary)
            problems.extend(term_problems)
        figures, events = doc.figures, doc.events
        if edit:
            figures, figure_problems = remove_found(doc, edit, "figure", doc.figures,
                                                    edit.figures_remove)
            events, event_problems = remove_found(doc, edit, "dated event", doc.events,
                                                  edit.events_remove)
            problems.extend(figure_problems + event_problems)
        curated.append(replace(
            doc, title=title, title_origin=origin, printed_title=doc.title.get(doc.language),
            themes=doc_themes, theme_scores=scores, terms=terms, figures=figures, events=events,
            editorial_path=edit.path if edit else None,
            summary=edit.summary if edit else {},
            # A scaffold's empty items are not shown.
            key_points=[i for i in edit.key_points if any(i.values())] if edit else [],
            questions=[i for i in edit.questions if any(i.values())] if edit else [],
            review=Review(edit.review.status, edit.review.reviewer, edit.review.date)
            if edit and edit.review else None,
            edition=edit.edition if edit else None))
    curated, translation_problems = attach_translations(curated, translations)
    problems.extend(translation_problems)
    if problems:
        raise EditorialError(problems)
    return curated


def apply_term_edits(doc: Document, edit: DocumentEdits, glossary: list[Term]):
    """Drop the uses of the terms an editor says the text does not use (a false match)."""
    known = [t.id for t in glossary]
    problems = [Problem(edit.path, line, f"unknown glossary term id {term_id!r}; valid ids: "
                                         f"{', '.join(known) or '(none: seeds/glossary.yml is missing)'}")
                for term_id, line in edit.terms_remove if term_id not in known]
    removed = {t for t, _ in edit.terms_remove}
    return [u for u in doc.terms if u.term not in removed], problems


def remove_found(doc: Document, edit: DocumentEdits, what: str, found: list, removals):
    """Drop the figures (or events) an editor says are not ones, named as printed; a text
    analysis did not find fails, naming the file and line (the source may have changed)."""
    printed = {item.text for item in found}
    problems = [Problem(edit.path, line, f"no {what} {text!r} was found in {doc.id}; found: "
                                         f"{', '.join(sorted(printed)) or 'none'}")
                for text, line in removals if text not in printed]
    removed = {text for text, _ in removals}
    return [item for item in found if item.text not in removed], problems


def attach_translations(documents: list[Document], files: list[TranslationFile]):
    """Each paragraph's translation, found by the hash of its current text: `current`; a
    translation made from an earlier text of the same paragraph is `stale` (shown as such,
    never as current); none is `missing`. Entries that match no paragraph are kept as
    orphans for `check` to list. A file for no document, or in the document's own language,
    is an error."""
    by_id = {d.id: d for d in documents}
    problems = unknown_documents(set(by_id), files)
    for f in files:
        doc = by_id.get(f.document_id)
        if doc is not None and f.language == doc.language:
            problems.append(Problem(f.path, 1, f"language is {f.language!r}, the language of "
                                               f"the original; a translation is into "
                                               f"{'en' if doc.language == 'zh' else 'zh'}"))
    files_by_doc = {f.document_id: f for f in files}
    result = []
    for doc in documents:
        f = files_by_doc.get(doc.id)
        entries = f.entries if f and f.language != doc.language else []
        by_hash = {e.source: e for e in entries if e.text}
        by_paragraph = {e.paragraph: e for e in entries if e.text}
        # Current translations first (a paragraph may have moved: p5 is now p6), then a
        # stale one for what is left, from an entry no paragraph has as current.
        current = {p.id: by_hash.get(source_hash(p.text)) for p in doc.paragraphs}
        used = {id(e) for e in current.values() if e}
        translation = {}
        for para in doc.paragraphs:
            entry, state = current[para.id], "current"
            if entry is None:
                entry, state = by_paragraph.get(para.id), "stale"
                if entry is not None and id(entry) in used:
                    entry = None
            if entry is None:
                translation[para.id] = ParagraphTranslation("missing")
            else:
                translation[para.id] = ParagraphTranslation(
                    state, entry.text, entry.provenance, entry.source, entry.line,
                    entry.notes)
                used.add(id(entry))
        orphans = [(e.paragraph, e.line) for e in entries if e.text and id(e) not in used]
        result.append(replace(doc, translation=translation, translation_orphans=orphans,
                              translation_path=f.path if f else None))
    return result, problems


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
