"""A document's own files (its page in each language and its record), kept between runs.

Rendering them is most of `render`'s time at a thousand documents, and after one edit
nearly all of them come out as before. Their text depends on the document as linked (its
paragraphs, translations, links with the passages they quote, names…), on the titles and
languages of the documents it links to, and on what every page uses: the themes, the
glossary, the names file (a reviewer's name), the strings and templates, the seeds
folder's name, the site's address (`site_url`, in the citations) and the code. The key holds exactly those, so a page is taken from the
cache only when rendering it again would give the same text (tests/test_cache.py
compares a cached run with a cold one).

The corpus pages (themes, timeline, glossary, figures, types) are kept the same way, by
`CachedTemplates`: keyed by everything their template is given.
"""
from __future__ import annotations

import hashlib
import marshal
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

from .. import cache
from ..edition.citation import site_url
from ..model import Corpus, Document, Link, Reference
from ..names.show import Shown

KIND = "pages"


def context(corpus: Corpus, strings: dict, templates: Path) -> bytes:
    """What every document's files depend on besides the document itself."""
    digest = hashlib.sha256(cache.code_version().encode())
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        digest.update(path.relative_to(templates).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # site_url (mkdocs.yml): the pages' suggested citations give their address.
    digest.update(canonical((corpus.themes, corpus.glossary, corpus.names, corpus.seeds_dir,
                             strings, site_url())))
    return digest.digest()


#: The fields of a document that the corpus-wide stages set (briefing.pipeline:
#: `link`, `attach_names`); everything else it holds is what the per-document stages
#: made, which its work's key stands for. tests/test_cache.py checks that no other field
#: changes after the per-document stages.
CORPUS_FIELDS = ("links", "references", "names")


def key(doc: Document, by_id: dict[str, Document], shared: bytes,
        work_key: str | None = None) -> str:
    """The key of one document's files: the document, what it shows of the documents it
    names (title and language; whether each is in the corpus: its compilation, its
    articles, the other articles of its compilation, its links), and the `context`.

    The document is its `work_key` (the key of the per-document work it came from) and
    its `CORPUS_FIELDS` (as `FLAT` tuples), where there is a work key: hashing those is a
    fifth of hashing the whole document."""
    siblings = by_id[doc.parent].parts if doc.parent in by_id else ()  # previous, next
    named = sorted({doc.parent, *doc.parts, *siblings, *(l.target for l in doc.links),
                    *(r.target for r in doc.references)} - {None})
    others = [(i, (by_id[i].title, by_id[i].language) if i in by_id else None)
              for i in named]
    digest = hashlib.sha256(shared)
    if work_key:
        digest.update(plain((doc.id, work_key, [FLAT[name](getattr(doc, name))
                                                for name in CORPUS_FIELDS], others)))
    else:
        digest.update(canonical((doc, others)))
    return digest.hexdigest()


def _as_tuples(kind):
    """A dataclass's instances as tuples of all their fields, in order (a field added
    later is in the tuple too): plain data for `plain`, three times faster than `repr`."""
    each = attrgetter(*(f.name for f in fields(kind)))
    return lambda items: [each(item) for item in items]


_shown = attrgetter(*(f.name for f in fields(Shown)))
#: How each of CORPUS_FIELDS goes into a key (a field without an entry fails loudly).
FLAT = {"links": _as_tuples(Link), "references": _as_tuples(Reference),
        "names": lambda names: {lang: {k: v and _shown(v) for k, v in shown.items()}
                                for lang, shown in names.items()}}


def canonical(value) -> bytes:
    """The same bytes for equal values, however they were made. (A pickle is not: it
    shares repeated objects, so a document computed afresh and one read from the cache
    pickle differently.) The model's dataclasses print all their fields, in order, and
    hold no sets."""
    return repr(value).encode("utf-8", "surrogatepass")


class CachedTemplates:
    """An environment whose templates render from the cache what they rendered before
    with the same values: for the corpus pages, which after one edit nearly all come out
    as before, and whose template rendering is most of their time.

    The key is the template's name, every value it is given (their `plain` form) and
    the `context`, which stands for the strings (`t`, left out), the templates and the
    code. Functions passed as values (`html_lang`) are code, and left out too."""

    def __init__(self, env, context: bytes):
        self.env, self.context = env, context

    def get_template(self, name: str) -> "CachedTemplate":
        return CachedTemplate(self.env.get_template(name), self.context)


class CachedTemplate:
    def __init__(self, template, context: bytes):
        self.template, self.context = template, context

    def render(self, **values) -> str:
        digest = hashlib.sha256(self.context + self.template.name.encode() + b"\0")
        digest.update(plain(sorted((k, v) for k, v in values.items()
                                   if k != "t" and not callable(v))))
        entry = digest.hexdigest()
        found = cache.load(entry, KIND, str)
        if found is None:
            found = self.template.render(**values)
            cache.store(entry, found, KIND)
        return found


def plain(value) -> bytes:
    """`canonical` for plain data (what the corpus pages' templates are given: dicts, lists,
    strings, numbers), three times faster: marshal's format 2, which is typed and keeps no
    references between objects, so equal values give equal bytes. Anything else falls
    back to `canonical`; the first byte keeps the two apart.

    >>> plain({"a": [1, "字"]}) == plain({"a": [1, "字"]}), plain(1) == plain(True)
    (True, False)
    """
    try:
        return b"m" + marshal.dumps(value, 2)
    except ValueError:  # a dataclass, say
        return b"r" + canonical(value)


def load(entry: str) -> dict[str, str] | None:
    return cache.load(entry, KIND, dict)


def store(entry: str, files: dict[str, str]) -> None:
    cache.store(entry, files, KIND)
