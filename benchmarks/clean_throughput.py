"""Throughput of the first three pipeline stages on a ~10 MB corpus: read, clean, convert.

The five seeds are too small (about 130 KB together) to time meaningfully, so this builds a
larger corpus from them in a temporary folder: numbered copies of each seed with their
lines rotated, plus files that join two seeds of the same script, each 5-100 KB like a real
seed. Then it times, with `time.perf_counter`:

* read     `read_seed` on every file (decoding, script detection);
* clean    `clean` on every seed (block and text fixers, provenance log, flags);
* convert  `split` on every cleaned seed (paragraphs, OpenCC conversion to Simplified);
* all      the three together, file by file, as the build runs them;
* clean before/after issue 17: `clean` without and with the fixers for printed matter
  (footnotes, page furniture, spaced bylines, hard wraps, mojibake), in the same run, on
  this corpus and on one made of the invented print documents (tests/data/print/);
* legacy read before/after: `read_seed` on the same corpus saved in legacy encodings
  (Simplified as GB18030, Traditional as Big5, English as Windows-1252), without and with
  the Windows-1252 reading; "before" refuses the English files, so only the Chinese files
  are timed both ways, and the English ones after;

and prints seconds and MB/s of raw input (1 MB = 10**6 bytes) for each, the best of
`--repeat` runs, with the machine's CPU count and Python version. Loading OpenCC's
dictionaries is a one-time cost, timed on its own before the stages.

Run from the project root:

    .venv/bin/python benchmarks/clean_throughput.py [--mb 10] [--repeat 3]

It prints figures and asserts nothing; nothing is written inside the project.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, Python puts benchmarks/ on the path, not the project root; the project
# is not installed as a package, so make `briefing` importable the way the tests see it.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing import clean as clean_stage  # noqa: E402
from briefing.read import encoding  # noqa: E402
from briefing.clean import fixers  # noqa: E402
from briefing.clean import clean  # noqa: E402
from briefing.read import read_seed  # noqa: E402
from briefing.script import TO_SIMPLIFIED, converter  # noqa: E402
from briefing.split import split  # noqa: E402

SEEDS = ROOT / "seeds"
PRINT = ROOT / "tests" / "data" / "print"
#: The fixers issue 17 added, left out for the "before" figures.
PRINT_FIXERS = {"mark_footnotes", "remove_page_furniture", "mark_spaced_byline",
                "join_hard_wrapped_lines", "repair_mojibake"}
MB = 10**6
MAX_FILE = 100_000  #: a joined file larger than this is not written (real seeds stay below)


def build_corpus(folder: Path, target_bytes: int, sources: Path = SEEDS) -> list[Path]:
    """Write distinct seed-like files into `folder` until they hold `target_bytes` in all.

    Copy n of a seed keeps its first line (the title) and rotates the others by n, so every
    file differs while its lines, and so the fixers' work, stay realistic. A numbered line
    in the seed's own language is added too, because a seed with few lines has few distinct
    rotations. Same-script seeds are also joined in pairs: mixing scripts in one file would
    change script detection, which real seeds do not exercise.
    """
    originals = [(p, read_seed(p)) for p in sorted(sources.glob("*.txt"))]
    by_script: dict[str, list[str]] = {}
    for _, seed in originals:
        by_script.setdefault(seed.script, []).append(seed.text)

    paths: list[Path] = []
    written = 0
    n = 0
    while written < target_bytes:
        n += 1
        variants = [(path.stem, seed.script, seed.text) for path, seed in originals]
        variants += [(f"joined_{script}", script, "\n".join(texts))
                     for script, texts in sorted(by_script.items()) if len(texts) > 1]
        for stem, script, text in variants:
            data = vary(text, n, script).encode("utf-8")
            if len(data) > MAX_FILE:
                continue
            path = folder / f"{n:04d}_{stem}.txt"
            path.write_bytes(data)
            paths.append(path)
            written += len(data)
            if written >= target_bytes:
                break
    return paths


def vary(text: str, n: int, script: str) -> str:
    """Copy n of a text: title first, other lines rotated by n, a numbered line at the end."""
    title, *body = text.rstrip("\n").split("\n")
    if body:
        k = n % len(body)
        body = body[k:] + body[:k]
    # 副本 ("copy") is written the same in both Chinese scripts, so detection is unaffected.
    note = f"(copy {n})" if script == "Latn" else f"（副本 {n}）"
    return "\n".join([title, *body, note]) + "\n"


def timed(run) -> float:
    """Seconds taken by one call of `run`."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(paths: list[Path], repeat: int) -> dict[str, float]:
    """Best-of-`repeat` seconds per stage (the minimum is the least disturbed by the machine)."""
    best: dict[str, float] = {}

    def keep(stage: str, seconds: float) -> None:
        best[stage] = min(seconds, best.get(stage, float("inf")))

    for _ in range(repeat):
        # Each stage is timed on its own, over the whole corpus, with its inputs prepared
        # by the stage before, so the figures add up to roughly the `all` figure.
        seeds = []
        keep("read", timed(lambda: seeds.extend(read_seed(p) for p in paths)))
        cleaned = []
        keep("clean", timed(lambda: cleaned.extend(clean(s) for s in seeds)))
        keep("convert", timed(lambda: [split(c) for c in cleaned]))
        # Only Traditional seeds are converted; the others pass through `split` unchanged,
        # so OpenCC's own speed is also given over the bytes it actually converts.
        hant = [c for c in cleaned if c.conversion]
        keep("convert (Hant only)", timed(lambda: [split(c) for c in hant]))
        keep("all", timed(lambda: [split(clean(read_seed(p))) for p in paths]))
    return best


@contextlib.contextmanager
def without_print_fixers():
    """The cleaner as it was before issue 17: its registries without the print fixers."""
    saved = fixers.BLOCK_FIXERS[:], clean_stage.REPAIR_FIXERS[:]
    fixers.BLOCK_FIXERS[:] = [f for f in saved[0] if f.__name__ not in PRINT_FIXERS]
    clean_stage.REPAIR_FIXERS[:] = [f for f in saved[1] if f.__name__ not in PRINT_FIXERS]
    try:
        yield
    finally:
        fixers.BLOCK_FIXERS[:], clean_stage.REPAIR_FIXERS[:] = saved


def measure_before_after(paths: list[Path], repeat: int) -> tuple[float, float]:
    """Best-of-`repeat` seconds of `clean` over the corpus, without and with the print
    fixers, alternating so that both see the same machine."""
    seeds = [read_seed(p) for p in paths]
    before = after = float("inf")
    for _ in range(repeat):
        with without_print_fixers():
            before = min(before, timed(lambda: [clean(s) for s in seeds]))
        after = min(after, timed(lambda: [clean(s) for s in seeds]))
    return before, after


#: The legacy encoding each script arrives in.
LEGACY = {"Hans": "gb18030", "Hant": "big5", "Latn": "cp1252"}


def legacy_corpus(folder: Path, paths: list[Path]) -> dict[str, list[Path]]:
    """The corpus saved again in legacy encodings, grouped as "Chinese" and "English"."""
    folder.mkdir()
    groups: dict[str, list[Path]] = {"Chinese": [], "English": []}
    for path in paths:
        seed = read_seed(path)
        target = folder / path.name
        target.write_bytes(seed.text.encode(LEGACY[seed.script], errors="ignore"))
        groups["English" if seed.script == "Latn" else "Chinese"].append(target)
    return groups


def measure_legacy(groups: dict[str, list[Path]], repeat: int) -> dict[str, tuple]:
    """Best-of-`repeat` seconds of `read_seed` per group, without the Windows-1252 reading
    (None for English: it is refused then) and with it, alternating."""
    saved = encoding.western_reading
    figures = {}
    for name, paths in groups.items():
        before = after = float("inf")
        for _ in range(repeat):
            if name == "Chinese":
                encoding.western_reading = lambda data: None
                try:
                    before = min(before, timed(lambda: [read_seed(p) for p in paths]))
                finally:
                    encoding.western_reading = saved
            after = min(after, timed(lambda: [read_seed(p) for p in paths]))
        size = sum(p.stat().st_size for p in paths)
        figures[name] = (size, None if before == float("inf") else before, after)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0,
                        help="size of the generated corpus in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per stage; the best is shown (default 3)")
    args = parser.parse_args(argv)

    # Loading the dictionaries is paid once per process (`converter` caches it), so it is
    # timed apart; the stages below then measure steady-state work only.
    configs = ["t2s", "s2t"] + sorted({c for c in TO_SIMPLIFIED.values() if c})
    load = timed(lambda: [converter(c) for c in configs])

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        paths = build_corpus(Path(tmp), int(args.mb * MB))
        sizes = {p: p.stat().st_size for p in paths}
        total = sum(sizes.values())
        hant_bytes = sum(sizes[p] for p in paths if TO_SIMPLIFIED.get(read_seed(p).script))
        best = measure(paths, args.repeat)
        before_after = {"seeds corpus": (total, measure_before_after(paths, args.repeat))}
        printed = Path(tmp) / "print"
        printed.mkdir()
        print_paths = build_corpus(printed, int(args.mb * MB / 10), PRINT)
        print_total = sum(p.stat().st_size for p in print_paths)
        before_after["print corpus"] = (print_total,
                                        measure_before_after(print_paths, args.repeat))
        legacy = measure_legacy(legacy_corpus(Path(tmp) / "legacy", paths), args.repeat)

    print(f"Python {platform.python_version()} ({platform.python_implementation()}), "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}")
    print(f"corpus: {len(paths)} files, {total / MB:.2f} MB "
          f"({min(sizes.values()) / 1000:.1f}-{max(sizes.values()) / 1000:.1f} KB each), "
          f"of which Traditional {hant_bytes / MB:.2f} MB; best of {args.repeat} runs")
    print(f"OpenCC dictionaries loaded once ({', '.join(configs)}): {load:.3f} s")
    print()
    print(f"{'stage':<22}{'seconds':>10}{'MB/s':>10}")
    for stage, seconds in best.items():
        size = hant_bytes if stage == "convert (Hant only)" else total
        print(f"{stage:<22}{seconds:>10.3f}{size / MB / seconds:>10.2f}")
    print()
    print("clean, before and after issue 17 (print fixers), same run:")
    print(f"{'corpus':<22}{'MB':>8}{'before s':>10}{'after s':>10}{'before MB/s':>13}"
          f"{'after MB/s':>12}{'change':>9}")
    for name, (size, (before, after)) in before_after.items():
        print(f"{name:<22}{size / MB:>8.2f}{before:>10.3f}{after:>10.3f}"
              f"{size / MB / before:>13.2f}{size / MB / after:>12.2f}"
              f"{(before / after - 1) * 100:>+8.1f}%")
    print()
    print("read in legacy encodings, before and after the Windows-1252 reading, same run:")
    print(f"{'files':<22}{'MB':>8}{'before s':>10}{'after s':>10}{'after MB/s':>12}"
          f"{'change':>9}")
    for name, (size, before, after) in legacy.items():
        change = f"{(before / after - 1) * 100:>+8.1f}%" if before else "  (refused before)"
        print(f"{name:<22}{size / MB:>8.2f}{before or float('nan'):>10.3f}{after:>10.3f}"
              f"{size / MB / after:>12.2f}{change:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
