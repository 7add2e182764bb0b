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
from pathlib import Path

import jinja2
import yaml

from .model import LANGUAGES, Corpus, Document

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


def paragraph_html(para, strings: dict) -> str:
    """A paragraph's text as HTML, each editorial correction marked as such (never passed
    off as the source): `<ins class="briefing-erratum" title="…">corrected</ins>`."""
    out, position = [], 0
    for c in para.corrections:
        out.append(html_text(para.text[position:c.start]))
        title = f"{strings['erratum']}{strings['colon']}{c.original}"
        if c.note:
            title += f" ({c.note})"
        out.append(f'<ins class="briefing-erratum" title="{html_text(title)}">'
                   f"{html_text(para.text[c.start:c.end])}</ins>")
        position = c.end
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
    for lang in LANGUAGES:
        t = strings[lang]
        files[f"{lang}/index.md"] = env.get_template("site/home.md.j2").render(
            t=t, lang=lang, pdf_name=pdf_name(lang), entries=home_entries(corpus, lang, strings))
        files[f"{lang}/themes.md"] = env.get_template("site/themes.md.j2").render(
            t=t, lang=lang, themes=theme_entries(corpus, lang, strings))
        files[f"{lang}/figures.md"] = env.get_template("site/figures.md.j2").render(
            t=t, lang=lang, documents=[
                {"id": d.id, "title": display_title(d, lang, strings), "language": d.language,
                 "figures": d.figures} for d in corpus.documents if d.figures])
        files[f"{lang}/timeline.md"] = env.get_template("site/timeline.md.j2").render(
            t=t, lang=lang, events=timeline_entries(corpus, lang, strings))
        for doc in corpus.pages():
            files[f"{lang}/documents/{doc.id}.md"] = env.get_template(
                "site/document.md.j2").render(
                t=t, lang=lang, doc=doc, base="../",
                page_title=display_title(doc, lang, strings),
                title_note=title_note(doc, lang, t),
                pending=doc.language != lang,
                themes=[themes[i] for i in doc.themes if i in themes],
                links=link_groups(doc, by_id, lang, strings, themes),
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
                                     "score": d.theme_scores.get(theme.id, 0)} for d in docs]})
    return entries


def link_groups(doc: Document, by_id: dict, lang: str, strings: dict,
                themes: dict) -> list[dict]:
    """The links a page shows, grouped: its compilation, its articles, related documents."""
    def entry(target, note=""):
        return {"target": target, "note": note,
                "title": display_title(by_id[target], lang, strings)}

    groups = [("part_of", [entry(doc.parent)] if doc.parent in by_id else []),
              ("parts", [entry(p) for p in doc.parts if p in by_id]),
              ("related", [entry(l.target, strings[lang]["shared_themes"] + strings[lang]["colon"]
                               + strings[lang]["list_sep"].join(
                                   themes[t].name[lang] for t in l.themes if t in themes))
                         for l in doc.links if l.kind == "related" and l.target in by_id])]
    return [{"label": strings[lang][label], "entries": items} for label, items in groups if items]


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
                if p.corrections else {})}
            for p in doc.paragraphs],
        "themes": list(doc.themes),
        "figures": [{"text": f.text, "english": f.english, "number": f.number, "unit": f.unit,
                     "measure": f.measure, "sentence": f.sentence, "paragraph": f.paragraph}
                    for f in doc.figures],
        "events": [{"date": e.date, "text": e.text, "sentence": e.sentence,
                    "paragraph": e.paragraph, "resolved_year": e.resolved_year, "kind": e.kind}
                   for e in doc.events],
        "links": [{"target": l.target, "kind": l.kind, "note": l.note,
                   **({"passage": l.passage, "paragraph": l.paragraph,
                       "target_paragraph": l.target_paragraph} if l.passage else {})}
                  for l in doc.links],
    }


def corpus_json(corpus: Corpus) -> str:
    data = {
        "version": SCHEMA_VERSION,
        "themes": [{"id": t.id, "name": t.name, "description": t.description}
                   for t in corpus.themes],
        "compilations": [corpus_record(d) for d in corpus.compilations],
        "documents": [corpus_record(d) for d in corpus.documents],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def jieba_userdict(corpus: Corpus) -> str:
    """Chinese theme phrases as one search term each (`新质生产力`, `具身智能`)."""
    words = sorted({p for t in corpus.themes for p in t.phrases.get("zh", [])
                    if re.fullmatch(r"[\u4e00-\u9fff]{2,}", p)})
    return "".join(f"{w} 100000\n" for w in words)
