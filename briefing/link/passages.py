"""Shared passages: the same wording in two documents, located on both sides.

A speech is quoted in a news report, a State Council text in an interpretation: readers
want to see where the same words travel. Passages are found across scripts and
punctuation widths: texts are compared as tokens (one Han character, or one Latin word,
lower-cased), Traditional already converted to Simplified, punctuation and spaces ignored.

The work grows with the size of the corpus, not with the number of document pairs, nor
with how often a text repeats itself (issue 14): every window of MIN_TOKENS tokens goes
into one index (window -> places), and only windows found in two or more documents are
looked at. Three bounds keep that index, and the pairs of places it makes, linear:

* a window found in more than MAX_DOCUMENTS documents is a stock phrase, not a quotation,
  and is left out;
* a window keeps at most MAX_PLACES places, shared fairly among its documents (each keeps
  its first ones): further occurrences are a document repeating itself, not another
  quotation, so '人工智能' * 100,000 costs what '人工智能' * 10 does;
* a paragraph whose wording its document already had is matched once, where first found.

So each window makes at most MAX_PLACES² / 2 pairs of places. A run of windows that is, on
both sides, inside a longer one between the same two paragraphs is that one seen again at
another offset (a text that repeats), and is not reported separately.

Tokens and windows are numbered the same way in every run, so what a document holds can be
kept between runs: `shared_among` finds the passages between some documents only, given
what the others hold (briefing.link.passage_store, issue 13).
"""
from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..chardata import HAN
from ..model import Document

#: A passage is at least this many tokens long (12 Chinese characters).
MIN_TOKENS = 12
#: A window shared by more documents than this is a stock phrase.
MAX_DOCUMENTS = 8
#: The most places of one window that are matched, shared fairly among its documents
#: (the seed corpus has a window in 15 places, one document holding 6 of them)...
MAX_PLACES = 16
#: ... and the most of one document's.
MAX_REPEATS = MAX_PLACES // 2

TOKEN = re.compile(rf"[{HAN}]|[A-Za-z0-9]+")
#: Bytes per token in a paragraph's codes (an 8-byte number per distinct token).
WIDTH = array("Q").itemsize
#: A place is `paragraph number << 32 | token index`; this mask gives the token index.
MASK = 2**32 - 1


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


def token_code(token: str) -> int:
    """A token's number, the same in every run: 64 bits of its hash (two of a corpus's
    100,000 distinct tokens share one with a chance of one in 10^9)."""
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


class Codes(dict):
    """Token -> its number (token_code), computed once a run; a word and its lower case
    share one.

    >>> codes = Codes()
    >>> [codes[t] == codes["头"] for t in ["头", "AI"]], codes["AI"] == codes["ai"]
    ([True, False], True)
    """

    def __missing__(self, token: str) -> int:
        lower = token.lower()
        code = self[lower] if lower != token else token_code(token)
        self[token] = code
        return code

    def encode(self, text: str) -> bytes:
        """The tokens of `text` as WIDTH bytes each: windows are compared, and hashed, as
        slices of these bytes (a fraction of the memory of the tokens themselves)."""
        return array("Q", map(self.__getitem__, TOKEN.findall(text))).tobytes()


#: One for the process: a token's number never changes, and a corpus has few tokens.
CODES = Codes()


def windows(codes: bytes) -> list[int]:
    """The number of each window of MIN_TOKENS tokens, by its first token's index: the hash
    of its tokens' numbers read as one integer (an integer's hash, unlike a string's, is
    the same in every run; two windows of a corpus share one with a chance of one in 10^6)."""
    span = WIDTH * MIN_TOKENS
    return [hash(int.from_bytes(codes[i:i + span], "little"))
            for i in range(0, len(codes) - span + 1, WIDTH)]


def find_shared_passages(documents: list[Document]) -> list[SharedPassage]:
    """Every maximal passage of MIN_TOKENS or more tokens that two documents share."""
    paragraphs = distinct_paragraphs(documents)  # (document id, paragraph, codes)
    by_document: dict[str, list[int]] = defaultdict(list)
    for number, (doc_id, _, _) in enumerate(paragraphs):
        by_document[doc_id].append(number)
    if len(by_document) < 2:
        return []
    # The largest document is left out of the count: only the windows it shares with the
    # others matter, so one huge seed among small ones costs no more memory than they do.
    documents = list(by_document.values())
    largest = max(documents, key=lambda numbers: sum(len(paragraphs[n][2]) for n in numbers))
    others = [numbers for numbers in documents if numbers is not largest]
    index = count_documents(paragraphs, others)
    index_places(paragraphs, largest, others, index)
    runs = find_runs(((places, ()) for places in index.values()
                      if places.__class__ is tuple), paragraphs)
    del index
    return found_passages(runs, paragraphs)


def shared_among(documents: list[Document], chosen: set[str], holders) -> list[SharedPassage]:
    """The passages that find_shared_passages, given the whole corpus, finds between two
    documents of `chosen`, reading only those documents of `documents`.

    What the others hold comes from `holders(window)`: the number of documents of the
    corpus the window is found in, and the documents not chosen that hold it, each as
    many times as its places (at most MAX_REPEATS): they take their share of the
    window's MAX_PLACES as they would in the whole corpus."""
    paragraphs = distinct_paragraphs([d for d in documents if d.id in chosen])
    index: dict[int, list[int]] = {}
    outside: dict[int, list[str]] = {}
    unmatched: set[int] = set()
    for number, (doc_id, _, codes) in enumerate(paragraphs):
        for i, h in enumerate(windows(codes)):
            if h in unmatched:
                continue
            places = index.get(h)
            if places is None:
                count, others = holders(h)
                if not 2 <= count <= MAX_DOCUMENTS:
                    unmatched.add(h)
                    continue
                places = index[h] = []
                outside[h] = others
            # A document's places are consecutive (see index_places).
            if len(places) < MAX_REPEATS or paragraphs[places[-MAX_REPEATS] >> 32][0] != doc_id:
                places.append(number << 32 | i)
    runs = find_runs(((places, outside[h]) for h, places in index.items()), paragraphs)
    return found_passages(runs, paragraphs)


def census(document: Document) -> dict[int, int]:
    """Window -> its places in one document, at most MAX_REPEATS: what another run needs of
    a document it does not read again (`holders` of shared_among)."""
    found: Counter = Counter()
    for _, _, codes in distinct_paragraphs([document]):
        found.update(windows(codes))
    return {h: min(n, MAX_REPEATS) for h, n in found.items()}


def found_passages(runs: dict, paragraphs: list[tuple]) -> list[SharedPassage]:
    """The runs of windows (find_runs), verified, without repeats, as passages in order."""
    spans = [(pa, pb, first, last, shift)
             for (pa, pb, shift), starts in runs.items()
             for run in consecutive(sorted(set(starts)))
             for first, last in verified(paragraphs[pa][2], paragraphs[pb][2], *run, shift)]
    found = passages(without_repeats(spans), paragraphs)
    return sorted(found, key=passage_order)


def passage_order(s: SharedPassage) -> tuple:
    return (s.a.document, s.b.document, _number(s.a.paragraph), s.a.start,
            _number(s.b.paragraph), s.b.start)


def distinct_paragraphs(documents: list[Document]) -> list[tuple]:
    """(document id, paragraph, codes) of each paragraph long enough to hold a window,
    leaving out a paragraph whose tokens its document already had (one is matched)."""
    codes = CODES
    found = []
    for doc in documents:
        seen: set[bytes] = set()
        for para in doc.paragraphs:
            encoded = codes.encode(para.text)
            if len(encoded) >= WIDTH * MIN_TOKENS and encoded not in seen:
                seen.add(encoded)
                found.append((doc.id, para, encoded))
    return found


def count_documents(paragraphs: list[tuple], documents: list[list[int]]) -> Counter:
    """Window -> the number of `documents` (lists of paragraph numbers) it is found in."""
    spread: Counter = Counter()
    for numbers in documents:
        spread.update({h for n in numbers for h in windows(paragraphs[n][2])})
    return spread


def index_places(paragraphs: list[tuple], largest: list[int], others: list[list[int]],
                 index: Counter) -> None:
    """Replace, in `index` (window -> the number of `others` it is found in), the count of
    each window of 2 to MAX_DOCUMENTS documents, `largest` included, by its places: a tuple
    of `paragraph number << 32 | token index`, document by document, each document's first
    MAX_REPEATS places at most. A window left as a count is not matched.

    The places take the counts' room: a second dict as large would double the memory.
    """
    for numbers in [largest, *others]:
        doc_id = paragraphs[numbers[0]][0]
        for number in numbers:
            for i, h in enumerate(windows(paragraphs[number][2])):
                places = index.get(h)
                if places is None:
                    continue
                if places.__class__ is int:
                    if numbers is largest:  # one document more than counted
                        index[h] = (number << 32 | i,) if places < MAX_DOCUMENTS else places + 1
                    elif 2 <= places <= MAX_DOCUMENTS:
                        index[h] = (number << 32 | i,)
                # A document's places are consecutive: it has its MAX_REPEATS when the place
                # as many back is its own.
                elif len(places) < MAX_REPEATS or paragraphs[
                        places[-MAX_REPEATS] >> 32][0] != doc_id:
                    index[h] = places + (number << 32 | i,)


def fair_share(owners: list[str], most: int | None = None) -> list[int]:
    """Which of a window's places to match, given the document of each: at most `most`,
    each document keeping its first ones, as many as it has up to a limit the same for
    all (so a document that says it once is never crowded out).

    >>> fair_share(["a", "a", "a", "b", "c"], most=4)
    [0, 1, 3, 4]
    """
    most = MAX_PLACES if most is None else most
    if len(owners) <= most:
        return list(range(len(owners)))
    per_document = Counter(owners)
    limit = 1
    while sum(min(n, limit + 1) for n in per_document.values()) <= most:
        limit += 1
    taken: Counter = Counter()
    kept = []
    for k, owner in enumerate(owners):
        if taken[owner] < limit:
            taken[owner] += 1
            kept.append(k)
    return kept


def find_runs(entries, paragraphs: list[tuple]) -> dict[tuple[int, int, int], list[int]]:
    """(paragraph a, paragraph b, shift) -> the token indices in a where a window of a
    stands at that shift in b: each two places of a window in different documents, a the
    document first in order of ids. Consecutive indices are one run, one passage.

    `entries`: each matched window's places, and the documents outside `paragraphs` that
    hold it, once per place (shared_among): they count in the fair share."""
    runs: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for places, others in entries:
        if len(places) + len(others) > MAX_PLACES:
            owners = [paragraphs[p >> 32][0] for p in places]
            places = [places[k] for k in fair_share(owners + list(others)) if k < len(places)]
        for x, place_a in enumerate(places):
            pa, ia = place_a >> 32, place_a & MASK
            doc_a = paragraphs[pa][0]
            for place_b in places[x + 1:]:
                pb, ib = place_b >> 32, place_b & MASK
                doc_b = paragraphs[pb][0]
                if doc_a < doc_b:
                    runs[(pa, pb, ib - ia)].append(ia)
                elif doc_b < doc_a:
                    runs[(pb, pa, ia - ib)].append(ib)
    return runs


def consecutive(values: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]"""
    spans: list[list[int]] = []
    for v in values:
        if spans and spans[-1][1] == v - 1:
            spans[-1][1] = v
        else:
            spans.append([v, v])
    return [(a, b) for a, b in spans]


def verified(codes_a: bytes, codes_b: bytes, first: int, last: int, shift: int) -> list:
    """The runs of windows among `first`..`last` whose tokens match at `shift`: windows
    are indexed by hash, and two different windows may, very rarely, share one."""
    def at(codes: bytes, start: int, end: int) -> bytes:  # tokens start..end-1
        return codes[WIDTH * start:WIDTH * end]
    if at(codes_a, first, last + MIN_TOKENS) == at(codes_b, first + shift,
                                                     last + shift + MIN_TOKENS):
        return [(first, last)]
    return consecutive([i for i in range(first, last + 1)
                        if at(codes_a, i, i + MIN_TOKENS)
                        == at(codes_b, i + shift, i + shift + MIN_TOKENS)])


def without_repeats(spans: list[tuple]) -> list[tuple]:
    """Leave out a run (paragraph a, paragraph b, first, last window in a, shift to b) that
    lies, on both sides, within another run between the same two paragraphs: a text that
    repeats itself matches its copy at several offsets, and the longest match says it all.

    >>> without_repeats([(0, 1, 0, 40, 0), (0, 1, 0, 36, 4), (0, 1, 4, 40, -4),
    ...                  (0, 1, 50, 60, 9)])
    [(0, 1, 0, 40, 0), (0, 1, 50, 60, 9)]
    """
    kept = []
    active: list[tuple] = []  # runs of this pair of paragraphs that reach the current one
    for s in sorted(spans, key=lambda s: (s[0], s[1], s[2], -s[3])):
        pa, pb, first, last, shift = s
        active = [p for p in active if p[:2] == (pa, pb) and p[3] >= first]
        # Each of these holds window `first` of a, matched to one of a window's places in
        # b: there are at most MAX_PLACES of them.
        if not any(p[3] >= last and p[2] + p[4] <= first + shift
                   and last + shift <= p[3] + p[4] for p in active):
            kept.append(s)
        active.append(s)
    return kept


def passages(spans: list[tuple], paragraphs: list[tuple]) -> set[SharedPassage]:
    """Each run of windows as a passage: its places and its text as printed on each side."""
    wanted: dict[int, set[int]] = defaultdict(set)  # paragraph -> tokens to locate
    for pa, pb, first, last, shift in spans:
        end = last + MIN_TOKENS - 1  # index of the last token of the run
        wanted[pa].update((first, end))
        wanted[pb].update((first + shift, end + shift))
    where = {n: token_spans(paragraphs[n][1].text, wanted[n]) for n in wanted}
    found = set()
    for pa, pb, first, last, shift in spans:
        end = last + MIN_TOKENS - 1
        (doc_a, para_a, _), (doc_b, para_b, _) = paragraphs[pa], paragraphs[pb]
        a = Place(doc_a, para_a.id, where[pa][first][0], where[pa][end][1])
        b = Place(doc_b, para_b.id, where[pb][first + shift][0], where[pb][end + shift][1])
        found.add(SharedPassage(a, b, para_a.text[a.start:a.end], para_b.text[b.start:b.end]))
    return found


def token_spans(text: str, indices: set[int]) -> dict[int, tuple[int, int]]:
    """(start, end) in `text` of the tokens at `indices`, in one pass over the text.

    >>> token_spans("甲, Big word 乙", {1, 3})
    {1: (3, 6), 3: (12, 13)}
    """
    last = max(indices)
    found = {}
    for i, match in enumerate(TOKEN.finditer(text)):
        if i in indices:
            found[i] = match.span()
        if i == last:
            break
    return found


def _number(paragraph_id: str) -> int:
    return int(paragraph_id[1:]) if paragraph_id[1:].isdigit() else 0
