"""`build`: both sites by real MkDocs (--strict), and the PDFs by WeasyPrint with CJK fonts."""
from __future__ import annotations

import json
import posixpath
import re

import pytest
from pypdf import PdfReader
from briefing.publish.records import load_corpus

pytestmark = pytest.mark.slow


def corpus(root):
    return load_corpus(root / "docs")


def test_both_sites_have_a_page_for_every_document(built_project):
    site = built_project / "site"
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    for doc in corpus(built_project)["documents"]:
        zh = (site / "documents" / f"{doc['id']}.html").read_text(encoding="utf-8")
        en = (site / "en" / "documents" / f"{doc['id']}.html").read_text(encoding="utf-8")
        assert '<html lang="zh"' in zh and '<html lang="en"' in en
        first = doc["paragraphs"][0]["text"]
        assert first[:12].replace('"', "&quot;") in zh and first[:12].replace('"', "&quot;") in en


def test_the_site_loads_nothing_from_other_hosts(built_project):
    site = built_project / "site"
    for page in list(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        # "Edit this page" leads to the Git host when clicked; nothing else leaves the site.
        html = re.sub(r'<a [^>]*href="https://[^"]*"[^>]*rel="edit"', "", html)
        html = re.sub(r'<a [^>]*rel="edit"[^>]*href="https://[^"]*"', "", html)
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(https?:)?//", url), f"{page}: {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_language_switch_links_point_to_the_same_page(built_project):
    site = built_project / "site"
    doc_id = corpus(built_project)["documents"][0]["id"]
    zh = (site / "documents" / f"{doc_id}.html").read_text(encoding="utf-8")
    en = (site / "en" / "documents" / f"{doc_id}.html").read_text(encoding="utf-8")
    assert f'href="../en/documents/{doc_id}.html" hreflang="en"' in zh
    assert f'href="../../documents/{doc_id}.html" hreflang="zh"' in en


@pytest.mark.parametrize("lang, page, link", [
    ("zh", "404.html", '<a href="/index.html">返回首页</a>'),
    ("en", "en/404.html", '<a href="/en/index.html">Back to the home page</a>')])
def test_the_404_page_says_so_in_its_language_and_leads_home(built_project, lang, page, link):
    html = (built_project / "site" / page).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    # Error pages are served from any address: their links start from the site's root
    # (no site_url: "/"), which holds the English site in en/.
    assert link in html


def test_the_english_404_page_leads_into_the_english_site(built_project):
    # Without a site_url MkDocs starts an error page's links from "/", the Chinese site;
    # extra.error_page_base (mkdocs_hooks.on_template_context) starts them from en/.
    html = (built_project / "site" / "en" / "404.html").read_text(encoding="utf-8")
    links = {link for tag in re.findall(r"<[^>]+>", html) if "hreflang" not in tag
             for link in re.findall(r'(?:href|src)="(/[^"]*)"', tag)}
    assert len(links) > 10  # navigation, assets, scripts, the home link
    assert all(link.startswith("/en/") for link in links), sorted(links)
    zh = re.search(r'href="([^"]*)" hreflang="zh"', html).group(1)
    assert posixpath.normpath(zh) == "/"


@pytest.mark.parametrize("site_url, zh_home, en_url, en_home, zh_base, en_base", [
    (None, "index.html", None, "en/index.html", "/", "/en/"),
    ("https://intranet.example.org/briefing", "index.html",
     "https://intranet.example.org/briefing/en/", "index.html", None, None)])
def test_the_english_site_has_its_own_address(tmp_path, monkeypatch, site_url, zh_home,
                                              en_url, en_home, zh_base, en_base):
    """With a site_url, the English site's is its en/ folder (canonical links, sitemap,
    error pages); the 404 pages' home link is taken from there, or from "/" without."""
    from briefing.publish import site

    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (site.ROOT / name).read_text(encoding="utf-8")
        if site_url and name == "mkdocs.yml":
            text = f"site_url: {site_url}\n" + text
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(site, "ROOT", tmp_path)
    zh = site.language_config("zh", tmp_path / "docs", tmp_path / "site")
    en = site.language_config("en", tmp_path / "docs", tmp_path / "site")
    assert zh.get("site_url") == site_url and en.get("site_url") == en_url
    assert zh["extra"]["error_page_home"] == zh_home
    assert en["extra"]["error_page_home"] == en_home
    assert zh["extra"].get("error_page_base") == zh_base
    assert en["extra"].get("error_page_base") == en_base


def pdf_fonts(reader):
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


@pytest.mark.parametrize("lang, path", [("zh", "pdf/briefing-zh.pdf"),
                                        ("en", "en/pdf/briefing-en.pdf")])
def test_pdf_has_extractable_chinese_and_embedded_cjk_font(built_project, lang, path):
    reader = PdfReader(built_project / "site" / path)
    text = "".join(page.extract_text() for page in reader.pages)
    docs = corpus(built_project)["documents"]
    chinese = next(d for d in docs if d["language"] == "zh")
    english = next(d for d in docs if d["language"] == "en")
    # Each document in the digest's language: the original, or its translation.
    shown = {d["id"]: d["paragraphs"][0 if d is english else 1] for d in (chinese, english)}
    expected = [p["text"] if doc["language"] == lang else p["translation"]["text"]
                for doc, p in ((chinese, shown[chinese["id"]]), (english, shown[english["id"]]))]
    # Real Chinese text comes back out (not boxes or missing glyphs), English too.
    flat = re.sub(r"\s+", "", text)
    for snippet in expected:
        assert re.sub(r"\s+", "", snippet)[:30] in flat, snippet[:40]
    fonts = pdf_fonts(reader)
    cjk = [name for name in fonts if "CJK" in name]
    assert cjk, fonts
    assert all(fonts[name] for name in cjk), fonts
    # English is set in a Latin font (Noto CJK's quotes are full-width: `it’ s`), embedded.
    latin = [name for name in fonts if "Liberation" in name]
    if lang == "en":
        assert latin, fonts
    assert all(fonts[name] for name in latin), fonts


def test_corpus_json_is_published_with_the_site(built_project):
    assert (built_project / "site" / "corpus.json").read_bytes() == \
        (built_project / "docs" / "corpus.json").read_bytes()
    records = sorted((built_project / "docs" / "corpus").iterdir())
    assert records and [p.name for p in records] == sorted(
        p.name for p in (built_project / "site" / "corpus").iterdir())
    assert all((built_project / "site" / "corpus" / p.name).read_bytes() == p.read_bytes()
               for p in records)


def test_every_page_links_edit_to_its_editorial_file_and_shows_its_last_change(built_project):
    from conftest import EDIT_REMOTE
    base = EDIT_REMOTE.removesuffix(".git") + "/-/edit/main/"
    site = built_project / "site"
    for doc in corpus(built_project)["documents"] + corpus(built_project)["compilations"]:
        for page in (site / "documents" / f"{doc['id']}.html",
                     site / "en" / "documents" / f"{doc['id']}.html"):
            html = page.read_text(encoding="utf-8")
            wanted = f"{base}seeds/editorial/{doc['id']}.yml"
            # Only in the editors' block at the end of the page (no Material edit button).
            assert html.count(f'href="{wanted}"') == 1, page
            assert f'<a class="briefing-edit" href="{wanted}" rel="edit">' in html, page
            assert re.search(r'class="briefing-last-change">.*?\d{4}-\d{2}-\d{2} \([0-9a-f]{7,}\)',
                             html), page
    themes = (site / "en" / "themes.html").read_text(encoding="utf-8")
    assert f'href="{base}seeds/themes.yml"' in themes
