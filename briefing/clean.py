"""Stage 2, clean: turn a seed's raw lines into clean blocks, recording every change.

Two kinds of fixers run, in the order of the registries below:

* block fixers, `list[Block] -> list[Block]`, see the document's shape: they classify,
  drop, join or split whole lines (site chrome, page numbers, paragraphs run together);
* text fixers, `str -> str`, see one block's text (pinyin notes, HTML remnants,
  punctuation width, whitespace). Each is a plain function, documented with examples in
  `briefing.fixers`.

Every edit becomes a `Change` (fixer, raw line, before -> after): the provenance log that
`build.py report` prints. What looks corrupted but cannot be repaired is kept and flagged.
Conversion to Simplified comes last, so fixers see the text as the seed has it.
"""
from __future__ import annotations

import difflib
from dataclasses import replace

from . import fixers
from .model import Block, Change, CleanSeed, Flag, Seed
from .script import TO_SIMPLIFIED

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
    """The minimal edits between `before` and `after`, each with a little context."""
    changes = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lo, hi = max(0, i1 - context), i2 + context
        changes.append(Change(fixer, block.first_line + before.count("\n", 0, i1),
                              before[lo:hi], before[lo:i1] + after[j1:j2] + before[i2:hi]))
    return changes


def _takes_language(fixer) -> bool:
    return fixer.__code__.co_argcount == 2
