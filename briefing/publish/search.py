"""The site's search index: sharded, loaded with <script> tags, so it works from file://.

Written after MkDocs, from the pages it built (what a reader sees is what is found), into
`search/` under each language's root:

- `meta.js`: the pages (address, title, length), the shard count, the Traditional to
  Simplified table restricted to characters the pages use, and the dictionary terms
  (docs/jieba-userdict.txt: the glossary and taxonomy phrases) that split a long query when
  it is not found whole.
- `t/<n>.js`: the postings of the keys in shard n (briefing/publish/searchtext.py): for each key,
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

from .. import cache
from . import searchtext
from ..output import link_or_copy, signature

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


@dataclass
class IndexState:
    """What a later build needs to update the index instead of making it anew (kept with
    the cache, kind `search`): per page its address, its HTML's (inode, size, time) as
    indexed, title, length and the characters it uses; per key its JSON as written."""

    pages: list[tuple[str, tuple, str, int, str]]
    fragments: dict[str, str]  #: key -> '"key":[...]'
    total: int  #: postings
    written: dict[str, tuple]  #: search file -> (inode, size, time) as written


def write_index(site_dir: Path, dictionary: Path, previous: Path | None = None,
                key: str | None = None) -> dict[str, int]:
    """Index the pages under `site_dir` (one language's site) into `site_dir/search`.

    With `previous` (the site this one replaces) and a cache `key`, only the pages whose
    HTML is not the one indexed last time are read again, and the postings of their keys
    updated; unchanged files of the index are taken from `previous`. The index is the one
    a full run writes, byte for byte (tests/test_site_incremental.py).

    Returns counts for the build's report and the benchmark: pages, postings, shards, bytes.
    """
    paths = _page_paths(site_dir)
    state = cache.load(key, "search", IndexState) if key and previous else None
    texts: dict[str, str] = {}  # the pages read in this run: their sections' JSON
    if state is not None:
        state = _updated(state, paths, site_dir, Path(previous), texts)
    if state is None:
        state, previous = _indexed(paths, site_dir, texts), None
    shards = _power_of_two(state.total / POSTINGS_PER_SHARD)
    out = site_dir / FOLDER
    by_shard: dict[int, list[str]] = {n: [] for n in range(shards)}
    for term in sorted(state.fragments):
        by_shard[searchtext.shard_of(term, shards)].append(term)
    written = 0
    for n, terms in by_shard.items():
        written += _write_script(out / "t" / f"{n}.js", "shard", n,
                                 "{" + ",".join(state.fragments[t] for t in terms) + "}")
    for number, (url, *_) in enumerate(state.pages):
        rel = f"p/{number}.js"
        if url not in texts and previous is not None \
                and signature(previous / FOLDER / rel) == state.written.get(rel):
            written += _reuse(previous / FOLDER / rel, out / rel)  # the same page as then
        else:
            text = texts.get(url) or _sections_json(_read_page(site_dir / url, url))
            written += _write_script(out / rel, "page", number, text)
    meta = {"shards": shards,
            "pages": [[url, title, length] for url, _, title, length, _ in state.pages],
            "t2s": _t2s_table({c for *_, chars in state.pages for c in chars}),
            "terms": _dictionary_terms(dictionary)}
    written += _write_script(out / "meta.js", "meta", None,
                             json.dumps(meta, ensure_ascii=False, separators=(",", ":")))
    if key:
        state.written = {p.relative_to(out).as_posix(): signature(p)
                         for p in (out / "p").glob("*.js")}
        cache.store(key, state, "search")
    return {"pages": len(state.pages), "postings": state.total, "shards": shards,
            "bytes": written}


def _indexed(paths: list[Path], site_dir: Path, texts: dict[str, str]) -> IndexState:
    """The index made anew: every page read and its text split into keys."""
    postings: dict[str, list[int]] = {}
    pages = []
    for number, path in enumerate(paths):
        url = path.relative_to(site_dir).as_posix()
        page = _read_page(path, url)
        found, length = _postings(page, number)
        for term, flat in found.items():
            postings.setdefault(term, []).extend(flat)
        pages.append(_entry(page, path, length))
        texts[url] = _sections_json(page)
    return IndexState(pages, {t: _fragment(t, flat) for t, flat in postings.items()},
                      sum(len(p) for p in postings.values()) // 2, {})


def _updated(state: IndexState, paths: list[Path], site_dir: Path, previous: Path,
             texts: dict[str, str]) -> IndexState | None:
    """`state` brought up to the pages now in `site_dir`, by difference: a page whose HTML
    is not the one indexed has its old keys' postings taken out (from the previous site's
    copy) and its new ones put in. None when that cannot be done: pages added or removed,
    or the previous site not as indexed."""
    urls = [p.relative_to(site_dir).as_posix() for p in paths]
    if urls != [url for url, *_ in state.pages]:
        return None
    for number, (url, stat, *_) in enumerate(state.pages):
        if signature(site_dir / url) == stat:
            continue
        if signature(previous / url) != stat:
            return None
        old, _ = _postings(_read_page(previous / url, url), number)
        page = _read_page(site_dir / url, url)
        new, length = _postings(page, number)
        for term in set(old) | set(new):
            flat = _decode(json.loads(state.fragments[term].split(":", 1)[1])) \
                if term in state.fragments else []
            kept = [x for i in range(0, len(flat), 2) if flat[i] != number
                    for x in flat[i:i + 2]]
            state.total += (len(kept) - len(flat) + len(new.get(term, []))) // 2
            flat = _merged(kept, new.get(term, []), number)
            if flat:
                state.fragments[term] = _fragment(term, flat)
            else:
                del state.fragments[term]
        state.pages[number] = _entry(page, site_dir / url, length)
        texts[url] = _sections_json(page)
    return state


def _postings(page: Page, number: int) -> tuple[dict[str, list[int]], int]:
    """{key: [number, position, number, position...]} of one page, and its length."""
    found: dict[str, list[int]] = {}
    position = 0
    for section in page.sections:
        tokens, position = searchtext.tokens(section.text, position)
        for term, at in searchtext.keys(tokens):
            found.setdefault(term, []).extend((number, at))
        position += 1  # sections never join into one phrase
    return found, position


def _entry(page: Page, path: Path, length: int) -> tuple:
    chars = "".join(sorted({c for s in page.sections for c in searchtext.normalise(s.text)}))
    return (page.url, signature(path), page.title, length, chars)


def _sections_json(page: Page) -> str:
    return json.dumps([[s.anchor, s.text] for s in page.sections], ensure_ascii=False,
                      separators=(",", ":"))


def _merged(kept: list[int], new: list[int], number: int) -> list[int]:
    """A key's postings (pairs sorted by page) with page `number`'s pairs put in place."""
    if not new:
        return kept
    at = next((i for i in range(0, len(kept), 2) if kept[i] > number), len(kept))
    return kept[:at] + new + kept[at:]


def _fragment(term: str, flat: list[int]) -> str:
    return (json.dumps(term, ensure_ascii=False) + ":"
            + json.dumps(_encode(flat), separators=(",", ":")))


def _decode(encoded: list[int]) -> list[int]:
    """_encode undone.

    >>> _decode(_encode([0, 5, 0, 9, 3, 2]))
    [0, 5, 0, 9, 3, 2]
    """
    flat, index, page = [], 0, 0
    while index < len(encoded):
        page += encoded[index]
        count = encoded[index + 1]
        position = 0
        for delta in encoded[index + 2:index + 2 + count]:
            position += delta
            flat += [page, position]
        index += 2 + count
    return flat


def _reuse(source: Path, target: Path) -> int:
    link_or_copy(source, target)
    return target.stat().st_size


def _page_paths(site_dir: Path) -> list[Path]:
    """The document pages (sorted by address), then the glossary, as built by MkDocs."""
    # The glossary is one page per letter (briefing/render/corpus_pages.py).
    return [*sorted((site_dir / "documents").glob("*.html")),
            *sorted((site_dir / "glossary").glob("*.html"))]


def _read_page(path: Path, url: str) -> Page:
    return glossary_page(path, url) if url.startswith("glossary/") else document_page(path, url)


def read_pages(site_dir: Path) -> list[Page]:
    """The document pages (sorted by address), then the glossary, as built by MkDocs."""
    return [_read_page(path, path.relative_to(site_dir).as_posix())
            for path in _page_paths(site_dir)]


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


def _t2s_table(used: set[str]) -> str:
    """Traditional and Simplified pairs ("發发質质…") for the Simplified characters the
    pages use (`used`): a Traditional query character whose Simplified form is not in the
    pages finds nothing anyway."""
    return "".join(t + s for t, s in sorted(searchtext.traditional_to_simplified().items())
                   if s in used)


def _dictionary_terms(dictionary: Path) -> list[str]:
    """The jieba user dictionary's words (one per line, then a frequency), normalised."""
    if not dictionary.exists():
        return []
    words = [line.split()[0] for line in dictionary.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    return sorted({searchtext.normalise(w) for w in words})


def _write_script(path: Path, call: str, number: int | None, payload: str) -> int:
    """`briefingSearch.<call>(number, payload)` into `path` (a new file); returns its size
    in bytes. `payload` is JSON, a JavaScript expression.

    < is escaped as well so no text can close the script or open markup, and U+2028/9 are
    escaped for older engines."""
    payload = (payload.replace("<", "\\u003c").replace("\u2028", "\\u2028")
               .replace("\u2029", "\\u2029"))
    args = payload if number is None else f"{number},{payload}"
    body = f"briefingSearch.{call}({args});\n".encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # never write into a file shared with the previous site
    path.write_bytes(body)
    return len(body)
