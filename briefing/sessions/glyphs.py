"""No tofu: every character a handout prints must be one its fonts can draw.

A character none of the fonts has prints as a box and may extract as something else
(issue #10: 🍜 and 𪚥 came back as 🤖). So before any handout is rendered, every character of
what it will print is looked up in the cmaps (fontTools) of the fonts the handout CSS names;
one that is in none of them fails the build naming the document, the paragraph (with its
seed line) and the character.
"""
from __future__ import annotations

import subprocess
import unicodedata
from functools import lru_cache

from ..errors import InputError, Problem
from ..model import Corpus
from .load import paragraphs_of

#: The families of templates/pdf/handout.css, in the order it falls back.
FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Liberation Serif", "Liberation Sans",
            "HanaMinB", "Noto Color Emoji", "Symbola")
#: Characters that are layout, not glyphs: white space and format controls.
IGNORED_CATEGORIES = ("Zs", "Cc", "Cf", "Zl", "Zp")


@lru_cache(maxsize=None)
def font_coverage(families: tuple[str, ...] = FAMILIES) -> frozenset[int]:
    """The code points that at least one of `families` (as fontconfig finds them) maps."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for family in families:
        found = subprocess.run(["fc-match", "-f", "%{file}:%{index}", family],
                               capture_output=True, text=True, check=False).stdout
        path, _, index = found.rpartition(":")
        if not path:
            continue
        font = TTFont(path, fontNumber=int(index or 0), lazy=True)
        covered |= set(font.getBestCmap() or {})
        font.close()
    return frozenset(covered)


def missing_glyphs(text: str, covered: frozenset[int]) -> list[str]:
    """The characters of `text` that no font covers, each once, in order.

    >>> missing_glyphs("面条🍜 ok", frozenset(map(ord, "面条 ok")))
    ['🍜']
    """
    seen = []
    for char in text:
        if (ord(char) not in covered and char not in seen
                and unicodedata.category(char) not in IGNORED_CATEGORIES):
            seen.append(char)
    return seen


def describe(char: str) -> str:
    """`🍜 (U+1F35C STEAMING BOWL)`."""
    return f"{char} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')})"


def check_glyphs(corpus: Corpus, covered: frozenset[int] | None = None) -> None:
    """Fail (InputError, one problem per character and paragraph) when a session's
    readings, their titles, summaries and key points, or the session's own texts hold a
    character the handout fonts cannot draw."""
    covered = font_coverage() if covered is None else covered
    problems = []
    for session in corpus.sessions:
        own = [session.title, session.purpose, session.place, session.host,
               *session.preparation, *session.discussion, session.minutes]
        for value in own:
            for text in filter(None, value.values()):
                problems += [Problem(session.path, None, f"{describe(c)} cannot be printed: "
                                     "no handout font has it") for c in
                             missing_glyphs(text, covered)]
        for reading in session.readings:
            doc = corpus.document(reading.document)
            problems += document_problems(doc, paragraphs_of(reading, doc), corpus.seeds_dir,
                                          covered)
    if problems:
        raise InputError(problems)


def check_digest_glyphs(corpus: Corpus, covered: frozenset[int] | None = None) -> None:
    """The same check for the whole-corpus digests: every document, every paragraph."""
    covered = font_coverage() if covered is None else covered
    problems = [problem for doc in corpus.pages()
                for problem in document_problems(doc, doc.paragraphs, corpus.seeds_dir, covered)]
    if problems:
        raise InputError(problems)


def document_problems(doc, paragraphs, seeds_dir: str, covered: frozenset[int]) -> list[Problem]:
    """One problem per character of a document that no font has: in its title, summary or
    key points (named by the seed), or in a paragraph or its translation (with its line)."""
    where = f"{seeds_dir}/{doc.source}"
    problems = []
    extras = [*doc.title.values(), *doc.summary.values(),
              *(v for k in doc.key_points for v in k.values())]
    for char in missing_glyphs("".join(filter(None, extras)), covered):
        problems.append(Problem(where, None, f"{doc.id}: {describe(char)} in its "
                                "title, summary or key points cannot be printed: no "
                                "PDF font has it"))
    for para in paragraphs:
        tr = doc.translation.get(para.id)
        sources = [(para.text, where, para.lines[0])]
        if tr and tr.text:  # a translation's mistake is in its translation file
            sources.append((tr.text, doc.translation_path or where, tr.line))
        for text, path, line in sources:
            problems += [Problem(path, line, (
                f"{doc.id} {para.id}: {describe(char)} cannot be printed: no PDF "
                f"font ({', '.join(FAMILIES)}) has it; install a font that does and "
                "add it to templates/pdf/handout.css and digest.css, or correct the text"))
                for char in missing_glyphs(text, covered)]
    return problems
