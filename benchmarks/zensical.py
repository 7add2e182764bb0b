"""Material for MkDocs against Zensical on the same pages: the CPU seconds of each build.

    .venv/bin/python benchmarks/zensical.py [--docs docs] [--repeat 3]

Builds both languages of a docs folder (default: the committed docs/) three ways and prints
CPU seconds (this process and its children: MkDocs and Zensical run as processes; CPU
rather than wall time because the machine is shared) and wall seconds of each:

- material: briefing.site.build_sites, as `build` runs it (hooks, the site's search index);
- zensical: briefing.publish.zensical.build_sites in a new work folder (no cache);
- zensical-cached: the same again in the kept work folder (Zensical's .cache/), no change.

Both write the site's own search index (briefing/search.py), so the rows differ only by the
site generator. benchmarks/scale.py calls build_with_material, build_with_zensical and
measure on its derived corpora. Zensical comes from .venv-zensical/ (`scripts/bootstrap.sh
test`); without it build_with_zensical raises ZensicalMissing, which says so.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing import site  # noqa: E402
from briefing.errors import ToolError  # noqa: E402
from briefing.publish import zensical  # noqa: E402


def build_with_material(docs_dir: Path, site_dir: Path) -> None:
    """Both languages of `docs_dir` by MkDocs (Material) into `site_dir`, as `build` does."""
    site.build_sites(Path(docs_dir), Path(site_dir))


def build_with_zensical(docs_dir: Path, site_dir: Path, work_dir: Path | None = None) -> None:
    """Both languages of `docs_dir` by Zensical into `site_dir`; a kept `work_dir` holds its
    cache between calls. Raises zensical.ZensicalMissing when it is not installed."""
    zensical.build_sites(Path(docs_dir), Path(site_dir), work_dir)


def measure(build: Callable[..., None], *args) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of `build(*args)`, its child processes' CPU included."""
    before = _cpu()
    start = time.perf_counter()
    build(*args)
    return _cpu() - before, time.perf_counter() - start


def _cpu() -> float:
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def compare(docs_dir: Path, repeat: int = 1) -> dict[str, tuple[float, float]]:
    """The least CPU seconds of `repeat` runs of each build (with its wall seconds)."""
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-zensical-") as tmp:
        out, work = Path(tmp) / "site", Path(tmp) / "work"
        for n in range(repeat):
            results.setdefault("material", []).append(
                measure(build_with_material, docs_dir, out / f"material-{n}"))
            results.setdefault("zensical", []).append(
                measure(build_with_zensical, docs_dir, out / f"zensical-{n}",
                        Path(tmp) / f"cold-{n}"))
            if n == 0:  # fill the kept work folder's cache
                build_with_zensical(docs_dir, out / "warm", work)
            results.setdefault("zensical-cached", []).append(
                measure(build_with_zensical, docs_dir, out / f"cached-{n}", work))
    return {name: min(runs) for name, runs in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs",
                        help="generated pages (zh/, en/, jieba-userdict.txt); default docs/")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the least counts")
    args = parser.parse_args(argv)
    try:
        results = compare(args.docs, args.repeat)
    except ToolError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    pages = sum(1 for _ in (args.docs / "zh").rglob("*.md"))
    print(f"{pages} pages per language, {args.docs}; Zensical {zensical.VERSION}")
    print(f"{'build':<16} {'CPU s':>7} {'wall s':>7} {'CPU ÷ material':>15}")
    base = results["material"][0]
    for name, (cpu, wall) in results.items():
        print(f"{name:<16} {cpu:7.2f} {wall:7.2f} {cpu / base:15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
