"""What an output folder holds from the page cache, so that a run need not read it again
(issue 13).

After one edit nearly every document's files are what the output about to be replaced
already holds: the same cache entry (briefing.publish.page_cache: its key stands for all
they show) would be written again. Loading each entry and comparing it with the file it
replaces was a tenth of such a run at a thousand documents. So each run notes, per output
folder, the entry every document file was written from and the file's signature (inode,
size, modification time) in the swapped-in output: the manifest, kept in the cache (kind
`outputs`). The next run finds an entry whose files are all as noted and passes them on
as `Kept`: `write_files` hard-links them without their text being read. A file changed
since (an editor's hand, a checkout) has another signature, and is compared as before.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache
from ..output import signature

KIND = "outputs"


@dataclass(frozen=True)
class Kept:
    """A file of the output about to be replaced that this run writes again as it is."""

    entry: str  #: the page cache entry it was written from


@dataclass
class Outputs:
    """The manifest of one output folder: what the last run wrote there from which entry,
    and what this run writes."""

    folder: Path
    #: the last run's: file -> (entry, signature of the file in the output)
    before: dict[str, tuple[str, tuple]] = field(default_factory=dict)
    #: entry -> its files, as the last run wrote them
    files_of: dict[str, list[str]] = field(default_factory=dict)
    #: this run's: file -> entry
    now: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, folder: Path) -> "Outputs":
        folder = Path(folder).absolute()
        before = cache.load(_name(folder), KIND, dict) or {}
        files_of: dict[str, list[str]] = {}
        try:
            for rel, (entry, _) in before.items():
                files_of.setdefault(entry, []).append(rel)
        except (TypeError, ValueError):  # not a manifest: as if there were none
            return cls(folder)
        return cls(folder, before, files_of)

    def kept(self, entry: str) -> dict[str, Kept] | None:
        """The files written from `entry`, when the output holds all of them as written."""
        files = self.files_of.get(entry)
        if not files or any(signature(os.path.join(self.folder, rel)) != self.before[rel][1]
                            for rel in files):
            return None
        return {rel: Kept(entry) for rel in files}

    def written(self, entry: str, files) -> None:
        """Note that this run writes `files` from `entry`."""
        for rel in files:
            self.now[rel] = entry

    def save(self) -> None:
        """Note the output as swapped in (call it then, never before)."""
        noted = {}
        for rel, entry in sorted(self.now.items()):
            found = signature(os.path.join(self.folder, rel))
            if found is not None:
                noted[rel] = (entry, found)
        cache.store(_name(self.folder), noted, KIND)


def _name(folder: Path) -> str:
    """The manifest's entry: one per output folder (its absolute path)."""
    return hashlib.sha256(str(folder).encode("utf-8", "surrogatepass")).hexdigest()
