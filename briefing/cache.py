"""The per-document stages' results, kept between runs (issue 13).

Read, clean, split, correct, analyze and curate look at one seed at a time: what they make
of a seed depends only on its bytes (and its name and place, which its pages and messages
show), its own editorial and translation files, the themes and the glossary, and the
code. A run keys each seed on exactly those and, when the key was seen before, takes the
result from `.cache/v-…/documents/` instead of doing the work again. The corpus-wide stages,
which look at every document, run on every run from those results, each keeping what it
can: the shared passages (`passages/`, briefing.link.passage_store), a document's own
files and the corpus pages (`pages/`, keyed on all they show: briefing.publish.page_cache),
each language's site (`sites/`, briefing.publish.mkdocs_run) and its search index
(`search/`, briefing.publish.search). So a cached run gives what a cold run gives, byte
for byte (tests/test_cache.py, tests/test_passage_store.py,
tests/test_site_incremental.py).

`.cache/` is ignored by Git and safe to delete. `BRIEFING_CACHE` names another folder,
or `off` for none. Entries are kept per version of the code (`v-…/`), the last few
versions only (`prune`). An entry that cannot be read (a crash midway, another version of
Python) counts as missing; one that cannot be written (a read-only checkout) is skipped:
the cache only ever saves time. (Entries are pickles: the folder is the checkout's own,
never shared or committed.)
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import display_path
from .model import CleanSeed, Document

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class SeedWork:
    """What the per-document stages made of one seed."""

    #: what the cleaner did (kept as an entry of its own, kind `CLEANED`; None when not read)
    cleaned: CleanSeed | None
    pages: list[Document]  #: curated, not yet linked: documents and compilations
    key: str = ""  #: its `seed_key`: it stands for everything in `pages`
    #: per document and compilation: what the corpus-wide stages read of it
    #: (briefing.facts.Facts)
    facts: dict[str, object] = field(default_factory=dict)


#: How many versions of the code keep their entries: the running one and the two used
#: last before it, so that going back and forth between two branches stays cheap.
KEPT_VERSIONS = 3
#: Touched by every run of a version: the time it was last used.
USED = "used"
#: The kinds' folders as they were before entries were kept per version of the code.
UNVERSIONED = ("documents", "pages", "passages", "sites", "search", "handouts")
#: The kind of a seed's cleaning record, kept apart from its documents: only `report`
#: reads it, and it is about half of a seed's work by size.
CLEANED = "cleaned"


def root() -> Path | None:
    """The cache's folder (`.cache/`, or `BRIEFING_CACHE`), or None when it is off."""
    setting = os.environ.get("BRIEFING_CACHE", "")
    if setting == "off":
        return None
    return Path(setting) if setting else ROOT / ".cache"


def folder(kind: str = "documents") -> Path | None:
    """Where entries of a kind are kept: `documents` (a seed's work), `cleaned` (its
    cleaning record), `pages` (rendered files), `templates` (compiled, briefing.render),
    `pinyin` (readings, briefing.pinyin), `editorial` (editorial files as parsed,
    briefing.editorial_yaml), `outputs` (briefing.publish.outputs), `passages`, `sites`,
    `search` (see the module's docstring), `handouts` (briefing.sessions.handout). They
    are below the folder of this version of the code: no other version can use them (its
    keys differ), and `prune` can drop a whole version at once."""
    return _folder(os.environ.get("BRIEFING_CACHE", ""), ROOT, version_folder(), kind)


@lru_cache(maxsize=64)
def _folder(setting: str, root_dir: Path, version: str, kind: str) -> Path | None:
    # Asked for by every entry read (thousands a run): made once per setting and kind.
    base = root()
    return None if base is None else base / version / kind


def version_folder() -> str:
    return "v-" + code_version()[:16]


def prune() -> None:
    """Mark this version of the code as used now, and delete the entries of all but the
    `KEPT_VERSIONS` versions used last. Each version's entries take as much room as
    the corpus (hundreds of MB at a thousand documents), and every change to the code
    is a new version. Only folders this module made are deleted; one that cannot be
    deleted stays (the cache only ever saves time)."""
    base = root()
    if base is None:
        return
    mine = base / version_folder()
    try:
        mine.mkdir(parents=True, exist_ok=True)
        (mine / USED).touch()
    except OSError:
        return
    versions = []
    for entry in base.glob("v-*"):
        try:
            versions.append(((entry / USED).stat().st_mtime_ns, entry))
        except OSError:  # not ours, or half made: left alone
            continue
    old = [entry for _, entry in sorted(versions, reverse=True) if entry != mine]
    doomed = old[KEPT_VERSIONS - 1:]
    if base == ROOT / ".cache":  # entries from before there were versions
        doomed += [base / kind for kind in UNVERSIONED]
    for entry in doomed:
        shutil.rmtree(entry, ignore_errors=True)


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
    try:  # os.path, not pathlib: thousands of entries are read a run
        with open(os.path.join(where, key[:2], key + ".pickle"), "rb") as file:
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
