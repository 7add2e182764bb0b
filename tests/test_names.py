"""Names in the reader's language (briefing.names, issue 11): pinyin for Chinese personal
names, the editors' names file, and what `check` lists when a name has no rendering."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from briefing import pipeline, review
from briefing.errors import EditorialError
from briefing.names.book import KINDS, NameBook, NameEntry, load_names
from briefing.names.romanise import romanise
from briefing.names.show import show
from conftest import ROOT, SEEDS, run_cli
from briefing.publish.records import load_corpus

CASES = yaml.safe_load((Path(__file__).parent / "data" / "names" / "cases.yml")
                       .read_text(encoding="utf-8"))
#: A run of Chinese characters.
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def case_id(case: dict) -> str:
    return f"{case.get('printed', case.get('name'))}-{case.get('lang', '')}"


@pytest.mark.parametrize("case", CASES["romanise"], ids=case_id)
def test_romanise(case):
    assert romanise(case["name"]) == case["want"], case.get("comment")


def book_of(kind: str, entries: list[dict]) -> NameBook:
    book = NameBook()
    for n, entry in enumerate(entries, start=1):
        item = NameEntry(entry["zh"], entry["en"], n)
        for form in (item.zh, item.en):
            if form:
                book.entries[kind][form] = item
    return book


@pytest.mark.parametrize("case", CASES["show"], ids=case_id)
def test_show(case):
    shown = show(case["printed"], case["kind"], case["lang"],
                 book_of(case["kind"], case.get("entries", [])))
    assert shown.html == case["want"]


# --- the names file's schema: every problem with its line --------------------------------

SCHEMA_CASES = [
    ("people:\n  - {zh: 乐嘉, en: Le Jia, reading: le}\n", 2,
     "unknown key 'reading' in a person entry; valid keys: zh, en, note"),
    ("people:\n  - {zh: 乐嘉}\n", 2, "a person entry needs the key 'en'"),
    ("people:\n  - {zh: ~, en: ~}\n", 2, "needs a name in at least one language"),
    ("publications:\n  - {zh: 求是, en: Qiushi}\n  - {zh: 求是, en: Seeking Truth}\n", 3,
     "'求是' is already in publications (line 2); keep one entry"),
    ("books:\n  - {zh: 求是, en: Qiushi}\n", 1,
     "unknown key 'books' in the names file; valid keys: " + ", ".join(KINDS)),
    ("affiliations: 院长\n", 1, "affiliations must be a list of entries"),
    ("organisations:\n  - {zh: '', en: x}\n", 2, "organisation.zh must be a non-empty text"),
    # A bare text in the list has no line of its own (the loader keeps mappings' lines):
    # the list's line is given.
    ("people:\n  - 习近平\n", 1, "a person entry must be a mapping with keys zh, en, note"),
    ("people:\n  - {zh: 乐嘉, en: !!python/object:os.system x}\n", 2, "tag"),
]


@pytest.mark.parametrize("text,line,message", SCHEMA_CASES)
def test_names_file_problems_name_file_and_line(tmp_path, text, line, message):
    (tmp_path / "names.yml").write_text(text, encoding="utf-8")
    with pytest.raises(EditorialError) as caught:
        load_names(tmp_path)
    problems = [(p.path, p.line, p.message) for p in caught.value.problems]
    assert any(path.endswith("names.yml") and at == line and message in text_
               for path, at, text_ in problems), problems


def test_all_problems_of_the_file_are_reported_at_once(tmp_path):
    (tmp_path / "names.yml").write_text(
        "people:\n  - {zh: 乐嘉}\npublications:\n  - {zh: 求是, en: Qiushi, x: 1}\n",
        encoding="utf-8")
    with pytest.raises(EditorialError) as caught:
        load_names(tmp_path)
    assert sorted(p.line for p in caught.value.problems) == [2, 4]


def test_the_project_names_file_loads():
    book = load_names(SEEDS)
    assert book.find("organisations", "中共安徽省委讲师团").en == (
        "Lecturers' Group of the CPC Anhui Provincial Committee")
    assert book.find("publications", "People's Post and Telecommunications Daily").zh == "人民邮电报"
    # Characters are never guessed from pinyin: the source gives none.
    assert book.find("people", "Wu Wenjuan").zh is None


# --- check lists untranslated names, --strict fails on them -------------------------------

def seeds_with(tmp_path: Path, names: str | None) -> Path:
    """The project's seeds and editorial files, with `names` as the names file."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "names.yml").unlink()
    if names is not None:
        (seeds / "names.yml").write_text(names, encoding="utf-8")
    return seeds


def name_messages(seeds: Path) -> list[str]:
    corpus = pipeline.analyse_corpus(seeds)
    return [f"{path}: {message}" for path, _, message in review.release_findings(corpus)
            if path.endswith("names.yml")]


def test_check_lists_every_name_shown_untranslated(tmp_path):
    messages = name_messages(seeds_with(tmp_path, None))
    text = "\n".join(messages)
    for name in ("飞象网", "中共安徽省委讲师团", "北京大学党委常委、副校长", "中心组学习",
                 "People's Post and Telecommunications Daily", "Wu Wenjuan",
                 "编辑部"):  # the reviewer of the editorial files (#11)
        assert repr(name) in text, name
    # Chinese personal names are read in pinyin: nothing to ask.
    assert "习近平" not in text and "易欢" not in text
    [feixiang] = [m for m in messages if "'飞象网'" in m]
    path, message = feixiang.split(": ", 1)
    assert path.endswith("seeds/names.yml")
    assert message.startswith("has no English for '飞象网' (publication of 001-2603e452646e1bca (")
    assert "seeds/001_2603e452646e1bca.txt)" in message
    assert "add it under publications: {zh: 飞象网, en: <English>}" in feixiang
    [wu] = [m for m in messages if "'Wu Wenjuan'" in m]
    assert "never guessed from the pinyin" in wu
    # One finding per name, however many documents print it (人民日报 twice, 求是 twice).
    assert len(messages) == len(set(messages))
    assert sum("'人民日报'" in m for m in messages) == 1


def test_an_entry_silences_its_finding(tmp_path):
    seeds = seeds_with(tmp_path, "publications:\n  - {zh: 飞象网, en: Feixiang Net}\n"
                                 "people:\n  - {zh: ~, en: Wu Wenjuan}\n")
    text = "\n".join(name_messages(seeds))
    assert "飞象网" not in text and "Wu Wenjuan" not in text
    assert "中共安徽省委讲师团" in text


def test_check_strict_fails_on_untranslated_names_and_passes_with_the_names_file(tmp_path):
    seeds = seeds_with(tmp_path, "publications:\n  - {zh: 人民日报, en: People's Daily}\n")
    out = tmp_path / "docs"
    assert run_cli("generate", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    loose = run_cli("check", "--seeds", str(seeds), "--docs", str(out))
    assert loose.returncode == 0, loose.stderr
    assert "Warning: seeds/names.yml: has no English for '飞象网'" in loose.stderr.replace(
        str(seeds.parent) + "/", "")
    strict = run_cli("check", "--strict", "--seeds", str(seeds), "--docs", str(out))
    assert strict.returncode == 1 and "'飞象网'" in strict.stderr
    shutil.copyfile(SEEDS / "names.yml", seeds / "names.yml")
    assert run_cli("generate", "--seeds", str(seeds), "--out", str(out)).returncode == 0
    result = run_cli("check", "--strict", "--seeds", str(seeds), "--docs", str(out))
    assert result.returncode == 0, result.stderr


# --- the generated pages ---------------------------------------------------------------------

META = re.compile(r'<div class="briefing-meta">(.*?)</dl>', re.S)


def meta_rows(lang: str, doc_id: str) -> dict[str, str]:
    page = (ROOT / "docs" / lang / "documents" / f"{doc_id}.md").read_text(encoding="utf-8")
    block = META.search(page).group(1)
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block))


def untagged_han(html: str) -> list[str]:
    """Chinese text outside a span marked as Chinese."""
    return HAN_RUN.findall(re.sub(r'<span lang="zh-Hans">.*?</span>', "", html))


NAME_ROWS = {"en": ("Authors", "Affiliation", "Publication", "Publisher", "Editors", "Review"),
             "zh": ("作者", "作者单位", "出处", "编印", "编辑")}


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in (ROOT / "docs" / "en" / "documents")
                                          .glob("*.md")))
def test_english_pages_show_names_in_english_with_the_original_marked(doc_id):
    rows = meta_rows("en", doc_id)
    for label in NAME_ROWS["en"]:
        if label in rows:
            assert not untagged_han(rows[label]), (label, rows[label])


def test_english_pages_show_pinyin_surname_first():
    assert meta_rows("en", "002-cf7a6355ccf0b9a8-a1")["Authors"] == (
        'Xi Jinping (<span lang="zh-Hans">习近平</span>)')
    assert meta_rows("en", "001-2603e452646e1bca")["Authors"].startswith("Yi Huan (")
    assert meta_rows("en", "002-cf7a6355ccf0b9a8-a6")["Authors"].startswith(
        "Zhang Yue (<span")
    assert meta_rows("en", "002-cf7a6355ccf0b9a8")["Publisher"].startswith(
        "Lecturers&#x27; Group of the CPC Anhui Provincial Committee (")


def test_chinese_pages_mark_names_printed_in_latin_letters():
    rows = meta_rows("zh", "003-c67a1687915d7e32")
    assert rows["作者"] == '<span lang="en">Wu Wenjuan</span>'
    assert meta_rows("zh", "000-80a0138ffffb83b7")["出处"].startswith("人民邮电报（<span lang=\"en\">")
    for doc_id in ("000-80a0138ffffb83b7", "003-c67a1687915d7e32"):
        rows = meta_rows("zh", doc_id)
        for label in NAME_ROWS["zh"]:
            if label in rows:  # no Latin letters outside a span marked as English
                assert not re.search(r"[A-Za-z]", re.sub(r'<span lang="en">.*?</span>', "",
                                                          rows[label])), rows[label]


HOSTILE_NAMES = """\
people:
  - {zh: 习近平, en: '<script>alert(1)</script>'}
publications:
  - {zh: 飞象网, en: '[x](javascript:alert(1)) {: onclick="alert(1)"} {{ 7*7 }}'}
organisations:
  - {zh: 中共安徽省委讲师团, en: '<img src=x onerror=alert(1)>'}
"""


def test_hostile_names_stay_text_on_the_pages(tmp_path):
    """Editors' names are as untrusted as seeds: no markup survives from the names file."""
    seeds = seeds_with(tmp_path, HOSTILE_NAMES)
    out = tmp_path / "docs"
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = {doc_id: (out / "en" / "documents" / f"{doc_id}.md").read_text(encoding="utf-8")
             for doc_id in ("002-cf7a6355ccf0b9a8-a1", "001-2603e452646e1bca",
                            "002-cf7a6355ccf0b9a8")}
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (<span lang=\"zh-Hans\">习近平</span>)" in \
        pages["002-cf7a6355ccf0b9a8-a1"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["002-cf7a6355ccf0b9a8"]
    assert "&#123;: onclick=&quot;alert(1)&quot;&#125; &#123;&#123; 7*7 &#125;&#125;" in \
        pages["001-2603e452646e1bca"]
    for page in pages.values():
        assert "<script" not in page and "<img" not in page and "{{" not in page


def test_corpus_json_gives_the_names_as_each_site_shows_them():
    import json
    corpus = load_corpus(ROOT / "docs")
    by_id = {d["id"]: d for d in corpus["documents"] + corpus["compilations"]}
    assert by_id["002-cf7a6355ccf0b9a8-a1"]["names"]["en"]["authors"] == "Xi Jinping"
    assert by_id["002-cf7a6355ccf0b9a8-a1"]["names"]["zh"]["authors"] == "习近平"
    assert by_id["002-cf7a6355ccf0b9a8"]["names"]["en"]["publisher"] == (
        "Lecturers' Group of the CPC Anhui Provincial Committee")
    assert by_id["000-80a0138ffffb83b7"]["names"]["zh"]["publication"] == "人民邮电报"
    assert by_id["003-c67a1687915d7e32"]["names"]["zh"]["authors"] == "Wu Wenjuan"


def test_the_print_editions_show_names_in_the_reader_s_language():
    """The English digest and the English handout of a session: pinyin, original marked."""
    from briefing.publish.pdf import digest_html
    from briefing.sessions.handout import handout_html

    corpus = pipeline.analyse_corpus(SEEDS)
    xi = 'Xi Jinping (<span lang="zh-Hans">习近平</span>)'
    assert xi in digest_html(corpus, "en")
    assert "Qiushi (<span lang=\"zh-Hans\">求是</span>)" in digest_html(corpus, "en")
    session = next(s for s in corpus.sessions
                   if any(r.document.startswith("002-cf7a6355ccf0b9a8-a1") for r in s.readings))
    assert xi in handout_html(corpus, session, "en")
