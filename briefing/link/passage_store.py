"""Shared passages between runs (issue 13): after an edit, only the documents that share
wording with what changed are read again.

A document's passages depend on its own text, on the text of the documents it shares
windows with, and, for each window, on how many documents hold it (more than
MAX_DOCUMENTS: a stock phrase) and how many places each has (the fair share of
MAX_PLACES). So the store keeps, in `.cache/v-…/passages/` (briefing.cache), per code version:

- a base: each document's census (passages.census: window -> places) at the last full
  run, as arrays that load as bytes, not as millions of objects;
- a head: each document's fingerprint, the census of each document changed since the
  base, which documents of the base are out of date, and the passages.

A run compares fingerprints. Let C be the documents edited, added or removed, and S those
of C that remain plus every document holding a window that a document of C held or holds,
when that window is found in MAX_DOCUMENTS documents or fewer before or after. A pair of
documents not both in S shares no window whose count or shares changed, so its passages
are the head's; the passages between two documents of S are found again
(passages.shared_among, what the others hold coming from the store). The result is what a
full run gives: tests/test_passage_store.py checks it edit after edit against one.

When more than a few documents changed since the base (REBASE_SHARE, REBASE_MIN), or the
store cannot be read, the run is a full one and writes a new base. The store only ever
saves time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from .. import cache
from ..model import Document
from . import passages as ps

#: A full run (a new base) once more than this share of the documents changed since the
#: base (at least REBASE_MIN): the head's censuses stay small, and lookups cheap.
REBASE_SHARE = 0.02
REBASE_MIN = 16


@dataclass
class Base:
    """Every document's census at the last full run, in arrays that load as bytes, not as
    millions of objects: the windows of document 0, then of document 1..., each with its
    places (at most MAX_REPEATS), document n's run from offsets[n] to offsets[n + 1]; and
    the same entries sorted by window (`keys`, with the document and places of each), so
    that the few windows a run asks about are found by bisection, not by scanning every
    document's census. Sorting is a second or two of a full run, which is a minute."""

    documents: list[str]  #: by number
    windows: array  #: 'Q'
    places: array  #: 'B'
    offsets: array  #: 'Q'
    keys: array  #: 'Q': the windows, sorted
    holders: array  #: 'I': the document number of each key
    holder_places: array  #: 'B': its places

    @classmethod
    def of(cls, documents: list[str], windows: array, places: array, offsets: array):
        """A base with its index by window (stable: each window's documents in order)."""
        numbers = array("I")
        for number in range(len(documents)):
            numbers.extend([number] * (offsets[number + 1] - offsets[number]))
        order = sorted(range(len(windows)), key=windows.__getitem__)
        return cls(documents, windows, places, offsets,
                   array("Q", map(windows.__getitem__, order)),
                   array("I", map(numbers.__getitem__, order)),
                   array("B", map(places.__getitem__, order)))

    def census(self, number: int) -> tuple[array, array]:
        begin, end = self.offsets[number], self.offsets[number + 1]
        return self.windows[begin:end], self.places[begin:end]

    def holding(self, wanted: set[int], skip: set[str], found: "Holders") -> None:
        """Add to `found` the documents not in `skip` holding a window `wanted`."""
        skipped = {n for n, doc_id in enumerate(self.documents) if doc_id in skip}
        keys = self.keys
        for window in sorted(wanted):
            begin = bisect_left(keys, window)
            end = bisect_right(keys, window, begin)
            if begin == end:
                continue
            numbers = self.holders[begin:end]
            count = end - begin - len(skipped.intersection(numbers))
            found.counts[window] += count
            # Only a window held by MAX_DOCUMENTS or fewer can be matched: its holders are
            # listed (most windows a document shares are stock phrases, held by hundreds).
            if 0 < count <= ps.MAX_DOCUMENTS:
                found.listed[window].extend(
                    (self.documents[n], places)
                    for n, places in zip(numbers, self.holder_places[begin:end])
                    if n not in skipped)

    def arrays(self) -> list[array]:
        return [self.windows, self.places, self.offsets, self.keys, self.holders,
                self.holder_places]


@dataclass
class Head:
    base: str  #: the base's file name
    fingerprints: dict[str, str]  #: every document's
    censuses: dict[str, dict[int, int]]  #: documents changed or added since the base
    stale: set[str]  #: documents whose census in the base is out of date
    passages: list  #: SharedPassage, in order

    def holding(self, wanted: set[int], skip: set[str], found: "Holders") -> None:
        for doc_id, held in self.censuses.items():
            if doc_id not in skip:
                for h in wanted.intersection(held):
                    found.counts[h] += 1
                    found.listed[h].append((doc_id, held[h]))


@dataclass
class Holders:
    """Of each window asked about: how many unchanged documents hold it, and, when they
    are MAX_DOCUMENTS or fewer, which, with their places."""

    asked: set[int] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    listed: dict[int, list[tuple[str, int]]] = field(
        default_factory=lambda: defaultdict(list))


def fingerprint(document: Document) -> str:
    """What the passages read of a document: its id, its paragraphs' ids and texts."""
    digest = hashlib.blake2b(document.id.encode() + b"\0", digest_size=16)
    for para in document.paragraphs:
        digest.update(f"{para.id}\0{para.text}\0".encode())
    return digest.hexdigest()


def shared_passages(documents: list[Document], known: dict[str, str] | None = None) -> list:
    """find_shared_passages(documents), from the store where it can be. `known`: the
    documents' fingerprints, where they were found before."""
    where = cache.folder("passages")
    known = known or {}
    prints = {d.id: known[d.id] if d.id in known else fingerprint(d) for d in documents}
    loaded = load(where) if where is not None else None
    if loaded is not None:
        base, head = loaded
        changed = {i for i, p in prints.items() if head.fingerprints.get(i) != p}
        changed |= set(head.fingerprints) - set(prints)
        since_base = set(head.censuses) | head.stale | changed
        if len(since_base) <= max(REBASE_MIN, REBASE_SHARE * len(documents)):
            found, head = update(documents, prints, changed, base, head)
            if changed:
                save_head(where, head)
            return found
    found, base, head = full(documents, prints)
    if where is not None:
        save(where, base, head)
    return found


def full(documents: list[Document], prints: dict[str, str]):
    """A full run: the passages, and a new base with an empty head."""
    found = ps.find_shared_passages(documents)
    windows, places, offsets = array("Q"), array("B"), array("Q", [0])
    for doc in documents:
        held = ps.census(doc)
        windows.extend(held)
        places.extend(held.values())
        offsets.append(len(windows))
    base = Base.of([d.id for d in documents], windows, places, offsets)
    return found, base, Head("", prints, {}, set(), found)


def update(documents: list[Document], prints: dict[str, str], changed: set[str],
           base: Base, head: Head):
    """The passages after the `changed` documents changed, and the head that says so."""
    by_id = {d.id: d for d in documents}
    new = {i: ps.census(by_id[i]) for i in changed if i in by_id}
    numbers = {d: n for n, d in enumerate(base.documents) if d not in head.stale}
    skip = head.stale | changed  # their census in the base is not the current one

    def census_of(doc_id: str) -> dict[int, int]:
        """A document's census before this run."""
        if doc_id in head.censuses:
            return head.censuses[doc_id]
        if doc_id in numbers:
            return dict(zip(*base.census(numbers[doc_id])))
        return {}

    known = Holders()

    def look_up(wanted: set[int]) -> None:
        wanted = wanted - known.asked
        known.asked |= wanted
        base.holding(wanted, skip, known)
        head.holding(wanted, changed, known)

    had = {d: census_of(d) for d in changed}
    touched = set().union(*had.values(), *new.values())
    look_up(touched)
    chosen = set(new)
    for window in touched:
        before = known.counts[window] + sum(window in old for old in had.values())
        after = known.counts[window] + sum(window in now for now in new.values())
        if min(before, after) <= ps.MAX_DOCUMENTS:  # matched before or after, maybe
            chosen.update(d for d, _ in known.listed[window])
    look_up(set().union(*(census_of(d) for d in chosen - changed)))
    new_count = Counter(h for now in new.values() for h in now)

    def holders(window: int):
        count = known.counts[window] + new_count[window]
        if not 2 <= count <= ps.MAX_DOCUMENTS:
            return count, []
        return count, [d for d, n in known.listed[window] if d not in chosen
                       for _ in range(n)]

    kept = [s for s in head.passages
            if s.a.document in by_id and s.b.document in by_id
            and not (s.a.document in chosen and s.b.document in chosen)]
    found = sorted(kept + ps.shared_among(documents, chosen, holders), key=ps.passage_order)
    censuses = {d: c for d, c in head.censuses.items() if d not in changed} | new
    stale = head.stale | (changed & set(numbers))
    return found, Head(head.base, prints, censuses, stale, found)


# --- the files ----------------------------------------------------------------------------

def head_path(where):
    return where / f"{cache.code_version()}.head.pickle"


def load(where):
    """(base, head), or None when there is none that can be read."""
    try:
        with open(head_path(where), "rb") as file:
            head = pickle.load(file)
        with open(where / head.base, "rb") as file:
            documents, *data = pickle.load(file)
        base = Base(documents, *(array(code) for code in "QBQQIB"))
        for part, raw in zip(base.arrays(), data, strict=True):
            part.frombytes(raw)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    if not isinstance(head, Head) or len(base.offsets) != len(documents) + 1 or len(
            {len(part) for part in base.arrays()[:2] + base.arrays()[3:]}) != 1:
        return None
    head.passages = _passages(head.passages)
    return base, head


def save(where, base: Base, head: Head) -> None:
    """A new base (named by its content, never rewritten), then the head that names it."""
    data = pickle.dumps((base.documents, *(part.tobytes() for part in base.arrays())),
                        protocol=pickle.HIGHEST_PROTOCOL)
    name = f"{cache.code_version()}.base-{hashlib.sha256(data).hexdigest()[:16]}.pickle"
    head.base = name
    if _write(where / name, data):
        save_head(where, head)
        for old in where.glob(f"{cache.code_version()}.base-*.pickle"):
            if old.name != name:
                old.unlink(missing_ok=True)


def save_head(where, head: Head) -> None:
    # Passages as tuples: tens of thousands of objects load in a fifth of the time.
    flat = replace(head, passages=[(s.a.document, s.a.paragraph, s.a.start, s.a.end,
                                    s.b.document, s.b.paragraph, s.b.start, s.b.end,
                                    s.text_a, s.text_b) for s in head.passages])
    _write(head_path(where), pickle.dumps(flat, protocol=pickle.HIGHEST_PROTOCOL))


def _passages(flat: list[tuple]) -> list:
    return [ps.SharedPassage(ps.Place(*f[0:4]), ps.Place(*f[4:8]), f[8], f[9]) for f in flat]


def _write(target, data: bytes) -> bool:
    """Whole or not at all (a temporary file renamed into place); False when it cannot."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError:
        os.unlink(temporary)
        return False
    return True
