"""Search at scale: quality, bytes fetched, latency in Chromium, index build time.

For the seed corpus and for corpora of N documents derived from it, prints one row each:
mean precision and recall over a list of Chinese (Simplified and Traditional queries) and
English terms, judged against the pages' own text; the bytes a page view fetches and the
bytes one search adds (cold cache: a new browser context each time); the time from the
first keystroke to the results shown (the box's data-ms, debounce included); the time
briefing/publish/search.py takes to index both languages; and the index's size on disk.

The seed site is built as `build` does (MkDocs, then the index; no PDFs). A derived corpus
is made from that site's own document pages, as news-shaped pages: each derived page is a
seed page (same layout, metadata, related-document lists, so the same weight) whose title
and paragraphs are replaced by a random mix of the seed corpus's sentences in that
language, 8-24 paragraphs of 1-4 sentences. The Chinese pool holds the Simplified text of
Traditional-origin documents too; Traditional queries (新質生產力) test the conversion.
The corpus is fixed by --seed.

    .venv/bin/python benchmarks/search.py [--sizes 0 1000 10000] [--pagefind]

Size 0 is the seed corpus. Needs Debian's chromium (/usr/bin/chromium) and Playwright.
--pagefind adds a row for Pagefind (`pip install "pagefind[extended]==1.5.2"`, not a
dependency of the project) on the same pages, indexing what ours indexes (the article,
without the lists of related documents and shared passages), queried through its own JS
API: the comparison README's "Search" gives.
"""
from __future__ import annotations

import argparse
import subprocess
import html
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, without installing the project

from briefing import pipeline  # noqa: E402
from briefing.publish import search, site
from briefing.publish.localserver import serving  # noqa: E402
from briefing.output import write_files  # noqa: E402
from briefing.render import render  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
PREFIX = {"zh": "", "en": "en/"}
# (language, query, what a right page contains): as tests/test_search.py judges.
TERMS = [
    ("zh", "新质生产力", "新质生产力"),
    ("zh", "新質生產力", "新质生产力"),
    ("zh", "具身智能", "具身智能"),
    ("zh", "大模型", "大模型"),
    ("zh", "头雁", "头雁"),
    ("zh", "算力", "算力"),
    ("zh", "人工智能", "人工智能"),
    ("zh", "數據要素", "数据要素"),
    ("en", "embodied intelligence", r"(?i:\bembodied intelligence\b)"),
    ("en", "large models", r"(?i:\blarge models?\b)"),
    ("en", "new quality productive forces", r"(?i:\bnew quality productive forces?\b)"),
    ("en", "policy", r"(?i:\bpolic(y|ies)\b)"),
    ("en", "computing power", r"(?i:\bcomputing powers?\b)"),
    ("en", "data", r"(?i:\bdata\b)"),
]
SENTENCE = {"zh": re.compile(r"[^。！？]+[。！？]?"), "en": re.compile(r"[^.!?]+[.!?]?\s*")}
PARAGRAPH = re.compile(r'(<p class="briefing-para" id="p\d+"[^>]*>)(.*?)(</p>)', re.S)
H1 = re.compile(r'(<h1 id="[^"]*">)(.*?)(<a class="headerlink")', re.S)
TITLE = re.compile(r"<title>.*? - ", re.S)


def build_seed_site(work: Path) -> tuple[Path, float, float]:
    """The seed corpus's docs and site, as `build --no-pdf` makes them, in `work`;
    returns the site and the seconds MkDocs and the index took."""
    corpus = pipeline.analyse_corpus(ROOT / "seeds")
    docs = work / "docs"
    write_files(docs, render(corpus))
    started = time.perf_counter()
    site.build_sites(docs, work / "site")
    total = time.perf_counter() - started
    index = time_index(work / "site", docs / "jieba-userdict.txt")
    return work / "site", total - index, index


def time_index(site_dir: Path, dictionary: Path) -> float:
    started = time.perf_counter()
    for lang in PREFIX:
        search.write_index(site_dir / PREFIX[lang], dictionary)
    return time.perf_counter() - started


def derive_site(seed_site: Path, target: Path, size: int, rng: random.Random) -> None:
    """`size` derived document pages per language (see the module's docstring)."""
    shutil.copytree(seed_site, target,
                    ignore=shutil.ignore_patterns("search", "pagefind", "pdf", "*.zip"))
    for lang, sub in PREFIX.items():
        documents = target / sub / "documents"
        templates = sorted(documents.glob("*.html"))
        sources = [p.read_text(encoding="utf-8") for p in templates]
        pool = [s.strip() for p in search.read_pages(seed_site / sub)
                if p.url.startswith("documents/") for sec in p.sections[1:]
                for s in SENTENCE[lang].findall(sec.text) if len(s.strip()) > 8]
        for path in templates:
            path.unlink()
        for n in range(size):
            source = sources[n % len(sources)]
            page = PARAGRAPH.sub(lambda m: m.group(1) + html.escape(
                paragraph(pool, rng, lang)) + m.group(3), source)
            title = headline(pool, rng, lang, n)
            page = H1.sub(lambda m: m.group(1) + html.escape(title) + m.group(3), page, 1)
            page = TITLE.sub(lambda m: "<title>" + html.escape(title) + " - ", page, 1)
            (documents / f"d{n:05d}-{templates[n % len(templates)].stem}.html").write_text(
                page, encoding="utf-8")


def paragraph(pool: list[str], rng: random.Random, lang: str) -> str:
    joiner = "" if lang == "zh" else " "
    return joiner.join(rng.choice(pool) for _ in range(rng.randint(1, 4)))


def headline(pool: list[str], rng: random.Random, lang: str, n: int) -> str:
    sentence = rng.choice(pool)
    if lang == "zh":
        return sentence[:24].rstrip("。！？，") + f"（{n}）"
    return " ".join(sentence.split()[:10]).rstrip(".!?,") + f" ({n})"


def quality(site_dir: Path, found: dict[tuple[str, str], list[str]],
            verbose: bool = False) -> tuple[float, float]:
    """Mean precision and recall of the results shown for each term (with --verbose,
    printed term by term)."""
    texts = {lang: search.read_pages(site_dir / PREFIX[lang]) for lang in PREFIX}
    precisions, recalls = [], []
    for (lang, query, pattern) in TERMS:
        expected = {p.url for p in texts[lang]
                    if any(re.search(pattern, s.text) for s in p.sections)}
        shown = set(found[(lang, query)])
        right = len(shown & expected)
        precisions.append(right / len(shown) if shown else float(not expected))
        recalls.append(right / len(expected) if expected else 1.0)
        if verbose:
            print(f"    {query}: {len(shown)} shown, {len(expected)} right, precision "
                  f"{precisions[-1]:.2f}, recall {recalls[-1]:.2f}")
    return statistics.mean(precisions), statistics.mean(recalls)


@contextmanager
def _chromium(site_dir: Path) -> Iterator[tuple]:
    """Chromium, and `site_dir` served on a free port: (browser, the site's address)."""
    from playwright.sync_api import sync_playwright

    with serving(site_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser, base
        finally:
            browser.close()


def _term_pages(site_dir: Path, base: str) -> Iterator[tuple[int, str, str, str]]:
    """(number, language, query, address of the document page it is typed on) per term:
    the pages vary with the term, the same for every engine."""
    for number, (lang, query, _) in enumerate(TERMS):
        document = sorted((site_dir / PREFIX[lang] / "documents").glob("*.html"))[
            number * 7 % 11]
        yield number, lang, query, base + PREFIX[lang] + "documents/" + document.name


def measure(site_dir: Path, queries: int) -> dict:
    """Every term searched in Chromium, each from a fresh context (nothing cached) on a
    document page: bytes of the page view, bytes and latency of the search, and every
    result (all batches) for the quality figures."""
    views, searches, latencies, found = [], [], [], {}
    with _chromium(site_dir) as (browser, base):
        for number, lang, query, url in _term_pages(site_dir, base):
            view, searched, ms, urls = one_search(browser, url, query,
                                                  timed=number < queries)
            views.append(view)
            if ms is not None:
                searches.append(searched)
                latencies.append(ms)
            found[(lang, query)] = urls
    return {"views": views, "searches": searches, "latencies": latencies, "found": found}


def one_search(browser, url: str, query: str, timed: bool):
    context = browser.new_context()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="networkidle")
    view = sum(_size(r) for r in finished)
    loaded = len(finished)
    page.get_by_role("searchbox").fill(query)
    page.wait_for_function(
        "q => document.querySelector('form.briefing-search').dataset.done === q", arg=query)
    ms = int(page.locator("form.briefing-search").get_attribute("data-ms"))
    searched = sum(_size(r) for r in finished[loaded:])
    more = page.locator(".briefing-search__more")
    while more.is_visible():  # every result, for precision and recall (not timed)
        count = page.locator(".briefing-search__result").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('.briefing-search__result').length > n", arg=count)
    urls = page.locator("a.briefing-search__title").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('#')[0]"
        ".replace(/^(\\.\\.\\/|\\.\\/)/, ''))")
    context.close()
    return view, searched, (ms if timed else None), urls


def _size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


PAGEFIND_EXCLUDE = ", ".join([".briefing-links", ".briefing-references", "details",
                              ".briefing-other", ".briefing-meta", ".briefing-themes",
                              ".headerlink", ".briefing-provenance", ".briefing-toggle",
                              ".briefing-title-other"])


def pagefind_index(site_dir: Path) -> float:
    """Pagefind (extended: it segments Chinese) over the same pages as ours, per language."""
    started = time.perf_counter()
    for lang in PREFIX:
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir / PREFIX[lang]),
                        "--glob", "{documents/*.html,glossary.html}", "--root-selector",
                        "article", "--exclude-selectors", PAGEFIND_EXCLUDE,
                        "--output-subdir", "pagefind", "--silent"], check=True)
    return time.perf_counter() - started


PAGEFIND_SEARCH = """async ([query, shown]) => {
  const started = performance.now();
  const pagefind = await import('../pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const first = await Promise.all(found.results.slice(0, shown).map(r => r.data()));
  return {ms: performance.now() - started, count: found.results.length};
}"""
PAGEFIND_ALL = """async (query) => {
  const pagefind = await import('../pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const all = await Promise.all(found.results.map(r => r.data()));
  // Its URLs start at the server's root (/en/documents/...): ours at the language's.
  return all.map(d => d.url.replace(/^.*?\\/(documents\\/|glossary)/, '$1'));
}"""


def measure_pagefind(site_dir: Path) -> dict:
    """The same terms through Pagefind's API on a document page: its first 10 results'
    data, as a results list shows them, timed; then all results, for quality."""
    views, searches, latencies, found = [], [], [], {}
    with _chromium(site_dir) as (browser, base):
        for _, lang, query, url in _term_pages(site_dir, base):
            context = browser.new_context()
            finished = []
            context.on("requestfinished", lambda request: finished.append(request))
            page = context.new_page()
            page.set_default_timeout(60_000)
            page.goto(url, wait_until="networkidle")
            views.append(sum(_size(r) for r in finished))
            loaded = len(finished)
            result = page.evaluate(PAGEFIND_SEARCH, [query, 10])
            searches.append(sum(_size(r) for r in finished[loaded:]))
            latencies.append(result["ms"])
            found[(lang, query)] = page.evaluate(PAGEFIND_ALL, query)
            context.close()
    return {"views": views, "searches": searches, "latencies": latencies, "found": found}


def pagefind_bytes(site_dir: Path) -> int:
    return sum(p.stat().st_size for lang in PREFIX
               for p in (site_dir / PREFIX[lang] / "pagefind").rglob("*") if p.is_file())


def index_bytes(site_dir: Path) -> int:
    return sum(p.stat().st_size for lang in PREFIX
               for p in (site_dir / PREFIX[lang] / "search").rglob("*.js"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--queries", type=int, default=len(TERMS),
                        help="how many of the terms to time (all are judged)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="precision and recall by term")
    parser.add_argument("--pagefind", action="store_true",
                        help="also measure Pagefind on the same pages (if installed)")
    args = parser.parse_args()
    print(f"{'documents':>9}  {'precision':>9}  {'recall':>6}  {'page view':>9}  "
          f"{'search (median/max)':>19}  {'latency ms (median/max)':>23}  "
          f"{'index s':>7}  {'index size':>10}  mkdocs s")
    with tempfile.TemporaryDirectory(prefix="briefing-search-bench-") as work:
        seed_site, mkdocs_s, seed_index_s = build_seed_site(Path(work) / "seed")
        for size in args.sizes:
            if size == 0:
                site_dir, index_s, count = seed_site, seed_index_s, "seed"
            else:
                site_dir = Path(work) / f"derived-{size}"
                derive_site(seed_site, site_dir, size, random.Random(args.seed))
                index_s = time_index(site_dir, Path(work) / "seed/docs/jieba-userdict.txt")
                count = str(size)
            result = measure(site_dir, args.queries)
            print(row(count, site_dir, result, index_s, index_bytes(site_dir), args.verbose)
                  + (f"  {mkdocs_s:.1f}" if size == 0 else "  -"), flush=True)
            if args.pagefind:
                index_s = pagefind_index(site_dir)
                result = measure_pagefind(site_dir)
                print(row(count + " pf", site_dir, result, index_s, pagefind_bytes(site_dir),
                          args.verbose),
                      flush=True)
            if size:
                shutil.rmtree(site_dir)


def row(label: str, site_dir: Path, result: dict, index_s: float, size: int,
        verbose: bool = False) -> str:
    precision, recall = quality(site_dir, result["found"], verbose)
    searches, latencies = result["searches"], result["latencies"]
    return (f"{label:>9}  {precision:>9.3f}  {recall:>6.3f}  "
            f"{_kb(statistics.median(result['views'])):>9}  "
            f"{_kb(statistics.median(searches)) + ' / ' + _kb(max(searches)):>19}  "
            f"{statistics.median(latencies):>11.0f} / {max(latencies):<9.0f}  "
            f"{index_s:>7.1f}  {_kb(size):>10}")


def _kb(n: float) -> str:
    return f"{n / 1024:.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


if __name__ == "__main__":
    main()
