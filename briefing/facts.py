"""What the corpus-wide stages read of each document, found once by the per-document
stages and kept in the cache with their work (issue 13).

A run that takes every document from the cache still builds every corpus page, and some
of what those pages show of a document depends on that document alone: the references
its text prints (before `link` gives them targets), the length of the text each
language's reader reads (the cards of the type pages), the uses of each glossary term (the
glossary's places), its figures as the figures pages show them, the fingerprint of its
text that the shared passages compare. Found anew on every run, they were a tenth of it at a thousand
documents; found with the document's work, they are read back with it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .link.passage_store import fingerprint
from .link.references import find_references
from .model import LANGUAGES, Corpus, Document, Reference


@dataclass
class Facts:
    """Of one document (or compilation)."""

    printed: list[Reference] = field(default_factory=list)  #: find_references
    lengths: dict[str, int] = field(default_factory=dict)  #: language -> reading_length
    #: glossary term id -> (its uses, the paragraph of the first), in order of first use
    terms: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: language -> the rows of the figures pages (briefing.render.corpus_pages.figure_rows)
    figures: dict[str, list[dict]] = field(default_factory=dict)
    #: what the shared passages read of it (briefing.link.passage_store.fingerprint)
    fingerprint: str = ""


def document_facts(doc: Document) -> Facts:
    """What the corpus-wide stages read of `doc` alone (see the module's docstring)."""
    # Here: briefing.render imports this module (its pages read the facts).
    from .render.corpus_pages import figure_rows

    terms: dict[str, tuple[int, str]] = {}
    for use in doc.terms:
        count, first = terms.get(use.term, (0, use.paragraph))
        terms[use.term] = (count + 1, first)
    return Facts(find_references(doc), {lang: reading_length(doc, lang) for lang in LANGUAGES},
                 terms, {lang: figure_rows(doc, lang) for lang in LANGUAGES} if doc.figures
                 else {}, fingerprint(doc))


def text_length(text: str, lang: str) -> int:
    """Characters (Chinese, white space not counted) or words (English).

    >>> text_length("发展 新质生产力。", "zh"), text_length("New quality forces.", "en")
    (8, 3)
    """
    if lang == "zh":
        return sum(map(len, text.split()))  # str.split's white space is re's `\s`
    return len(text.split())


def reading_length(doc: Document, lang: str) -> int:
    """`text_length` of the text a reader of `lang` reads (briefing.render.pages.
    reading_text: a current or stale translation, else the original), without making
    that text's entries: the type pages ask it of every document on every run."""
    if lang == doc.language:
        return sum(text_length(para.text, lang) for para in doc.paragraphs)
    total = 0
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        total += text_length(tr.text if tr and tr.state in ("current", "stale") else para.text,
                             lang)
    return total


def facts_of(corpus: Corpus, doc: Document) -> Facts:
    """`doc`'s facts as the per-document stages found them, or found now (a corpus made
    outside the pipeline has none)."""
    found = corpus.facts.get(doc.id)
    return found if found is not None else document_facts(doc)
