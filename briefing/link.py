"""Stage 6, link: cross-links between documents, each with the reason shown to readers.

Related documents are found through an index from theme to documents, so the work grows
with the number of (document, theme) pairs, not with all pairs of documents.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import Document, Link

MAX_RELATED = 5
MIN_SHARED_THEMES = 2


def link(documents: list[Document]) -> list[Document]:
    """Related documents by shared themes. (An article's compilation is its `parent`.)"""
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
        linked.append(replace(doc, links=links))
    return linked
