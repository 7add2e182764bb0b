"""Theme tagging (part of stage `analyze`): which themes of the taxonomy a document carries,
how strongly, and the sentences that carry each one.

A phrase that signals a theme turns up now and then in any long text (`安全`, `人才`), so a
bare count tags a long Chinese text with almost every theme. A theme is therefore tagged by
*density*: its phrases must occur often for the document's length, and only a document's
densest themes are kept. A phrase in the title counts as evidence of what the whole text is
about. Every tag comes with its evidence (the phrases found and the sentences holding the
most of them), shown on the theme pages so a reader can judge it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import sentence_spans
from ..model import Document, Theme, ThemeEvidence

#: A theme is tagged when its phrases occur at least MIN_HITS times and at least DENSITY times
#: per CHARS_PER_UNIT characters of text (English takes about three times the characters of
#: Chinese to say the same); at most MAX_THEMES per document, densest first.
MIN_HITS = 3
DENSITY = 2.0
CHARS_PER_UNIT = {"zh": 1000, "en": 3000}
MAX_THEMES = 6
#: A theme whose phrase stands in the title is tagged with this many hits in all (the title's
#: included), whatever the density: the title says what the document is about.
MIN_HITS_WITH_TITLE = 2
#: Sentences kept as evidence per theme and document.
EVIDENCE_SENTENCES = 2


@dataclass
class ThemeScore:
    theme: str
    hits: int
    density: float
    in_title: bool


def tag_themes(doc: Document, themes: list[Theme]) -> tuple[list[str], dict[str, int],
                                                           dict[str, list[ThemeEvidence]]]:
    """The document's themes (densest first), and the hit counts and evidence of every theme
    with any hit (an editor may add a theme analysis did not tag: its count and evidence
    are kept for it; `curate` keeps the counts of the final themes only)."""
    title = doc.title.get(doc.language) or ""
    body = [p.text for p in doc.paragraphs]
    length = max(len(title) + sum(map(len, body)), 1)
    scores = [score_theme(theme, title, body, doc.language, length) for theme in themes]
    scores = [s for s in scores if s.hits]
    tagged = [s for s in scores if is_tagged(s)]
    tagged.sort(key=lambda s: (-s.in_title, -s.density, s.theme))
    kept = tagged[:MAX_THEMES]
    evidence = {s.theme: find_evidence(doc, next(t for t in themes if t.id == s.theme))
                for s in scores}
    return [s.theme for s in kept], {s.theme: s.hits for s in scores}, evidence


def is_tagged(score: ThemeScore) -> bool:
    """Dense enough, or named in the title and found again.

    >>> is_tagged(ThemeScore("x", hits=3, density=2.5, in_title=False))
    True
    >>> is_tagged(ThemeScore("x", hits=3, density=0.6, in_title=False))
    False
    >>> is_tagged(ThemeScore("x", hits=2, density=0.6, in_title=True))
    True
    """
    if score.in_title:
        return score.hits >= MIN_HITS_WITH_TITLE
    return score.hits >= MIN_HITS and score.density >= DENSITY


def score_theme(theme: Theme, title: str, body: list[str], language: str,
                length: int) -> ThemeScore:
    phrases = theme.phrases.get(language, [])
    hits = count_hits("\n".join([title] + body), phrases, language)
    return ThemeScore(theme.id, hits, round(hits * CHARS_PER_UNIT[language] / length, 2),
                      count_hits(title, phrases, language) > 0)


def count_hits(text: str, phrases: list[str], language: str) -> int:
    """Occurrences of any of the phrases, a stretch of text counted once: `人形机器人` is one
    hit, not one for `人形机器人` and one for `机器人`.

    >>> count_hits("人形机器人和工业机器人", ["人形机器人", "机器人"], "zh")
    2
    >>> count_hits("Large models and a large model.", ["large model", "large models"], "en")
    2
    """
    return len(_pattern(tuple(phrases), language).findall(text)) if phrases else 0


_PATTERNS: dict[tuple, re.Pattern] = {}


def _pattern(phrases: tuple[str, ...], language: str) -> re.Pattern:
    """One pattern for a set of phrases, longest first: as is in Chinese, whole words in any
    case in English."""
    key = (phrases, language)
    if key not in _PATTERNS:
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        _PATTERNS[key] = re.compile(alternatives if language == "zh" else
                                    rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.I)
    return _PATTERNS[key]


def find_evidence(doc: Document, theme: Theme) -> list[ThemeEvidence]:
    """The sentences holding the most of a theme's phrases (earliest first on a tie), in
    text order."""
    pattern = _pattern(tuple(theme.phrases.get(doc.language, [])), doc.language)
    found = []
    for para in doc.paragraphs:
        if para.kind != "text":
            continue
        for start, end in sentence_spans(para.text, doc.language):
            sentence = para.text[start:end]
            matches = pattern.findall(sentence)
            if matches:
                found.append((len(matches), para, sentence.strip(), matches))
    order = {id(f): n for n, f in enumerate(found)}
    best = sorted(found, key=lambda f: (-f[0], order[id(f)]))[:EVIDENCE_SENTENCES]
    best.sort(key=lambda f: order[id(f)])
    return [ThemeEvidence(para.id, sentence, sorted(set(matches), key=matches.index))
            for _, para, sentence, matches in best]
