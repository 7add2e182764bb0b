"""The translation memory: every reviewed translation of the corpus, as pairs a translator
can reuse.

The corpus repeats itself: the same quotations of Xi Jinping and the same policy formulas
stand in several documents. A pair is kept for every reviewed paragraph, and for its
sentences and its quotations (“…”) when the translation has as many of them as the source
(then they are taken to correspond in order; where the counts differ nothing is guessed).

Sources are compared normalised, as the shared-passage index compares them
(briefing.link.passages): one token per Han character or Latin word, lower-cased, punctuation
and spaces ignored, Traditional already converted to Simplified. So “高质量发展是…首要任务”
with full-width or half-width punctuation is the same quotation.

A memory never translates: what it finds is offered as a suggestion (state `initial`,
never `translated`), naming where it comes from. When one source has two different
reviewed translations, both are offered and the pair is a conflict to settle.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..analyze.figures import sentence_spans
from ..model import Corpus, Document, other_language
from ..link.passages import tokens

#: Sentences and quotations shorter than this (in tokens: Han characters or Latin words)
#: are left out: “头雁” or a four-character formula is a term, for the glossary.
MIN_PART_TOKENS = 8
#: A whole paragraph this short (a heading such as “结语”) is not worth a suggestion.
MIN_PARAGRAPH_TOKENS = 4

#: A quotation: the text between curly (or, in English, straight) double quotes.
QUOTATION = re.compile(r"“([^“”]+)”|(?<![A-Za-z0-9])\"([^\"]+)\"(?![A-Za-z0-9])")


def normalise(text: str) -> str:
    """The form sources are compared in: tokens joined by spaces.

    >>> normalise("高质量发展，是硬道理!") == normalise("高质量发展是硬道理。")
    True
    >>> normalise("Large-Models, now")
    'large models now'
    """
    return " ".join(t for t, _, _ in tokens(text))


def sentences(text: str, language: str) -> list[str]:
    """The sentences of a paragraph, stripped (briefing.analyze.figures.sentence_spans).

    >>> sentences("第一句。第二句！", "zh")
    ['第一句。', '第二句！']
    """
    return [text[a:b].strip() for a, b in sentence_spans(text, language) if text[a:b].strip()]


def quotations(text: str) -> list[str]:
    """The quoted passages of a text, in order.

    >>> quotations('他说“高质量发展是首要任务”，又说"new"')
    ['高质量发展是首要任务', 'new']
    """
    return [(m.group(1) or m.group(2)).strip() for m in QUOTATION.finditer(text)]


@dataclass(frozen=True)
class Pair:
    """One reviewed source text and its translation, and where it stands."""

    kind: str  #: `paragraph`, `sentence` or `quotation`
    source_language: str
    source: str  #: as printed
    target: str
    document: str
    paragraph: str
    path: str | None = None  #: the translation file it comes from
    line: int | None = None  #: its entry's line there
    heading: bool = False  #: from a heading (translated in title case: never a conflict)

    @property
    def origin(self) -> str:
        return f"{self.document}:{self.paragraph}"


@dataclass
class Suggestion:
    """What the memory offers for one source text: each different translation with the
    places it comes from (more than one translation: a conflict)."""

    #: `paragraph` (the whole paragraph), `sentence` or `quotation` (found in it), or
    #: `context` (a quotation of it known inside a longer text: that text is `source`)
    kind: str
    source: str  #: the text the translations are of
    translations: list[tuple[str, list[Pair]]] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        """Two reviewed translations of one text (a context lists several texts: none)."""
        return self.kind != "context" and len(self.translations) > 1


def aligned_parts(source: str, target: str, language: str) -> list[tuple[str, str, str]]:
    """(kind, source part, target part): sentences and quotations of a translated
    paragraph, paired in order when source and translation have as many of each.

    >>> aligned_parts("他说“我们要推进高质量发展”。这是第二句话，也很长的。",
    ...               "He said “we must advance high-quality development”. A second one.", "zh")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('sentence', '他说“我们要推进高质量发展”。', 'He said “we must advance high-quality development”.'),
     ('sentence', '这是第二句话，也很长的。', 'A second one.'),
     ('quotation', '我们要推进高质量发展', 'we must advance high-quality development')]
    """
    parts = []
    for kind, split in (("sentence", sentences), ("quotation", None)):
        src = split(source, language) if split else quotations(source)
        tgt = split(target, other_language(language)) if split else quotations(target)
        if len(src) != len(tgt) or (kind == "sentence" and len(src) < 2):
            continue  # a paragraph of one sentence is its own pair already
        parts += [(kind, s, t) for s, t in zip(src, tgt)
                  if len(tokens(s)) >= MIN_PART_TOKENS]
    return parts


class Memory:
    """The reviewed pairs of a corpus, indexed by (source language, normalised source)."""

    def __init__(self, pairs: list[Pair]):
        self.pairs = pairs
        self.index: dict[tuple[str, str], list[Pair]] = defaultdict(list)
        for pair in pairs:
            self.index[(pair.source_language, normalise(pair.source))].append(pair)

    @classmethod
    def of(cls, corpus: Corpus) -> Memory:
        """Every reviewed, current translation of the corpus, with its parts."""
        pairs = []
        for doc in corpus.pages():
            for para in doc.paragraphs:
                tr = doc.translation.get(para.id)
                if not tr or tr.state != "current" or tr.provenance != "reviewed":
                    continue
                where = dict(document=doc.id, paragraph=para.id, path=doc.translation_path,
                             line=tr.line, heading=para.kind == "heading")
                pairs.append(Pair("paragraph", doc.language, para.text, tr.text, **where))
                pairs += [Pair(kind, doc.language, s, t, **where)
                          for kind, s, t in aligned_parts(para.text, tr.text, doc.language)]
        return cls(pairs)

    def lookup(self, text: str, language: str, exclude_document: str | None = None):
        """The different translations of `text` elsewhere, each with its places (the
        most used first, then in corpus order)."""
        return _by_target([p for p in self.index.get((language, normalise(text)), [])
                           if p.document != exclude_document])

    def suggestions(self, doc: Document, text: str) -> list[Suggestion]:
        """What the memory has for one paragraph of `doc`, from other documents only: the
        whole paragraph when it is known; else every known sentence, quotation or short
        paragraph that it contains (as the shared-passage index would find it), in the
        order they stand."""
        if len(tokens(text)) >= MIN_PARAGRAPH_TOKENS:
            whole = self.lookup(text, doc.language, doc.id)
            if whole:
                return [Suggestion("paragraph", text, whole)]
        here = f" {normalise(text)} "
        found = []
        for (language, key), pairs in self.index.items():
            if (language != doc.language or len(key.split()) < MIN_PART_TOKENS
                    or f" {key} " not in here):
                continue
            translations = self.lookup(pairs[0].source, language, doc.id)
            if translations:
                kind = "quotation" if pairs[0].kind == "quotation" else "sentence"
                found.append((here.index(f" {key} "), Suggestion(kind, pairs[0].source,
                                                                 translations)))
        covered = {normalise(s.source) for _, s in found}
        for quote in quotations(text):
            key = normalise(quote)
            if len(key.split()) >= MIN_PART_TOKENS and key not in covered:
                covered.add(key)
                context = self.context(key, doc)
                if context:
                    found.append((here.find(f" {key} "), context))
        return [s for _, s in sorted(found, key=lambda f: f[0])]

    def context(self, key: str, doc: Document) -> Suggestion | None:
        """A quotation of `doc` known only inside a longer text elsewhere (a sentence that
        goes on past it): the shortest such texts and their translations, for the
        translator to take the rendering from (a concordance, as CAT tools call it)."""
        holders = [pairs for (language, other), pairs in self.index.items()
                   if language == doc.language and other != key and f" {key} " in f" {other} "
                   and any(p.document != doc.id for p in pairs)]
        if not holders:
            return None
        holders.sort(key=lambda pairs: len(pairs[0].source))
        translations = [item for pairs in holders[:3]
                        for item in self.lookup(pairs[0].source, doc.language, doc.id)]
        return Suggestion("context", holders[0][0].source, translations) if translations else None

    def conflicts(self) -> list[tuple[str, list[tuple[str, list[Pair]]]]]:
        """Sources with two or more different reviewed translations in the corpus:
        (source as first printed, [(translation, places), …])."""
        found = []
        for pairs in self.index.values():
            translations = _by_target([p for p in pairs if not p.heading])
            if len(translations) > 1:
                found.append((pairs[0].source, sorted(translations,
                                                      key=lambda t: t[1][0].origin)))
        return sorted(found, key=lambda c: c[1][0][1][0].origin)


def _by_target(pairs: list[Pair]) -> list[tuple[str, list[Pair]]]:
    """Pairs grouped by translation, the most used first: translations that differ only
    in case, spacing or punctuation are one (a quotation inside a sentence starts in lower
    case), printed as first found."""
    groups: dict[str, tuple[str, list[Pair]]] = {}
    for pair in pairs:
        groups.setdefault(normalise(pair.target), (" ".join(pair.target.split()), []))[1] \
            .append(pair)
    return sorted(groups.values(), key=lambda item: -len({p.origin for p in item[1]}))


def write_tmx(memory: Memory) -> bytes:
    """Every pair of the memory as TMX 1.4 (translate-toolkit's tmxfile): one `<tu>` per
    pair, with its kind and origin as properties and a note, so a CAT tool can name where
    a match comes from."""
    from lxml import etree
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="zh")
    for pair in memory.pairs:
        target_language = other_language(pair.source_language)
        store.addtranslation(pair.source, pair.source_language, pair.target, target_language,
                             comment=f"{pair.kind} of {pair.origin}, reviewed")
        unit = store.units[-1]
        unit.xmlelement.set("srclang", pair.source_language)
        for position, (kind, value) in enumerate((("x-briefing-origin", pair.origin),
                                                  ("x-briefing-kind", pair.kind))):
            prop = etree.Element("prop", type=kind)  # TMX: props and notes before tuv
            prop.text = value
            unit.xmlelement.insert(position, prop)
    # The pairs go both ways (Chinese originals, English ones): no single source language.
    store.document.getroot().find("header").set("srclang", "*all*")
    return bytes(store)
