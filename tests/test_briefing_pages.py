"""The corpus-wide pages: the timeline lists every full date the seeds print, "by the
numbers" every key figure (Chinese magnitudes rendered in English)."""
from __future__ import annotations

import re

import pytest

from briefing import pipeline
from briefing.render import render
from conftest import SEEDS

FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})")
FILES = render(pipeline.analyse_corpus(SEEDS))


def printed_dates() -> set[str]:
    found = set()
    for seed in SEEDS.glob("*.txt"):
        for m in FULL_DATE.finditer(seed.read_text(encoding="utf-8")):
            y, mo, d = [int(g) for g in m.groups() if g is not None]
            found.add(f"{y:04d}-{mo:02d}-{d:02d}")
    return found


#: Full dates the seeds print only in source lines (002-a4, a5, a6), the site footer of 004,
#: and the mastheads of 000 and 002.
NOT_EVENTS = {"2024-12-30", "2025-01-13", "2025-02-24", "2025-05-01", "2025-09-16",
              "2025-02-27"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_full_date_of_the_seeds_is_on_the_timeline(lang):
    dates = printed_dates()
    assert len(dates) >= 8  # not vacuous: the seeds print at least this many
    # One page per year (briefing/render/corpus_pages.py), in the order of their years.
    page = "".join(FILES[path] for path in sorted(FILES)
                   if path.startswith(f"{lang}/timeline/"))
    listed = set(re.findall(r"<strong>(\d{4}-\d{2}(?:-\d{2})?)</strong>", page))
    # Left out, as not events (briefing/render/timeline_filter.py): the dates of the bylines'
    # source lines, of the site footer, and the mastheads'.
    assert dates - listed == NOT_EVENTS, sorted(dates - listed)
    assert re.findall(r"<strong>(\d{4}-\d{2}(?:-\d{2})?)</strong>", page) == \
        sorted(re.findall(r"<strong>(\d{4}-\d{2}(?:-\d{2})?)</strong>", page))  # in order


#: The issue's examples, as each language's page shows them.
FIGURES = {
    # 7348 PFLOPS and 2500亿元: an English original's figures as its Chinese translation
    # prints them (the original's beside them: ORIGINAL_FIGURES).
    "zh": ["748EFLOPS", "433款", "157.6万件", "38.58%", "7348 PFLOPS", "6000亿元", "2500亿元"],
    "en": ["748 EFLOPS", "1.576 million", "38.58%", "7,348 PFLOPS", "nearly 600 billion yuan",
           "250 billion yuan"],
}


#: On the Chinese page, an English original's figures as printed, after the translation's.
ORIGINAL_FIGURES = {"7348 PFLOPS": "7,348 PFLOPS", "2500亿元": "250 billion yuan"}


def test_an_english_originals_figures_read_in_chinese_with_the_original_beside():
    page = FILES["zh/figures.md"]
    for chinese, english in ORIGINAL_FIGURES.items():
        assert f'<strong>{chinese}</strong></a> <span lang="en">({english})</span>' in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_figures_are_on_the_numbers_page(lang):
    page = FILES[f"{lang}/figures.md"]
    shown = re.findall(r"<strong(?: lang=\"en\")?>([^<]+)</strong>", page)
    for figure in FIGURES[lang]:
        assert figure in shown, figure
    # Each figure links to the paragraph that prints it.
    linked = re.findall(r'<a href="documents/[a-z0-9-]+\.html#p\d+"><strong[ >]', page)
    assert len(linked) == len(shown)
