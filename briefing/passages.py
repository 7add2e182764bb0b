"""Shared passages: the same wording in two documents, located on both sides.

A speech is quoted in a news report, a State Council text in an interpretation: readers
want to see where the same words travel. Passages are found across scripts and
punctuation widths: texts are compared as tokens (one Han character, or one Latin word,
lower-cased), Traditional already converted to Simplified, punctuation and spaces ignored.

The work grows with the size of the corpus, not with the number of document pairs: every
window of MIN_TOKENS tokens goes into one index (window -> places), and only windows found
in two or more documents are looked at. A window found in more than MAX_DOCUMENTS
documents is a stock phrase, not a quotation, and is left out (and so the number of pairs
it could make stays bounded).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .chardata import HAN
from .model import Document

#: A passage is at least this many tokens long (12 Chinese characters).
MIN_TOKENS = 12
#: A window shared by more documents than this is a stock phrase.
MAX_DOCUMENTS = 8

TOKEN = re.compile(rf"[{HAN}]|[A-Za-z0-9]+")


@dataclass(frozen=True)
class Place:
    """Where a run of tokens stands: document, paragraph, character span in its text."""

    document: str
    paragraph: str
    start: int
    end: int


@dataclass(frozen=True)
class SharedPassage:
    """The same wording in two documents (`a.document < b.document`)."""

    a: Place
    b: Place
    text_a: str  #: as printed in a
    text_b: str  #: as printed in b


def tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) of each Han character or Latin word, lower-cased.

    >>> [t for t, _, _ in tokens("“头雁”效应, Large-Models")]
    ['头', '雁', '效', '应', 'large', 'models']
    """
    return [(m.group(0).lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def find_shared_passages(documents: list[Document]) -> list[SharedPassage]:
    """Every maximal passage of MIN_TOKENS or more tokens that two documents share."""
    index: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    paragraphs = []  # (document id, paragraph, tokens)
    for doc in documents:
        for para in doc.paragraphs:
            toks = tokens(para.text)
            number = len(paragraphs)
            paragraphs.append((doc.id, para, toks))
            words = [t for t, _, _ in toks]
            for i in range(len(words) - MIN_TOKENS + 1):
                index[tuple(words[i:i + MIN_TOKENS])].append((number, i))
    # Runs of matching windows between two paragraphs at a constant offset are one passage.
    runs: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for places in index.values():
        documents_here = {paragraphs[p][0] for p, _ in places}
        if len(documents_here) < 2 or len(documents_here) > MAX_DOCUMENTS:
            continue
        for x, (pa, ia) in enumerate(places):
            for pb, ib in places[x + 1:]:
                if paragraphs[pa][0] == paragraphs[pb][0]:
                    continue
                if paragraphs[pa][0] > paragraphs[pb][0]:
                    pa, ia, pb, ib = pb, ib, pa, ia
                runs[(pa, pb, ib - ia)].append(ia)
    found = {_passage(paragraphs[pa], paragraphs[pb], first, last, shift)
             for (pa, pb, shift), starts in runs.items()
             for first, last in _consecutive(sorted(set(starts)))}
    return sorted(found, key=lambda s: (s.a.document, s.b.document, _number(s.a.paragraph),
                                        s.a.start, _number(s.b.paragraph), s.b.start))


def _consecutive(values: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]"""
    spans: list[list[int]] = []
    for v in values:
        if spans and spans[-1][1] == v - 1:
            spans[-1][1] = v
        else:
            spans.append([v, v])
    return [(a, b) for a, b in spans]


def _passage(pa, pb, first: int, last: int, shift: int) -> SharedPassage:
    (doc_a, para_a, toks_a), (doc_b, para_b, toks_b) = pa, pb
    end = last + MIN_TOKENS - 1  # index of the last token of the run
    a = Place(doc_a, para_a.id, toks_a[first][1], toks_a[end][2])
    b = Place(doc_b, para_b.id, toks_b[first + shift][1], toks_b[end + shift][2])
    return SharedPassage(a, b, para_a.text[a.start:a.end], para_b.text[b.start:b.end])


def _number(paragraph_id: str) -> int:
    return int(paragraph_id[1:]) if paragraph_id[1:].isdigit() else 0
