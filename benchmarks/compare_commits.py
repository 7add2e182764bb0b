"""Two commits' cached, edited `generate` side by side (issue 13), runs alternating so
that the machine's noise falls on both alike.

    .venv/bin/python benchmarks/compare_commits.py A B [--size 1000] [--runs 5]

It clones this checkout twice (at A and at B, sharing its .venv), derives a corpus as
benchmarks/scale.py does, fills each clone's own cache with one cold generate, then edits
one paragraph of a different seed before each of `--runs` rounds, each round running A's
`build.py generate` and then B's, and prints the CPU seconds (wait4) of every run and
their medians. It changes nothing in the project.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("commits", nargs=2, metavar="COMMIT")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from scale import derive_seeds, edit_one_paragraph, run

    with tempfile.TemporaryDirectory(prefix="briefing-compare-") as work:
        work = Path(work)
        seeds = work / "seeds"
        derive_seeds(seeds, args.size)
        trees = []
        for n, commit in enumerate(args.commits):
            tree = work / f"tree-{n}"
            subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(tree)],
                           check=True)
            subprocess.run(["git", "checkout", "-q", commit], cwd=tree, check=True)
            (tree / ".venv").symlink_to(ROOT / ".venv")
            trees.append(tree)

        def generate(n: int) -> float:
            command = [str(trees[n] / ".venv" / "bin" / "python"), str(trees[n] / "build.py"),
                       "generate", "--seeds", str(seeds), "--out", str(work / f"docs-{n}")]
            return run(command, {"BRIEFING_CACHE": str(work / f"cache-{n}")})[0]

        for n, commit in enumerate(args.commits):
            print(f"{commit}: cold {generate(n):.2f} s", flush=True)
        times: list[list[float]] = [[], []]
        for r in range(args.runs):
            edit_one_paragraph(seeds, (100 + r) % args.size)
            for n in range(2):
                times[n].append(generate(n))
        for n, commit in enumerate(args.commits):
            print(f"{commit}: edited, median {statistics.median(times[n]):.3f} s "
                  f"({', '.join(f'{t:.2f}' for t in times[n])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
