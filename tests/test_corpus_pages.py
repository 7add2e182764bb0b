"""The corpus pages split by theme, year, letter and page (issue 13): no page grows with the
corpus, every entry is on some page, and the pages link each other. Corpora are derived from
the seeds as benchmarks/corpus_pages.py derives them (which reports 1,000 and 10,000)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

from types import SimpleNamespace

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from briefing.render import corpus_pages as cp  # noqa: E402
from briefing import pipeline  # noqa: E402
from briefing.render.timeline_filter import timeline_events, why_not_event  # noqa: E402
from corpus_pages import CAP, derive, kind, page_sizes  # noqa: E402

SEED = pipeline.analyse_corpus(ROOT / "seeds")


@pytest.fixture
def small_pages(monkeypatch):
    """Pages a few entries long, so that a corpus of a few hundred documents fills many."""
    monkeypatch.setattr(cp, "PER_PAGE", {"themes": 8, "timeline": 20, "figures": 15})
    monkeypatch.setattr(cp, "PLACES_SHOWN", 6)


def largest_per_kind(sizes: dict[str, int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for path, n in sizes.items():
        found[kind(path)] = max(found.get(kind(path), 0), n)
    return found


def test_the_largest_page_does_not_grow_with_the_corpus(small_pages):
    """Four times the documents: more pages, and none of them four times larger, as an
    unsplit page would be (a full page still varies with the length of its entries'
    sentences, hence the factor 2)."""
    small, large = page_sizes(derive(SEED, 80)), page_sizes(derive(SEED, 320))
    assert len(large) > len(small) * 1.5
    before, after = largest_per_kind(small), largest_per_kind(large)
    assert set(before) == {"themes", "timeline", "figures", "glossary"}
    for name in before:
        assert after[name] < before[name] * 2, (name, before[name], after[name])


def test_no_page_exceeds_the_cap_with_full_pages():
    """With the real page lengths at 300 documents every kind has a full page (the densest
    theme's first page, a full page of figures, glossary terms at their cap of documents);
    the timeline's pages of a year fill at 1,000 (benchmarks/corpus_pages.py)."""
    sizes = page_sizes(derive(SEED, 300))
    path, largest = max(sizes.items(), key=lambda kv: kv[1])
    # A full page's Markdown, plus what MkDocs and the theme add (about 12 KB), stays
    # well under the cap: room for entries heavier than the seeds'.
    assert largest < CAP / 2, (path, largest)
    assert any(re.search(r"/themes/[\w-]+-2\.md$", p) for p in sizes)  # themes did page
    assert any(re.search(r"/figures-2\.md$", p) for p in sizes)


def test_every_entry_is_on_exactly_one_page(small_pages):
    corpus = derive(SEED, 120)
    from briefing.render import environment, load_strings
    files = cp.corpus_pages(environment(), corpus, "en", load_strings())
    theme = "large-models"
    pages = sorted(p for p in files if re.fullmatch(rf"en/themes/{theme}(-\d+)?\.md", p))
    assert len(pages) > 2
    listed = [m for p in pages for m in re.findall(
        r'<li><a href="\.\./documents/([\w-]+)\.html">', files[p])]
    carrying = [d.id for d in corpus.documents if theme in d.themes]
    assert sorted(listed) == sorted(carrying)  # each once
    # Every page links every other page of its series.
    for p in pages:
        for other in pages:
            if other != p:
                assert f'href="{Path(other).stem}.html"' in files[p], (p, other)
    events = [m for p, text in files.items() if p.startswith("en/timeline/")
              for m in re.findall(r"<strong>([\d-]+)</strong>", text)]
    from briefing.render.pages import timeline_entries
    assert len(events) == len(timeline_events(timeline_entries(corpus, "en", load_strings())))
    figures = [m for p, text in files.items() if re.fullmatch(r"en/figures(-\d+)?\.md", p)
               for m in re.findall(r"\.html#p\d+\"><strong>", text)]
    assert len(figures) == sum(len(row["numbers"]) for d in corpus.documents
                               for row in cp.figure_rows(d, "en"))
    assert 0 < len(figures) <= sum(len(d.figures) for d in corpus.documents)


#: Where a glossary term is filed: (Chinese, English, letter on zh, letter on en).
LETTERS = [
    ("新质生产力", "new quality productive forces", "x", "n"),
    ("大模型", "large model", "d", "l"),
    ("人工智能+", "AI+", "r", "a"),
    ("5G", "5G", "other", "other"),
    ("行业大模型", "industry large model", "h", "i"),  # 行 read háng in 行业 (not xíng)
    ("重大科技专项", "major science and technology project", "z", "m"),  # 重 zhòng, not chóng
]


@pytest.mark.parametrize("zh, en, on_zh, on_en", LETTERS)
def test_a_term_is_filed_by_its_pinyin_or_its_english(zh, en, on_zh, on_en):
    from types import SimpleNamespace
    term = SimpleNamespace(zh=zh, en=en, id="x")
    assert cp.initial(term, "zh") == on_zh
    assert cp.initial(term, "en") == on_en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_index_is_in_pinyin_or_alphabetical_order(lang):
    from briefing.render import render
    files = render(SEED)
    index = files[f"{lang}/glossary.md"]
    letters = re.findall(r"^## (\S+) \{#letter-(\w+)\}$", index, re.M)
    keys = [k for _, k in letters]
    assert keys == sorted(keys, key=lambda k: (k == "other", k)) and len(keys) > 5
    terms = {t.id: t for t in SEED.glossary}
    shown = re.findall(r'<a href="glossary/\w+\.html#([\w-]+)">', index)
    assert sorted(shown) == sorted(terms)
    order = [cp.sort_key(terms[i], lang) for i in shown]
    assert order == sorted(order)
    if lang == "zh":  # pinyin shown, with tones
        assert 'lang="zh-Latn-pinyin">dà mó xíng</span>' in index


@pytest.mark.parametrize("lang, other", [("zh", "en"), ("en", "zh-Hans")])
def test_evidence_is_quoted_in_the_readers_language_with_the_original_folded(lang, other):
    """Issue 11 item 2: on the Chinese site the English originals (000, 003) are quoted
    from their Chinese translations; on the English site the Chinese ones from theirs."""
    from briefing.render import render
    files = render(SEED)
    mine = "zh-Hans" if lang == "zh" else "en"
    pages = "".join(text for path, text in files.items() if path.startswith(f"{lang}/themes/"))
    foreign = [d for d in SEED.documents if (d.language == "zh") != (lang == "zh")]
    assert foreign
    for d in foreign:
        for theme_id in d.themes:
            page = files[f"{lang}/themes/{theme_id}.md"]
            for e in d.theme_evidence[theme_id]:
                item = page.split(f'documents/{d.id}.html#{e.paragraph}">')[1].split("</li>")[0]
                if d.translation.get(e.paragraph) and \
                        d.translation[e.paragraph].state == "current":
                    assert re.match(r'p\d+</a>[^<]*<q lang="([^"]+)"', item)[1] == mine, item
                    assert "<summary>" in item and f'<q lang="{other}">' in item
    assert pages.count(f'<q lang="{mine}">') > pages.count(f'<q lang="{other}">') / 2


EVENT_CASES = yaml.safe_load((ROOT / "tests" / "data" / "timeline_events.yml").read_text(
    encoding="utf-8"))


@pytest.mark.parametrize("case", EVENT_CASES, ids=[c["label"] for c in EVENT_CASES])
def test_only_events_go_on_the_timeline(case):
    assert why_not_event(case["sentence"], case["date"], case["language"]) == case["expected"]


def test_a_date_printed_again_in_the_same_document_is_one_event():
    entry = {"kind": "event", "language": "zh", "id": "d", "date": "2025-04-29",
             "text": "4月29日"}
    entries = [{**entry, "paragraph": "p3", "sentence": "4月29日，总书记来到这里。"},
               {**entry, "paragraph": "p5", "sentence": "4月29日，总书记察看展示。"},
               {**entry, "paragraph": "p5", "sentence": "4月29日，又一句。"},
               {**entry, "id": "e", "paragraph": "p1", "sentence": "4月29日，另一篇。"},
               {**entry, "paragraph": "p9", "sentence": "△4月29日，总书记考察。"}]
    events = timeline_events(entries)
    assert [(e["id"], e["paragraph"], e["also"]) for e in events] == [
        ("d", "p3", ["p5"]), ("e", "p1", [])]


def test_the_seed_timeline_has_no_byline_footer_caption_or_masthead():
    from briefing.render import render
    files = render(SEED)
    for lang in ("zh", "en"):
        text = "".join(t for p, t in files.items() if p.startswith(f"{lang}/timeline/"))
        for banned in ("责任编辑", "△", "来源：《", "来源:《", "作者系"):
            assert banned not in text, (lang, banned)
        assert "2025-04-25" in text and "2024-01-31" in text
        dates = re.findall(r"<strong>([\d-]+)</strong> · <a href=\"\.\./documents/([\w-]+)", text)
        assert len(dates) == len(set(dates))  # one entry per date and document


def test_figures_are_merged_and_each_sentence_quoted_once():
    """Issue 11: "By the numbers" repeated one 150-character sentence five times."""
    for d in SEED.documents:
        for lang in ("zh", "en"):
            rows = cp.figure_rows(d, lang)
            sentences = [(r["paragraph"], r["quote"]["original"] or r["quote"]["text"])
                         for r in rows]
            assert len(sentences) == len(set(sentences)), d.id
            for r in rows:
                shown = [v["shown"] for v in r["numbers"]]
                assert len(shown) == len(set(shown)) and shown, d.id
    assert sum(len(d.figures) for d in SEED.documents) > sum(
        len(cp.figure_rows(d, "en")) for d in SEED.documents)  # something was merged
