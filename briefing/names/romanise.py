"""A Chinese personal name in Hanyu Pinyin, surname first, as English texts write it:
习近平 → Xi Jinping, 欧阳修 → Ouyang Xiu, 单霁翔 → Shan Jixiang.

pypinyin (see requirements.in; through briefing.pinyin, which remembers its readings)
reads the characters; the surname comes from the tables of `briefing.names.surnames`,
since pypinyin reads 单, 曾, 解, 仇 as words, not as surnames.
The given name is written as one word, with an apostrophe before a syllable that opens
with a, o or e (刘西安 → Liu Xi'an), as the pinyin orthography rules ask.

A name is only romanised when its shape is clear: two or three characters, or a compound
surname and one or two more. Anything else (one character, four without a compound surname,
a transcribed foreign name with `·`, a character pypinyin cannot read) is left to the
editors: `romanise` returns None, the page shows the name as printed, marked with its
language, and `check` lists it.
"""
from __future__ import annotations

import re

from ..chardata import HAN
from ..pinyin import lazy_pinyin
from .surnames import COMPOUND_SURNAMES, SURNAME_READINGS

HAN_NAME = re.compile(f"[{HAN}]+")


def romanise(name: str) -> str | None:
    """`name` in pinyin, surname first; None when its shape or a character is unclear.

    >>> romanise("习近平"), romanise("单霁翔"), romanise("欧阳修"), romanise("刘西安")
    ('Xi Jinping', 'Shan Jixiang', 'Ouyang Xiu', "Liu Xi'an")
    >>> romanise("吕布"), romanise("高"), romanise("约翰·史密斯")
    ('Lü Bu', None, None)
    """
    surname, given = split_name(name)
    if surname is None:
        return None
    given_syllables = syllables(given)
    if given_syllables is None:
        return None
    return f"{surname.capitalize()} {join_syllables(given_syllables).capitalize()}"


def split_name(name: str) -> tuple[str | None, str]:
    """(the surname's reading, the given name's characters), or (None, name) when the
    name's shape is unclear.

    >>> split_name("曾国藩"), split_name("司马光"), split_name("东方"), split_name("张王丽娟")
    (('zeng', '国藩'), ('sima', '光'), ('dong', '方'), (None, '张王丽娟'))
    """
    if not HAN_NAME.fullmatch(name):
        return None, name
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound and 3 <= len(name) <= 4:
        return compound, name[2:]
    if 2 <= len(name) <= 3:
        reading = SURNAME_READINGS.get(name[0]) or (syllables(name[0]) or [None])[0]
        return (reading, name[1:]) if reading else (None, name)
    return None, name


def syllables(text: str) -> list[str] | None:
    """The toneless syllables of `text`, one per character (ü kept), or None if pypinyin
    cannot read one of them.

    >>> syllables("女儿")
    ['nü', 'er']
    """
    readings = lazy_pinyin(text, "NORMAL", v_to_u=True, drop_unknown=True)
    # pypinyin gives one reading per character it knows; one missing means an unknown one.
    if len(readings) != len(text) or not all(r.isalpha() for r in readings):
        return None
    return readings


def join_syllables(parts: list[str]) -> str:
    """Syllables as one word, with an apostrophe where a syllable opens with a vowel
    a, o or e and would otherwise run into the one before (xi'an, not xian).

    >>> join_syllables(["xi", "an"]), join_syllables(["jin", "ping"])
    ("xi'an", 'jinping')
    """
    word = parts[0] if parts else ""
    for part in parts[1:]:
        word += ("'" if part[0] in "aoe" else "") + part
    return word
