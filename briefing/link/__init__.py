"""Stage 6, link: cross-links between documents, each with the reason shown to readers.

* shared passages: the same wording in two documents, linked both ways, each side located
  (briefing.link.passages; kept between runs by briefing.link.passage_store);
* references: documents a text names in 《》 or quotes, linked to the corpus document that
  is or discusses them (briefing.link.references);
* related documents: ranked by shared themes and glossary terms.

They go through indexes (window -> places, theme or term -> documents), so the work grows
with the corpus, not with all pairs of documents.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..editorial import DocumentEdits
from ..errors import EditorialError, Problem
from ..model import Document, Link, Reference
from .passage_store import shared_passages
from .references import resolve

MAX_RELATED = 5
THEME_WEIGHT = 2
MIN_RELATED_SCORE = 5
MAX_POSTING = 200
COMMON_SHARE = 0.5


def link(documents: list[Document], edits: list[DocumentEdits] = (),
         printed: dict[str, list[Reference]] | None = None,
         prints: dict[str, str] | None = None) -> list[Document]:
    """Shared passages, references and related documents, with the editors' reference
    targets applied. (An article's compilation is its `parent`.) `printed` and `prints`:
    what find_references found in each document and its passage fingerprint, where the
    per-document stages kept them (briefing.facts)."""
    passages: dict[str, list[Link]] = defaultdict(list)
    for shared in shared_passages(documents, prints):  # from the store, where it can be
        passages[shared.a.document].append(Link(
            shared.b.document, "shared-passage", passage=shared.text_a,
            paragraph=shared.a.paragraph, target_paragraph=shared.b.paragraph))
        passages[shared.b.document].append(Link(
            shared.a.document, "shared-passage", passage=shared.text_b,
            paragraph=shared.b.paragraph, target_paragraph=shared.a.paragraph))
    related = apply_related_edits(documents, find_related(documents), edits)
    references = apply_reference_edits(documents, resolve(documents, printed), edits)
    linked = []
    for doc in documents:
        cited = [Link(r.target, "reference", f"{r.how}: {r.name}", passage=r.name,
                      paragraph=r.paragraph)
                 for r in references[doc.id] if r.target]
        linked.append(replace(doc, references=references[doc.id],
                              links=passages[doc.id] + cited + related[doc.id]))
    return linked


def apply_related_edits(documents: list[Document], related: dict[str, list[Link]],
                        edits: list[DocumentEdits]) -> dict[str, list[Link]]:
    """Editors add related documents (first, "related as the editors note") or remove
    ones; an id that is not a document fails naming the file and line."""
    known = {d.id for d in documents}
    problems = []
    for edit in edits:
        if edit.document_id not in known:
            continue
        for doc_id, line in edit.related_add + edit.related_remove:
            if doc_id not in known or doc_id == edit.document_id:
                problems.append(Problem(edit.path, line, f"related: {doc_id!r} is not another "
                                                         "document of the corpus (see "
                                                         "corpus.json for the ids)"))
        removed = {doc_id for doc_id, _ in edit.related_remove}
        added = [Link(doc_id, "related", "related, as the editors note")
                 for doc_id, _ in edit.related_add if doc_id in known]
        kept = [l for l in related[edit.document_id]
                if l.target not in removed and l.target not in {a.target for a in added}]
        related[edit.document_id] = added + kept
    if problems:
        raise EditorialError(problems)
    return related


def apply_reference_edits(documents: list[Document], references: dict[str, list[Reference]],
                          edits: list[DocumentEdits]) -> dict[str, list[Reference]]:
    """The editors' targets win. A name the document does not print, or a target that is
    not a document of the corpus, fails naming the editorial file and line."""
    by_id = {d.id: d for d in documents}
    problems = []
    for edit in edits:
        doc = by_id.get(edit.document_id)
        if doc is None:  # a compilation's own file: it has no references
            continue
        refs = references[doc.id]
        for ref_edit in edit.references:
            if ref_edit.target is not None and ref_edit.target not in by_id:
                problems.append(Problem(edit.path, ref_edit.line, (
                    f"reference target {ref_edit.target!r} is not a document id; "
                    "see corpus.json for the ids")))
                continue
            where = [r for r in refs if r.name == ref_edit.name] or [
                Reference(ref_edit.name, p.id, titled=False) for p in doc.paragraphs
                if ref_edit.name in p.text][:1]
            if not where:
                problems.append(Problem(edit.path, ref_edit.line, (
                    f"document {doc.id} does not print {ref_edit.name!r}; name a reference "
                    "as the text prints it")))
                continue
            how = "editorial" if ref_edit.target else None
            refs = [r for r in refs if r.name != ref_edit.name] + [
                replace(r, target=ref_edit.target, how=how) for r in where]
        references[doc.id] = sorted(refs, key=lambda r: int(r.paragraph[1:]))
    if problems:
        raise EditorialError(problems)
    return references


def find_related(documents: list[Document]) -> dict[str, list[Link]]:
    """Documents ranked by what they share: each theme counts THEME_WEIGHT, each glossary
    term one; a pair is related from MIN_RELATED_SCORE, at most MAX_RELATED per document.
    A term most documents use (`大模型` in a corpus about AI) says nothing about a pair: only
    terms found in at most COMMON_SHARE of the documents count.

    Candidates come from an index (feature -> documents). A theme or term carried by more
    than MAX_POSTING documents says little about any one of them, and walking its whole list
    for every document would make the work grow with the square of the corpus: such a
    feature only adds to the score of candidates found through rarer ones.
    """
    features = {d.id: feature_set(d) for d in documents}
    index: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        for feature in sorted(features[doc.id]):
            index[feature].append(doc.id)
    common = {f for f, ids in index.items()
              if f.startswith("term:") and len(ids) > COMMON_SHARE * len(documents)}
    features = {i: f - common for i, f in features.items()}
    # Themes and terms apart, so that a pair's score is two set intersections; the shared
    # names are listed only for the pairs kept.
    themes_of = {i: {f for f in fs if f.startswith("theme:")} for i, fs in features.items()}
    terms_of = {i: fs - themes_of[i] for i, fs in features.items()}
    related = {}
    for doc in documents:
        own = features[doc.id]
        own_themes, own_terms = themes_of[doc.id], terms_of[doc.id]
        candidates = {other for f in own if len(index[f]) <= MAX_POSTING for other in index[f]}
        candidates.discard(doc.id)
        scored = []
        for other in candidates:
            score = (THEME_WEIGHT * len(own_themes & themes_of[other])
                     + len(own_terms & terms_of[other]))
            if score >= MIN_RELATED_SCORE:
                scored.append((-score, other))
        links = []
        for _, other in sorted(scored)[:MAX_RELATED]:
            themes = sorted(f[len("theme:"):] for f in own_themes & themes_of[other])
            terms = sorted(f[len("term:"):] for f in own_terms & terms_of[other])
            links.append(Link(other, "related", related_note(themes, terms), themes, terms))
        related[doc.id] = links
    return related


def feature_set(doc: Document) -> set[str]:
    return {f"theme:{t}" for t in doc.themes} | {f"term:{u.term}" for u in doc.terms}


def related_note(themes: list[str], terms: list[str]) -> str:
    parts = []
    if themes:
        parts.append("shared themes: " + ", ".join(themes))
    if terms:
        parts.append("shared terms: " + ", ".join(terms))
    return "; ".join(parts)
