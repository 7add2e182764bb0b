"""Words of the other language marked with their lang (briefing/render/lang_spans.py, issue 11):
cases as data, (label, language the text is written in, text, expected HTML)."""
from __future__ import annotations

import pytest

from briefing.render.lang_spans import mark_other_language, own_language_part

EN, ZH = '<span lang="en">', '<span lang="zh-Hans">'
MARKED = [
    ("an English gloss in a Chinese original", "zh",
     "生成式人工智能(Generative Artificial Intelligence, GenAI)推动",
     f"生成式人工智能({EN}Generative Artificial Intelligence, GenAI</span>)推动"),
    ("names and products between Chinese words", "zh", "Meta开源的Llama大模型",
     f"{EN}Meta</span>开源的{EN}Llama</span>大模型"),
    ("a personal name in Latin letters", "zh", "副主任Lin Jianhua介绍",
     f"副主任{EN}Lin Jianhua</span>介绍"),
    ("a trailing full stop stays outside", "zh", "下降至Aa.", f"下降至{EN}Aa</span>."),
    ("a cited Chinese title is one run, digits included", "en",
     "see 《2023—2024年中国智能制造发展研究年度报告》 here",
     f"see {ZH}《2023—2024年中国智能制造发展研究年度报告》</span> here"),
    ("two Chinese runs around English words", "en", "济深度融合 repeats the end of 实体经济深",
     f"{ZH}济深度融合</span> repeats the end of {ZH}实体经济深</span>"),
    ("markup in either script stays text", "zh", "见<b>Google</b>",
     f"见&lt;b&gt;{EN}Google</span>&lt;/b&gt;"),
    ("markup in a Chinese run stays text", "en", "the <i>人工智能</i> & co",
     f"the &lt;i&gt;{ZH}人工智能</span>&lt;/i&gt; &amp; co"),
]
#: Text that is all in its own language: nothing to mark (acronyms and codes read the
#: same in both languages).
UNMARKED = [
    ("acronyms and codes", "zh", "H100 (SXM) 的 FP16 算力达到 1979TFLOPS，AI 与 5G"),
    ("numbers and full-width marks only", "zh", "2023年，全市核心产值突破2500亿元。"),
    ("plain English", "en", "The upper hand in global competition (2024), “AI+”."),
]


@pytest.mark.parametrize("label, lang, text, expected", MARKED, ids=[c[0] for c in MARKED])
def test_other_language_runs_are_marked(label, lang, text, expected):
    assert mark_other_language(text, lang) == expected


@pytest.mark.parametrize("label, lang, text", UNMARKED, ids=[c[0] for c in UNMARKED])
def test_text_in_its_own_language_is_only_escaped(label, lang, text):
    assert "<span" not in mark_other_language(text, lang)


@pytest.mark.parametrize("lang, note, tooltip", [
    ("en", 'A thing\'s character, as in "Green" (not "Green", which drops 发展).',
     'A thing\'s character, as in "Green" …'),
    ("zh", "国务院部署的行动；译文统一作“AI+” action，不作 initiative。", "国务院部署的行动…"),
    ("en", "赢得 first.", ""),
    ("zh", "集成电路，人工智能算力的硬件基础。", "集成电路，人工智能算力的硬件基础。"),
])
def test_a_tooltip_keeps_the_note_up_to_the_other_language(lang, note, tooltip):
    assert own_language_part(note, lang) == tooltip
