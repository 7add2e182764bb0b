"""The generator at scale (issue 13): corpora of 100, 1,000 and 10,000 seeds derived from
the seeds, measured stage by stage.

    .venv/bin/python benchmarks/scale.py [--sizes 100 1000] [--no-site] [--no-zensical]

For each size it derives a seeds folder (below), then, each step in a process of its own
and with a cache folder of its own (BRIEFING_CACHE), prints CPU seconds (the process and
the processes it waits for: the machine is shared, wall time is noise) and peak RSS:

- generate, cold (empty cache), then again with nothing changed, then after one paragraph
  edit (one word of one derived seed): the incremental ratios;
- which files of docs/ the edit rewrote, and their bytes (what a pull request shows);
- the size of docs/ and its largest page (corpus records apart);
- the sites (MkDocs with Material, both languages, as `build` runs them) on the cold and
  on the edited docs/, and, in the same run, the same pages under Zensical (cold, then
  with its cache) when .venv-zensical/ is there;
- `build.py build --no-pdf` (generate, both sites with their search index, the offline
  zip), cold and after another one-paragraph edit: the build ratio. The sites are then
  rendered only where docs/ changed (briefing.publish.mkdocs_run).

Derived seeds: the five seeds in turn (every 20th the compilation), the first line tagged
with the seed's number (so titles differ), 30% of the sentences of each long paragraph
swapped for sentences of other seeds in the same script (so documents share some wording,
as a real corpus does), every 7th Chinese one saved as GB18030 or Big5. The themes,
glossary and names files come along; the editorial, translation, session and type files
name the real documents' ids and stay behind.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing.read import read_seed  # noqa: E402

SEEDS = ROOT / "seeds"
SENTENCE = re.compile(r"(?<=[。！？.!?])\s*")
#: What the edit changes: one character of the longest paragraph of this derived seed.
EDITED = 1


def derive_seeds(folder: Path, n: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    originals = [(p, read_seed(p, SEEDS)) for p in sorted(SEEDS.glob("*.txt"))]
    compilation = [o for o in originals if o[0].name.startswith("002")]
    single = [o for o in originals if not o[0].name.startswith("002")]
    pool: dict[str, list[str]] = {}
    for _, s in originals:
        for line in s.text.split("\n")[2:]:
            pool.setdefault(s.script, []).extend(x for x in SENTENCE.split(line) if len(x) > 8)
    folder.mkdir(parents=True)
    for i in range(n):
        path, s = compilation[0] if i % 20 == 7 else single[i % len(single)]
        lines = s.text.rstrip("\n").split("\n")
        out = []
        for k, line in enumerate(lines):
            if k == 0 or len(line) < 60 or path.name.startswith("002"):
                out.append(line)
                continue
            parts = [rng.choice(pool[s.script]) if rng.random() < 0.3 else x
                     for x in SENTENCE.split(line) if x]
            out.append((" " if s.script == "Latn" else "").join(parts))
        out[0] += f" ({i})" if s.script == "Latn" else f"（{i}）"
        text = "\n".join(out) + "\n"
        encoding = {"Hans": "gb18030", "Hant": "big5"}.get(s.script) if i % 7 == 3 else None
        try:
            data = text.encode(encoding or "utf-8")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        (folder / f"{i:05d}_{path.stem.split('_', 1)[1]}.txt").write_bytes(data)
    for name in ("themes.yml", "glossary.yml", "names.yml"):
        shutil.copyfile(SEEDS / name, folder / name)


def edit_one_paragraph(folder: Path, which: int = EDITED) -> str:
    """Change one character in the longest line of one seed, as an editor's fix would."""
    path = sorted(folder.glob("*.txt"))[which]
    data = path.read_bytes()
    text = data.decode("utf-8")
    lines = text.split("\n")
    k = max(range(1, len(lines)), key=lambda j: len(lines[j]))
    lines[k] = lines[k].replace("的", "之", 1) if "的" in lines[k] else lines[k].replace(
        " the ", " The ", 1)
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return path.name


def run(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of one process, its waited-for children included.

    The CPU seconds come from wait4 (the process and the children it waited for); the
    peak RSS is the larger of the process's own and, when it prints `peak-rss-kb N` last
    (as `sites` does), that of its largest child."""
    proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])}… failed:\n{stderr[-2000:]}")
    children = re.findall(r"peak-rss-kb (\d+)", stderr)
    peak = max([usage.ru_maxrss, *map(int, children[-1:])])
    return usage.ru_utime + usage.ru_stime, peak / 1024


def generate(seeds: Path, docs: Path, cache: Path) -> tuple[float, float]:
    return run([sys.executable, "build.py", "generate", "--seeds", str(seeds), "--out",
                str(docs)], {"BRIEFING_CACHE": str(cache)})


def build(seeds: Path, out: Path, cache: Path) -> tuple[float, float]:
    """`build.py build --no-pdf`: generate, both sites with their search, the offline zip."""
    return run([sys.executable, "build.py", "build", "--no-pdf", "--seeds", str(seeds),
                "--docs", str(out / "docs"), "--site", str(out / "site")],
               {"BRIEFING_CACHE": str(cache)})


def sites(docs: Path, site: Path, tool: str = "material", work: Path | None = None):
    code = ("import resource, sys; from pathlib import Path; sys.path.insert(0, 'benchmarks'); "
            "import zensical as z; "
            f"z.build_with_{tool}(Path({str(docs)!r}), Path({str(site)!r})"
            + (f", Path({str(work)!r}))" if work else ")")
            + "; print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
              " file=sys.stderr)")
    return run([sys.executable, "-c", code])


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size,
                                               hashlib.sha256(p.read_bytes()).hexdigest())
            for p in folder.rglob("*") if p.is_file()}


def zensical_available() -> bool:
    return (ROOT / ".venv-zensical" / "bin" / "zensical").exists()


def measure(n: int, work: Path, with_site: bool, with_zensical: bool) -> list[str]:
    seeds, docs, cache = work / "seeds", work / "docs", work / "cache"
    derive_seeds(seeds, n)
    rows = []
    cold, cold_rss = generate(seeds, docs, cache)
    same, same_rss = generate(seeds, docs, cache)
    before = snapshot(docs)
    edited = edit_one_paragraph(seeds)
    after_edit, edit_rss = generate(seeds, docs, cache)
    after = snapshot(docs)
    changed = sorted(rel for rel in set(before) | set(after) if before.get(rel) != after.get(rel))
    rewritten = sum(after[rel][0] for rel in changed if rel in after)
    pages = {rel: size for rel, (size, _) in after.items() if rel.endswith(".md")}
    largest = max(pages, key=pages.get)
    total = sum(size for size, _ in after.values())
    rows += [f"| {n:,} | generate, cold | {cold:.1f} | {cold_rss:.0f} | |",
             f"| {n:,} | generate, cached, no change | {same:.1f} | {same_rss:.0f} | "
             f"{cold / same:.1f}× |",
             f"| {n:,} | generate, cached, one paragraph edited ({edited}) | {after_edit:.1f} "
             f"| {edit_rss:.0f} | {cold / after_edit:.1f}× |"]
    notes = [f"{n:,}: docs/ {total / 2**20:.1f} MB in {len(after):,} files; largest page "
             f"{largest} {pages[largest] / 1024:.0f} KB; largest record "
             f"{max(s for r, (s, _) in after.items() if r.startswith('corpus/')) / 1024:.0f} KB",
             f"{n:,}: the edit rewrote {len(changed)} files, {rewritten / 1024:.0f} KB: "
             + ", ".join(changed)]
    if with_site:
        mk_cold, mk_rss = sites(docs, work / "site")
        rows.append(f"| {n:,} | sites (Material, both languages) | {mk_cold:.1f} | "
                    f"{mk_rss:.0f} | |")
        # The build command itself: cold, then after another one-paragraph edit.
        b_cold, b_rss = build(seeds, work / "built", work / "build-cache")
        second = edit_one_paragraph(seeds, EDITED + 1)
        b_edit, b_edit_rss = build(seeds, work / "built", work / "build-cache")
        rows += [f"| {n:,} | build --no-pdf, cold | {b_cold:.1f} | {b_rss:.0f} | |",
                 f"| {n:,} | build --no-pdf, one paragraph edited ({second}) | {b_edit:.1f} "
                 f"| {b_edit_rss:.0f} | {b_cold / b_edit:.1f}× |"]
        if with_zensical and zensical_available():
            zwork = work / "zensical-work"
            z_cold, z_rss = sites(docs, work / "site-z", "zensical", zwork)
            z_again, _ = sites(docs, work / "site-z2", "zensical", zwork)
            rows += [f"| {n:,} | sites (Zensical 0.0.73), cold | {z_cold:.1f} | {z_rss:.0f} | "
                     f"{mk_cold / z_cold:.2f}× Material |",
                     f"| {n:,} | sites (Zensical), its cache, no change | {z_again:.1f} | | "
                     f"{mk_cold / z_again:.2f}× Material |"]
        elif with_zensical:
            notes.append(f"{n:,}: Zensical not measured: .venv-zensical/ is missing "
                         "(scripts/bootstrap.sh test installs it)")
    return rows + [""] + notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--no-site", action="store_true", help="generate only")
    parser.add_argument("--no-zensical", action="store_true")
    args = parser.parse_args()
    print("| seeds | step | CPU s | peak RSS MB | ratio |\n|---:|---|---:|---:|---|")
    notes = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"briefing-scale-{n}-") as work:
            lines = measure(n, Path(work), not args.no_site, not args.no_zensical)
            split = lines.index("")
            print("\n".join(lines[:split]), flush=True)
            notes += lines[split + 1:]
    print()
    print("\n".join(f"- {note}" for note in notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
