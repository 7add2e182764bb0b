"""A suggested citation for each document page, in the reader's language: who, what, where
it was published, when (saying what the date is), and this page's address.

The address is `site_url` of mkdocs.yml followed by the page's path when the site has one;
otherwise the path relative to the site's root, said so (a briefing on an intranet or a
file share has no address we could know).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Document
from ..names import names_of

MKDOCS = Path(__file__).resolve().parent.parent.parent / "mkdocs.yml"


def site_url(config: Path | None = None) -> str | None:
    """`site_url` of the Chinese site's mkdocs.yml, or None. Read as a line, not as YAML:
    the file may hold Material's `!!python/name` tags, which a safe loader refuses.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
    ...     _ = f.write("site_name: x\\nsite_url: https://example.org/briefing\\n")
    >>> site_url(Path(f.name)); os.unlink(f.name)
    'https://example.org/briefing/'
    """
    config = config or MKDOCS
    if not config.is_file():
        return None
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"),
                      re.MULTILINE)
    return found.group(1).rstrip("/") + "/" if found else None


def page_address(doc: Document, lang: str, base: str | None) -> tuple[str, bool]:
    """(address of the document's page in `lang`, whether it is relative to the site)."""
    path = ("" if lang == "zh" else "en/") + f"documents/{doc.id}.html"
    return (base + path, False) if base else (path, True)


def citation(doc: Document, lang: str, t: dict, title: str, edition: dict,
             base: str | None) -> str:
    """One line: authors, title, publication and issue, the date (labelled), and for a
    translated page what the text is; then the page's address.

    >>> from briefing.model import Document
    >>> doc = Document("d", "d.txt", "zh", "Hans", {}, authors=["黄汉权"], issue="2024年第11期")
    >>> t = {"colon": "：", "date_issue": "刊期", "site_name": "简报",
    ...      "cite_address_relative": "（相对）"}
    >>> citation(doc, "zh", t, "标题", {"publication": "求是", "date": "2024年第11期",
    ...     "date_label": "刊期", "translation_kind": "translation"}, None)
    '黄汉权：《标题》，《求是》2024年第11期。简报，documents/d.html（相对）。'
    """
    address, relative = page_address(doc, lang, base)
    authors = names_of(doc, lang)["authors"]  # in the reader's language: 习近平, Xi Jinping
    translated = lang != doc.language
    issue = edition.get("issue", doc.issue)  # in the reader's language (provenance.issue_in)
    issue_in_date = edition.get("date") == issue
    if lang == "zh":
        head = (authors.text + "：") if authors else ""
        parts = [f"{head}《{title}》"]
        if edition.get("publication"):
            parts.append(f"《{edition['publication']}》" + (issue or ""))
        if edition.get("date") and not issue_in_date:
            parts.append(f"{edition['date_label']}{edition['date']}")
        text = "，".join(parts) + "。"
        if translated:
            text += f"中文{t['kind_name_' + edition['translation_kind']]}，载{t['site_name']}，"
        else:
            text += t["site_name"] + "，"
        return text + address + (t["cite_address_relative"] if relative else "") + "。"
    head = (authors.text + ". ") if authors else ""
    parts = [f"{head}“{title}”"]
    if edition.get("publication"):
        parts.append(edition["publication"] + (f", {issue}" if issue else ""))
    if edition.get("date") and not issue_in_date:
        parts.append(f"{edition['date_label'].lower()} {edition['date']}")
    text = ", ".join(parts) + ". "
    if translated:
        text += "English " + t["kind_name_" + edition["translation_kind"]] + ", in " + \
            t["site_name"] + ", "
    else:
        text += t["site_name"] + ", "
    return text + address + (" " + t["cite_address_relative"] if relative else "") + "."
