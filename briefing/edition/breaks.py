"""Editor-declared paragraph breaks (`breaks:` in the editorial file).

Some seeds lost their paragraphs: 000 is one line of about 11,000 characters, because the
site it was scraped from printed it so. The splitter cannot know where its author broke it
(nothing in the text marks it: no indent, no blank line, a sentence ends every few words),
so editors say so, as they correct text with errata: each break is anchored to the text
that ends a paragraph. When that text is gone, or occurs more than once and no paragraph is
named, the build fails with the editorial file's line, and the break is never placed
anywhere else.

Breaks run before errata (`curate.correct`), on the text as cleaned; paragraphs are then
numbered again (p1, p2, …) in reading order, so an erratum's `paragraph:` names a paragraph
as the page shows it. Translations follow by the hash of each new paragraph: the
translation of the paragraph before the break must be split the same way (entries whose
texts, joined, are the old one), or `check` shows it stale.
"""
from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..model import Document, Paragraph, source_hash
from ..script import TO_SIMPLIFIED, convert
from .schema import Break


def apply_breaks(doc: Document, path: str, breaks: list[Break]):
    """The document's paragraphs with every break placed, renumbered; and the problems (an
    anchor gone or ambiguous, a break at the end of a paragraph, where there is one).

    >>> from briefing.model import Paragraph, Document
    >>> doc = Document("d", "d.txt", "en", "Latn", {}, paragraphs=[
    ...     Paragraph("p1", "text", "One. Two. Three.", (3, 3))])
    >>> paragraphs, problems = apply_breaks(doc, "e.yml", [Break("One.", None, 4)])
    >>> [(p.id, p.text) for p in paragraphs], problems
    ([('p1', 'One.'), ('p2', 'Two. Three.')], [])
    """
    to_simplified = TO_SIMPLIFIED.get(doc.script)
    # Where each paragraph (by its id before any break) is cut: offsets in its text.
    cuts: dict[str, set[int]] = {}
    problems = []
    for brk in breaks:
        anchor = convert(brk.after, to_simplified)
        places = [(p, i) for p in doc.paragraphs if brk.paragraph in (None, p.id)
                  for i in _occurrences(p.text, anchor)]
        where = f" in paragraph {brk.paragraph}" if brk.paragraph else ""
        if len(places) != 1:
            problems.append(Problem(path, brk.line, (
                f"break anchor {brk.after!r} occurs {len(places)} times{where} in document "
                f"{doc.id}; " + ("the text no longer has it: update or remove the break"
                                 if not places else
                                 "name the paragraph (paragraph: pN) or quote more text"))))
            continue
        para, start = places[0]
        cut = start + len(anchor)
        if not para.text[cut:].strip():
            problems.append(Problem(path, brk.line, (
                f"break anchor {brk.after!r} ends paragraph {para.id} of {doc.id} already; "
                "remove the break")))
            continue
        cuts.setdefault(para.id, set()).add(cut)
    paragraphs = []
    for para in doc.paragraphs:
        pieces = split_paragraph(para, sorted(cuts.get(para.id, ())))
        if pieces is None:
            problems.append(Problem(path, None, (
                f"paragraph {para.id} of {doc.id} cannot be broken: its Traditional text "
                "does not match the Simplified one character for character")))
            pieces = [para]
        paragraphs.extend(pieces)
    return [replace(p, id=f"p{n}") for n, p in enumerate(paragraphs, start=1)], problems


def split_paragraph(para: Paragraph, cuts: list[int]) -> list[Paragraph] | None:
    """`para` cut at each offset; the spaces around a cut go, nothing else is lost. The
    Traditional text is cut at the same offsets (OpenCC converts character for character
    here); None when it cannot be."""
    if not cuts:
        return [para]
    if para.traditional is not None and len(para.traditional) != len(para.text):
        return None
    bounds = list(zip([0] + cuts, cuts + [len(para.text)]))
    pieces = []
    for start, end in bounds:
        text = para.text[start:end].strip()
        traditional = para.traditional[start:end].strip() if para.traditional else None
        pieces.append(replace(para, text=text, traditional=traditional, corrections=[]))
    return pieces


def _occurrences(text: str, anchor: str) -> list[int]:
    found, start = [], text.find(anchor)
    while start != -1:
        found.append(start)
        start = text.find(anchor, start + 1)
    return found


#: A paragraph is seldom cut in more pieces than this; the hint looks no further.
MAX_PIECES = 40


def split_hint(doc: Document, source: str) -> list[str] | None:
    """When a stale translation was made from a paragraph that breaks have since cut in
    pieces (`source`: the hash it was made from), the ids of those pieces, for `check` to
    say so; else None."""
    ids = [p.id for p in doc.paragraphs]
    for i in range(len(ids)):
        joined = ""
        for j in range(i, min(len(ids), i + MAX_PIECES)):
            joined = (joined + " " + doc.paragraphs[j].text).strip() if doc.language == "en" \
                else joined + doc.paragraphs[j].text
            if j > i and source_hash(joined) == source:
                return ids[i:j + 1]
    return None
