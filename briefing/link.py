"""Stage 6, link: cross-links between documents, each with the reason shown to readers.

* shared passages: the same wording in two documents, linked both ways, each side located
  (briefing.passages);
* related documents: ranked by shared themes.

Both go through indexes (window -> places, theme -> documents), so the work grows with
the corpus, not with all pairs of documents.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import Document, Link
from .passages import find_shared_passages

MAX_RELATED = 5
MIN_SHARED_THEMES = 2


def link(documents: list[Document]) -> list[Document]:
    """Related documents by shared themes. (An article's compilation is its `parent`.)"""
    passages: dict[str, list[Link]] = defaultdict(list)
    for shared in find_shared_passages(documents):
        passages[shared.a.document].append(Link(
            shared.b.document, "shared-passage", passage=shared.text_a,
            paragraph=shared.a.paragraph, target_paragraph=shared.b.paragraph))
        passages[shared.b.document].append(Link(
            shared.a.document, "shared-passage", passage=shared.text_b,
            paragraph=shared.b.paragraph, target_paragraph=shared.a.paragraph))
    by_theme: dict[str, list[str]] = defaultdict(list)
    for doc in documents:
        for theme in doc.themes:
            by_theme[theme].append(doc.id)
    linked = []
    for doc in documents:
        links = []
        shared: dict[str, list[str]] = defaultdict(list)
        for theme in doc.themes:
            for other in by_theme[theme]:
                if other != doc.id:
                    shared[other].append(theme)
        ranked = sorted((o for o in shared if len(shared[o]) >= MIN_SHARED_THEMES),
                        key=lambda o: (-len(shared[o]), o))[:MAX_RELATED]
        links.extend(Link(o, "related", "shared themes: " + ", ".join(shared[o]), shared[o])
                     for o in ranked)
        linked.append(replace(doc, links=passages[doc.id] + links))
    return linked
