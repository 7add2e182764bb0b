"""What each page shows (part of stage `render`): the entries its template lists, built
from the corpus as plain dicts: documents, themes with their evidence, the glossary, the
timeline, links and passages, and a document's text in the reader's language.
"""
from __future__ import annotations

from dataclasses import replace

from .corpus_language import quotation
from ..analyze.glossary import TermMatcher
from ..facts import facts_of
from .glossary_letters import glossary_href, pinyin
from .lang_spans import (in_one_language, mark_other_language, marking,
                         own_language_part)
from ..markup import paragraph_html
from ..model import Corpus, Document, other_language


def display_title(doc: Document, lang: str, strings: dict) -> str:
    """The title a reader of `lang` sees: theirs, else the original's, else a placeholder."""
    return doc.title.get(lang) or doc.title.get(doc.language) or strings[lang]["untitled"]


def title_note(doc: Document, lang: str, t: dict) -> str:
    """Say where a title comes from when it is not the one the source prints."""
    if doc.title_origin.get(lang) != "editorial":
        return ""
    if doc.printed_title is None:
        return t["title_editorial"]
    return t["title_translated"] if lang != doc.language else t["title_changed"]


def timeline_entries(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    """Every dated event of the corpus, in date order (then document, then paragraph)."""
    entries = [{"date": e.date, "text": e.text, "sentence": e.sentence, "id": d.id,
                "paragraph": e.paragraph, "resolved": e.resolved_year, "kind": e.kind,
                "title": display_title(d, lang, strings), "language": d.language}
               for d in corpus.pages() for e in d.events]
    return sorted(entries, key=lambda e: (e["date"], e["id"], int(e["paragraph"][1:] or 0)))


def theme_entries(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    entries = []
    for theme in corpus.themes:
        docs = sorted((d for d in corpus.documents if theme.id in d.themes),
                      key=lambda d: (-d.theme_scores.get(theme.id, 0), d.id))
        entries.append({"id": theme.id, "name": theme.name, "description": theme.description,
                        "entries": [{"id": d.id, "title": display_title(d, lang, strings),
                                     "score": d.theme_scores.get(theme.id, 0),
                                     "language": d.language,
                                     "evidence": d.theme_evidence.get(theme.id, [])}
                                    for d in docs]})
    return entries


def link_groups(doc: Document, by_id: dict, lang: str, strings: dict,
                themes: dict, terms: dict) -> list[dict]:
    """The links a page shows, grouped: its compilation, its articles, related documents
    (each with what it shares, shown as the link's tooltip and after it)."""
    t = strings[lang]

    def entry(target, note=""):
        return {"target": target, "note": note,
                "title": display_title(by_id[target], lang, strings)}

    def shared(link):
        if not link.themes and not link.terms:
            return t["related_editorial"]
        parts = []
        if link.themes:
            parts.append(t["shared_themes"] + t["colon"] + t["list_sep"].join(
                themes[i].name[lang] for i in link.themes if i in themes))
        if link.terms:
            parts.append(t["shared_terms"] + t["colon"] + t["list_sep"].join(
                getattr(terms[i], lang) for i in link.terms if i in terms))
        return " · ".join(parts)

    groups = [("part_of", [entry(doc.parent)] if doc.parent in by_id else []),
              ("parts", [entry(p) for p in doc.parts if p in by_id]),
              ("related", [entry(l.target, shared(l))
                           for l in doc.links if l.kind == "related" and l.target in by_id])]
    return [{"kind": label, "label": t[label], "entries": items}
            for label, items in groups if items]


def sequence(doc: Document, by_id: dict, lang: str, strings: dict) -> dict | None:
    """An article's previous and next articles in its compilation (None: not an article).

    Each is {"target", "title"} or None at either end."""
    parent = by_id.get(doc.parent)
    if parent is None or doc.id not in parent.parts:
        return None
    parts = [p for p in parent.parts if p in by_id]
    at = parts.index(doc.id)

    def entry(target):
        return {"target": target, "title": display_title(by_id[target], lang, strings)}

    return {"previous": entry(parts[at - 1]) if at > 0 else None,
            "next": entry(parts[at + 1]) if at + 1 < len(parts) else None,
            "number": at + 1, "count": len(parts)}


def reference_entries(doc: Document, by_id: dict, lang: str, strings: dict) -> list[dict]:
    """The documents the text names, each with the corpus document it links to, if any."""
    return [{"name": r.name, "paragraph": r.paragraph, "target": r.target,
             "how": r.how, "zh": doc.language == "zh", "titled": r.titled,
             "title": display_title(by_id[r.target], lang, strings)
             if r.target in by_id else None}
            for r in doc.references]


def first_uses(uses, terms: dict, lang: str, t: dict, base: str) -> dict:
    """The first use of each glossary term on a page, per paragraph id: where the glossary
    link and its tooltip go. `uses`: (paragraph id, start, end, term id) in page order, of
    text paragraphs only (headings are left plain)."""
    seen, marks = set(), {}
    for paragraph, start, end, term in uses:
        if term in seen or term not in terms:
            continue
        seen.add(term)
        marks.setdefault(paragraph, []).append({
            "start": start, "end": end, "href": glossary_href(terms[term], lang, base),
            "title": term_tooltip(terms[term], lang, t)})
    return marks


def html_lang(lang: str) -> str:
    return "zh-Hans" if lang == "zh" else "en"


def other_title(doc: Document, lang: str) -> str | None:
    """The title in the other language, shown under the reader's (a bilingual header)."""
    other = doc.title.get(other_language(lang))
    return other if other and other != doc.title.get(lang) else None


def page_sources(corpus: Corpus, doc: Document) -> dict:
    """The files a document page comes from: the editorial file first (where "edit this
    page" leads), then the translation file and the seed."""
    folder = corpus.seeds_dir.rstrip("/")
    return {"edit_path": f"{folder}/editorial/{doc.id}.yml",
            "sources": " ".join([f"{folder}/editorial/{doc.id}.yml",
                                 f"{folder}/translations/{doc.id}.yml",
                                 f"{folder}/{doc.source}"])}


def translation_summary(doc: Document, lang: str) -> dict | None:
    """How far the page's text is translated, for the note above it (None: the original)."""
    if lang == doc.language:
        return None
    states = [doc.translation[p.id].state if p.id in doc.translation else "missing"
              for p in doc.paragraphs]
    provenances = {doc.translation[p.id].provenance for p in doc.paragraphs
                   if p.id in doc.translation and doc.translation[p.id].state == "current"}
    return {"total": len(states), "current": states.count("current"),
            "stale": states.count("stale"), "missing": states.count("missing"),
            "reviewed": provenances == {"reviewed"}}


def reading_text(doc: Document, lang: str) -> list[dict]:
    """The text in the reader's language for print: each paragraph's translation when it is
    current; a stale one flagged, followed by the current original; a missing one replaced
    by the original, flagged. (The site does the same, with markup: `body_entries`.)"""
    out = []
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        state = "original" if lang == doc.language else (tr.state if tr else "missing")
        text = tr.text if state in ("current", "stale") else para.text
        out.append({"kind": para.kind, "text": text, "state": state,
                    "lang": html_lang(lang if state in ("current", "stale") else doc.language),
                    "original": para.text if state == "stale" else None,
                    "original_lang": html_lang(doc.language)})
    return out


def body_entries(doc: Document, lang: str, t: dict, terms: dict, glossary: list,
                 base: str) -> list[dict]:
    """The page's text, paragraph by paragraph: the reader's language first (the original,
    or its translation), and the other language beside it for the side-by-side view. A
    stale translation is shown with its flag and the current original; a missing one
    gives way to the original, flagged."""
    translated = lang != doc.language
    text_ids = {p.id for p in doc.paragraphs if p.kind == "text"}

    def state_of(para):
        return doc.translation[para.id].state if para.id in doc.translation else "missing"

    # Terms are marked in the text the reader reads: the original, or where a paragraph is
    # translated, its translation.
    matcher = TermMatcher.of(glossary, lang)
    original_uses: dict[str, list] = {}
    for u in doc.terms:
        original_uses.setdefault(u.paragraph, []).append((u.paragraph, u.start, u.end, u.term))
    uses = []
    for para in doc.paragraphs:
        if para.id not in text_ids:
            continue
        if translated and state_of(para) == "current":
            uses += [(para.id, start, end, term)
                     for start, end, term in matcher.find(doc.translation[para.id].text)]
        elif not translated or state_of(para) == "missing":
            uses += original_uses.get(para.id, [])
    marks = first_uses(uses, terms, lang, t, base)
    items = []
    for para in doc.paragraphs:
        tr = doc.translation.get(para.id)
        state = tr.state if tr else "missing"
        original = paragraph_html(para, t, marks.get(para.id)
                                  if not translated or state == "missing" else None,
                                  escape=marking(doc.language))
        translation = (mark_other_language(tr.text, other_language(doc.language))
                       if tr and tr.text else None)
        if not translated:
            main, main_text, main_lang = original, para.text, doc.language
            other, other_lang = translation, other_language(doc.language)
        elif state == "current":
            main = paragraph_html(replace(para, text=tr.text, corrections=[]), t,
                                  marks.get(para.id), escape=marking(lang))
            main_text, main_lang = tr.text, lang
            other, other_lang = original, doc.language
        elif state == "stale" and para.kind == "text":
            main, main_text, main_lang = translation, tr.text, lang
            other, other_lang = original, doc.language
        else:  # missing (or a stale heading: headings carry no flag, so the original shows)
            main, main_text, main_lang = original, para.text, doc.language
            other, other_lang = None, lang
        items.append({"id": para.id, "kind": para.kind, "lines": para.lines, "state": state,
                      "translated": translated, "provenance": tr.provenance if tr else None,
                      "main": main, "main_text": main_text, "main_lang": html_lang(main_lang),
                      "other": other, "other_lang": html_lang(other_lang)})
    return items


def term_tooltip(term, lang: str, t: dict) -> str:
    """`大模型：参数规模巨大…` on Chinese pages; `large model (dà mó xíng): An AI model…` on
    English ones. A tooltip is an attribute, where no element can mark a language, so it
    holds the reader's language only (issue 11): the Chinese term as pinyin, and the note
    up to where it turns to the other language (the glossary entry shows it whole)."""
    if lang == "zh":
        head = term.zh
    else:
        reading = " ".join(s for s in pinyin(term.zh).split() if s.isalpha())
        head = f"{term.en} ({reading})" if in_one_language(reading, "en") else term.en
    gloss = own_language_part(term.note[lang], lang)
    return f"{head}{t['colon']}{gloss}" if gloss else head


def glossary_entries(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    """Every term with the documents it occurs in (corpus order), their count of uses and
    the paragraph of the first one."""
    # One pass over the documents (each term's uses, in document order), not one per term;
    # each document's uses counted by the per-document stages (briefing.facts).
    uses: dict[str, list[tuple[Document, int, str]]] = {}
    for doc in corpus.pages():
        for term, (count, first) in facts_of(corpus, doc).terms.items():
            uses.setdefault(term, []).append((doc, count, first))
    entries = []
    for term in corpus.glossary:
        places = [{"id": doc.id, "title": display_title(doc, lang, strings),
                   "count": count, "first": first}
                  for doc, count, first in uses.get(term.id, [])]
        entries.append({"id": term.id, "zh": term.zh, "en": term.en, "note": term.note[lang],
                        "variants": term.variants.get("en", []), "places": places})
    return entries


#: Passages shown per other document on a page (all of them are in corpus.json).
PASSAGES_SHOWN = 3


def passage_groups(doc: Document, by_id: dict, lang: str, strings: dict) -> list[dict]:
    """Shared passages, per other document, longest first: where the same words stand,
    each quoted as the reader of `lang` reads it (the original folded beside a translation)."""
    per_target: dict[str, dict[str, object]] = {}
    for l in doc.links:
        if l.kind != "shared-passage" or l.target not in by_id:
            continue
        entry = per_target.setdefault(l.target, {
            "target": l.target, "title": display_title(by_id[l.target], lang, strings),
            "passages": {}})
        entry["passages"].setdefault(l.passage, (l.paragraph, l.target_paragraph))
    groups = []
    for target in sorted(per_target, key=lambda t: (-max(map(len, per_target[t]["passages"])), t)):
        entry = per_target[target]
        ranked = sorted(entry["passages"].items(), key=lambda kv: (-len(kv[0]), kv[0]))
        groups.append({**entry, "count": len(ranked),
                       "passages": [{"text": text, "here": here, "there": there,
                                     "quote": quotation(doc, here, text, lang)}
                                    for text, (here, there) in ranked[:PASSAGES_SHOWN]]})
    return groups
