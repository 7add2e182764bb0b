"""Accessibility: axe-core, the accessibility engine (pinned in package-lock.json, installed
by scripts/bootstrap.sh), finds no serious or critical violation on any kind of page, in
either language, at a desktop and a phone width.

Every top-level page of each site is checked (home, themes, timeline, figures, glossary and
whatever the site adds there), and a document, a compilation and an article.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.publish.localserver import serving
from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
if not CHROMIUM.exists() or not AXE.exists():
    pytest.skip("chromium or axe-core missing: run make test, whose bootstrap installs both",
                allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402 - only once chromium is there

WIDTHS = {"desktop": 1366, "phone": 390}
#: A document, a compilation and one of its articles (their pages differ).
DOCUMENTS = ("001-2603e452646e1bca", "002-cf7a6355ccf0b9a8", "002-cf7a6355ccf0b9a8-a3",
             "000-80a0138ffffb83b7")
SERIOUS = ("serious", "critical")


def pages_of(site: Path, lang: str) -> list[str]:
    root = site if lang == "zh" else site / "en"
    prefix = "" if lang == "zh" else "en/"
    top = sorted(p.name for p in root.glob("*.html") if p.name != "404.html")
    return [prefix + name for name in top] + [f"{prefix}documents/{d}.html" for d in DOCUMENTS]


@pytest.fixture(scope="module")
def served(built_project):
    site = built_project / "site"
    with serving(site) as address, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox", "--disable-gpu",
                                          "--no-first-run", "--disable-background-networking"])
        yield site, address.rstrip("/"), browser
        browser.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_serious_or_critical_violation(served, lang, width):
    site, base, browser = served
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    axe = AXE.read_text(encoding="utf-8")
    found = {}
    pages = pages_of(site, lang)
    assert len(pages) >= 8, pages
    for rel in pages:
        page.goto(f"{base}/{rel}")
        page.add_script_tag(content=axe)
        result = page.evaluate("async () => await axe.run(document, "
                               "{resultTypes: ['violations']})")
        bad = [f"{v['id']} ({v['impact']}): {len(v['nodes'])} × {v['nodes'][0]['target']}"
               for v in result["violations"] if v["impact"] in SERIOUS]
        if bad:
            found[rel] = bad
    context.close()
    assert not found, found
