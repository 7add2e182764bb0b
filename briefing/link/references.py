"""References (part of stage `link`): documents a text names, and where the corpus has them.

A reference is a title printed in 《》 in Chinese, or, in English, a quoted title of a
document (`"Opinions on …"`, `"… Action Plan …"`). It links to the corpus documents that are
it (their title is the reference) or that discuss it (they name it in their title or first
paragraph, as a news report or an interpretation does); otherwise it is listed as a
reference only. A document is never linked to itself. Editors may set or clear the target
of any reference in the document's editorial file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Reference

ZH_TITLE = re.compile(r"《([^《》\n]{1,120})》")
#: Words that make a quoted English text the title of a document, not a slogan or a term.
EN_DOCUMENT_WORDS = re.compile(
    r"\b(?:Opinions?|Plan|Programme|Program|Outline|Law|Regulations?|Measures|Guidelines?|"
    r"Notice|Decision|Strategy|Report|Provisions|Initiative|White Paper|Rules)\b")
#: A quoted English title has at least this many words; shorter ones are the short names a
#: text gives a document (`hereinafter referred to as the "Opinions"`).
EN_MIN_WORDS = 3
#: A quoted piece ending in one of these words is not the whole title: machine translations
#: misplace the quotes of nested titles (`the "Opinions on … of the" AI+"Action"`).
DANGLING = re.compile(r"\b(?:the|of|on|to|for|and|in|a|an)$", re.I)
#: How far a title is looked for in a discussing document: its title and first paragraph.
LEAD_PARAGRAPHS = 1


@dataclass
class _Quote:
    start: int
    end: int  #: after the closing quote
    text: str


def find_references(doc: Document) -> list[Reference]:
    """Every reference the document's paragraphs print, in text order, each name once per
    paragraph."""
    found, seen = [], set()
    for para in doc.paragraphs:
        names = zh_titles(para.text) if doc.language == "zh" else en_titles(para.text)
        for name in names:
            if (name, para.id) not in seen:
                seen.add((name, para.id))
                found.append(Reference(name, para.id))
    return found


def zh_titles(text: str) -> list[str]:
    """
    >>> zh_titles("从《新一代人工智能发展规划》到《“十四五”数字经济发展规划》")
    ['新一代人工智能发展规划', '“十四五”数字经济发展规划']
    """
    return [m.group(1).strip() for m in ZH_TITLE.finditer(text) if m.group(1).strip()]


def en_titles(text: str) -> list[str]:
    """Quoted titles of documents; quotes inside a title become single quotes.

    >>> en_titles('the "Beijing Action Plan to Promote "Artificial Intelligence +" (2024-2025)" '
    ...           '(hereinafter referred to as the "Action Plan") was released')
    ["Beijing Action Plan to Promote 'Artificial Intelligence +' (2024-2025)"]
    >>> en_titles('issued the "Opinions on Deepening the Implementation of the" Artificial '
    ...           'Intelligence+"Action" (hereinafter referred to as the "Opinions")')
    ["Opinions on Deepening the Implementation of the 'Artificial Intelligence+' Action"]
    >>> en_titles('the “Guidelines for Data Labelling” and the "AI+" action')
    ['Guidelines for Data Labelling']
    """
    titles = []
    quotes = _quotes(text)
    index = 0
    while index < len(quotes):
        quote = quotes[index]
        title = quote.text
        following = quotes[index + 1] if index + 1 < len(quotes) else None
        if DANGLING.search(title) and following and following.start - quote.end <= 60:
            between = text[quote.end:following.start].strip()
            title = f"{title} '{between}' {following.text}" if between else \
                f"{title} {following.text}"
            index += 1
        index += 1
        title = " ".join(title.replace('"', "'").replace("“", "'").replace("”", "'").split())
        if (len(title.split()) >= EN_MIN_WORDS and title[:1].isupper()
                and EN_DOCUMENT_WORDS.search(title)):
            titles.append(title)
    return titles


def _quotes(text: str) -> list[_Quote]:
    """Outermost quoted spans. A straight quote opens when it follows the start, a space or
    an opening bracket and precedes a non-space; otherwise it closes (or, with nothing open,
    opens). Curly quotes say which they are."""
    spans, stack = [], []
    for match in re.finditer(r'["“”]', text):
        at, mark = match.start(), match.group(0)
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        opens = mark == "“" or (mark == '"' and (before.isspace() or before in "([（")
                                and not after.isspace())
        if opens or not stack:
            if mark != "”":
                stack.append(at)
            continue
        start = stack.pop()
        if not stack:
            spans.append(_Quote(start, at + 1, text[start + 1:at].strip()))
    return spans


def key(name: str) -> str:
    """What two printings of one title have in common: letters, digits and Han characters,
    in lower case.

    >>> key("“十四五”数字经济发展规划") == key('"十四五" 数字经济发展规划')
    True
    """
    return "".join(map(str.lower, filter(str.isalnum, name)))  # each character lowered


def resolve(documents: list[Document],
            printed: dict[str, list[Reference]] | None = None) -> dict[str, list[Reference]]:
    """Each document's references with their targets: the documents that are the reference
    (titles with the same key), else those that discuss it (name it in their lead).
    `printed`: find_references of the documents, where it was found before."""
    printed = printed or {}
    references = {d.id: printed[d.id] if d.id in printed else find_references(d)
                  for d in documents}
    is_ = {}
    for doc in documents:
        for title in doc.title.values():
            if title:
                is_.setdefault(key(title), []).append(doc.id)
    discusses = {}
    for doc in documents:
        lead_ids = {p.id for p in doc.paragraphs[:LEAD_PARAGRAPHS]}
        names = [r.name for r in references[doc.id] if r.paragraph in lead_ids]
        names += [name for title in doc.title.values() if title
                  for name in zh_titles(title) + en_titles(title)]
        for name in names:
            if doc.id not in discusses.get(key(name), []):
                discusses.setdefault(key(name), []).append(doc.id)
    resolved = {}
    for doc in documents:
        out = []
        for ref in references[doc.id]:
            k = key(ref.name)
            for how, table in (("is", is_), ("discusses", discusses)):
                targets = [t for t in table.get(k, []) if t != doc.id]
                if targets:
                    out.append(Reference(ref.name, ref.paragraph, targets[0], how))
                    break
            else:
                out.append(ref)
        resolved[doc.id] = out
    return resolved
