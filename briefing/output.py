"""Writing output folders so that nobody ever sees a half-written one, and no input is lost.

An output (docs/, site/) is replaced as a whole, so three things guard it:

* **what may be replaced**: `check_target` refuses a folder that is, contains or lies inside
  an input (the seeds folder, the project's own source folders), and an existing folder
  that is not an earlier output; a careless `--out` must never delete the seeds;
* **one writer at a time**: a lock (fcntl) on the folder that holds the outputs, held from
  staging to swap, so two builds in one checkout never remove each other's staging
  folders; the second one says so and waits;
* **all or nothing, even when killed**: every output is filled in a hidden staging folder
  beside its final place (`.<name>.new-*`); then a journal (`.<first>.swap.json`) naming
  each (output, staged, previous) triple is written and synced, the renames are made, the
  journal is removed, and only then the previous folders. A run killed during the renames
  leaves the journal, and the next run completes the swap before anything else (every
  staged folder it names was whole before the journal was written). Without a journal,
  leftovers are unfinished staging or finished swaps, and are removed.

Killed at any step, the next run finds either every previous output or every new one,
whole (tests/test_atomic.py kills it at each step).
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import stat
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import OutputError, display_path


# --- what may be replaced -----------------------------------------------------------------

def check_target(target: Path, inputs: Iterable[Path], root: Path | None = None) -> None:
    """Refuse an output folder that would take an input with it when it is replaced.

    `inputs` are folders that must survive (the seeds folder, source folders): the target
    may not be one of them, contain one, or lie inside one. `root` (the project) may not be
    the target or inside it. An existing target must be a folder that is empty or holds an
    earlier output (its `corpus.json`): replacing a folder of someone's own files would
    delete them.
    """
    resolved = Path(target).resolve()
    where = display_path(target)
    if root is not None and (resolved == Path(root).resolve()
                             or resolved in Path(root).resolve().parents):
        raise OutputError(f"{where}: is or contains the project folder; choose a folder of "
                          "its own for the output (e.g. the default docs/)")
    for folder in inputs:
        folder = Path(folder).resolve()
        if resolved == folder or folder in resolved.parents:
            raise OutputError(f"{where}: is or lies inside {display_path(folder)}, an input "
                              "of the build; an output folder is replaced as a whole, so "
                              "choose a folder outside it (e.g. the default docs/)")
        if resolved in folder.parents:
            raise OutputError(f"{where}: contains {display_path(folder)}, an input of the "
                              "build; an output folder is replaced as a whole, so choose a "
                              "folder that holds no inputs (e.g. the default docs/)")
    if resolved.exists() and not resolved.is_dir():
        raise OutputError(f"{where}: is a file, not a folder; choose a folder for the output")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / "corpus.json").is_file():
        raise OutputError(f"{where}: is a folder of other files (it holds no corpus.json "
                          "of an earlier output); an output folder is replaced as a "
                          "whole, so choose a new or empty folder")


# --- one writer at a time ------------------------------------------------------------------

@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (the parent of outputs); a second writer says so
    and waits. The lock is on the folder itself (flock works on a directory), so nothing
    is left beside the outputs, and it goes with the process however that ends."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Waiting: another build is writing its output into "
                  f"{display_path(folder)}/; this one goes on when it is done.",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


# --- all or nothing ------------------------------------------------------------------------

def _journal(first: Path) -> Path:
    return first.parent / f".{first.name}.swap.json"


def recover(targets: tuple[Path, ...]) -> None:
    """Finish what a killed run left: complete a journalled swap, then remove leftovers.

    Called with the locks held, before staging anything new.
    """
    journal = _journal(targets[0])
    scratch = journal.with_name(journal.name + ".tmp")  # a journal never finished: not begun
    if scratch.exists():
        scratch.unlink()
    if journal.exists():
        try:
            steps = json.loads(journal.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            steps = None  # written only after its folders were whole; torn means not begun
        for target, new, old in steps or []:
            target, new, old = Path(target), Path(new), Path(old)
            if new.exists():  # this output's swap had not happened (or half happened)
                if target.exists() and not old.exists():
                    os.rename(target, old)
                os.rename(new, target)
        journal.unlink()
        _sync(journal.parent)
    for target in targets:
        for stale in [*target.parent.glob(f".{target.name}.new-*"),
                      *target.parent.glob(f".{target.name}.old-*")]:
            shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staged(*targets: Path) -> Iterator[list[Path]]:
    """Empty staging folders, one beside each target; when the block succeeds, all of them
    are swapped in for their targets together. When it fails (or the process is killed),
    every target is as it was; the next run removes what is left."""
    targets = tuple(Path(t).absolute() for t in targets)
    with ExitStack() as stack:
        for folder in sorted({t.parent for t in targets}):  # one order: no deadlock
            folder.mkdir(parents=True, exist_ok=True)
            stack.enter_context(locked(folder))
        recover(targets)
        fresh = []
        try:
            for target in targets:
                folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-",
                                               dir=target.parent))
                folder.chmod(0o755)
                fresh.append(folder)
            yield fresh
        except BaseException:
            for folder in fresh:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        _swap(targets, fresh)


def _swap(targets: tuple[Path, ...], fresh: list[Path]) -> None:
    steps = [(str(t), str(f), str(t.parent / f".{t.name}.old-{os.getpid()}"))
             for t, f in zip(targets, fresh)]
    journal = _journal(targets[0])
    scratch = journal.with_name(journal.name + ".tmp")
    with open(scratch, "w", encoding="utf-8") as handle:
        json.dump(steps, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, journal)
    _sync(journal.parent)
    for target, new, old in steps:
        if os.path.exists(target):
            os.rename(target, old)
        os.rename(new, target)
    for folder in {Path(t).parent for t, _, _ in steps}:
        _sync(folder)
    os.unlink(journal)
    _sync(journal.parent)
    for _, _, old in steps:
        shutil.rmtree(old, ignore_errors=True)


def _sync(folder: Path) -> None:
    """Make renames in `folder` durable (a crash must not reorder journal and renames)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_tree(target: Path, fill: Callable[[Path], None]) -> None:
    """Create a new `target` by calling `fill(folder)` on an empty folder, then swap it in."""
    with staged(target) as (folder,):
        fill(folder)


def write_files(folder: Path, files: dict, previous: Path | None = None) -> int:
    """Write `{relative path: text}` below `folder`, as UTF-8 with `\\n` line endings, and
    return how many files were written. A file given as `Kept` (briefing.publish.outputs)
    instead of a text is its namesake in `previous`, shared as it is.

    A file whose bytes equal its namesake in `previous` (the output about to be replaced)
    is hard-linked from it instead of written (issue #13): an unchanged page keeps its
    inode and modification time, so `serve`, rsync and editors' tools see only what an
    edit changed, while the folder is still swapped in whole.
    """
    written = 0
    made: set[str] = set()
    # os.path, not pathlib, and each folder made once: this runs for thousands of files.
    for rel, text in sorted(files.items()):
        path = os.path.join(folder, rel)
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        if not isinstance(text, str):  # Kept (briefing.publish.outputs): as it was
            _share(os.path.join(previous, rel), path)
            continue
        data = text.encode("utf-8")
        if previous is not None:
            old = os.path.join(previous, rel)
            if _same_file(old, data):
                try:
                    os.link(old, path)
                    continue
                except OSError:  # another file system, or links not allowed: write it
                    pass
        with open(path, "wb") as handle:
            handle.write(data)
        written += 1
    return written


def signature(path: Path) -> tuple[int, int, int] | None:
    """(inode, size, modification time in ns) of a file, or None when there is none: a
    file of an earlier output is trusted only while it is the one that was written."""
    try:
        s = os.stat(path)
    except OSError:
        return None
    return (s.st_ino, s.st_size, s.st_mtime_ns)


def link_or_copy(source: Path, target: Path) -> None:
    """`source` (a file of the output about to be replaced) shared into the new output: a
    hard link, or a copy where links cannot be made. Never written to afterwards: every
    later step writes new files."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _share(source, target)


def _share(source, target) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copy2(source, target)


def _same_file(path: str, data: bytes) -> bool:
    """Whether `path` is a regular file (not a link) holding exactly `data`."""
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def read_tree(folder: Path) -> dict[str, str]:
    """The text files below `folder` as `{relative path: text}` (for `check`)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}
