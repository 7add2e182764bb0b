"""Text stays text: the filters through which every seed and editorial value reaches a
generated page.

Seed and editorial text is untrusted. It reaches Markdown only through these filters, which
make sure it stays text: `html_text` for raw HTML blocks (Python-Markdown leaves their
content alone), `inline_md` for headings and link texts (every ASCII punctuation mark becomes
a character reference, so no Markdown, HTML or extension syntax survives), `front_matter`
for YAML front matter (escaped, since the theme prints page titles as HTML), and
`paragraph_html` for a paragraph with its editorial marks.
"""
from __future__ import annotations

import html
import re

import yaml


def html_text(value) -> str:
    """Text for the inside of an HTML element, on one line. Braces become character
    references too: no `{: …}` attribute list or `{{ … }}` expression stands in the
    Markdown, whatever extensions a later configuration enables.

    >>> html_text('<script>alert("x")</script> & {: .x}')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#123;: .x&#125;'
    """
    escaped = html.escape(" ".join(str(value).split("\n")), quote=True)
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


_ASCII_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")


def inline_md(value) -> str:
    """Text for a Markdown heading or link text: ASCII punctuation as character references.

    >>> inline_md("# [x](javascript:y) *a* {{ b }}")
    '&#35; &#91;x&#93;&#40;javascript&#58;y&#41; &#42;a&#42; &#123;&#123; b &#125;&#125;'
    """
    return _ASCII_PUNCT.sub(lambda m: f"&#{ord(m.group(0))};", " ".join(str(value).split()))


def paragraph_html(para, strings: dict, terms: list | None = None, escape=html_text) -> str:
    """A paragraph's text as HTML. Each editorial correction is marked as such (never passed
    off as the source): `<ins class="briefing-erratum" title="…">corrected</ins>`; each term
    in `terms` (dicts with start, end, href, title) links to the glossary with its rendering
    as a tooltip. Marks that overlap a correction are left out. `escape` turns each piece of
    text into HTML (briefing.render.lang_spans marks the other language's words in it)."""
    marks = [(c.start, c.end, "erratum", c) for c in para.corrections]
    marks += [(t["start"], t["end"], "term", t) for t in terms or []
              if not any(c.start < t["end"] and t["start"] < c.end for c in para.corrections)]
    out, position = [], 0
    for start, end, kind, mark in sorted(marks, key=lambda m: m[0]):
        out.append(escape(para.text[position:start]))
        inner = escape(para.text[start:end])
        if kind == "erratum":
            title = f"{strings['erratum']}{strings['colon']}{mark.original}"
            if mark.note:
                title += f" ({mark.note})"
            out.append(f'<ins class="briefing-erratum" title="{html_text(title)}">{inner}</ins>')
        else:
            out.append(f'<a class="briefing-term" href="{mark["href"]}" '
                       f'title="{html_text(mark["title"])}">{inner}</a>')
        position = end
    out.append(escape(para.text[position:]))
    return "".join(out)


def front_matter(values: dict) -> str:
    """YAML front matter lines with HTML-escaped values (the theme prints them unescaped)."""
    escaped = {k: html.escape(" ".join(str(v).split()), quote=False) for k, v in values.items()}
    return yaml.safe_dump(escaped, allow_unicode=True, sort_keys=False, width=10_000).strip()
