"""Text of the other language inside a text, marked with its `lang` (issue 11).

A Chinese original glosses its terms in English ("生成式人工智能(Generative Artificial
Intelligence, GenAI)"), an English note quotes the Chinese it discusses (the Chinese uses
“人工智能+”行动). The words stay as they are (faithful text is never dropped or translated
away), but each run of the other script goes in a `<span lang=…>`, so that screen readers
switch voice and browsers switch font, as they do for a whole paragraph in the other
language.

- In Chinese text, a run of Latin words is English when one of its words has two letters
  in a row and a lowercase one (Google, DeSci, large model); acronyms and codes (AI, 5G,
  H100, FP16) are read the same in either language and stay unmarked.
- In English text, every run of CJK characters (with the digits, spaces and marks between
  them: 《2023—2024年…报告》 is one run) is Chinese.

Everything is escaped with `briefing.markup.html_text`: text stays text.
"""
from __future__ import annotations

import re

from ..markup import html_text

#: Han, kana, CJK symbols and punctuation (、。「」《》), full-width forms (，：（）).
_CJK = (r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
        r"\uff00-\uffef")
#: A run of Chinese in English text: from a CJK character to the last one before the
#: next Latin letter (digits, spaces, quotes and dashes between them belong to the run).
CHINESE_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9\\s+·“”‘’\"'—–\\-./%]*[{_CJK}])?")
#: A word as Latin text has it: letters, digits and the marks inside a name or a term.
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9'’+#&._/:@-]*"
#: A run of Latin words in Chinese text: words joined by spaces, commas or semicolons.
LATIN_RUN = re.compile(f"{_TOKEN}(?:[ \\t\u00a0,;]+{_TOKEN})*")
_WORD = re.compile(_TOKEN)

TAGS = {"zh": "zh-Hans", "en": "en"}


def is_english(run: str) -> bool:
    """Whether a run of Latin words in Chinese text is English (rather than an acronym, a
    number or a code, which read the same in both languages).

    >>> [is_english(r) for r in ("Google", "large model", "AI", "5G", "H100 SXM", "Web3")]
    [True, True, False, False, False, True]
    """
    return any(re.search(r"[a-z]", w) and re.search(r"[A-Za-z]{2}", w)
               for w in _WORD.findall(run))


def other_runs(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each run of `text` in the other language than `lang`, the
    language the text is written in.

    >>> other_runs("the Chinese uses “人工智能+”行动 (the AI+ action)", "en")
    [(18, 26)]
    >>> other_runs("生成式人工智能(Generative Artificial Intelligence, GenAI)与 AI", "zh")
    [(8, 49)]
    """
    if lang == "en":
        return [m.span() for m in CHINESE_RUN.finditer(text)]
    runs = []
    for m in LATIN_RUN.finditer(text):
        run = m.group(0).rstrip(".,;:'’-")
        if is_english(run):
            runs.append((m.start(), m.start() + len(run)))
    return runs


def other_language(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def mark_other_language(text, lang: str) -> str:
    """`text` (written in `lang`) as escaped HTML, each run in the other language in a
    span with its `lang`.

    >>> mark_other_language("英文作 big models <b>", "zh")
    '英文作 <span lang="en">big models</span> &lt;b&gt;'
    >>> mark_other_language("Review: 编辑部 & co", "en")
    'Review: <span lang="zh-Hans">编辑部</span> &amp; co'
    """
    text = "" if text is None else str(text)
    tag = TAGS[other_language(lang)]
    out, position = [], 0
    for start, end in other_runs(text, lang):
        out.append(html_text(text[position:start]))
        out.append(f'<span lang="{tag}">{html_text(text[start:end])}</span>')
        position = end
    out.append(html_text(text[position:]))
    return "".join(out)


def in_one_language(text: str, lang: str) -> bool:
    """Whether `text` holds nothing in the other language than `lang` (so it can go where
    no element can mark a language: a `title` attribute, a page title).

    >>> in_one_language("算法：计算的步骤", "zh"), in_one_language("赢得 is rendered", "en")
    (True, False)
    """
    return not other_runs(text, lang)


def marking(lang: str):
    """`mark_other_language` for text written in `lang`, as one-argument escape function
    (what `briefing.markup.paragraph_html` takes)."""
    return lambda text: mark_other_language(text, lang)


#: Where a note may be cut: after a clause, a sentence, or before a bracket.
_CLAUSE_END = re.compile(r"(?<=[;；。])\s*|(?<=\.)\s+|\s*(?=[（(])")


def own_language_part(text: str, lang: str) -> str:
    """The head of `text` (written in `lang`) up to the clause where the other language
    first appears, with "…" when cut; all of it when the other language never appears.
    For attributes (tooltips), which cannot mark a language.

    >>> own_language_part("The upper hand; 赢得 is rendered “win”.", "en")
    'The upper hand …'
    >>> own_language_part("在全球科技竞争中的主动地位；译文作 win the initiative。", "zh")
    '在全球科技竞争中的主动地位…'
    >>> own_language_part("集成电路。", "zh")
    '集成电路。'
    """
    runs = other_runs(text, lang)
    if not runs:
        return text
    cut = max((m.start() for m in _CLAUSE_END.finditer(text) if m.start() <= runs[0][0]),
              default=0)
    head = text[:cut].rstrip().rstrip(";；")
    return "" if not head else f"{head} …" if lang == "en" else f"{head}…"


def lang_text(value, lang: str) -> str:
    """The template filter: `{{ text | lang_text(lang) }}`, `lang` the language the text is
    written in, as the corpus names it (`zh`, `en`) or as HTML does (`zh-Hans`)."""
    return mark_other_language(value, "zh" if lang.lower().startswith("zh") else "en")
