"""The sites after an edit (issue 13): `build` renders again only the pages that changed
(briefing.publish.mkdocs_run) and updates the search index by difference
(briefing.publish.search), and what it makes is the full build's, byte for byte."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

EDITED = "004_593e9b3dadb7e903.txt"
EDITED_ID = "004-593e9b3dadb7e903"


def build(seeds: Path, out: Path, cache: str) -> None:
    proc = subprocess.run([sys.executable, "build.py", "build", "--no-pdf", "--seeds",
                           str(seeds), "--docs", str(out / "docs"), "--site", str(out / "site")],
                          cwd=ROOT, env={**os.environ, "BRIEFING_CACHE": cache},
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino
            for p in folder.rglob("*.html")}


def edit_paragraph(seeds: Path) -> None:
    path = seeds / EDITED
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda n: len(lines[n]))
    assert "," in lines[longest]
    lines[longest] = lines[longest].replace(",", ",數據", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def built(tmp_path):
    """A copy of the seeds, built once with a cache of its own."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    cache = str(tmp_path / "cache")
    build(seeds, tmp_path / "out", cache)
    return seeds, tmp_path, cache


def full_build(seeds: Path, tmp_path: Path) -> dict[str, bytes]:
    build(seeds, tmp_path / "full", "off")
    return tree(tmp_path / "full" / "site")


def shown(docs_changed: set[str]) -> set[str]:
    """The site pages of changed Markdown files of docs/ (`zh/x.md`, `en/x.md`)."""
    return {("" if rel.startswith("zh/") else "en/") + rel[3:-3] + ".html"
            for rel in docs_changed if rel.endswith(".md")}


def test_an_edit_renders_its_pages_only_and_equals_a_full_build(built):
    seeds, tmp_path, cache = built
    site, docs = tmp_path / "out" / "site", tmp_path / "out" / "docs"
    before, markdown = inodes(site), tree(docs)
    edit_paragraph(seeds)
    build(seeds, tmp_path / "out", cache)
    after, markdown_after = inodes(site), tree(docs)
    rendered = {rel for rel in after if before.get(rel) != after[rel]}
    edited = shown({rel for rel in markdown_after if markdown.get(rel) != markdown_after[rel]})
    # The document's page in each language, the pages that quote the paragraph, and the
    # theme's 404 page, which MkDocs always renders.
    assert {f"documents/{EDITED_ID}.html", f"en/documents/{EDITED_ID}.html"} <= edited
    assert rendered == edited | {"404.html", "en/404.html"}
    assert len(rendered) < len(after) / 10
    assert tree(site) == full_build(seeds, tmp_path)


def test_nothing_changed_renders_nothing_and_changes_nothing(built):
    seeds, tmp_path, cache = built
    site = tmp_path / "out" / "site"
    before, files = inodes(site), tree(site)
    build(seeds, tmp_path / "out", cache)
    after = inodes(site)
    assert {rel for rel in after if before.get(rel) != after[rel]} <= {"404.html", "en/404.html"}
    assert tree(site) == files


def test_a_page_changed_by_hand_is_rendered_again(built):
    """The previous output is trusted only as it was written (inode, size, time)."""
    seeds, tmp_path, cache = built
    site = tmp_path / "out" / "site"
    page = site / "en" / "documents" / f"{EDITED_ID}.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<article", "<article x"),
                    encoding="utf-8")
    build(seeds, tmp_path / "out", cache)
    assert tree(site) == full_build(seeds, tmp_path)


def test_an_added_then_removed_document_equals_a_full_build(built):
    """Adding a page renders it (no page that is not rendered again can link to it: its
    link would have failed the strict build before); removing one renders everything,
    since a page that linked to it must warn."""
    seeds, tmp_path, cache = built
    added = seeds / "005_0123456789abcdef.txt"
    lines = (SEEDS / "004_593e9b3dadb7e903.txt").read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0] + "（增刊）"
    added.write_text("\n".join(lines), encoding="utf-8")
    build(seeds, tmp_path / "out", cache)
    assert tree(tmp_path / "out" / "site") == full_build(seeds, tmp_path)
    added.unlink()
    shutil.rmtree(tmp_path / "full")
    build(seeds, tmp_path / "out", cache)
    assert tree(tmp_path / "out" / "site") == full_build(seeds, tmp_path)
