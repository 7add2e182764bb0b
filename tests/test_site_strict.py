"""MkDocs' build is strict for real: a link to a missing page or to a missing #anchor
stops it, with MkDocs' own warning (briefing/publish/site.py; --quiet used to hide both)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.publish import site
from briefing.errors import ToolError

DOCS = Path(__file__).resolve().parent.parent / "docs"
FIRST = json.loads((DOCS / "corpus.json").read_text(encoding="utf-8"))["documents"][0]["id"]

pytestmark = pytest.mark.slow

# (label, a link added to the Chinese home page, what MkDocs' warning says)
CASES = [
    ("missing page", "documents/no-such-document.md", "not found among documentation files"),
    ("missing anchor", f"documents/{FIRST}.md#p9999", "does not contain an anchor '#p9999'"),
]


@pytest.mark.parametrize("label, link, warning", CASES, ids=[c[0] for c in CASES])
def test_a_broken_link_fails_the_build(tmp_path, label, link, warning):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    with (docs / "zh" / "index.md").open("a", encoding="utf-8") as index:
        index.write(f"\n[{label}]({link})\n")
    with pytest.raises(ToolError, match="could not build the zh site") as failure:
        site.build_sites(docs, tmp_path / "site")
    assert warning in str(failure.value)
