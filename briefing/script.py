"""Writing systems: telling Simplified from Traditional Chinese, and converting between them.

Conversion uses the official OpenCC binding (PyPI `OpenCC`). The configuration is chosen per
document: Traditional web pages that were converted from mainland text need `tw2s`, which
knows Taiwan-style variants (`改變著` -> `改变着`), where plain `t2s` keeps `著`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import opencc

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af]")
#: A letter of neither the Latin (accented too) nor the Han script: kana, Hangul, Cyrillic...
_OTHER_LETTER = re.compile(rf"[^\W\d_A-Za-z\u00c0-\u024f{HAN.pattern[1:-1]}]")
_NOT_A_LETTER = re.compile(r"[\W\d_]+")
#: A text's language is judged on its beginning: enough to tell, and cheap on a large seed.
LANGUAGE_SAMPLE = 200_000

#: The configuration used to bring each script to Simplified (None: nothing to do).
TO_SIMPLIFIED = {"Hant": "tw2s", "Hans": None, "Latn": None}


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration (loading its dictionaries is the slow part)."""
    return opencc.OpenCC(config)


def convert(text: str, config: str | None) -> str:
    """Convert `text` with an OpenCC configuration (`tw2s`, `s2t`...); None returns it as is."""
    return converter(config).convert(text) if config else text


def detect_script(text: str) -> str:
    """`Latn` when Han characters are rare, else `Hant` or `Hans` by which set dominates.

    A character is Traditional-only when `t2s` changes it, Simplified-only when `s2t` does;
    characters common to both scripts do not vote.

    >>> detect_script("產業變革"), detect_script("产业变革"), detect_script("Industry")
    ('Hant', 'Hans', 'Latn')
    """
    han = HAN.findall(text)
    latin = len(LATIN_LETTER.findall(text))
    if not han or len(han) < 0.2 * latin:
        return "Latn"
    chars = sorted(set(han))
    joined = "\n".join(chars)
    as_simplified = convert(joined, "t2s").split("\n")
    as_traditional = convert(joined, "s2t").split("\n")
    count = {c: 0 for c in chars}
    for c in han:
        count[c] += 1
    traditional = sum(count[c] for c, s in zip(chars, as_simplified) if s != c)
    simplified = sum(count[c] for c, t in zip(chars, as_traditional) if t != c)
    return "Hant" if traditional > simplified else "Hans"


def unpublished_language(text: str) -> str | None:
    """The language or script of a text that is neither Chinese nor English, else None.

    Kana make a text Japanese and Hangul Korean (Chinese has neither) when they are a fifth
    of its letters; any other script when its letters outnumber the Latin and Han ones.

    >>> [unpublished_language(t) for t in ("人工知能は産業変革をけん引する", "인공지능은 핵심 동력",
    ...                                    "Искусственный интеллект (AI)", "新质生产力 AI")]
    ['Japanese', 'Korean', 'Cyrillic', None]
    """
    sample = text[:LANGUAGE_SAMPLE]
    others = "".join(_OTHER_LETTER.findall(sample))
    if not others:  # the usual case, found in one quick scan
        return None
    letters = len(_NOT_A_LETTER.sub("", sample))
    for name, pattern in (("Japanese", KANA), ("Korean", HANGUL)):
        if len(pattern.findall(others)) >= 0.2 * letters:
            return name
    if len(others) <= letters / 2:
        return None
    scripts = Counter(unicodedata.name(c, "UNKNOWN").split(" ")[0].title() for c in others)
    return scripts.most_common(1)[0][0]


def language_of(script: str) -> str:
    """The document language implied by its script: Chinese for Han, else English."""
    return "en" if script == "Latn" else "zh"
