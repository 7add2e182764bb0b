"""Glossary terms (part of stage `analyze`): where each term of `seeds/glossary.yml` stands.

A term is found by its form in the document's language (`新质生产力`; `new quality productive
forces`) or by a variant editors listed (machine translations print `big models` for 大模型).
Chinese forms are matched as they are, in Simplified text; English forms as whole words, in
any case, with a plural `s`. Where terms overlap, the longest wins (`行业大模型`, not
`大模型` inside it), so every stretch of text belongs to one term at most.
"""
from __future__ import annotations

import re

from ..model import Document, Term, TermUse


def find_terms(doc: Document, glossary: list[Term]) -> list[TermUse]:
    """Every use of a glossary term in the document's paragraphs, in text order."""
    matcher = TermMatcher.of(glossary, doc.language)
    return [TermUse(term, para.id, start, end)
            for para in doc.paragraphs for start, end, term in matcher.find(para.text)]


class TermMatcher:
    r"""All forms of all terms of one language as one pattern, longest first.

    >>> terms = [Term("llm", "大模型", "large model", {}, {"en": ["big model"]}),
    ...          Term("industry-llm", "行业大模型", "industry large model", {}, {})]
    >>> TermMatcher(terms, "zh").find("行业大模型和大模型")
    [(0, 5, 'industry-llm'), (6, 9, 'llm')]
    >>> TermMatcher(terms, "en").find("Big models, a large\nmodel; bigmodel, large modelling")
    [(0, 10, 'llm'), (14, 25, 'llm')]
    """

    _cache: dict[tuple, "TermMatcher"] = {}

    def __init__(self, glossary: list[Term], language: str):
        self.language = language
        self.by_form = {}
        for term in glossary:
            for form in term.forms(language):
                self.by_form.setdefault(self.key(form), term.id)
        forms = sorted({f for t in glossary for f in t.forms(language)}, key=len, reverse=True)
        if not forms:
            self.pattern = None
        elif language == "zh":
            self.pattern = re.compile("|".join(map(re.escape, forms)))
        else:
            # Spaces in a form match any run of white space; a form ending in a letter may
            # take a plural ending.
            alternatives = "|".join(_english_form(f) for f in forms)
            self.pattern = re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.I)

    @classmethod
    def of(cls, glossary: list[Term], language: str) -> "TermMatcher":
        """One matcher per glossary and language, built once for the whole corpus."""
        key = (language, tuple((t.id, tuple(t.forms(language))) for t in glossary))
        if key not in cls._cache:
            cls._cache[key] = cls(glossary, language)
        return cls._cache[key]

    def key(self, form: str) -> str:
        return form if self.language == "zh" else " ".join(form.lower().split())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.term_of(m.group(0))) for m in self.pattern.finditer(text)]

    def term_of(self, printed: str) -> str:
        key = self.key(printed)
        singular_y = key[:-3] + "y" if key.endswith("ies") else key
        # as printed, without a plural s / es, or -ies back to -y
        for candidate in (key, key[:-1], key[:-2], singular_y):
            if candidate in self.by_form:
                return self.by_form[candidate]
        raise KeyError(printed)  # the pattern only matches forms of the table


def _english_form(form: str) -> str:
    r"""A form as a pattern: spaces match any run of white space, and a final word may be
    plural (`model` -> `models`, `city` -> `cities`).

    >>> bool(re.fullmatch(_english_form("smart city"), "smart\ncities"))
    True
    """
    pattern = r"\s+".join(map(re.escape, form.split()))
    if re.search(r"[^aeiou]y$", form):
        return pattern[:-1] + r"(?:y|ies)"
    return pattern + (r"(?:es|s)?" if form[-1].isalpha() else "")
