"""Stage 7, render: the corpus -> Markdown pages for both languages plus the corpus records
(`corpus.json` and `corpus/<id>.json`, briefing.publish.records).

Rendering is pure: it returns `{relative path: text}` and writes nothing, so `generate`
can replace its output atomically and `check` can compare without writing. What each page
lists comes from `briefing.render.pages`; every value from a seed or an editorial file goes through
the filters of `briefing.markup`, so text stays text.
"""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import yaml

from .. import cache
from .corpus_pages import corpus_pages as corpus_wide_pages
from ..edition.page import marked_body, page_values
from ..clean.footnotes import note_records
from ..markup import front_matter, html_text, inline_md, paragraph_html
from ..model import LANGUAGES, Corpus, Document
from .home import home_page, type_pages
from .lang_spans import lang_text
from ..names import names_of, reviewer_of
from ..publish import page_cache
from ..publish.outputs import Kept, Outputs
from ..publish.records import index_file, record_file
from .pages import (body_entries, display_title, link_groups,
                    other_title, page_sources, passage_groups, reference_entries, sequence,
                    title_note, translation_summary)
from ..sessions.pages import render_session_pages

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             autoescape=False, bytecode_cache=TemplateCode.of_this_version())
    env.filters.update(html_text=html_text, inline_md=inline_md, front_matter=front_matter,
                       paragraph_html=paragraph_html, lang_text=lang_text)
    env.globals["names_of"] = names_of  # a document's names in a language, escaped
    return env


class TemplateCode(jinja2.FileSystemBytecodeCache):
    """The templates as compiled by Jinja, kept in the cache (kind `templates`): compiling
    them is a tenth of a run that takes everything else from the cache. Jinja checks each
    entry against its template's source; one that cannot be read or written only costs
    the compiling (the cache only ever saves time)."""

    @classmethod
    def of_this_version(cls) -> "TemplateCode | None":
        where = cache.folder("templates")
        if where is None:
            return None
        try:
            where.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return cls(str(where))

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # damaged (pickle and marshal raise many kinds): compiled again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def load_strings() -> dict[str, dict[str, str]]:
    # The project's own file, so libyaml's parser where there is one: ten times faster.
    return yaml.load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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


def render(corpus: Corpus, outputs: Outputs | None = None) -> dict[str, str | Kept]:
    """Every generated file, as {path relative to the output folder: text}. With the
    `outputs` of the folder about to be replaced, a document's files that it holds as
    this run would write them are `Kept` instead (briefing.publish.outputs)."""
    env = environment()
    strings = load_strings()
    files: dict[str, str] = {}
    by_id = {d.id: d for d in corpus.pages()}
    themes = {t.id: t for t in corpus.themes}
    terms = {t.id: t for t in corpus.glossary}
    digests = digests_enabled()
    context = page_cache.context(corpus, strings, TEMPLATES)
    # The corpus pages' templates render from the cache what they rendered before with
    # the same values (briefing.publish.page_cache.CachedTemplates).
    cached = page_cache.CachedTemplates(env, context)
    for lang in LANGUAGES:
        files.update(corpus_wide_pages(cached, corpus, lang, strings))
        files.update(type_pages(cached, corpus, lang, strings))
        files[f"{lang}/index.md"] = home_page(env, corpus, lang, strings, files,
                                              pdf_name(lang) if digests else None)
    # A document's own files (its pages, its record) are taken from the cache when all they
    # show is as it was (briefing.publish.page_cache).
    for doc in corpus.pages():
        key = page_cache.key(doc, by_id, context, corpus.work_keys.get(doc.id))
        own = (outputs and outputs.kept(key)) or page_cache.load(key)
        if own is None:
            own = {f"{lang}/documents/{doc.id}.md": document_page(
                env, corpus, doc, lang, strings, by_id, themes, terms) for lang in LANGUAGES}
            own.update(record_file(doc))
            page_cache.store(key, own)
        if outputs:
            outputs.written(key, own)
        files.update(own)
    files.update(render_session_pages(corpus, env, strings))
    files.update(index_file(corpus))
    files["jieba-userdict.txt"] = jieba_userdict(corpus)
    return files


def document_page(env, corpus: Corpus, doc: Document, lang: str, strings: dict, by_id: dict,
                  themes: dict, terms: dict) -> str:
    """A document's page in `lang` (templates/site/document.md.j2)."""
    t = strings[lang]
    edition = page_values(doc, lang, t, display_title(doc, lang, strings))
    return env.get_template("site/document.md.j2").render(
        **edition, t=t, lang=lang, doc=doc, base="../", names=names_of(doc, lang),
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
        passages=passage_groups(doc, by_id, lang, strings),
        sequence=sequence(doc, by_id, lang, strings))


def jieba_userdict(corpus: Corpus) -> str:
    """Chinese glossary terms and theme phrases as one search term each (`新质生产力`,
    `具身智能`)."""
    phrases = [p for t in corpus.themes for p in t.phrases.get("zh", [])]
    phrases += [form for t in corpus.glossary for form in t.forms("zh")]
    words = sorted({p for p in phrases if re.fullmatch(r"[\u4e00-\u9fff]{2,}", p)})
    return "".join(f"{w} 100000\n" for w in words)
