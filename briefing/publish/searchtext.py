"""How search reads text: one normalisation and one tokenizer, for the index and the query.

The index is built here and queried in the browser by
templates/theme/assets/javascripts/briefing-search.js, which repeats these rules line for
line (tests/test_search.py runs both on the same texts and compares). A change here is a
change there.

- Normalisation is per character and keeps the length: full-width ASCII to ASCII, A-Z to
  a-z, Traditional to Simplified (OpenCC's character table, so 新質生產力 finds
  新质生产力). Offsets into the normalised text are offsets into the original, which is
  how results highlight exactly what matched.
- Tokens: every Han character is one token; a run of Latin letters and digits is one word
  token, apostrophes inside it dropped and an English plural folded to its singular
  (models → model, policies → policy). Punctuation leaves a gap of one position, so a
  phrase never matches across it; white space leaves none, and quotation marks are as if
  absent (头雁效应 finds ‘头雁’效应, 印发新一代 finds 印发《新一代).
- Keys: a Han character is indexed as the bigram it starts (新质, 质生...) or, at the end
  of a run, alone; a word as itself. A phrase is then found exactly: its keys at
  consecutive positions. Chinese needs no word segmentation to be found as typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = "0-9a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# Explicit, because Python's \s and JavaScript's \s differ; zero-width spaces count too.
SPACE = " \t\n\r\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
QUOTES = "\"'\u2018\u2019\u201c\u201d\u300a-\u300f\uff02\uff07"
TOKEN = re.compile(f"([{HAN}])|([{WORD}]+(?:['\u2019][{WORD}]+)*)|([{QUOTES}]+)"
                   f"|([^{HAN}{WORD}{SPACE}{QUOTES}]+)")
APOSTROPHES = re.compile("['\u2019]")


@dataclass(frozen=True)
class Token:
    """One token: `kind` "han" or "word", its normalised `value`, its `position` in the
    page, where it is in the text (`begin`, `end`), and whether it `joins` the Han
    character before it (nothing but quotation marks between them)."""
    kind: str
    value: str
    position: int
    begin: int
    end: int
    joins: bool = False


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[str, str]:
    """Every Traditional character OpenCC's t2s turns into another single character.

    Character by character (one per line, so no phrase rule applies): the browser can do
    the same with a table and no dictionary of phrases.
    """
    import opencc

    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {t: s for t, s in zip(chars, converted) if s != t and len(s) == 1}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {ord(t): s for t, s in traditional_to_simplified().items()}
    table.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
    table.update({c: chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)})
    return table


def normalise(text: str) -> str:
    """The text as search compares it, character for character.

    >>> normalise("新質生產力 ＡＩ Models")
    '新质生产力 ai models'
    """
    return text.translate(_table())


def fold_plural(word: str) -> str:
    """An English plural as its singular, by spelling alone (the same rule reads the query).

    Words of three letters or fewer, and -ss, -us, -is endings, are left alone.

    >>> [fold_plural(w) for w in ["models", "policies", "approaches", "classes", "status",
    ...                           "analysis", "gas", "data"]]
    ['model', 'policy', 'approach', 'class', 'status', 'analysis', 'gas', 'data']
    """
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def tokens(text: str, position: int = 0) -> tuple[list[Token], int]:
    """The tokens of `text`, numbered from `position`, and the next free position.

    >>> [(t.value, t.position) for t in tokens("AI浪潮，Large models")[0]]
    [('ai', 0), ('浪', 1), ('潮', 2), ('large', 4), ('model', 5)]
    """
    found: list[Token] = []
    gap = False
    last_end = -1  # where the last Han character ended, quotation marks skipped
    for match in TOKEN.finditer(normalise(text)):
        han, word, quotes, _ = match.groups()
        if quotes:
            if last_end == match.start():
                last_end = match.end()
        elif han or word:
            value = han or fold_plural(APOSTROPHES.sub("", word))
            joins = bool(han) and last_end == match.start()
            found.append(Token("han" if han else "word", value, position, *match.span(),
                               joins))
            position += 1
            gap = False
            last_end = match.end() if han else -1
        else:
            last_end = -1
            if not gap:  # punctuation: one gap, however much of it there is
                position += 1
                gap = True
    return found, position


def keys(found: list[Token]) -> Iterator[tuple[str, int]]:
    """(key, position) for every token: a Han bigram, a Han character at the end of its
    run, or a word.

    >>> list(keys(tokens("‘头雁’效应 AI")[0]))
    [('头雁', 0), ('雁效', 1), ('效应', 2), ('应', 3), ('ai', 4)]
    """
    for here, after in zip(found, found[1:] + [None]):
        if here.kind == "han" and after and after.joins:
            yield here.value + after.value, here.position
        else:
            yield here.value, here.position


def shard_of(key: str, shards: int) -> int:
    """Which shard holds `key`: by its first character (Han) or first two (a word), so a
    one-character query or a word's beginning needs one shard. FNV-1a over code points.

    >>> shard_of("新质", 64) == shard_of("新", 64)
    True
    """
    prefix = key[:1] if re.match(f"[{HAN}]", key) else key[:2]
    h = 2166136261
    for char in prefix:
        h = ((h ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return h % shards
