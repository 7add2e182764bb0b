"""An edit rewrites only the files of docs/ that show it (issue #13): an unchanged file is
linked from the output it replaces, so it keeps its inode and modification time, while the
folder is still swapped in whole."""
from __future__ import annotations

import shutil
from pathlib import Path

from briefing import pipeline
from briefing.output import read_tree

ROOT = Path(__file__).resolve().parent.parent


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in folder.rglob("*") if p.is_file()}


def test_an_edit_rewrites_exactly_the_files_whose_content_changed(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    out = tmp_path / "docs"
    pipeline.generate(seeds, out)
    first, before = inodes(out), read_tree(out)

    pipeline.generate(seeds, out)  # nothing changed: nothing is written
    assert inodes(out) == first

    seed = sorted(seeds.glob("003_*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("artificial intelligence", "artificial  intelligence", 1)
                    .replace("the", "The", 1), encoding="utf-8")
    pipeline.generate(seeds, out)
    after = read_tree(out)
    changed = {p for p in after if after[p] != before.get(p)}
    rewritten = {p for p, ino in inodes(out).items() if first.get(p) != ino}
    assert changed and rewritten == changed
    assert len(changed) < len(after) / 4, sorted(changed)
