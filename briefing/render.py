"""Stage 7, render: the corpus -> Markdown pages for both languages plus `corpus.json`.

Rendering is pure: it returns `{relative path: text}` and writes nothing, so `generate`
can replace its output atomically and `check` can compare without writing.

Seed and editorial text is untrusted. It reaches Markdown only through the filters below,
which make sure it stays text: `html_text` for raw HTML blocks (Python-Markdown leaves their
content alone), `inline_md` for headings and link texts (every ASCII punctuation mark becomes
a character reference, so no Markdown, HTML or extension syntax survives), `front_matter`
for YAML front matter (escaped, since the theme prints page titles as HTML).
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from pathlib import Path

import jinja2
import yaml

from .glossary import TermMatcher
from .model import LANGUAGES, Corpus, Document, source_hash

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SCHEMA_VERSION = 1


def html_text(value) -> str:
    """Text for the inside of an HTML element, on one line. Braces become character
    references too: no `{: …}` attribute list or `{{ … }}` expression stands in the
    Markdown, whatever extensions a later configuration enables.

    >>> html_text('<script>alert("x")</script> & {: .x}')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#123;: .x&#125;'
    """
    escaped = html.escape(" ".join(str(value).split("\n")), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


_ASCII_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")


def inline_md(value) -> str:
    """Text for a Markdown heading or link text: ASCII punctuation as character references.

    >>> inline_md("# [x](javascript:y) *a* {{ b }}")
    '&#35; &#91;x&#93;&#40;javascript&#58;y&#41; &#42;a&#42; &#123;&#123; b &#125;&#125;'
    """
    return _ASCII_PUNCT.sub(lambda m: f"&#{ord(m.group(0))};", " ".join(str(value).split()))


def paragraph_html(para, strings: dict, terms: list | None = None) -> str:
    """A paragraph's text as HTML. Each editorial correction is marked as such (never passed
    off as the source): `<ins class="briefing-erratum" title="…">corrected</ins>`; each term
    in `terms` (dicts with start, end, href, title) links to the glossary with its rendering
    as a tooltip. Marks that overlap a correction are left out."""
    marks = [(c.start, c.end, "erratum", c) for c in para.corrections]
    marks += [(t["start"], t["end"], "term", t) for t in terms or []
              if not any(c.start < t["end"] and t["start"] < c.end for c in para.corrections)]
    out, position = [], 0
    for start, end, kind, mark in sorted(marks, key=lambda m: m[0]):
        out.append(html_text(para.text[position:start]))
        inner = html_text(para.text[start:end])
        if kind == "erratum":
            title = f"{strings['erratum']}{strings['colon']}{mark.original}"
            if mark.note:
                title += f" ({mark.note})"
            out.append(f'<ins class="briefing-erratum" title="{html_text(title)}">{inner}</ins>')
        else:
            out.append(f'<a class="briefing-term" href="{mark["href"]}" '
                       f'title="{html_text(mark["title"])}">{inner}</a>')
        position = end
    out.append(html_text(para.text[position:]))
    return "".join(out)


def front_matter(values: dict) -> str:
    """YAML front matter lines with HTML-escaped values (the theme prints them unescaped)."""
    escaped = {k: html.escape(" ".join(str(v).split()), quote=False) for k, v in values.items()}
    return yaml.safe_dump(escaped, allow_unicode=True, sort_keys=False, width=10_000).strip()


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             autoescape=False)
    env.filters.update(html_text=html_text, inline_md=inline_md, front_matter=front_matter,
                       paragraph_html=paragraph_html)
    return env


def load_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"))


def pdf_name(lang: str) -> str:
    return f"briefing-{lang}.pdf"


def display_title(doc: Document, lang: str, strings: dict) -> str:
    """The title a reader of `lang` sees: theirs, else the original's, else a placeholder."""
    return doc.title.get(lang) or doc.title.get(doc.language) or strings[lang]["untitled"]


def render(corpus: Corpus) -> dict[str, str]:
    """Every generated file, as {path relative to the output folder: text}."""
    env = environment()
    strings = load_strings()
    files: dict[str, str] = {}
    by_id = {d.id: d for d in corpus.pages()}
    themes = {t.id: t for t in corpus.themes}
    terms = {t.id: t for t in corpus.glossary}
    for lang in LANGUAGES:
        t = strings[lang]
        files[f"{lang}/index.md"] = env.get_template("site/home.md.j2").render(
            t=t, lang=lang, pdf_name=pdf_name(lang), entries=home_entries(corpus, lang, strings))
        files[f"{lang}/themes.md"] = env.get_template("site/themes.md.j2").render(
            t=t, lang=lang, themes=theme_entries(corpus, lang, strings),
            seeds_dir=corpus.seeds_dir)
        files[f"{lang}/figures.md"] = env.get_template("site/figures.md.j2").render(
            t=t, lang=lang, documents=[
                {"id": d.id, "title": display_title(d, lang, strings), "language": d.language,
                 "figures": d.figures} for d in corpus.documents if d.figures])
        files[f"{lang}/timeline.md"] = env.get_template("site/timeline.md.j2").render(
            t=t, lang=lang, events=timeline_entries(corpus, lang, strings))
        files[f"{lang}/glossary.md"] = env.get_template("site/glossary.md.j2").render(
            t=t, lang=lang, terms=glossary_entries(corpus, lang, strings),
            seeds_dir=corpus.seeds_dir)
        for doc in corpus.pages():
            files[f"{lang}/documents/{doc.id}.md"] = env.get_template(
                "site/document.md.j2").render(
                t=t, lang=lang, doc=doc, base="../",
                page_title=display_title(doc, lang, strings),
                other_title=other_title(doc, lang),
                title_note=title_note(doc, lang, t),
                sources=page_sources(corpus, doc),
                translation=translation_summary(doc, lang),
                body=body_entries(doc, lang, t, terms, corpus.glossary, "../"),
                themes=[themes[i] for i in doc.themes if i in themes],
                links=link_groups(doc, by_id, lang, strings, themes, terms),
                references=reference_entries(doc, by_id, lang, strings),
                passages=passage_groups(doc, by_id, lang, strings))
    files["corpus.json"] = corpus_json(corpus)
    files["jieba-userdict.txt"] = jieba_userdict(corpus)
    return files


def title_note(doc: Document, lang: str, t: dict) -> str:
    """Say where a title comes from when it is not the one the source prints."""
    if doc.title_origin.get(lang) != "editorial":
        return ""
    if doc.printed_title is None:
        return t["title_editorial"]
    return t["title_translated"] if lang != doc.language else t["title_changed"]


def home_entries(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    """Documents in corpus order; a compilation's articles are indented under it."""
    return [{"id": d.id, "title": display_title(d, lang, strings), "date": d.date,
             "depth": 1 if d.parent else 0} for d in corpus.pages()]


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
    return [{"label": t[label], "entries": items} for label, items in groups if items]


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
            "start": start, "end": end, "href": f"{base}glossary.html#{term}",
            "title": term_tooltip(terms[term], lang, t)})
    return marks


def other_language(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


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
                                  if not translated or state == "missing" else None)
        translation = html_text(tr.text) if tr and tr.text else None
        if not translated:
            main, main_text, main_lang = original, para.text, doc.language
            other, other_lang = translation, other_language(doc.language)
        elif state == "current":
            main = paragraph_html(replace(para, text=tr.text, corrections=[]), t,
                                  marks.get(para.id))
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
    """`large model：参数规模巨大…` on Chinese pages; `大模型 · large model: An AI model…`."""
    head = term.en if lang == "zh" else f"{term.zh} · {term.en}"
    return f"{head}{t['colon']}{term.note[lang]}"


def glossary_entries(corpus: Corpus, lang: str, strings: dict) -> list[dict]:
    """Every term with the documents it occurs in (corpus order), their count of uses and
    the paragraph of the first one."""
    entries = []
    for term in corpus.glossary:
        places = []
        for doc in corpus.pages():
            uses = [u for u in doc.terms if u.term == term.id]
            if uses:
                places.append({"id": doc.id, "title": display_title(doc, lang, strings),
                               "count": len(uses), "first": uses[0].paragraph})
        entries.append({"id": term.id, "zh": term.zh, "en": term.en, "note": term.note[lang],
                        "variants": term.variants.get("en", []), "places": places})
    return entries


#: Passages shown per other document on a page (all of them are in corpus.json).
PASSAGES_SHOWN = 3


def passage_groups(doc: Document, by_id: dict, lang: str, strings: dict) -> list[dict]:
    """Shared passages, per other document, longest first: where the same words stand."""
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
                       "passages": [{"text": text, "here": here, "there": there}
                                    for text, (here, there) in ranked[:PASSAGES_SHOWN]]})
    return groups


def corpus_record(doc: Document) -> dict:
    """One document as `corpus.json` has it (see schema/corpus.schema.json)."""
    return {
        "id": doc.id,
        "source": doc.source,
        "kind": doc.kind,
        "language": doc.language,
        "script": doc.script,
        "title": {lang: doc.title.get(lang) for lang in LANGUAGES},
        "date": doc.date,
        "authors": list(doc.authors),
        "publication": doc.publication,
        "issue": doc.issue,
        "publisher": doc.publisher,
        "affiliation": doc.affiliation,
        "editors": list(doc.editors),
        "parent": doc.parent,
        "parts": list(doc.parts),
        "paragraphs": [
            {"id": p.id, "kind": p.kind, "text": p.text, "lines": list(p.lines),
             **({"traditional": p.traditional} if p.traditional is not None else {}),
             **({"corrections": [{"start": c.start, "end": c.end, "original": c.original,
                                  "note": c.note} for c in p.corrections]}
                if p.corrections else {}),
             "source_hash": source_hash(p.text),
             "translation": translation_record(doc.translation.get(p.id))}
            for p in doc.paragraphs],
        "translation_language": other_language(doc.language),
        "summary": {lang: doc.summary.get(lang) for lang in LANGUAGES},
        "key_points": [{lang: i.get(lang) for lang in LANGUAGES} for i in doc.key_points],
        "questions": [{lang: i.get(lang) for lang in LANGUAGES} for i in doc.questions],
        "review": {"status": doc.review.status, "reviewer": doc.review.reviewer,
                   "date": doc.review.date} if doc.review else None,
        "themes": list(doc.themes),
        "theme_scores": {t: doc.theme_scores.get(t, 0) for t in doc.themes},
        "theme_evidence": {t: [{"paragraph": e.paragraph, "sentence": e.sentence,
                                "phrases": list(e.phrases)}
                               for e in doc.theme_evidence.get(t, [])] for t in doc.themes},
        "terms": term_records(doc),
        "references": [{"name": r.name, "paragraph": r.paragraph, "target": r.target,
                        "how": r.how, "titled": r.titled} for r in doc.references],
        "figures": [{"text": f.text, "english": f.english, "number": f.number, "unit": f.unit,
                     "measure": f.measure, "sentence": f.sentence, "paragraph": f.paragraph}
                    for f in doc.figures],
        "events": [{"date": e.date, "text": e.text, "sentence": e.sentence,
                    "paragraph": e.paragraph, "resolved_year": e.resolved_year, "kind": e.kind}
                   for e in doc.events],
        "links": [{"target": l.target, "kind": l.kind, "note": l.note,
                   **({"passage": l.passage, "paragraph": l.paragraph,
                       "target_paragraph": l.target_paragraph}
                      if l.kind == "shared-passage" else {}),
                   **({"name": l.passage, "paragraph": l.paragraph}
                      if l.kind == "reference" else {}),
                   **({"themes": list(l.themes), "terms": list(l.terms)}
                      if l.kind == "related" else {})}
                  for l in doc.links],
    }


def translation_record(tr) -> dict:
    """A paragraph's translation as corpus.json has it: state, text, provenance, source."""
    if tr is None or tr.state == "missing":
        return {"state": "missing"}
    return {"state": tr.state, "text": tr.text, "provenance": tr.provenance,
            "source": tr.source}


def term_records(doc: Document) -> list[dict]:
    """Each glossary term the document uses: how often, and in which paragraphs."""
    records: dict[str, dict] = {}
    for use in doc.terms:
        record = records.setdefault(use.term, {"id": use.term, "count": 0, "paragraphs": []})
        record["count"] += 1
        if use.paragraph not in record["paragraphs"]:
            record["paragraphs"].append(use.paragraph)
    return list(records.values())


def corpus_json(corpus: Corpus) -> str:
    data = {
        "version": SCHEMA_VERSION,
        "themes": [{"id": t.id, "name": t.name, "description": t.description}
                   for t in corpus.themes],
        "glossary": [{"id": t.id, "zh": t.zh, "en": t.en, "note": t.note,
                      "variants": t.variants} for t in corpus.glossary],
        "compilations": [corpus_record(d) for d in corpus.compilations],
        "documents": [corpus_record(d) for d in corpus.documents],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def jieba_userdict(corpus: Corpus) -> str:
    """Chinese glossary terms and theme phrases as one search term each (`新质生产力`,
    `具身智能`)."""
    phrases = [p for t in corpus.themes for p in t.phrases.get("zh", [])]
    phrases += [form for t in corpus.glossary for form in t.forms("zh")]
    words = sorted({p for p in phrases if re.fullmatch(r"[\u4e00-\u9fff]{2,}", p)})
    return "".join(f"{w} 100000\n" for w in words)
