"""Hard wraps of printed matter: lines broken at a fixed width, words split by a hyphen.

Text extracted from a PDF keeps the printed lines: a Chinese article wrapped every 36
characters, an English report at 72 columns. `join_hard_wrapped_lines` finds the width a
document is wrapped at and joins each full line to the next, unless the next one opens a
paragraph (an indent, or a blank line in a document that separates paragraphs by them).
A Chinese line that starts with a mark no printed line may start with (`。，、」`) always
continues the line before it.

`join_page_broken_paragraphs` (any document, wrapped or not) re-joins a paragraph that a
page boundary broke: a block that stops mid-sentence goes on in the next one.

An English line ending in a hyphen is joined by `decide_hyphen`: the hyphen goes when the
halves make one word (`develop-` + `ment`), and stays for a compound (`large-` + `scale`).
The judge is the document itself first (does it print the word elsewhere, with or without
the hyphen?), then the English word list that ships inside pyspellchecker. What neither
decides is kept as printed and flagged `undecided-hyphen` for the editor.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import chardata as cd
from ..model import Block, Change, Flag, Seed

#: Widest hard-wrapped line, per language: a document whose lines run longer was not wrapped
#: by a page layout (a web page has one line per paragraph).
MAX_WRAP_WIDTH = {"zh": 60, "en": 110}
#: Share of the width a Chinese line that ends mid-sentence needs to count as full.
CHINESE_NEARLY_FULL = 0.75
#: Lines a document needs before its width can be judged.
MIN_WRAPPED_LINES = 6


@lru_cache(maxsize=1)
def _english_words():
    """pyspellchecker's English word frequency list (loaded once, when first needed)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


def is_word(word: str) -> bool:
    """Whether `word` is in the English word list (case does not matter).

    >>> is_word("development"), is_word("Platforms"), is_word("largescale")
    (True, True, False)
    """
    return word.lower() in _english_words()


def decide_hyphen(left: str, right: str, evidence: str = "") -> tuple[bool, bool]:
    """Whether `left-` at a line end and `right` on the next line make one word:
    (join, undecided).

    The document decides first: it prints the word elsewhere whole (join) or hyphenated
    (keep). Then the word list: a known word whose halves are not both words joins
    (`develop` + `ment`); two words that make no word together stay a compound (`large` +
    `scale`). Two words that also make one (`some` + `thing`) join, but the case is reported;
    so is one the word list does not know at all (names), kept as printed.

    >>> decide_hyphen("develop", "ment"), decide_hyphen("pla", "tforms")
    ((True, False), (True, False))
    >>> decide_hyphen("large", "scale"), decide_hyphen("Deep", "Seek", "uses DeepSeek")
    ((False, False), (True, False))
    >>> decide_hyphen("Qian", "hai")
    (False, True)
    """
    whole, hyphenated = left + right, f"{left}-{right}"
    if hyphenated.lower() in evidence.lower():
        return False, False
    if whole in evidence:
        return True, False
    halves = len(left) > 1 and len(right) > 1 and is_word(left) and is_word(right)
    if is_word(whole):
        return True, halves
    if halves:
        return False, False
    return False, True


def join_lines(first: str, second: str, language: str, evidence: str = "",
               flags: list[Flag] | None = None, line: int = 0) -> str:
    """Join a hard-wrapped line to the next: no space in Chinese (except between Latin
    letters or digits), one space in English; a line-end hyphen by `decide_hyphen`.

    >>> join_lines("the pla-", "tforms are", "en"), join_lines("a large-", "scale test", "en")
    ('the platforms are', 'a large-scale test')
    >>> join_lines("发展新质生产", "力，推动AI", "zh"), join_lines("使用AI", "models", "zh")
    ('发展新质生产力，推动AI', '使用AI models')
    """
    a, b = first.rstrip(), second.lstrip()
    split = re.search(r"([A-Za-z]+)-$", a)
    start = re.match(r"[A-Za-z]+", b)
    if split and start:
        join, undecided = decide_hyphen(split.group(1), start.group(0), evidence)
        if undecided and flags is not None:
            flags.append(Flag("undecided-hyphen", line, f"{split.group(1)}-{start.group(0)}",
                              a[-20:] + "⏎" + b[:20]))
        return a[:-1] + b if join else a + b
    if language == "en" or (re.search(r"[A-Za-z0-9]$", a) and re.match(r"[A-Za-z0-9]", b)):
        return f"{a} {b}"
    return a + b


def wrap_width(lines: list[str], language: str) -> int | None:
    """The width a document's lines are wrapped at, or None when they are not.

    Hard-wrapped text has most of its lines near one width (the last line of each paragraph
    is shorter); text with one line per paragraph has lines of every length, most of them
    longer than a printed line.

    >>> wrap_width(["x" * 70, "y" * 66, "z" * 71, "w" * 72, "v" * 68, "u" * 30, "t" * 69], "en")
    72
    >>> wrap_width(["x" * 300, "y" * 12, "z" * 800], "en") is None
    True
    >>> wrap_width(["这是一个完整的句子，长度相近。" * 2] * 8, "zh") is None
    True
    """
    long = [line.rstrip() for line in lines if len(line.strip()) >= 10]
    lengths = sorted(len(line) for line in long)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    near = [line for line in long if len(line) >= 0.8 * width]
    if width > MAX_WRAP_WIDTH[language] or len(near) < 0.5 * len(lengths):
        return None
    # The width cut them: most full lines stop mid-sentence. Short paragraphs of one line
    # each (a news page) are of similar lengths too, but end their sentences.
    if sum(not ends_sentence(line) for line in near) < 0.5 * len(near):
        return None
    return width


def join_hard_wrapped_lines(blocks: list[Block], seed: Seed, log: list[Change],
                            flags: list[Flag]) -> list[Block]:
    """Join the printed lines of a hard-wrapped document back into paragraphs.

    A line is joined to the next when it is full (in English: the next line's first word
    would not have fitted), or when a page boundary (furniture, notes, now removed) stands
    between them and it ends mid-sentence, or when the next line starts with a Chinese mark
    that cannot start a line. The next line opens a paragraph, and is not joined, when it
    is indented, or follows a blank line in a document whose paragraphs are separated by
    blank lines. Headings are short lines: they are never full.
    """
    raw = seed.text.split("\n")
    single = [raw[b.first_line - 1].replace("\f", "") for b in blocks
              if b.kind == "text" and b.first_line == b.last_line]
    width = wrap_width(single, seed.language)
    if width is None:
        return blocks
    layout = _Layout(blocks, raw, width, seed.language)
    evidence = re.sub(r"[^\S\n]+", "", seed.text)
    return join_blocks(
        blocks, "join_hard_wrapped_lines", log,
        continues=lambda previous, block: (previous.last_line < block.first_line
                                           and layout.continues(previous, block)),
        join=lambda previous, block: join_lines(previous.text, block.text, seed.language,
                                                evidence, flags, previous.last_line))


class _Layout:
    """What a hard-wrapped document's layout says about its paragraph breaks."""

    def __init__(self, blocks: list[Block], raw: list[str], width: int, language: str):
        self.raw, self.width, self.language = raw, width, language
        texts = [b for b in blocks if b.kind == "text"]
        starts = [raw[b.first_line - 1].replace("\f", "") for b in texts]
        #: paragraphs open with an indent (two ideographic spaces, in Chinese print)
        self.indented = sum(bool(cd.PARAGRAPH_INDENT.match(s)) for s in starts) >= 2
        gaps = [self.gap(a, b) for a, b in zip(texts, texts[1:])]
        blank = sum(g == "blank" for g in gaps)
        #: paragraphs are separated by blank lines (and lines are not all double-spaced)
        self.blank_separated = 0 < blank < 0.8 * max(1, len(gaps))

    def gap(self, first: Block, second: Block) -> str:
        """What stands between two blocks: `none`, `blank` lines, or a `page` boundary
        (lines of furniture or notes, removed or moved)."""
        between = self.raw[first.last_line: second.first_line - 1]
        if "\f" in self.raw[second.first_line - 1] or any(line.strip() for line in between):
            return "page"
        return "blank" if between else "none"

    def continues(self, first: Block, second: Block) -> bool:
        b = second.text.lstrip()
        if self.language == "zh" and b[:1] in cd.NO_LINE_START:
            return True
        opening = self.raw[second.first_line - 1].replace("\f", "")
        if self.indented and cd.PARAGRAPH_INDENT.match(opening):
            return False
        gap = self.gap(first, second)
        if gap == "blank" and self.blank_separated:
            return False
        full = self.full(self.raw[first.last_line - 1].replace("\f", ""), b)
        if gap == "page":
            return full or not ends_sentence(first.text)
        return full

    def full(self, line: str, following: str) -> bool:
        """Whether a printed line was cut by the width rather than ended by its writer.

        In English, when the next line's first word would not have fitted. In Chinese, a
        line one character short of the width, or most of it without a sentence end (a
        run of Latin letters or digits is never cut, so it moves down whole and leaves the
        line short).
        """
        line = line.rstrip()
        if self.language == "en":
            word = following.split(" ", 1)[0]
            return len(line) + 1 + len(word) > self.width
        return len(line) >= self.width - 1 or (len(line) >= CHINESE_NEARLY_FULL * self.width
                                               and not ends_sentence(line))


def ends_sentence(text: str) -> bool:
    text = text.rstrip().rstrip(cd.CLOSING_QUOTES)
    return bool(text) and text[-1] in cd.SENTENCE_END + "."


# --- paragraphs broken at a page boundary (any document, wrapped or not) ------------------

def join_page_broken_paragraphs(blocks: list[Block], seed: Seed, log: list[Change],
                                flags: list[Flag]) -> list[Block]:
    """Re-join paragraphs that a page boundary broke in two (`…等地考` / `察调研时…`).

    A text block that stops mid-sentence is joined to the next text block when it ends in a
    continuing mark (`，`), when it is a full line long, or, for a short block, when the words
    across the break occur elsewhere in the seed (so a heading is not glued to its text).
    At the join, a fragment printed on both sides of the page edge (`新一代人` / `人工智能`)
    is dropped when the text elsewhere reads it once, and a hyphen that split a word
    (`Deep-` / `Seek`) is judged by `decide_hyphen`.
    """
    # Spaces go (PDF extraction scatters them) but line breaks stay, so the break being
    # judged never counts as evidence for itself.
    evidence = re.sub(r"[^\S\n]+", "", seed.text)
    raw_lines = seed.text.split("\n")
    while True:
        # Pieces of one raw line were split on purpose (run-together paragraphs): never
        # glue them back; and their own adjacency would count as evidence.
        joined = join_blocks(
            blocks, "join_page_broken_paragraphs", log,
            continues=lambda previous, block: (
                previous.last_line != block.first_line
                and _continues(previous.text, block.text, seed.language, evidence,
                               _last_printed_line(previous, raw_lines))),
            join=lambda previous, block: _join(previous.text, block.text, evidence,
                                               previous.last_line, log, flags))
        if len(joined) == len(blocks):
            return joined
        # A join is evidence for the breaks it repeats (`…协同，一一形成…` / `一一` /
        # `形成…`): once more, reading the joined text, until nothing joins, so that
        # cleaning a cleaned text changes nothing.
        blocks = joined
        evidence = "\n".join(re.sub(r"[^\S\n]+", "", b.text) for b in blocks)


def join_blocks(blocks: list[Block], fixer: str, log: list[Change], continues,
                join) -> list[Block]:
    """Join each text block to the text block before it where `continues(previous,
    block)`, with `join(previous, block)` as the joined text, logging each join as `fixer`.

    A page's notes (`note` blocks) stand between its last line and the next page's first,
    so the block before is the last one that is not a note.
    """
    result: list[Block] = []
    for block in blocks:
        at = next((i for i in range(len(result) - 1, -1, -1) if result[i].kind != "note"), None)
        previous = result[at] if at is not None else None
        if (previous is not None and previous.kind == "text" and block.kind == "text"
                and continues(previous, block)):
            text = join(previous, block)
            log.append(Change(fixer, previous.last_line,
                              previous.text[-10:] + "\n" + block.text[:10],
                              text[len(previous.text) - 10: len(previous.text) + 10]))
            result[at] = replace(previous, text=text, last_line=block.last_line)
        else:
            result.append(block)
    return result


#: A line at least this long (characters, spaces not counted) is a full printed line.
FULL_LINE = 30


def _last_printed_line(block: Block, raw_lines: list[str]) -> str:
    """The part of a block that stood on its last raw line (a joined block is judged by
    its last printed line, not by everything joined so far)."""
    return raw_lines[block.last_line - 1] if block.first_line != block.last_line else block.text


def _continues(first: str, second: str, language: str, evidence: str, tail: str) -> bool:
    a, b = first.rstrip(), second.lstrip()
    if not a or not b:
        return False
    if language == "en":
        # English paragraphs broken mid-sentence: lower-case word or comma, then lower case.
        return bool(re.search(r"[a-z,;-]$", a) and re.match(r"[a-z]", b))
    if b[0] in cd.NO_LINE_START:
        return True  # no printed line starts with `。`: the break is not the writer's
    last = a[-1]
    if last in cd.SENTENCE_END or (last in cd.CLOSING_QUOTES and len(a) > 1
                                   and a[-2] in cd.SENTENCE_END):
        return False
    bridge = re.sub(r"\s", "", a)[-2:] + re.sub(r"\s", "", b)[:2]
    if len(bridge) == 4 and bridge in evidence:
        return True  # the words across the break occur elsewhere: one sentence
    if last in cd.CLOSING_QUOTES:
        # A quoted term at the end of a full line of running text (`…成为“新三样”` /
        # `技术迭代…`) is cut short; otherwise a closing bracket or quote ends a source
        # line `（来源：…）` or a title.
        return last in "”’」』" and len(re.sub(r"\s", "", tail)) >= FULL_LINE \
            and bool(re.search("[，。；！？]", a[:-1]))
    if last in cd.CONTINUING:
        return True
    # A sentence mark inside (`…创新，既包括…业态模`) makes it a sentence cut short, not a
    # heading; so does a full printed line. The length is that of the last printed line: a
    # title joined to its subtitle is long, but it is not a full line of running text.
    return bool(re.search("[，。；！？,;!?]", a[:-1])) or \
        len(re.sub(r"\s", "", tail)) >= FULL_LINE


def _join(first: str, second: str, evidence: str, line: int, log: list[Change],
          flags: list[Flag]) -> str:
    a, b = first.rstrip(), second.lstrip()
    hyphenated = re.search(r"([A-Za-z]+)-$", a)
    if hyphenated and re.match(r"[A-Za-z]", b):
        right = re.match(r"[A-Za-z]+", b).group(0)
        join, undecided = decide_hyphen(hyphenated.group(1), right, evidence)
        if undecided:
            flags.append(Flag("undecided-hyphen", line, f"{hyphenated.group(1)}-{right}",
                              a[-20:] + "⏎" + b[:20]))
        if join:
            log.append(Change("join_hyphenated_word", line, a[-10:] + "\n" + b[:10],
                              a[-10:-1] + b[:10]))
            return a[:-1] + b
        return a + b
    for k in range(min(8, len(a), len(b)), 0, -1):
        if a.endswith(b[:k]) and re.search(f"[{cd.HAN}]", b[:k]):
            once = a[-3:] + b[k:k + 3]
            twice = a[-3:] + b[:3]
            if once in evidence and twice not in evidence:
                log.append(Change("drop_repeated_page_edge_fragment", line,
                                  a[-6:] + "\n" + b[:k + 4], a[-6:] + b[k:k + 4]))
                b = b[k:]
            break
    if re.search(r"[A-Za-z0-9]$", a) and re.match(r"[A-Za-z0-9]", b):
        return a + " " + b
    return a + b
