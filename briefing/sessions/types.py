"""What kind of text each document is: speech, policy interpretation, news report or study
article.

Nothing in a seed says so reliably (a speech reaches us reprinted in a journal, a report
quotes a speech at length), so the analysis does not guess: editors say it, once per
document, in `seeds/document_types.yml`. A document they have not typed is shown as
"type not recorded", never as a guess.
"""
from __future__ import annotations

from pathlib import Path

from ..editorial_yaml import Checker, load_yaml
from ..errors import EditorialError

TYPES_FILE = "document_types.yml"
TYPES = ("speech", "policy-interpretation", "news-report", "study-article")


def load_types(seeds_dir: Path, page_ids: list[str]) -> dict[str, str]:
    """`{document id: type}` from `seeds/document_types.yml` (empty when there is none);
    unknown document ids and types are `file:line` errors."""
    path = Path(seeds_dir) / TYPES_FILE
    if not path.is_file():
        return {}
    data = load_yaml(path)
    check = Checker(path)
    data = check.mapping(data, 1, "the document types file", ("types",), required=("types",))
    types = data.get("types") if data else None
    if data and not isinstance(types, dict):
        check.fail(data.line_of("types"), "types must be a mapping of document id to one of "
                                          + ", ".join(TYPES))
        types = None
    found = {}
    for doc_id, kind in (types or {}).items():
        if doc_id not in page_ids:
            check.fail(types.line_of(doc_id), f"unknown document {doc_id!r}; documents: "
                                              f"{', '.join(sorted(page_ids))}")
        elif kind not in TYPES:
            check.fail(types.line_of(doc_id), f"unknown type {kind!r} for {doc_id}; types: "
                                              f"{', '.join(TYPES)}")
        else:
            found[doc_id] = kind
    if check.problems:
        raise EditorialError(check.problems)
    return found
