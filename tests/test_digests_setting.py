"""The whole-corpus digests are optional (issue #10): `extra.digests` in mkdocs.yml turns
them on; the home page links a digest only when one is built."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing import pipeline, render as render_module
from briefing.render import digests_enabled, pdf_name, render

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("extra, expected", [
    ("extra:\n  digests: true\n", True),
    ("extra:\n  digests: false\n", False),
    ("extra:\n  generator: false\n", False),   # not set: off
    ("site_name: x\n", False),
])
def test_the_setting(tmp_path, extra, expected):
    config = tmp_path / "mkdocs.yml"
    config.write_text(extra, encoding="utf-8")
    assert digests_enabled(config) is expected


@pytest.fixture(scope="module")
def corpus():
    return pipeline.analyse_corpus(ROOT / "seeds")


@pytest.mark.parametrize("on", [True, False])
def test_the_home_page_links_the_digest_only_when_there_is_one(corpus, monkeypatch, on):
    monkeypatch.setattr(render_module, "digests_enabled", lambda: on)
    files = render(corpus)
    for lang in ("zh", "en"):
        assert (f'href="pdf/{pdf_name(lang)}"' in files[f"{lang}/index.md"]) is on


def test_the_project_builds_its_digests():
    # The seed corpus is small: its digests are built, and tests/test_build.py checks them.
    assert digests_enabled()
