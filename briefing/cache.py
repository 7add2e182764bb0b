"""The per-document stages' results, kept between runs (issue 13).

Read, clean, split, correct, analyze and curate look at one seed at a time: what they make
of a seed depends only on its bytes (and its name and place, which its pages and messages
show), its own editorial and translation files, the themes and the glossary, and the
code. A run keys each seed on exactly those and, when the key was seen before, takes the
result from `.cache/documents/` instead of doing the work again. The corpus-wide stages,
which look at every document, run on every run from those results, each keeping what it
can: the shared passages (`passages/`, briefing.link.passage_store), a document's own
files and the corpus pages (`pages/`, keyed on all they show: briefing.publish.page_cache),
each language's site (`sites/`, briefing.publish.mkdocs_run) and its search index
(`search/`, briefing.publish.search). So a cached run gives what a cold run gives, byte
for byte (tests/test_cache.py, tests/test_passage_store.py,
tests/test_site_incremental.py).

`.cache/` is ignored by Git and safe to delete. `BRIEFING_CACHE` names another folder,
or `off` for none. An entry that cannot be read (a crash midway, another version of
Python) counts as missing; one that cannot be written (a read-only checkout) is skipped:
the cache only ever saves time. (Entries are pickles: the folder is the checkout's own,
never shared or committed.)
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import display_path
from .model import CleanSeed, Document

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class SeedWork:
    """What the per-document stages made of one seed."""

    cleaned: CleanSeed
    pages: list[Document]  #: curated, not yet linked: documents and compilations
    key: str = ""  #: its `seed_key`: it stands for everything in `pages`


def folder(kind: str = "documents") -> Path | None:
    """Where entries of a kind are kept: `documents` (a seed's work), `pages` (rendered
    files), `passages`, `sites`, `search` (see the module's docstring)."""
    setting = os.environ.get("BRIEFING_CACHE", "")
    if setting == "off":
        return None
    return (Path(setting) if setting else ROOT / ".cache") / kind


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that makes a `SeedWork` (every module of the package) and of the
    pinned libraries (OpenCC's tables, jieba's dictionary): a change to either is a new
    version, and no older entry is used."""
    digest = hashlib.sha256()
    package = ROOT / "briefing"
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    lock = ROOT / "requirements.lock"
    if lock.is_file():
        digest.update(lock.read_bytes())
    return digest.hexdigest()


def files_digest(paths: list[Path]) -> bytes:
    """One digest of files' names (as shown) and contents, a missing file as empty: the
    corpus-wide files every seed's key holds, hashed once per run."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(display_path(path).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes() if path.is_file() else b"").digest())
    return digest.digest()


def seed_key(path: Path, data: bytes, shared: bytes, own: list[Path]) -> str:
    """The key of one seed's work: the code, the seed (its name, where it is shown from, its
    bytes), the corpus-wide files the stages read (`shared`, their `files_digest`: themes,
    glossary) and its own editorial and translation files (`own`)."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(display_path(path).encode() + b"\0")
    digest.update(hashlib.sha256(data).digest())
    digest.update(shared)
    digest.update(files_digest(own))
    return digest.hexdigest()


def load(key: str, kind: str = "documents", expected: type = SeedWork):
    """The entry of `key`, or None when there is none (or none that can be read)."""
    where = folder(kind)
    if where is None:
        return None
    try:
        with open(where / key[:2] / f"{key}.pickle", "rb") as file:
            work = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return work if isinstance(work, expected) else None


def store(key: str, work, kind: str = "documents") -> None:
    """Write an entry whole or not at all (a temporary file renamed into place)."""
    where = folder(kind)
    if where is None:
        return
    target = where / key[:2] / f"{key}.pickle"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as file:
            pickle.dump(work, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
