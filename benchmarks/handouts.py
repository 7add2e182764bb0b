"""Time per session handout, cold and from the cache, and what one changed session costs.

    .venv/bin/python benchmarks/handouts.py

Renders every handout of the project's sessions into a scratch folder with an empty cache
(all rendered), again (none rendered: the inputs did not change), then after changing one
session's purpose in memory (only that session's handouts rendered). Prints figures; it is
not a test.
"""
from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.pipeline import analyse_corpus  # noqa: E402
from briefing.sessions.handout import write_handouts  # noqa: E402


def run(label, corpus, site, cache):
    start = time.perf_counter()
    written = write_handouts(corpus, site, cache)
    total = time.perf_counter() - start
    print(f"{label}: {total:.2f} s, {sum(r for _, _, r in written)} of {len(written)} "
          "files rendered")
    for path, seconds, rendered in written:
        print(f"  {seconds:6.2f} s  {'rendered' if rendered else 'cached  '}  "
              f"{path.relative_to(site)}")
    return written


def main() -> None:
    corpus = analyse_corpus(ROOT / "seeds")
    with tempfile.TemporaryDirectory() as scratch:
        site, cache = Path(scratch) / "site", Path(scratch) / "cache"
        run("cold", corpus, site, cache)
        run("unchanged", corpus, site, cache)
        changed = copy.deepcopy(corpus)
        changed.sessions[0].purpose["en"] += " (changed)"
        written = run("one session's English changed", changed, site, cache)
        rendered = {p.name for p, _, r in written if r}
        assert rendered and all(name.startswith(changed.sessions[0].id) for name in rendered)


if __name__ == "__main__":
    main()
