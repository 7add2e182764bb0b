"""Where a cached generate spends its time after one paragraph edit (issue 13), stage by
stage, in one process.

    .venv/bin/python benchmarks/generate_stages.py [--size 1000] [--edits 3]

It derives a corpus as benchmarks/scale.py does, fills a cache with one cold generate (a
process of its own), then edits one paragraph of a different seed before each of
`--edits` runs, and prints the CPU seconds of each stage of each run (the stages are
wrapped in timers; a stage's figure includes those listed under it). Last, one more
edit and `build.py generate` as a process of its own, as benchmarks/scale.py measures
it. It changes nothing in the project.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: (module, function, label, depth): what is timed, indented under what it is part of.
STAGES = [
    ("briefing.pipeline", "analyse_corpus", "analyse (per-document work and linking)", 0),
    ("briefing.pipeline", "seed_work", "per-document work, from the cache", 1),
    ("briefing.pipeline", "link", "link", 1),
    ("briefing.link", "shared_passages", "shared passages (the store)", 2),
    ("briefing.link", "find_related", "related documents", 2),
    ("briefing.pipeline", "attach_names", "names", 1),
    ("briefing.pipeline", "render", "render", 0),
    ("briefing.render", "corpus_wide_pages", "corpus pages", 1),
    ("briefing.render", "type_pages", "type pages", 1),
    ("briefing.publish.page_cache", "key", "document page keys", 1),
    ("briefing.publish.page_cache", "load", "document pages from the cache", 1),
    ("briefing.render", "document_page", "document pages rendered", 1),
    ("briefing.pipeline", "write_files", "write docs/", 0),
]


def timed(times: dict, label: str, function):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            times[label] = times.get(label, 0.0) + time.process_time() - start
    return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    from briefing.cli import collect_less
    from scale import derive_seeds, edit_one_paragraph, run

    collect_less()  # as build.py runs
    with tempfile.TemporaryDirectory(prefix="briefing-stages-") as work:
        work = Path(work)
        seeds, docs, cache = work / "seeds", work / "docs", work / "cache"
        derive_seeds(seeds, args.size)
        os.environ["BRIEFING_CACHE"] = str(cache)
        subprocess.run([sys.executable, "build.py", "generate", "--seeds", str(seeds),
                        "--out", str(docs)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times: dict[str, float] = {}
        for module, name, label, _ in STAGES:
            owner = importlib.import_module(module)
            setattr(owner, name, timed(times, label, getattr(owner, name)))
        from briefing import pipeline
        runs = []
        for n in range(args.edits):
            edit_one_paragraph(seeds, 10 + n)
            times.clear()
            gc.collect()
            start = time.process_time()
            pipeline.generate(seeds, docs)
            runs.append((time.process_time() - start, dict(times)))
        # The same, as a process of its own: Python's start and the imports included.
        edit_one_paragraph(seeds, 10 + args.edits)
        whole, peak = run([sys.executable, "build.py", "generate", "--seeds", str(seeds),
                           "--out", str(docs)], {"BRIEFING_CACHE": str(cache)})
    print(f"CPU seconds at {args.size:,} seeds, cached, one paragraph edited before each "
          f"run. `build.py generate` after one more edit, as a process of its own: "
          f"{whole:.2f} s, peak RSS {peak:.0f} MB.\n")
    print("| stage | " + " | ".join(f"run {n + 1}" for n in range(len(runs))) + " |")
    print("|---|" + "---:|" * len(runs))
    print("| generate, in this process | "
          + " | ".join(f"{total:.2f}" for total, _ in runs) + " |")
    for _, _, label, depth in STAGES:
        print(f"| {'· ' * depth}{label} | "
              + " | ".join(f"{t.get(label, 0.0):.2f}" for _, t in runs) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
