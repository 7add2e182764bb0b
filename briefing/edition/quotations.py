"""Quotation consistency: the same source sentence, printed in two documents, is translated
the same way in both, unless an editor records why not.

The corpus quotes itself: Xi Jinping's speech (002-…-a1) is quoted by the article after it
(a3), and policy formulas recur. A reader comparing pages should not find “new drivers of
growth” in one and “new growth drivers” in the other for the same words.

A source text here is a sentence of a paragraph, or a quotation (“…”) in it, of at least
MIN_CHARACTERS Han characters (Chinese) or letters (English), compared as the translation
memory compares sources (briefing.translate.memory.normalise: punctuation, spacing and case
ignored, Traditional converted with OpenCC t2s). Two places hold the same source text when
their normalised texts are equal, or when a quotation stands whole inside a sentence of the
other document. Each place's rendering is the part of its paragraph's translation aligned
with it (memory.aligned_parts: sentences and quotations paired in order when the counts
agree), or the whole translation of a paragraph that is that one sentence. Where both places
have a rendering they must be equal; where only one has, it must stand in the other's
paragraph translation. Where neither has, nothing can be said, and nothing is.

An editor who keeps two renderings on purpose writes, in either document's editorial file:

    quotations:
      - text: 绿色发展是高质量发展的底色   # the source text, as printed (either script)
        why: {zh: …, en: …}
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Corpus, Document
from ..script import convert
from ..translate.memory import aligned_parts, normalise, quotations, sentences

#: Shorter texts are terms and formulas: the glossary keeps those consistent.
MIN_CHARACTERS = 15


@dataclass(frozen=True)
class Place:
    """One source text where a document prints it, with its rendering if it is known."""

    key: str  #: the normalised source text
    text: str  #: as printed
    document: str
    paragraph: str
    rendering: str | None  #: its aligned translation; None: not alignable
    translation: str  #: the whole paragraph's translation
    path: str | None
    line: int | None
    quoted: bool = False  #: a quotation (“…”), not a whole sentence

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else f"{self.path}"


def key_of(text: str, language: str) -> str:
    """The normalised form of a source text (OpenCC t2s first, for Traditional quotes).

    >>> key_of("綠色發展，是高質量發展的底色", "zh") == key_of("绿色发展是高质量发展的底色。", "zh")
    True
    """
    return normalise(convert(text, "t2s") if language == "zh" else text)


def long_enough(key: str) -> bool:
    """At least MIN_CHARACTERS characters, spaces not counted.

    >>> long_enough(key_of("赢得全球科技竞争主动权", "zh"))
    False
    """
    return len(key.replace(" ", "")) >= MIN_CHARACTERS


def places_of(doc: Document) -> list[Place]:
    """Every long enough sentence and quotation of the document's text paragraphs that has
    a current translation, with its rendering where one can be aligned."""
    found = []
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        if para.kind != "text" or not tr or tr.state != "current":
            continue
        aligned = {key_of(s, doc.language): t
                   for _, s, t in aligned_parts(para.text, tr.text, doc.language)}
        whole = key_of(para.text, doc.language)
        sents = sentences(para.text, doc.language)
        for n, text in enumerate(sents + quotations(para.text)):
            key = key_of(text, doc.language)
            if not long_enough(key):
                continue
            rendering = aligned.get(key) or (tr.text if key == whole else None)
            found.append(Place(key, text, doc.id, para.id, rendering, tr.text,
                               doc.translation_path, tr.line,
                               n >= len(sents)))
    return found


def exemptions(corpus: Corpus) -> dict[str, set[str]]:
    """Per document, the normalised source texts its editors keep rendered differently."""
    return {doc.id: {key_of(q.text, doc.language) for q in doc.edition.quotations}
            for doc in corpus.pages() if doc.edition and doc.edition.quotations}


def stale_exemptions(corpus: Corpus) -> list[tuple[str | None, int | None, str]]:
    """Exemptions whose text the document no longer prints (the anchor is gone)."""
    found = []
    for doc in corpus.pages():
        if not doc.edition or not doc.edition.quotations:
            continue
        printed = f" {' '.join(key_of(p.text, doc.language) for p in doc.paragraphs)} "
        found += [(doc.editorial_path, q.line, (
            f"quotations: {doc.id} no longer prints {q.text!r}; update or remove the entry"))
            for q in doc.edition.quotations
            if f" {key_of(q.text, doc.language)} " not in printed]
    return found


def same_rendering(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def contains(translation: str, rendering: str) -> bool:
    """Whether a paragraph's translation holds a rendering (normalised, whole words)."""
    return f" {normalise(rendering)} " in f" {normalise(translation)} "


def inconsistencies(corpus: Corpus) -> list[tuple[Place, Place, str]]:
    """(place, other place, what differs) for each pair of documents that translate one
    source text differently, in corpus order; each pair once."""
    by_language: dict[str, list[Place]] = {}
    for doc in corpus.pages():
        by_language.setdefault(doc.language, []).extend(places_of(doc))
    exempt = exemptions(corpus)
    found, seen = [], set()
    for places in by_language.values():
        for a, b in candidate_pairs(places):
            if a.key in exempt.get(a.document, ()) or a.key in exempt.get(b.document, ()) \
                    or b.key in exempt.get(a.document, ()) or b.key in exempt.get(b.document, ()):
                continue
            problem = compare(a, b)
            pair = (a.document, a.paragraph, b.document, b.paragraph, a.key)
            if problem and pair not in seen:
                seen.add(pair)
                found.append((a, b, problem))
    return found


def candidate_pairs(places: list[Place]):
    """Pairs of places in different documents holding the same source text: equal keys,
    or a quotation's key standing whole in the other's."""
    by_key: dict[str, list[Place]] = {}
    for p in places:
        by_key.setdefault(p.key, []).append(p)
    for group in by_key.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.document != b.document:
                    yield a, b
    for quoted in (p for p in places if p.quoted):
        for other in places:
            if other.document != quoted.document and other.key != quoted.key and \
                    f" {quoted.key} " in f" {other.key} ":
                yield quoted, other


def compare(a: Place, b: Place) -> str | None:
    """What differs between two places' renderings of one source text; None: nothing.
    For a quotation `a` standing inside `b`'s sentence, only `a`'s rendering can be looked
    for in `b`'s translation (the sentence around it is translated as a whole)."""
    if a.key == b.key and a.rendering and b.rendering:
        if not same_rendering(a.rendering, b.rendering):
            return f"“{a.rendering}” here, “{b.rendering}” there"
        return None
    pairs = [(a, b), (b, a)] if a.key == b.key else [(a, b)]
    for known, other in pairs:
        if known.rendering and not contains(other.translation, known.rendering):
            return (f"“{known.rendering}” ({known.document} {known.paragraph}) is not in the "
                    f"translation of {other.paragraph} of {other.document}")
    return None


def quotation_findings(corpus: Corpus) -> list[tuple[str | None, int | None, str]]:
    """(file, line, message) for `check`: each inconsistency names both places."""
    return [(a.path, a.line, (
        f"{a.document} {a.paragraph} and {b.document} {b.paragraph} ({b.where()}) print the "
        f"same source text “{a.text if len(a.key) <= len(b.key) else b.text}” but translate "
        f"it differently: {problem}; make them the same, or record why under quotations: "
        f"in the editorial file of either document"))
        for a, b, problem in inconsistencies(corpus)] + stale_exemptions(corpus)
