"""Key figures in a paragraph: every number with a unit, and what it measures.

A briefing quotes its documents' numbers (`433款大模型`, `748EFLOPS`, `7,348 PFLOPS`); this
module finds them in one paragraph of cleaned text (Simplified Chinese or English) and says,
for each, what was printed, its value, its unit, what it measures when the text says so, how
it reads in English and which sentence holds it. It is pure: text in, `Figure`s out.

What counts as a figure:

- Chinese: Arabic digits (ASCII or full width, with thousands commas and a decimal point), a
  magnitude (万, 亿, 万亿 — not 千 or 百: `5千瓦` is 5 kW, and nobody writes `3千家`), 余/多
  ("more than") and a unit: a measure word (个 款 家 项 件 架 台 …), money (元, 美元), %,
  个百分点, a physical unit (千瓦, 毫秒 …) or a Latin one written after the number (EFLOPS,
  ZB, GB/s …); or digits and a magnitude alone (`达到1亿，`, unit ``). Ranges (`3-5个`) and
  shares written as fractions after 占 (`占世界 1/3`) too.
- English: a number with commas or decimals, an optional thousand/million/billion/trillion,
  and a unit (yuan, %, percent, PFLOPS …) or a counted noun phrase ending in a plural
  (`82 large models`, `1,000 industry success cases`); ranges (`3-5 … products`).

What is deliberately left alone: dates and years (`2025年2月27日`, `2024年`, `4月29日`,
`2025-09-16`, `(2024-2025)`), times (`9:00`), phone, licence and ID numbers (a leading zero,
or eight digits or more in one run), ordinals and issue numbers (`第2期`, `总第285期`, `前10名`),
names and versions with digits in them (`GPT-4`, `H100`, `Web3`, `文心 1.0`), network
generations (`5G`, `6G`), and idioms made of numerals (`千行百业`, `百模争鸣`, `十九大`).

Chinese numerals are read only where they are unambiguous: before 倍 (`十倍`), before
个百分点, and before money when the numeral holds 万 or 亿 (`万亿元`, `三千亿元`). Elsewhere
(`三个方面`, `一批企业`, `一种技术`) a numeral is as often an article as a count, so it is not
taken. English number words (`five fields`) are not read either.

A qualifier printed before the number (`近6000亿元`, `超过1.3万个`, `more than 40%`) stays out
of the figure: it belongs to the sentence, which every figure carries. One printed inside the
figure (`400余家`, `3 倍多`, `13% 以上`) is part of it and of its English.

>>> [figure] = find_figures("我国人工智能专利申请量达157.6万件。", "zh")
>>> figure.text, figure.number, figure.english, figure.measure
('157.6万件', 1576000.0, '1.576 million', '人工智能专利申请量')
>>> [figure] = find_figures("The city registered 82 large models.", "en")
>>> figure.text, figure.unit, figure.measure
('82 large models', 'large models', 'large models')
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .chinese import find_chinese
from .english import find_english
from .numbers import Figure

__all__ = ["Figure", "find_figures", "sentence_at", "sentence_spans"]

LANGUAGES = ("zh", "en")

def find_figures(text: str, language: str) -> list[Figure]:
    """Every key figure of a paragraph, in reading order. `language` is `zh` or `en`.

    >>> [f.english for f in find_figures("核心产业规模近6000亿元，入驻企业100余家。", "zh")]
    ['nearly 600 billion yuan', 'more than 100']
    >>> find_figures("2025年4月29日第2期，千行百业，5G、GPT-4", "zh")
    []
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    found = _without_overlaps(find_chinese(text) if language == "zh" else find_english(text))
    # The finders leave `sentence` empty: it is filled here, each sentence cut out once and
    # shared by its figures (a long paragraph with many figures stays linear).
    spans = sentence_spans(text, language)
    ends = [end for _, end in spans]
    sentences: dict[int, str] = {}
    for figure in found:
        index = bisect_right(ends, figure.start)
        if index not in sentences:
            begin, end = spans[index]
            sentences[index] = text[begin:end].strip()
        figure.sentence = sentences[index]
    return found


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    """In reading order; where two readings overlap, the one that starts first wins."""
    kept: list[Figure] = []
    for figure in sorted(figures, key=lambda f: (f.start, -len(f.text))):
        if not kept or figure.start >= kept[-1].start + len(kept[-1].text):
            kept.append(figure)
    return kept


# --- sentences ------------------------------------------------------------------------------

_SENTENCE_END = {"zh": re.compile(r"[。！？!?][”’」』\"]*"),
                 "en": re.compile(r"[.!?][\"”’')]*(?=\s)")}


def sentence_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph begins and ends; the last one ends with the text.

    Chinese sentences end at 。！？, English ones at `. ` (or ! ?) followed by white space,
    so `2.64` and `1.5%` do not end one. A closing quote after the mark stays with its
    sentence. (`U.S. ` would end an English sentence: accepted.)

    >>> sentence_spans("第一句。规模很大！尾", "zh")
    [(0, 4), (4, 9), (9, 10)]
    """
    spans, begin = [], 0
    for match in _SENTENCE_END[language].finditer(text):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    return spans


def sentence_at(text: str, position: int, language: str) -> str:
    """The sentence holding `position`, stripped.

    >>> sentence_at("第一句。规模达到748EFLOPS，很大！第三句", 8, "zh")
    '规模达到748EFLOPS，很大！'
    >>> sentence_at("It grew 2.5%. Then 7,348 PFLOPS were added. End", 20, "en")
    'Then 7,348 PFLOPS were added.'
    """
    spans = sentence_spans(text, language)
    begin, end = spans[bisect_right([e for _, e in spans], position)]
    return text[begin:end].strip()
