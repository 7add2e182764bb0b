"""What the corpus pages quote, in the reader's language (issue 11, item 2).

Theme evidence, timeline entries and figures quote one sentence of a document, in the
document's own language. On the other language's site the quotation comes from the
paragraph's translation: the sentence of the same rank when the translation has as many
sentences as its source (the way briefing.translate.memory pairs sentences), else the
translated sentences around the same place in the paragraph (at most `WINDOW` either side,
with "…" where the paragraph goes on), so a quotation stays a sentence or three however
long the paragraph. The original goes with it (the page shows it folded, marked
with its `lang`). A paragraph without a current translation is quoted in the original,
flagged, never passed off as translated.
"""
from __future__ import annotations

from ..model import Document
from ..translate.memory import sentences


#: Sentences quoted either side of the proportional place when sentences do not pair up.
WINDOW = 1


def window(target: list[str], rank: int, count: int, sep: str) -> str:
    """The sentences of `target` around where sentence `rank` of `count` would stand.

    >>> window(["A.", "B.", "C.", "D.", "E."], 2, 5, " ")
    '… B. C. D. …'
    >>> window(["一。", "二。", "三。", "四。"], 0, 2, "")
    '一。二。 …'
    """
    middle = round(rank * (len(target) - 1) / max(count - 1, 1))
    begin, end = max(0, middle - WINDOW), min(len(target), middle + WINDOW + 1)
    text = sep.join(target[begin:end])
    return ("… " if begin > 0 else "") + text + (" …" if end < len(target) else "")


def html_lang(lang: str) -> str:
    """The `lang` attribute of a language of the corpus."""
    return "zh-Hans" if lang == "zh" else "en"


def quotation(doc: Document, paragraph: str, sentence: str, lang: str) -> dict:
    """A sentence of `doc` (from its paragraph `paragraph`) as a reader of `lang` reads it:
    `text` and `lang`, and, when that is a translation, the `original` and its
    `original_lang`; `untranslated` when the reader gets the original for want of a
    current translation; `approximate` when the translation's sentences do not pair with
    the source's and the sentences around the same place are quoted."""
    own = {"text": sentence, "lang": html_lang(doc.language), "original": None,
           "original_lang": None, "untranslated": False, "approximate": False}
    if lang == doc.language:
        return own
    tr = doc.translation.get(paragraph)
    para = next((p for p in doc.paragraphs if p.id == paragraph), None)
    if tr is None or tr.state != "current" or not tr.text or para is None:
        return {**own, "untranslated": True}
    source = sentences(para.text, doc.language)
    target = sentences(tr.text, lang)
    wanted = sentence.strip()
    rank = next((i for i, s in enumerate(source) if s == wanted or wanted in s), None)
    paired = rank is not None and len(source) == len(target)
    if paired:
        text = target[rank]
    else:
        text = window(target, rank or 0, len(source), " " if lang == "en" else "")
    return {"text": text, "lang": html_lang(lang), "original": sentence,
            "original_lang": html_lang(doc.language), "untranslated": False,
            "approximate": not paired}


def with_quotations(items: list[dict], doc: Document, lang: str) -> list[dict]:
    """Each item (a dict with `paragraph` and `sentence`) with its `quote` added."""
    return [{**item, "quote": quotation(doc, item["paragraph"], item["sentence"], lang)}
            for item in items]
