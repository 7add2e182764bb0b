"""How finding shared passages and related documents grows with the corpus.

Builds synthetic corpora of N documents from the seed corpus's own paragraphs (each
document a random mix of sentences, so some wording is shared and most is not), then times
`briefing.link.passages.find_shared_passages` and `briefing.link.link` (which adds references
and related documents by shared themes and glossary terms; each synthetic document carries
1-4 themes and 3-12 terms of a 525-term vocabulary). Prints seconds and microseconds per document for each N: a
near-constant time per document means near-linear growth (no all-pairs comparison).

With `--adversarial`, times instead the inputs of tests/data/passages_adversarial.yml, made
to repeat themselves (issue 14): two seeds of '人工智能' * N, thousands of identical
paragraphs, a 19 MB seed and a 70-byte one that share a phrase. Each runs in a process of
its own, which reports CPU seconds and the peak memory the matching adds; the figures the
issue measured before the matching was bounded are printed alongside.

    .venv/bin/python benchmarks/links_scaling.py [--sizes 250 500 1000 2000]
    .venv/bin/python benchmarks/links_scaling.py --adversarial [--scale 0.1]
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing import pipeline  # noqa: E402
from briefing.link import link  # noqa: E402
from briefing.model import Document, Paragraph, TermUse  # noqa: E402
from briefing.link.passages import find_shared_passages  # noqa: E402

import yaml  # noqa: E402

ADVERSARIAL = ROOT / "tests" / "data" / "passages_adversarial.yml"
#: The characters a case's `random` text is drawn from: the CJK Unified Ideographs block.
HAN_POOL = [chr(c) for c in range(0x4E00, 0x9FA6)]


def sentences() -> list[str]:
    corpus = pipeline.analyse_corpus(ROOT / "seeds")
    found = []
    for doc in corpus.documents:
        for para in doc.paragraphs:
            found += [s for s in re.split(r"(?<=[。！？])", para.text) if len(s) > 8]
    terms = [t.id for t in corpus.glossary] + [f"term-{i}" for i in range(500)]
    return found, [t.id for t in corpus.themes], terms


def synthetic(n: int, pool: list[str], theme_ids: list[str], term_ids: list[str],
              rng: random.Random) -> list[Document]:
    docs = []
    for i in range(n):
        paragraphs = []
        for p in range(rng.randint(5, 15)):
            # Mostly fresh text (shuffled characters), now and then a sentence of the pool:
            # so passages are shared between some documents, as in a real collection.
            parts = []
            for _ in range(rng.randint(2, 5)):
                sentence = rng.choice(pool)
                if rng.random() < 0.9:
                    sentence = "".join(rng.sample(sentence, len(sentence)))
                parts.append(sentence)
            paragraphs.append(Paragraph(f"p{p + 1}", "text", "".join(parts), (p + 1, p + 1)))
        docs.append(Document(id=f"doc-{i:05d}", source=f"doc-{i:05d}.txt", language="zh",
                             script="Hans", title={"zh": f"文献{i}", "en": None},
                             paragraphs=paragraphs,
                             themes=rng.sample(theme_ids, rng.randint(1, 4)),
                             terms=[TermUse(t, "p1", 0, 1)
                                    for t in rng.sample(term_ids, rng.randint(3, 12))]))
    return docs


def adversarial_cases() -> list[dict]:
    """The cases of tests/data/passages_adversarial.yml, in order."""
    return yaml.safe_load(ADVERSARIAL.read_text(encoding="utf-8"))


def adversarial_documents(case: dict, scale: float = 1.0) -> list[Document]:
    """The documents of a case (the data file's comment says how they are written), each
    group's `repeat` and `paragraphs` multiplied by `scale`."""
    def scaled(count: int) -> int:
        return max(1, round(count * scale))
    docs = []
    for n, groups in enumerate(case["documents"]):
        texts = []
        for g, group in enumerate(groups):
            for k in range(scaled(group.get("paragraphs", 1))):
                draw = f"{case['label']}/{'all' if group.get('copy') else n}/{g}/{k}"
                filler = "".join(random.Random(draw).choices(HAN_POOL, k=group.get("random", 0)))
                texts.append((filler + group.get("text", "")) * scaled(group.get("repeat", 1))
                             + group.get("end", ""))
        docs.append(Document(id=f"doc-{n}", source=f"doc-{n}.txt", language="zh",
                             script="Hans", title={"zh": f"文献{n}", "en": None},
                             paragraphs=[Paragraph(f"p{i}", "text", text, (i, i))
                                         for i, text in enumerate(texts, start=1)]))
    return docs


def measure_case(case: dict, scale: float = 1.0) -> dict:
    """Build a case, then find its shared passages: the CPU seconds it takes, the memory
    it adds to the process's peak (so measure one case per process), how many passages the
    first two documents share, and whether one of them holds the case's `shared` wording."""
    docs = adversarial_documents(case, scale)
    size = sum(len(p.text.encode("utf-8")) for d in docs for p in d.paragraphs)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    start = time.process_time()
    found = find_shared_passages(docs)
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    first_two = [s for s in found if (s.a.document, s.b.document) == ("doc-0", "doc-1")]
    shared = case.get("shared", "")
    return {"label": case["label"], "scale": scale, "input_mb": size / 2**20, "cpu_s": cpu,
            "peak_mb": peak / 1024, "passages": len(first_two),
            "shared_found": any(shared in s.text_a and shared in s.text_b for s in first_two)}


def adversarial(scale: float) -> None:
    """Measure each adversarial case in a process of its own and print a table."""
    print(f"Python {platform.python_version()}, {platform.machine()}; "
          f"cases of {ADVERSARIAL.relative_to(ROOT)}, at {scale:g} of their size")
    print(f"{'input MiB':>9} {'CPU s':>6} {'peak MiB':>8} {'passages':>8} {'found':>5}  "
          f"case (before: as the issue measured)")
    for number, case in enumerate(adversarial_cases()):
        child = subprocess.run([sys.executable, __file__, "--case", str(number),
                                "--scale", str(scale)], capture_output=True, text=True,
                               check=True)
        m = json.loads(child.stdout)
        print(f"{m['input_mb']:>9.2f} {m['cpu_s']:>6.2f} {m['peak_mb']:>8.0f} "
              f"{m['passages']:>8} {'yes' if m['shared_found'] else 'NO':>5}  "
              f"{case['label']} (before: {case['before']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--adversarial", action="store_true",
                        help="time the inputs that repeat themselves instead")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="with --adversarial or --case: the share of each case's size")
    parser.add_argument("--case", type=int,
                        help="measure this adversarial case alone and print it as JSON")
    args = parser.parse_args()
    if args.case is not None:
        print(json.dumps(measure_case(adversarial_cases()[args.case], args.scale)))
        return 0
    if args.adversarial:
        adversarial(args.scale)
        return 0
    pool, theme_ids, term_ids = sentences()
    print(f"Python {platform.python_version()}, {platform.machine()}; "
          f"sentence pool: {len(pool)} sentences from the seeds")
    print(f"{'documents':>9} {'chars':>10} {'passages':>9} {'find s':>8} {'link s':>8} "
          f"{'µs/doc':>8}")
    for n in args.sizes:
        docs = synthetic(n, pool, theme_ids, term_ids, random.Random(n))
        chars = sum(len(p.text) for d in docs for p in d.paragraphs)
        start = time.perf_counter()
        found = find_shared_passages(docs)
        found_s = time.perf_counter() - start
        start = time.perf_counter()
        link([replace(d) for d in docs])
        link_s = time.perf_counter() - start
        print(f"{n:>9} {chars:>10} {len(found):>9} {found_s:>8.2f} {link_s:>8.2f} "
              f"{link_s / n * 1e6:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
