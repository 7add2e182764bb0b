"""Writing output folders so that nobody ever sees a half-written one.

A folder is filled next to its final place and swapped in with two renames; a build that
fails or is killed midway leaves the previous folder as it was (its leftovers, hidden
`.<name>.new-*` folders, are removed by the next run).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


@contextmanager
def staged(*targets: Path) -> Iterator[list[Path]]:
    """Empty staging folders, one beside each target; when the block succeeds, each is
    swapped in for its target. When it fails (or the process is killed), every target is
    as it was: only hidden staging folders remain, and the next run removes them."""
    targets = tuple(Path(t) for t in targets)
    fresh = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            for stale in [*target.parent.glob(f".{target.name}.new-*"),
                          *target.parent.glob(f".{target.name}.old-*")]:
                shutil.rmtree(stale, ignore_errors=True)
            folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
            folder.chmod(0o755)
            fresh.append(folder)
        yield fresh
    except BaseException:
        for folder in fresh:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for target, folder in zip(targets, fresh):
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        if target.exists():
            os.rename(target, old)
        os.rename(folder, target)
        shutil.rmtree(old, ignore_errors=True)


def replace_tree(target: Path, fill: Callable[[Path], None]) -> None:
    """Create a new `target` by calling `fill(folder)` on an empty folder, then swap it in."""
    with staged(target) as (folder,):
        fill(folder)


def write_files(folder: Path, files: dict[str, str]) -> None:
    """Write `{relative path: text}` below `folder`, as UTF-8 with `\\n` line endings."""
    for rel, text in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def read_tree(folder: Path) -> dict[str, str]:
    """The text files below `folder` as `{relative path: text}` (for `check`)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}
