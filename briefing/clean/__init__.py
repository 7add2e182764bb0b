"""Stage 2, clean: turn a seed's raw lines into clean blocks, recording every change.

Two kinds of fixers run, in the order of the registries below:

* block fixers, `list[Block] -> list[Block]`, see the document's shape: they classify,
  drop, join or split whole lines (site chrome, page numbers, paragraphs run together);
* text fixers, `str -> str`, see one block's text (pinyin notes, HTML remnants,
  punctuation width, whitespace). Each is a plain function, documented with examples in
  `briefing.clean.fixers`.

Every edit becomes a `Change` (fixer, raw line, before -> after): the provenance log that
`build.py report` prints. What looks corrupted but cannot be repaired is kept and flagged.
Conversion to Simplified comes last, so fixers see the text as the seed has it.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace

from . import fixers
from ..model import Block, Change, CleanSeed, Flag, Seed
from ..script import TO_SIMPLIFIED

#: Character repairs, run before the block fixers (which need the repaired text).
REPAIR_FIXERS = [
    fixers.repair_mojibake,
    fixers.unescape_html_entities,
    fixers.remove_html_remnants,
    fixers.remove_pinyin_notes,
]
#: Normalisers, run last: white space and punctuation width (spaces are the block fixers'
#: evidence, so they are normalised only after those ran).
NORMALIZE_FIXERS = [
    fixers.normalize_whitespace,
    fixers.fix_punctuation_width,
]


def clean(seed: Seed) -> CleanSeed:
    """Clean one seed: raw lines -> repairs -> block fixers -> normalisers -> flags."""
    result = CleanSeed(seed=seed, blocks=split_lines(seed.text))
    chinese = seed.language == "zh"
    result.blocks = apply_text_fixers(result.blocks, REPAIR_FIXERS, chinese, result.changes)
    for block_fixer in fixers.BLOCK_FIXERS:
        # Fixers that doubt (notes without markers, hyphens no word list decides) flag too.
        extra = (result.flags,) if block_fixer.__code__.co_argcount == 4 else ()
        result.blocks = block_fixer(result.blocks, seed, result.changes, *extra)
    result.blocks = apply_text_fixers(result.blocks, NORMALIZE_FIXERS, chinese, result.changes,
                                      kinds=("text", "heading", "note"))
    # Metadata keeps its spaces: they separate names (`閆帥南 王姍姍`).
    result.blocks = apply_text_fixers(result.blocks, [fixers.fold_spaces], chinese,
                                      result.changes, kinds=("meta", "source",
                                                             "distribution", "header",
                                                             "byline"))
    for block in result.blocks:
        result.flags.extend(Flag(kind, block.first_line, span, context)
                            for kind, span, context in fixers.find_suspicious_spans(
                                block.text, seed.script, seed.text))
    result.conversion = TO_SIMPLIFIED.get(seed.script)
    return result


def apply_text_fixers(blocks: list[Block], text_fixers, chinese: bool,
                      log: list[Change], kinds=None) -> list[Block]:
    """Run text fixers over the blocks (of `kinds`, or all), logging each edit; drop blocks
    left empty."""
    fixed_blocks = []
    for block in blocks:
        if kinds is not None and block.kind not in kinds:
            fixed_blocks.append(block)
            continue
        text = block.text
        for fixer in text_fixers:
            fixed = fixer(text, chinese) if _takes_language(fixer) else fixer(text)
            if fixed != text:
                log.extend(describe_changes(fixer.__name__, block, text, fixed))
                text = fixed
        if text.strip():
            fixed_blocks.append(replace(block, text=text))
        else:
            log.append(Change("drop_emptied_block", block.first_line, block.text, ""))
    return fixed_blocks


def split_lines(text: str) -> list[Block]:
    """Every non-blank line of the raw text becomes a block, numbered from 1."""
    return [Block(line, n, n) for n, line in enumerate(text.split("\n"), start=1)
            if line.strip()]


def describe_changes(fixer: str, block: Block, before: str, after: str,
                     context: int = 4) -> list[Change]:
    """The minimal edits between `before` and `after`, each with a little context.

    A character-level diff of a long line is quadratic (a fixer that touches an 11 KB line
    in many places took over a second), so the texts are first compared word by word
    (runs of letters and digits, runs of spaces, single other characters); only the short
    runs that differ are then compared character by character.

    >>> [(c.before, c.after) for c in describe_changes("f", Block("a  b", 1, 1), "a  b", "a b")]
    [('a  b', 'a b')]
    """
    changes = []
    for i1, i2, j1, j2 in _edits(before, after):
        lo, hi = max(0, i1 - context), i2 + context
        changes.append(Change(fixer, block.first_line + before.count("\n", 0, i1),
                              before[lo:hi], before[lo:i1] + after[j1:j2] + before[i2:hi]))
    return changes


_TOKEN = re.compile(r"\w+|\s+|.", re.S)
#: Runs up to this long are compared character by character (short: cheap and minimal).
_REFINE = 200


def _edits(before: str, after: str) -> list[tuple[int, int, int, int]]:
    """The differing spans `(i1, i2, j1, j2)` of `before` and `after`, in order.

    The common head and tail are cut off first (most fixers touch a few places). In the
    word diff, words common in a long text (`，`, a space) may not start a match
    (SequenceMatcher's autojunk): with them allowed, a paragraph of 12,000 characters with
    hundreds of commas cost a fifth of a second; the character refinement of the short
    runs keeps the edits minimal.
    """
    n = min(len(before), len(after))
    head = 0
    while head < n and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < n - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    end_a, end_b = len(before) - tail, len(after) - tail
    a = [m.span() for m in _TOKEN.finditer(before, head, end_a)]
    b = [m.span() for m in _TOKEN.finditer(after, head, end_b)]
    words = difflib.SequenceMatcher(None, [before[x:y] for x, y in a],
                                    [after[x:y] for x, y in b])
    edits = []
    for tag, w1, w2, v1, v2 in words.get_opcodes():
        if tag == "equal":
            continue
        i1 = a[w1][0] if w1 < len(a) else end_a
        i2 = a[w2 - 1][1] if w2 > w1 else i1
        j1 = b[v1][0] if v1 < len(b) else end_b
        j2 = b[v2 - 1][1] if v2 > v1 else j1
        if i2 - i1 > _REFINE or j2 - j1 > _REFINE:
            edits.append((i1, i2, j1, j2))
            continue
        chars = difflib.SequenceMatcher(None, before[i1:i2], after[j1:j2], autojunk=False)
        edits += [(i1 + x1, i1 + x2, j1 + y1, j1 + y2)
                  for op, x1, x2, y1, y2 in chars.get_opcodes() if op != "equal"]
    return edits


def _takes_language(fixer) -> bool:
    return fixer.__code__.co_argcount == 2
