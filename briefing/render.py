"""Stage 7, render: the corpus -> Markdown pages for both languages plus `corpus.json`.

Rendering is pure: it returns `{relative path: text}` and writes nothing, so `generate`
can replace its output atomically and `check` can compare without writing. What each page
lists comes from `briefing.pages`; every value from a seed or an editorial file goes through
the filters of `briefing.markup`, so text stays text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import yaml

from .corpus_pages import corpus_pages
from .edition import notes as edition_notes
from .edition.page import marked_body, page_values
from .edition.provenance import provenance_record
from .footnotes import note_records
from .markup import front_matter, html_text, inline_md, paragraph_html
from .model import LANGUAGES, Corpus, Document, other_language, source_hash
from .home import home_page, type_pages
from .lang_spans import lang_text
from .names import names_of, names_record, reviewer_of
from .pages import (body_entries, display_title, link_groups,
                    other_title, page_sources, passage_groups, reference_entries,
                    title_note, translation_summary)
from .sessions.pages import render_session_pages

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SCHEMA_VERSION = 1


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             autoescape=False)
    env.filters.update(html_text=html_text, inline_md=inline_md, front_matter=front_matter,
                       paragraph_html=paragraph_html, lang_text=lang_text)
    env.globals["names_of"] = names_of  # a document's names in a language, escaped
    return env


def load_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"))


def pdf_name(lang: str) -> str:
    return f"briefing-{lang}.pdf"


def digests_enabled(config: Path = TEMPLATES.parent / "mkdocs.yml") -> bool:
    """Whether `build` prints the whole-corpus digests (`extra.digests` in mkdocs.yml).

    Off unless set: at a thousand documents a digest is thousands of pages that nobody
    prints, and each costs minutes; the session handouts are the printed matter. The home
    page links a digest only when there is one, and it reads the same setting, so docs/
    still depends on its inputs alone.
    """
    extra = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("extra") or {}
    return extra.get("digests") is True


def render(corpus: Corpus) -> dict[str, str]:
    """Every generated file, as {path relative to the output folder: text}."""
    env = environment()
    strings = load_strings()
    files: dict[str, str] = {}
    by_id = {d.id: d for d in corpus.pages()}
    themes = {t.id: t for t in corpus.themes}
    terms = {t.id: t for t in corpus.glossary}
    digests = digests_enabled()
    for lang in LANGUAGES:
        t = strings[lang]
        files.update(corpus_pages(env, corpus, lang, strings))
        files.update(type_pages(env, corpus, lang, strings))
        files[f"{lang}/index.md"] = home_page(env, corpus, lang, strings, files,
                                              pdf_name(lang) if digests else None)
        for doc in corpus.pages():
            edition = page_values(doc, lang, t, display_title(doc, lang, strings))
            files[f"{lang}/documents/{doc.id}.md"] = env.get_template(
                "site/document.md.j2").render(**edition,
                t=t, lang=lang, doc=doc, base="../", names=names_of(doc, lang),
                reviewer=reviewer_of(doc, lang, corpus.names),
                page_title=display_title(doc, lang, strings),
                other_title=other_title(doc, lang),
                title_note=title_note(doc, lang, t),
                sources=page_sources(corpus, doc),
                translation=translation_summary(doc, lang),
                body=marked_body(body_entries(doc, lang, t, terms, corpus.glossary, "../"),
                                 edition, t),
                notes=note_records(doc),
                themes=[themes[i] for i in doc.themes if i in themes],
                links=link_groups(doc, by_id, lang, strings, themes, terms),
                references=reference_entries(doc, by_id, lang, strings),
                passages=passage_groups(doc, by_id, lang, strings))
    files.update(render_session_pages(corpus, env, strings))
    files["corpus.json"] = corpus_json(corpus)
    files["jieba-userdict.txt"] = jieba_userdict(corpus)
    return files


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
        "names": names_record(doc),
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
        **({"notes": note_records(doc)} if doc.notes else {}),
        "translation_language": other_language(doc.language),
        "original": provenance_record(doc),
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
            "source": tr.source,
            **({"notes": edition_notes.note_records(tr)} if tr.notes else {})}


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
