"""Material for MkDocs against Zensical on the same pages: the CPU seconds of each build.

    .venv/bin/python benchmarks/zensical.py [--docs docs] [--repeat 3]

Builds both languages of a docs folder (default: the committed docs/) five ways and prints
CPU seconds (this process and its children; CPU rather than wall time because the machine
is shared), of which the generator's own (MkDocs or Zensical, run as processes; the rest is
the site's search index, the same for both), and wall seconds of each:

- material: briefing.publish.site.build_sites, as `build` runs it (hooks, the site's search index);
- zensical: briefing.publish.zensical.build_sites in a new work folder (no cache);
- zensical-cached: the same again in the kept work folder (Zensical's .cache/), no change;
- zensical-nolinks(-cached): the same two without Zensical's check of links and anchors,
  which is most of its time and is not cached.

Both write the site's own search index (briefing/publish/search.py), so the rows differ only by the
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
from typing import Callable, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing.publish import site  # noqa: E402
from briefing.errors import ToolError  # noqa: E402
from briefing.publish import zensical  # noqa: E402


def build_with_material(docs_dir: Path, site_dir: Path) -> None:
    """Both languages of `docs_dir` by MkDocs (Material) into `site_dir`, as `build` does."""
    site.build_sites(Path(docs_dir), Path(site_dir))


def build_with_zensical(docs_dir: Path, site_dir: Path, work_dir: Path | None = None,
                        check_links: bool = True) -> None:
    """Both languages of `docs_dir` by Zensical into `site_dir`; a kept `work_dir` holds its
    cache between calls; `check_links=False` skips its (uncached) check of links and
    anchors. Raises zensical.ZensicalMissing when it is not installed."""
    zensical.build_sites(Path(docs_dir), Path(site_dir), work_dir, check_links)


class Timing(NamedTuple):
    cpu: float        # CPU seconds, this process and its children
    generator: float  # of which the child processes: MkDocs or Zensical themselves
    wall: float


def measure(build: Callable[..., None], *args) -> Timing:
    """The CPU and wall seconds of `build(*args)`."""
    own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    build(*args)
    generator = _cpu(resource.RUSAGE_CHILDREN) - children
    return Timing(_cpu(resource.RUSAGE_SELF) - own + generator, generator,
                  time.perf_counter() - start)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def compare(docs_dir: Path, repeat: int = 1) -> dict[str, Timing]:
    """Each build's run of least CPU seconds among `repeat`."""
    results: dict[str, list[Timing]] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-zensical-") as tmp:
        out = Path(tmp) / "site"
        for n in range(repeat):
            results.setdefault("material", []).append(
                measure(build_with_material, docs_dir, out / f"material-{n}"))
            for name, check in (("zensical", True), ("zensical-nolinks", False)):
                results.setdefault(name, []).append(
                    measure(build_with_zensical, docs_dir, out / f"{name}-{n}",
                            Path(tmp) / f"{name}-cold-{n}", check))
                work = Path(tmp) / f"{name}-kept"
                if n == 0:  # fill the kept work folder's cache
                    build_with_zensical(docs_dir, out / f"{name}-warm", work, check)
                results.setdefault(f"{name}-cached", []).append(
                    measure(build_with_zensical, docs_dir, out / f"{name}-cached-{n}",
                            work, check))
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
    print(f"{'build':<24} {'CPU s':>7} {'of which generator':>19} {'wall s':>7} "
          f"{'CPU ÷ material':>15}")
    base = results["material"].cpu
    for name, t in results.items():
        print(f"{name:<24} {t.cpu:7.2f} {t.generator:19.2f} {t.wall:7.2f} {t.cpu / base:15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
