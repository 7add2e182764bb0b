"""Bylines of printed articles: a spaced-out name on its own line after the title.

Chinese journals print the author's name spaced out under the title (`刘 晓 峰`), as the
articles of a compilation do (`briefing.split.byline_authors` reads it). Such a line is the
author, not a heading: `mark_spaced_byline` marks it `byline`, and `split` takes the names.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import chardata as cd
from ..model import Block, Change, Seed

#: A name spaced out (`刘 晓 峰`), or several names (`张 越  王晓明`): Han characters
#: separated by spaces, at most eight of them, at least one space.
SPACED_NAMES = re.compile(rf"^\s*[{cd.HAN}]{{1,4}}(?:[ \u3000]+[{cd.HAN}]{{1,4}})+\s*$")
#: Longest spaced byline, in characters without spaces (as compilations have them).
BYLINE_MAX = 8


def is_spaced_byline(text: str) -> bool:
    """Whether a line is a spaced-out name (or names).

    >>> is_spaced_byline("刘 晓 峰"), is_spaced_byline("张 越  王晓明"), is_spaced_byline("刘晓峰")
    (True, True, False)
    >>> is_spaced_byline("发展 新质生产力 的 重大意义")
    False
    """
    return bool(SPACED_NAMES.match(text)) and len(re.sub(r"\s", "", text)) <= BYLINE_MAX


def mark_spaced_byline(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Mark the spaced name on the line after a Chinese document's title as its byline.

    Only the line right after the first line of text (the title) is judged: further down,
    a spaced short line is a section head (`结 语`).
    """
    if seed.language != "zh":
        return blocks
    texts = [i for i, b in enumerate(blocks) if b.kind == "text"]
    if len(texts) < 3 or texts[1] != texts[0] + 1 or not is_spaced_byline(blocks[texts[1]].text):
        return blocks
    result = list(blocks)
    byline = blocks[texts[1]]
    log.append(Change("mark_spaced_byline", byline.first_line, byline.text,
                      "[byline] " + byline.text))
    result[texts[1]] = replace(byline, kind="byline")
    return result
