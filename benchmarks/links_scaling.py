"""How finding shared passages and related documents grows with the corpus.

Builds synthetic corpora of N documents from the seed corpus's own paragraphs (each
document a random mix of sentences, so some wording is shared and most is not), then times
`briefing.passages.find_shared_passages` and `briefing.link.link` (which adds references
and related documents by shared themes and glossary terms; each synthetic document carries
1-4 themes and 3-12 terms of a 525-term vocabulary). Prints seconds and microseconds per document for each N: a
near-constant time per document means near-linear growth (no all-pairs comparison).

    .venv/bin/python benchmarks/links_scaling.py [--sizes 250 500 1000 2000]
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing import pipeline  # noqa: E402
from briefing.link import link  # noqa: E402
from briefing.model import Document, Paragraph, TermUse  # noqa: E402
from briefing.passages import find_shared_passages  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = parser.parse_args()
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
