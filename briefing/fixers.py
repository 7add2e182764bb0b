"""The cleaner's fixers: small named functions, each with what it fixes and leaves alone.

Text fixers are `str -> str` (some take `chinese: bool` too, when the right fix depends on
the document's language). Block fixers see the list of blocks of one seed. Patterns live in
`briefing.chardata`. Each fixer has examples in its docstring (run as doctests) and cases
in `tests/test_fixers.py`, including text it must not touch.
"""
from __future__ import annotations

import html
import re

from . import chardata as cd
from .model import Block, Change, Seed


# --- text fixers ----------------------------------------------------------------------

def unescape_html_entities(text: str) -> str:
    """Turn HTML entities left by scraping into their characters.

    Only well-formed entities are touched; a bare `&` stays.

    >>> unescape_html_entities("R&amp;D&nbsp;center, A & B")
    'R&D\\xa0center, A & B'
    """
    return cd.HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def remove_html_remnants(text: str) -> str:
    """Remove HTML tags and their mis-decoded remnants (`?/p>`, where `<` was lost).

    Angle brackets that are not tags stay (`a < b`, `<<条例>>`).

    >>> remove_html_remnants("效应?!?/p> 就在<br/>几天前 a < b")
    '效应?! 就在几天前 a < b'
    """
    return cd.HTML_REMNANT.sub("", cd.HTML_TAG.sub("", text))


def remove_pinyin_notes(text: str) -> str:
    """Remove pinyin notes that a converter left after characters: `產業(yè)` -> `產業`.

    A note needs a tone mark, so parenthesised abbreviations, letters and numbers stay.

    >>> remove_pinyin_notes("產業(yè)變革,創(chuàng)新(AI)與(a)方案(2025)")
    '產業變革,創新(AI)與(a)方案(2025)'
    """
    return cd.PINYIN_NOTE.sub("", text)


def normalize_whitespace(text: str, chinese: bool) -> str:
    """Trim, fold runs of spaces into one and, in Chinese, drop spaces between characters.

    PDF extraction breaks titles with stray spaces (`实践 要求`); Chinese text has no spaces
    between characters, so those go. A space next to Latin letters or digits stays
    (`2025 年` keeps its space: it is the seed's typography, not an artifact).

    >>> normalize_whitespace("  发展新质生产力的 核心要义\\u3000 ", True)
    '发展新质生产力的核心要义'
    >>> normalize_whitespace("large  models ", False)
    'large models'
    """
    text = cd.SPACES.sub(" ", text).strip()
    if chinese:
        text = cd.SPACE_IN_HAN.sub("", text)
    return text


def fix_punctuation_width(text: str, chinese: bool) -> str:
    """Full-width punctuation inside Chinese text (GB/T 15834), half-width in English.

    In Chinese, `,;:!` touching a Chinese character become `，；：！`; straight double quotes
    around Chinese become `“”`; parentheses around Chinese become `（）`. Marks between digits
    (`1,043`, `9:00`) and `?` stay: in these seeds a `?` usually stands for a character lost
    in decoding, and it is flagged, not disguised. In English, full-width marks become
    half-width ones.

    >>> fix_punctuation_width('算力,"云网边端"(来源:新华社)9:00,1,043', True)
    '算力，“云网边端”（来源：新华社）9:00,1,043'
    >>> fix_punctuation_width("AI（人工智能），large models", False)
    'AI (人工智能), large models'
    """
    if not chinese:
        for full, half in cd.TO_HALF_WIDTH.items():
            text = text.replace(full, half)
        return re.sub(r" {2,}", " ", re.sub(r" +([,.;:!?)])", r"\1", text)).strip()
    han = f"[{cd.HAN_OR_PUNCT}]"
    for half, full in cd.TO_FULL_WIDTH.items():
        mark = re.escape(half)
        text = re.sub(rf"(?<={han}){mark}|{mark}(?={han})", full, text)
    text = re.sub(rf"\(([^()]*[{cd.HAN}][^()]*)\)", r"（\1）", text)
    return _curl_double_quotes(text)


def _curl_double_quotes(text: str) -> str:
    """Straight double quotes in pairs around Chinese text become `“…”`."""
    if text.count('"') % 2:
        return text  # unbalanced: leave it for the editor rather than guess
    return re.sub(rf'"([^"]*[{cd.HAN}][^"]*)"', r"“\1”", text)


def find_suspicious_spans(text: str) -> list[tuple[str, str, str]]:
    """Spans that look corrupted but cannot be repaired: (kind, span, context).

    >>> [k for k, s, c in find_suspicious_spans("規;瘧谩爱a學研用金?nèi)祟")]
    ['question-mark-in-han', 'latin-in-han', 'pinyin-fragment']
    >>> find_suspicious_spans("算力达到748EFLOPS,AI?")
    []
    """
    found = []
    for kind, pattern in (("question-mark-in-han", cd.QUESTION_IN_HAN),
                          ("latin-in-han", cd.LATIN_IN_HAN),
                          ("pinyin-fragment", cd.PINYIN_FRAGMENT)):
        for match in pattern.finditer(text):
            if kind == "question-mark-in-han" and not re.search(f"[{cd.HAN}]", match.group(0)):
                continue
            lo, hi = max(0, match.start() - 8), match.end() + 8
            found.append((kind, match.group(0), text[lo:hi]))
    return found


# --- block fixers -----------------------------------------------------------------------
# Each takes the blocks of one seed, the seed, and the change log to append to.

def drop_blank_blocks(blocks: list[Block], seed: Seed, log: list[Change]) -> list[Block]:
    """Blocks holding only white space (including ideographic spaces) carry nothing."""
    kept = []
    for block in blocks:
        if cd.SPACES.sub("", block.text):
            kept.append(block)
        else:
            log.append(Change("drop_blank_blocks", block.first_line, block.text, ""))
    return kept


BLOCK_FIXERS = [drop_blank_blocks]
