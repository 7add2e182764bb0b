"""The site's search index: sharded, loaded with <script> tags, so it works from file://.

Written after MkDocs, from the pages it built (what a reader sees is what is found), into
`search/` under each language's root:

- `meta.js`: the pages (address, title, length), the shard count, the Traditional to
  Simplified table restricted to characters the pages use, and the dictionary terms
  (docs/jieba-userdict.txt: the glossary and taxonomy phrases) that split a long query when
  it is not found whole.
- `t/<n>.js`: the postings of the keys in shard n (briefing/searchtext.py): for each key,
  the pages and positions where it occurs. A query loads only the shards of its keys.
- `p/<n>.js`: page n's text, section by section (title, summary, each paragraph with its
  #p anchor), for the snippets and highlights of the results shown.

Each file is a script that hands its JSON to `briefingSearch` (templates/theme/assets/
javascripts/briefing-search.js): <script> loads from file:// where fetch() does not. What
is indexed is a document's own text (title, summary and key points, paragraphs) and the
glossary's entries, not the lists of related documents and shared passages that repeat
other pages' titles and sentences. The output depends only on the pages: same site, same
bytes.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import searchtext

FOLDER = "search"
# About this many postings per shard: a query of a few keys then loads tens of KB.
POSTINGS_PER_SHARD = 8000


@dataclass(frozen=True)
class Section:
    """A part of a page a result can lead to: `anchor` ("" for the page's top) and text."""
    anchor: str
    text: str


@dataclass(frozen=True)
class Page:
    """An indexed page: its address relative to the language's root, title, sections
    (the first is the title)."""
    url: str
    title: str
    sections: list[Section]


def write_index(site_dir: Path, dictionary: Path) -> dict[str, int]:
    """Index the pages under `site_dir` (one language's site) into `site_dir/search`.

    Returns counts for the build's report and the benchmark: pages, postings, shards, bytes.
    """
    pages = read_pages(site_dir)
    postings: dict[str, list[int]] = {}
    lengths = []
    for number, page in enumerate(pages):
        position = 0
        for section in page.sections:
            found, position = searchtext.tokens(section.text, position)
            for key, at in searchtext.keys(found):
                postings.setdefault(key, []).extend((number, at))
            position += 1  # sections never join into one phrase
        lengths.append(position)
    total = sum(len(p) for p in postings.values()) // 2
    shards = _power_of_two(total / POSTINGS_PER_SHARD)
    out = site_dir / FOLDER
    written = 0
    by_shard: dict[int, dict[str, list[int]]] = {n: {} for n in range(shards)}
    for key in sorted(postings):
        by_shard[searchtext.shard_of(key, shards)][key] = _encode(postings[key])
    for n, content in by_shard.items():
        written += _write_script(out / "t" / f"{n}.js", "shard", n, content)
    for number, page in enumerate(pages):
        written += _write_script(out / "p" / f"{number}.js", "page", number,
                                 [[s.anchor, s.text] for s in page.sections])
    meta = {"shards": shards,
            "pages": [[p.url, p.title, n] for p, n in zip(pages, lengths)],
            "t2s": _t2s_table(pages),
            "terms": _dictionary_terms(dictionary)}
    written += _write_script(out / "meta.js", "meta", None, meta)
    return {"pages": len(pages), "postings": total, "shards": shards, "bytes": written}


def read_pages(site_dir: Path) -> list[Page]:
    """The document pages (sorted by address), then the glossary, as built by MkDocs."""
    pages = [document_page(path, path.relative_to(site_dir).as_posix())
             for path in sorted((site_dir / "documents").glob("*.html"))]
    # The glossary is one page per letter (briefing/corpus_pages.py).
    pages += [glossary_page(path, path.relative_to(site_dir).as_posix())
              for path in sorted((site_dir / "glossary").glob("*.html"))]
    return pages


ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
CURATED = re.compile(r'<div class="briefing-curated">(.*?)</div>', re.S)
# A document's paragraphs (#p1, #p2...) and its own headings, in order.
BLOCK = re.compile(r'<p class="briefing-para" id="(p\d+)"[^>]*>(.*?)</p>'
                   r'|<h[2-6] id="([^"]+)"[^>]*>(.*?)</h[2-6]>', re.S)
DETAILS = re.compile(r"<details\b.*?</details>", re.S)
H2_ENTRY = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>(.*?)(?=<h2\b|$)', re.S)
P = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


def document_page(path: Path, url: str) -> Page:
    """A document page: title, the editors' summary and key points, every paragraph and
    heading; not what is folded in <details> (the original text, the shared passages)."""
    article = DETAILS.sub("", _article(path))
    title = _text(HEADERLINK.sub("", H1.search(article).group(1)))
    sections = [Section("", title)]
    curated = CURATED.search(article)
    if curated:
        sections.append(Section("", _text(curated.group(1))))
    for paragraph, body, heading, heading_text in BLOCK.findall(article):
        sections.append(Section(paragraph or heading,
                                _text(body or HEADERLINK.sub("", heading_text))))
    return Page(url, title, sections)


def glossary_page(path: Path, url: str) -> Page:
    """The glossary: one section per term (heading, definition, other spellings), without
    its lists of the documents where the term occurs."""
    article = _article(path)
    title = _text(HEADERLINK.sub("", H1.search(article).group(1)))
    sections = [Section("", title)]
    for anchor, heading, body in H2_ENTRY.findall(article):
        paragraphs = [_text(p) for p in P.findall(body) if 'documents/' not in p]
        sections.append(Section(anchor, "\n".join([_text(HEADERLINK.sub("", heading)),
                                                   *paragraphs])))
    return Page(url, title, sections)


def _article(path: Path) -> str:
    found = ARTICLE.search(path.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{path}: no <article>; the theme's page layout changed")
    return found.group(1)


def _text(fragment: str) -> str:
    """Markup to the text a reader sees: block ends become line breaks, tags go, entities
    are decoded (the index holds text, never markup).

    >>> _text("<p>A&amp;B <a href='x'>大模型</a></p><li>二</li>")
    'A&B 大模型\\n二'
    """
    fragment = re.sub(r"</(p|li|dd|dt|h\d)>|<br\s*/?>", "\n", fragment)
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _encode(flat: list[int]) -> list[int]:
    """[page, position, page, position...] as [page delta, count, position deltas...]: the
    small numbers keep the shards small.

    >>> _encode([0, 5, 0, 9, 3, 2])
    [0, 2, 5, 4, 3, 1, 2]
    """
    out: list[int] = []
    last_page = 0
    index = 0
    while index < len(flat):
        page = flat[index]
        positions = []
        while index < len(flat) and flat[index] == page:
            positions.append(flat[index + 1])
            index += 2
        out += [page - last_page, len(positions)]
        out += [b - a for a, b in zip([0] + positions, positions)]
        last_page = page
    return out


def _power_of_two(wanted: float, lowest: int = 8, highest: int = 1024) -> int:
    n = lowest
    while n < wanted and n < highest:
        n *= 2
    return n


def _t2s_table(pages: list[Page]) -> str:
    """Traditional and Simplified pairs ("發发質质…") for the Simplified characters the
    pages use: a Traditional query character whose Simplified form is not in the pages
    finds nothing anyway."""
    used = {c for page in pages for s in page.sections for c in searchtext.normalise(s.text)}
    return "".join(t + s for t, s in sorted(searchtext.traditional_to_simplified().items())
                   if s in used)


def _dictionary_terms(dictionary: Path) -> list[str]:
    """The jieba user dictionary's words (one per line, then a frequency), normalised."""
    if not dictionary.exists():
        return []
    words = [line.split()[0] for line in dictionary.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return sorted({searchtext.normalise(w) for w in words})


def _write_script(path: Path, call: str, number: int | None, data) -> int:
    """`briefingSearch.<call>(number, data)` into `path`; returns its size in bytes.

    JSON is a JavaScript expression; < is escaped as well so no text can close the
    script or open markup, and U+2028/9 are escaped for older engines."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = (payload.replace("<", "\\u003c").replace("\u2028", "\\u2028")
               .replace("\u2029", "\\u2029"))
    args = payload if number is None else f"{number},{payload}"
    body = f"briefingSearch.{call}({args});\n".encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return len(body)
