"""Orphaned page-edge fragments in printed matter: flagged, never joined or dropped.

Text extraction sometimes leaves, after a complete paragraph, a short piece of a sentence
whose beginning went with a page edge: 002's `济深度融合，打造具有国际竞争力的数字产业集群。`
(seed line 142) opens mid-word (`…经济深度融合`), repeating the end of words the paragraph
before prints, and belongs to no sentence that survives. Where it belongs cannot be told
from the text, so the cleaner does not join it (join_page_broken_paragraphs only joins a
paragraph that stops mid-sentence) and does not drop it: it flags it for the editors, who
disclose it (a translator's note) or correct it (an erratum).
"""
from __future__ import annotations

import re

from ..chardata import HAN
from ..model import Block, Change, Flag, Seed

#: A fragment is shorter than this (Han characters and punctuation).
MAX_FRAGMENT = 40
#: How many of its first characters must repeat, mid-word, in the paragraph before.
OPENING = 4


def flag_page_edge_fragments(blocks: list[Block], seed: Seed, log: list[Change],
                             flags: list[Flag]) -> list[Block]:
    """Flag (`page-edge-fragment`) each short text block whose opening characters repeat
    the tail of a word in the text block before it, which ends a sentence. The blocks are
    returned as they were.

    >>> from briefing.model import Seed
    >>> seed = Seed(None, "s.txt", "s", "", "utf-8", "Hans", "zh")
    >>> blocks = [Block("促进数字经济和实体经济深度融合，培育壮大新动能。", 140, 140),
    ...           Block("济深度融合，打造具有国际竞争力的数字产业集群。", 142, 142)]
    >>> flags = []
    >>> _ = flag_page_edge_fragments(blocks, seed, [], flags)
    >>> [(f.kind, f.line, f.span) for f in flags]
    [('page-edge-fragment', 142, '济深度融合')]
    >>> flags = []
    >>> _ = flag_page_edge_fragments([blocks[0], Block("数据要素是关键。", 142, 142)],
    ...                              seed, [], flags)
    >>> flags
    []
    """
    if seed.language != "zh":
        return blocks
    previous = None
    for block in blocks:
        if block.kind != "text":
            continue
        if previous is not None and _is_fragment(previous.text, block.text):
            opening = re.match(f"[{HAN}]+", block.text).group(0)
            flags.append(Flag("page-edge-fragment", block.first_line, opening,
                              previous.text[-12:] + "⏎" + block.text[:16]))
        previous = block
    return blocks


def _is_fragment(before: str, text: str) -> bool:
    text = text.strip()
    if not text or len(text) > MAX_FRAGMENT or not before.rstrip().endswith("。"):
        return False
    opening = text[:OPENING]
    if not re.fullmatch(f"[{HAN}]{{{OPENING}}}", opening):
        return False
    # Mid-word: the opening stands in the paragraph before right after a Han character,
    # and nowhere at the start of a clause there. (A heuristic: a flag asks an editor.)
    found = [m.start() for m in re.finditer(re.escape(opening), before)]
    return bool(found) and all(i > 0 and re.match(f"[{HAN}]", before[i - 1]) for i in found)
