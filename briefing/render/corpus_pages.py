"""The corpus-wide pages (part of stage `render`), split so that no page grows with the
corpus (issue 13): an index per kind of page, then

* `themes/<theme>.md`: one page per theme (paged past `PER_PAGE["themes"]` documents);
* `timeline/<year>.md`: one page per year (paged past `PER_PAGE["timeline"]` events);
* `glossary/<letter>.md`: one page per initial (pinyin on the Chinese site, A–Z on the
  English one), each term listing at most `PLACES_SHOWN` documents;
* `figures.md`, `figures-2.md`, …: the figures, whole documents to a page until it holds
  `PER_PAGE["figures"]` figures.

The indexes hold only what the taxonomy, the glossary or the years bound: a theme × year
matrix of counts, the years with their counts, the letters. Like `render`, this writes
nothing: it returns `{relative path: text}`.
"""
from __future__ import annotations

from collections import Counter

from .corpus_svg import count_grid
from ..analyze.figures import find_figures
from ..facts import facts_of
from .corpus_language import html_lang, quotation
from .glossary_letters import OTHER, initial, pinyin, sort_key
from ..model import Corpus
from .timeline_filter import timeline_events
from .pages import display_title, glossary_entries, theme_entries, timeline_entries

#: Entries per page past which a page is continued on `<name>-2.md`, `<name>-3.md`, …
#: Chosen so a full page stays well under 400 KB (tests/test_corpus_pages.py checks it).
PER_PAGE = {"themes": 60, "timeline": 200, "figures": 150}
#: Documents listed under a glossary term (the most frequent users first; the rest counted).
PLACES_SHOWN = 40


def chunks(items: list, size: int) -> list[list]:
    """`items` in pages of `size`; always at least one (possibly empty) page.

    >>> chunks([1, 2, 3], 2)
    [[1, 2], [3]]
    >>> chunks([], 2)
    [[]]
    """
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def packed(items: list, size: int, weight) -> list[list]:
    """`items` in pages of at most `size` by `weight(item)`, in order (an item heavier than
    `size` has a page of its own); at least one page.

    >>> packed([3, 1, 1, 4, 2], 4, weight=lambda n: n)
    [[3, 1], [1], [4], [2]]
    """
    pages: list[list] = [[]]
    load = 0
    for item in items:
        if pages[-1] and load + weight(item) > size:
            pages.append([])
            load = 0
        pages[-1].append(item)
        load += weight(item)
    return pages


def page_stem(stem: str, number: int) -> str:
    """The file name (without `.md`) of page `number` of a series.

    >>> page_stem("themes/data", 1), page_stem("themes/data", 3)
    ('themes/data', 'themes/data-3')
    """
    return stem if number == 1 else f"{stem}-{number}"


def pager(name: str, number: int, count: int) -> list[dict]:
    """Links to every page of a series, relative to a page of the same folder (`name` is the
    file name without folder); empty for a series of one page."""
    if count < 2:
        return []
    return [{"number": n, "href": f"{page_stem(name, n)}.html", "current": n == number}
            for n in range(1, count + 1)]


def year_of(date: str) -> str:
    """The year of an event's date (`2024-03` → `2024`); OTHER when it has none."""
    head = date[:4]
    return head if head.isdigit() else OTHER


def corpus_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """The corpus-wide pages of one language, as {path: text}."""
    files: dict[str, str] = {}
    files.update(theme_pages(env, corpus, lang, strings))
    files.update(timeline_pages(env, corpus, lang, strings))
    files.update(glossary_pages(env, corpus, lang, strings))
    files.update(figure_pages(env, corpus, lang, strings))
    return files


def theme_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """The themes index (each theme with its count of documents, and the theme × year
    matrix) and one page per theme with its documents and their evidence."""
    t = strings[lang]
    by_id = {d.id: d for d in corpus.documents}
    themes = [{**th, "entries": [
        {**e, "evidence": [{"paragraph": ev.paragraph, "quote": quotation(
            by_id[e["id"]], ev.paragraph, ev.sentence, lang)} for ev in e["evidence"]]}
        for e in th["entries"]]} for th in theme_entries(corpus, lang, strings)]
    dates = {d.id: d.date for d in corpus.documents}
    years = sorted({year_of(d.date or "") for d in corpus.documents})
    # The index shows each theme's count, not its entries (the whole corpus's evidence).
    summaries = [{**{k: v for k, v in th.items() if k != "entries"},
                  "count": len(th["entries"])} for th in themes]
    matrix = [{"theme": summary, "counts": [
        sum(1 for e in th["entries"] if year_of(dates.get(e["id"]) or "") == y) for y in years]}
        for th, summary in zip(themes, summaries)]
    picture = count_grid([{"label": row["theme"]["name"][lang],
                           "href": f"themes/{row['theme']['id']}.html", "counts": row["counts"]}
                          for row in matrix],
                         [t["year_other"] if y == "other" else y for y in years],
                         t["themes_matrix_caption"], "matrix-table")
    files = {f"{lang}/themes.md": env.get_template("site/themes.md.j2").render(
        t=t, lang=lang, themes=summaries, years=years, matrix=matrix, picture=picture,
        seeds_dir=corpus.seeds_dir)}
    template = env.get_template("site/theme.md.j2")
    for th in themes:
        pages = chunks(th["entries"], PER_PAGE["themes"])
        for number, entries in enumerate(pages, 1):
            # The theme without its entries: a page shows its own, and the count.
            files[f"{lang}/{page_stem('themes/' + th['id'], number)}.md"] = template.render(
                t=t, lang=lang, theme={k: v for k, v in th.items() if k != "entries"},
                count=len(th["entries"]), entries=entries, base="../",
                pager=pager(th["id"], number, len(pages)), seeds_dir=corpus.seeds_dir)
    return files


def timeline_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """The timeline overview (years with their counts of events) and one page per year."""
    t = strings[lang]
    by_year: dict[str, list] = {}
    by_id = {d.id: d for d in corpus.pages()}
    for e in timeline_events(timeline_entries(corpus, lang, strings)):
        month = e["date"][5:7]
        by_year.setdefault(year_of(e["date"]), []).append(
            {**e, "month": month, "month_label": month_label(month, t),
             "quote": quotation(by_id[e["id"]], e["paragraph"], e["sentence"], lang)})
    years = [{"year": y, "count": len(by_year[y]),
              "months": month_counts(by_year[y])} for y in sorted(by_year)]
    picture = count_grid([{"label": t["year_other"] if y["year"] == OTHER else y["year"],
                           "href": f"timeline/{y['year']}.html", "counts": y["months"]}
                          for y in years], [str(m) for m in range(1, 13)],
                         t["timeline_years_caption"], "years-table")
    files = {f"{lang}/timeline.md": env.get_template("site/timeline.md.j2").render(
        t=t, lang=lang, years=years, picture=picture)}
    template = env.get_template("site/timeline_year.md.j2")
    for y in years:
        pages = chunks(by_year[y["year"]], PER_PAGE["timeline"])
        for number, events in enumerate(pages, 1):
            files[f"{lang}/{page_stem('timeline/' + y['year'], number)}.md"] = template.render(
                t=t, lang=lang, year=y["year"], events=events, base="../",
                pager=pager(y["year"], number, len(pages)))
    return files


def month_label(month: str, t: dict) -> str:
    """A month's heading in the reader's language (`3月`, `March`); dates without a month
    go under `t.month_unknown`."""
    if not month:
        return t["month_unknown"]
    return t["month_names"].split()[int(month) - 1]


def month_counts(events: list[dict]) -> list[int]:
    """Events per month (January first) of one year's events; a date without a month
    counts in none.

    >>> month_counts([{"date": "2024-03-01"}, {"date": "2024-03"}, {"date": "2024"}])[:4]
    [0, 0, 2, 0]
    """
    counts = Counter(e["date"][5:7] for e in events)
    return [counts.get(f"{m:02d}", 0) for m in range(1, 13)]


def glossary_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """The glossary index (every term by letter, with its rendering) and one page per
    letter with each term's note and the documents that use it most."""
    t = strings[lang]
    by_id = {term.id: term for term in corpus.glossary}
    entries = sorted(glossary_entries(corpus, lang, strings),
                     key=lambda e: sort_key(by_id[e["id"]], lang))
    letters: dict[str, list] = {}
    for e in entries:
        term = by_id[e["id"]]
        places = sorted(e["places"], key=lambda p: -p["count"])  # stable: corpus order
        letters.setdefault(initial(term, lang), []).append(
            {**e, "pinyin": pinyin(term.zh), "places": places[:PLACES_SHOWN],
             "more": max(0, len(places) - PLACES_SHOWN)})
    order = sorted(letters, key=lambda k: (k == OTHER, k))
    index = [{"letter": k, "terms": letters[k]} for k in order]
    # Every letter either language files a term under has a page in both, so switching
    # language on a letter's page lands on a page (telling there is none under it here).
    others = {initial(term, lang_) for term in corpus.glossary for lang_ in ("zh", "en")}
    pages = index + [{"letter": k, "terms": []} for k in sorted(others - set(letters))]
    files = {f"{lang}/glossary.md": env.get_template("site/glossary.md.j2").render(
        t=t, lang=lang, letters=index, seeds_dir=corpus.seeds_dir)}
    template = env.get_template("site/glossary_letter.md.j2")
    for group in pages:
        files[f"{lang}/glossary/{group['letter']}.md"] = template.render(
            t=t, lang=lang, letter=group["letter"], terms=group["terms"], letters=order,
            base="../", seeds_dir=corpus.seeds_dir)
    return files


def figure_rows(doc, lang: str) -> list[dict]:
    """A document's figures as table rows, one per sentence (in the order printed): its
    values, each once (`text` as printed, `shown` as the reader reads it, in `lang`), what
    they measure, each once (in `measures_lang`), and the sentence quoted once in the
    reader's language.

    For a reader of the other language, what a value measures comes from the translated
    sentence when it prints the same number, and on the Chinese site the value too (`250
    billion yuan` is `2500亿元` in the Chinese translation, which says what it measures in
    Chinese); else the original's are shown, marked as its language. English values are
    always rendered from the original, whose qualifiers (`近`, `余`) a translation may drop."""
    rows: dict[tuple[str, str], dict] = {}
    for f in doc.figures:
        row = rows.get((f.paragraph, f.sentence))
        if row is None:
            quote = quotation(doc, f.paragraph, f.sentence, lang)
            row = rows[(f.paragraph, f.sentence)] = {
                "paragraph": f.paragraph, "numbers": [], "measures": [], "own": [],
                "quote": quote, "translated": translated_figures(quote, lang)}
        match = row["translated"].get(round(f.number, 3))
        measure = match.measure if match is not None else None
        if lang == "en":  # rendered from the original, qualifiers kept (`近`, `余`)
            shown, shown_lang = f.english, "en"
        elif match is not None:
            shown, shown_lang = match.text, html_lang(lang)
        else:
            shown, shown_lang = f.text, html_lang(doc.language)
        if all(v["shown"] != shown for v in row["numbers"]):
            row["numbers"].append({"text": f.text, "shown": shown, "lang": shown_lang})
        if measure and measure not in row["measures"]:
            row["measures"].append(measure)
        if f.measure and f.measure not in row["own"]:
            row["own"].append(f.measure)
    for row in rows.values():
        # What the values measure in one language: the translation's when it says, else
        # the original's.
        if row["measures"]:
            row["measures_lang"] = html_lang(lang)
        else:
            row["measures"], row["measures_lang"] = row["own"], html_lang(doc.language)
        del row["own"], row["translated"]
    return list(rows.values())


def translated_figures(quote: dict, lang: str) -> dict:
    """The figures of a quoted translation, by value (none for an original)."""
    if quote["original"] is None:
        return {}
    return {round(f.number, 3): f for f in reversed(find_figures(quote["text"], lang))}


def figure_pages(env, corpus: Corpus, lang: str, strings: dict) -> dict[str, str]:
    """"By the numbers", whole documents to a page up to `PER_PAGE["figures"]` figures."""
    t = strings[lang]
    documents = [{"id": d.id, "title": display_title(d, lang, strings),
                  "language": d.language, "count": len(d.figures),
                  "rows": facts_of(corpus, d).figures[lang]}
                 for d in corpus.documents if d.figures]
    pages = packed(documents, PER_PAGE["figures"], weight=lambda d: d["count"])
    template = env.get_template("site/figures.md.j2")
    return {f"{lang}/{page_stem('figures', number)}.md": template.render(
                t=t, lang=lang, documents=docs, base="", html_lang=html_lang,
                pager=pager("figures", number, len(pages)))
            for number, docs in enumerate(pages, 1)}
