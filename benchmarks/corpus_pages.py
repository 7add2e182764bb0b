"""The corpus pages at scale (issue 13): the largest themes, timeline, figures and glossary
page of corpora of N documents derived from the seeds.

A derived corpus is the seed corpus analysed once, its articles copied until there are N,
each copy a document of its own (its id, title and dates changed: the copies spread over
twelve years, so the timeline has years to split by) with the themes, evidence, glossary
uses, figures and events of the article it copies: what the corpus pages show of a
document, at the weight of a real one. Only the corpus pages are rendered (document pages
do not depend on the corpus size). Prints, per N: the number of corpus pages and the
largest, per kind, in KB of Markdown; with --site, also the largest page as MkDocs builds
it (the pages alone, without the document pages, so links to them are not checked).

    .venv/bin/python benchmarks/corpus_pages.py [--sizes 11 1000 10000] [--site]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing import pipeline  # noqa: E402
from briefing.render.corpus_pages import corpus_pages  # noqa: E402
from briefing.model import LANGUAGES, Corpus  # noqa: E402
from briefing.render import environment, load_strings  # noqa: E402

#: The cap issue 13 sets for any page at 10,000 documents.
CAP = 400 * 1024


def shift_year(date: str | None, years: int) -> str | None:
    """`2024-03-01` moved by `years` (a date without a leading year is kept)."""
    if not date or not date[:4].isdigit():
        return date
    return f"{int(date[:4]) + years:04d}{date[4:]}"


def derive(corpus: Corpus, size: int, seed: int = 13) -> Corpus:
    """A corpus of `size` documents copied from `corpus`'s articles (see the module's
    docstring); `size` at most the seed corpus's own is the seed corpus's first articles."""
    articles = [replace(d, parent=None) for d in corpus.documents]
    if size <= len(articles):
        return replace(corpus, documents=articles[:size], compilations=[])
    rng = random.Random(seed)
    documents = []
    for i in range(size):
        doc = articles[i % len(articles)]
        years = rng.randrange(-6, 6)
        documents.append(replace(
            doc, id=f"{doc.id}-d{i}", parent=None, parts=[],
            title={lang: f"{text} · {i}" for lang, text in doc.title.items() if text},
            date=shift_year(doc.date, years),
            events=[replace(e, date=shift_year(e.date, years)) for e in doc.events]))
    return replace(corpus, documents=documents, compilations=[])


def page_sizes(corpus: Corpus) -> dict[str, int]:
    """Every corpus page of both languages: {path: bytes of Markdown}."""
    env, strings = environment(), load_strings()
    sizes = {}
    for lang in LANGUAGES:
        for path, text in corpus_pages(env, corpus, lang, strings).items():
            sizes[path] = len(text.encode("utf-8"))
    return sizes


def kind(path: str) -> str:
    """`zh/themes/data-2.md` → `themes`; `en/figures-3.md` → `figures`."""
    name = path.split("/", 1)[1]
    return name.split("/")[0].split(".")[0].split("-")[0]


def built_sizes(corpus: Corpus) -> dict[str, int]:
    """The corpus pages as MkDocs builds them (both languages, not strict): {path: bytes}."""
    from briefing.publish.site import language_config
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import yaml

    env, strings = environment(), load_strings()
    sizes = {}
    with tempfile.TemporaryDirectory() as work:
        docs, site = Path(work) / "docs", Path(work) / "site"
        for lang in LANGUAGES:
            for path, text in corpus_pages(env, corpus, lang, strings).items():
                (docs / path).parent.mkdir(parents=True, exist_ok=True)
                (docs / path).write_text(text, encoding="utf-8")
            (docs / lang / "index.md").write_text("# index\n", encoding="utf-8")
        for lang in LANGUAGES:
            out = site if lang == "zh" else site / lang
            settings = language_config(lang, docs, out)
            settings["hooks"] = []  # no git log per page: sizes only
            settings["strict"] = False  # links to the document pages, not built here
            config_file = Path(work) / f"mkdocs.{lang}.yml"
            config_file.write_text(yaml.safe_dump(settings, allow_unicode=True),
                                   encoding="utf-8")
            build(load_config(str(config_file)))
        for path in site.rglob("*.html"):
            rel = path.relative_to(site).as_posix()
            if any(part in rel for part in ("themes", "timeline", "figures", "glossary")):
                sizes[rel] = path.stat().st_size
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[11, 1000, 10000])
    parser.add_argument("--site", action="store_true",
                        help="also build the corpus pages with MkDocs and report HTML sizes")
    args = parser.parse_args()
    seed = pipeline.analyse_corpus(ROOT / "seeds")
    print(f"{'documents':>9} {'pages':>6} {'largest page (KB, Markdown)':<60} {'s':>6}")
    for size in args.sizes:
        corpus = derive(seed, size)
        start = time.process_time()
        sizes = page_sizes(corpus)
        seconds = time.process_time() - start
        largest: dict[str, tuple[int, str]] = {}
        for path, n in sizes.items():
            largest[kind(path)] = max(largest.get(kind(path), (0, "")), (n, path))
        per_kind = "  ".join(f"{k} {n / 1024:.0f}" for k, (n, _) in sorted(largest.items()))
        n, path = max(largest.values())
        print(f"{size:>9} {len(sizes):>6} {per_kind:<60} {seconds:>6.1f}")
        print(f"{'':>9} {'':>6} largest: {path} {n / 1024:.0f} KB"
              f"{'  OVER THE 400 KB CAP' if n > CAP else ''}")
        if args.site:
            html = built_sizes(corpus)
            path, n = max(html.items(), key=lambda kv: kv[1])
            print(f"{'':>9} {len(html):>6} largest built: {path} {n / 1024:.0f} KB"
                  f"{'  OVER THE 400 KB CAP' if n > CAP else ''}")


if __name__ == "__main__":
    main()
