"""`build.py export --format xliff|po|tmx`: files for translators, one per document.

The same inputs give the same bytes (no dates, no tool versions of ours in the files), so
exporting twice writes nothing new, and a file that differs from a fresh export holds work
not imported yet: it is kept, and the export says so.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, OutputError, Problem, display_path
from ..model import Corpus, Document
from .memory import Memory, write_tmx
from .po import write_po
from .units import DocumentUnits, document_units
from .xliff import write_xliff

FORMATS = {"xliff": ("xlf", write_xliff), "po": ("po", write_po)}
TMX_NAME = "briefing-memory.tmx"


@dataclass
class Written:
    path: Path
    state: str  #: `wrote`, `unchanged` or `kept` (it differs: work not imported yet)
    units: int = 0
    suggested: int = 0  #: units pre-filled with a whole-paragraph suggestion
    parts: int = 0  #: sentences and quotations the memory offers in the others


def select(corpus: Corpus, ids: list[str], only: tuple[str, ...]) -> list[Document]:
    """The documents named (all when none is), keeping those with units in `only`."""
    pages = corpus.pages()
    known = {d.id for d in pages}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise InputError([Problem(i, None, "is not a document id; valid ids: "
                                           + ", ".join(sorted(known))) for i in unknown])
    docs = [d for d in pages if not ids or d.id in ids]
    if only:
        docs = [d for d in docs if any(t.state in only for t in d.translation.values())]
    return docs


def export(corpus: Corpus, fmt: str, out: Path, ids: list[str] = (),
           only: tuple[str, ...] = (), force: bool = False) -> tuple[list[Written], list]:
    """Write the files; (what was written, memory conflicts among what was offered)."""
    out.mkdir(parents=True, exist_ok=True)
    memory = Memory.of(corpus)
    if fmt == "tmx":
        return [_write(out / TMX_NAME, write_tmx(memory), force)], memory.conflicts()
    suffix, writer = FORMATS[fmt]
    written, conflicts = [], []
    for doc in select(corpus, list(ids), only):
        units = document_units(corpus, doc, memory, only)
        data = writer(units, f"{corpus.seeds_dir}/{doc.source}")
        result = _write(out / f"{doc.id}.{units.target_language}.{suffix}", data, force)
        _count(result, units)
        conflicts += [(s.source, s.translations) for u in units.units for s in u.suggestions
                      if s.conflict]
        written.append(result)
    return written, conflicts


def _count(result: Written, units: DocumentUnits) -> None:
    result.units = len(units.units)
    result.suggested = sum(u.why == "suggested" for u in units.units)
    result.parts = sum(len(u.suggestions) for u in units.units if u.why != "suggested")


def _write(path: Path, data: bytes, force: bool) -> Written:
    """Write atomically; an existing file that differs is kept unless `force`."""
    if path.is_file():
        if path.read_bytes() == data:
            return Written(path, "unchanged")
        if not force:
            return Written(path, "kept")
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return Written(path, "wrote")


def check_out(out: Path, seeds_dir: Path, root: Path, source_folders) -> None:
    """Refuse an output folder inside the inputs: exports are the translators' copies, not
    editorial files (those are written by import only)."""
    resolved = Path(out).resolve()
    for folder in [Path(seeds_dir), *(root / name for name in source_folders),
                   root / "docs", root / "site"]:
        folder = folder.resolve()
        if resolved == folder or folder in resolved.parents:
            raise OutputError(f"{display_path(out)}: lies inside {display_path(folder)}; "
                              "export to a folder of its own (e.g. --out translation-work)")


def report(written: list[Written], conflicts: list) -> list[Problem]:
    """Print what was written; return the warnings: files kept, memory conflicts."""
    warnings = []
    for w in written:
        if w.state == "kept":
            warnings.append(Problem(display_path(w.path), None, (
                "differs from a fresh export, so it may hold work not imported yet: it is "
                "kept; import it first (build.py import), or export again with --force")))
            continue
        counts = (f": {w.units} units, {w.suggested} pre-filled from the memory, "
                  f"{w.parts} sentences or quotations offered" if w.units else "")
        print(f"{'wrote' if w.state == 'wrote' else 'unchanged'} {display_path(w.path)}{counts}")
    seen = set()
    for source, translations in conflicts:
        if source in seen:
            continue
        seen.add(source)
        first = translations[0][1][0]
        versions = "; ".join(f"{', '.join(dict.fromkeys(p.origin for p in pairs))}: "
                             f"{text[:80]}{'…' if len(text) > 80 else ''}"
                             for text, pairs in translations)
        warnings.append(Problem(first.path or first.document, first.line, (
            f"the same source has {len(translations)} different reviewed translations "
            f"({source[:40]}…): {versions}; make them agree")))
    return warnings
