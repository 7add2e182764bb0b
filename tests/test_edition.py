"""An honest edition (#15) on small corpora: what the original is, paragraph breaks anchored
to text, translator's notes, and the quotation-consistency check."""
from __future__ import annotations

import json

import pytest

from briefing import pipeline, review
from briefing.errors import EditorialError
from briefing.model import source_hash
from briefing.render import render

from conftest import run_cli
from briefing.publish.records import assemble

#: A machine-translated English seed on one line: three paragraphs run together.
MT_SEED = ("Beijing released a plan\n\n"
           "Yesterday the plan was released. It names five fields of application. "
           "The output value will exceed 250 billion yuan in 2023. Officials explained it.\n")
FIRST, SECOND, THIRD = ("Yesterday the plan was released. It names five fields of application.",
                        "The output value will exceed 250 billion yuan in 2023.",
                        "Officials explained it.")

#: Two Chinese documents quoting the same sentence.
QUOTE = "科技创新能够催生新产业、新模式、新动能，是发展新质生产力的核心要素。"
SPEECH = f"讲话标题\n\n{QUOTE}我们要抓好落实。\n"
ARTICLE = f"文章标题\n\n总书记指出：“{QUOTE[:-1]}”这一论述十分重要。\n"


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


#: The reviewer's English, as the project's own names file has it (check lists a name
#: shown untranslated).
NAMES = "organisations:\n  - {zh: 编辑部, en: Editorial desk}\n"


def mt_corpus(tmp_path, editorial: str, translation: str | None = None):
    seeds = tmp_path / "seeds"
    write(seeds, "plan.txt", MT_SEED)
    write(seeds, "names.yml", NAMES)
    write(seeds / "editorial", "plan.yml", editorial)
    if translation is not None:
        write(seeds / "translations", "plan.yml", translation)
    return seeds


ORIGINAL = ("original:\n  kind: machine-translation\n  from: zh\n"
            "  note: {zh: 英文为机器翻译。, en: The English is a machine translation.}\n")
REVIEWED = "review: {status: reviewed, reviewer: 编辑部, date: 2026-11-23}\n"
BREAKS = ("breaks:\n  - after: It names five fields of application.\n"
          "  - after: will exceed 250 billion yuan in 2023.\n")


def translation_of(pieces: list[tuple[str, str]], notes: dict[str, list[str]] = {}) -> str:
    """A zh translation file: (source text, translation) per paragraph; `notes`: per
    paragraph id, its notes as YAML list items."""
    lines = ["language: zh", "paragraphs:"]
    for n, (source, text) in enumerate(pieces, start=1):
        lines += [f"  - id: p{n}", f"    source: '{source_hash(source)}'",
                  "    provenance: reviewed", f"    text: {text}"]
        if f"p{n}" in notes:
            lines += ["    notes:"] + [f"      - {note}" for note in notes[f"p{n}"]]
    return "\n".join(lines) + "\n"


# --- provenance --------------------------------------------------------------------------

def test_machine_translation_is_labelled_and_its_translation_a_reconstruction(tmp_path):
    seeds = mt_corpus(tmp_path, ORIGINAL)
    corpus = pipeline.analyse_corpus(seeds)
    files = render(corpus)
    record = assemble(files.__getitem__)["documents"][0]
    assert record["original"]["kind"] == "machine-translation"
    assert record["original"]["from"] == "zh"
    assert record["original"]["translation_kind"] == "reconstruction"
    zh, en = files["zh/documents/plan.md"], files["en/documents/plan.md"]
    assert "英文机器翻译，译自中文原文（本简报未收录原文）" in zh
    assert "重建文本" in zh and "本文原文为英文" not in zh
    assert "This English text is a machine translation of a Chinese original" in en
    assert "The English is a machine translation." in en


def test_an_original_keeps_the_usual_labels(tmp_path):
    whole = " ".join([FIRST, SECOND, THIRD])
    seeds = mt_corpus(tmp_path, "title: {zh: 标题}\n", translation_of([(whole, "译文。")]))
    files = render(pipeline.analyse_corpus(seeds))
    assert "本文原文为英文" in files["zh/documents/plan.md"]
    record = assemble(files.__getitem__)["documents"][0]
    assert record["original"]["kind"] == "original"
    assert record["original"]["translation_kind"] == "translation"


@pytest.mark.parametrize("editorial, line, message", [
    ("original:\n  kind: scan\n", 2, "original.kind must be one of original, machine-translation"),
    ("original:\n  kind: translation\n", 2, "original.from must be the language"),
    ("original:\n  kind: original\n  from: zh\n", 3, "an `original` has none"),
    ("original:\n  kind: translation\n  from: zh\n  by: x\n", 4, "unknown key 'by' in original"),
    ("date: {kind: birthday}\n", 1, "date.kind must be one of speech, publication, issue"),
])
def test_bad_provenance_names_file_and_line(tmp_path, editorial, line, message):
    seeds = mt_corpus(tmp_path, editorial)
    with pytest.raises(EditorialError) as exc:
        pipeline.analyse_corpus(seeds)
    assert any(p.line == line and message in p.message and p.path.endswith("plan.yml")
               for p in exc.value.problems), exc.value.problems


# --- breaks ----------------------------------------------------------------------------

def test_breaks_cut_the_paragraph_and_translations_follow_by_hash(tmp_path):
    pieces = [(FIRST, "昨天计划发布。它列出五个应用领域。"),
              (SECOND, "2023年产值突破2500亿元。"), (THIRD, "官员作了介绍。")]
    seeds = mt_corpus(tmp_path, ORIGINAL + BREAKS + REVIEWED, translation_of(pieces))
    corpus = pipeline.analyse_corpus(seeds)
    doc = corpus.documents[0]
    assert [(p.id, p.text) for p in doc.paragraphs] == [("p1", FIRST), ("p2", SECOND),
                                                        ("p3", THIRD)]
    assert [doc.translation[p].state for p in ("p1", "p2", "p3")] == ["current"] * 3
    assert not review.release_findings(corpus)
    files = render(corpus)
    zh, en = files["zh/documents/plan.md"], files["en/documents/plan.md"]
    # Side by side never calls the machine translation 原文 without saying what it is.
    assert "中英对照（显示所据英文机器翻译）" in zh and "（显示原文）" not in zh
    assert "Side by side with the Chinese reconstruction" in en


def test_a_translation_not_resplit_is_stale_never_current(tmp_path):
    whole = " ".join([FIRST, SECOND, THIRD])
    seeds = mt_corpus(tmp_path, ORIGINAL + BREAKS, translation_of([(whole, "整段译文。")]))
    corpus = pipeline.analyse_corpus(seeds)
    doc = corpus.documents[0]
    assert doc.translation["p1"].state == "stale"
    assert {doc.translation[p].state for p in ("p2", "p3")} == {"missing"}
    messages = [m for _, _, m in review.release_findings(corpus)]
    assert any("paragraph p1 of plan changed since it was translated" in m
               and "cut the paragraph it was made from into p1, p2, p3" in m for m in messages)


@pytest.mark.parametrize("anchor, message", [
    ("It names six fields.", "occurs 0 times in document plan; the text no longer has it"),
    ("'.'", "times in document plan; name the paragraph (paragraph: pN) or quote more"),
    ("Officials explained it.", "of plan already; remove the break"),
])
def test_break_anchor_gone_or_ambiguous_fails_with_file_and_line(tmp_path, anchor, message):
    seeds = mt_corpus(tmp_path, f"breaks:\n  - after: {anchor}\n")
    with pytest.raises(EditorialError) as exc:
        pipeline.analyse_corpus(seeds)
    [problem] = exc.value.problems
    assert problem.path.endswith("editorial/plan.yml") and problem.line == 2
    assert message in problem.message


def test_break_anchor_gone_is_one_error_line_from_the_command_line(tmp_path):
    seeds = mt_corpus(tmp_path, "breaks:\n  - after: moved elsewhere.\n")
    result = run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "editorial/plan.yml:2: break anchor 'moved elsewhere.' occurs 0 times" in result.stderr


# --- translator's notes ---------------------------------------------------------------------

def test_translators_notes_are_numbered_on_the_page_and_in_json(tmp_path):
    pieces = [(FIRST, "昨天计划发布。它列出五个应用领域。"),
              (SECOND, "2023年产值突破2500亿元。"), (THIRD, "官员作了介绍。")]
    translation = translation_of(pieces, {"p2": ["英文为将来时，中文改为已然。",
                                                 "{zh: 中英两页都显示。, en: Shown on both pages.}"]})
    seeds = mt_corpus(tmp_path, ORIGINAL + BREAKS, translation)
    files = render(pipeline.analyse_corpus(seeds))
    zh, en = files["zh/documents/plan.md"], files["en/documents/plan.md"]
    assert '<li id="tn1">英文为将来时，中文改为已然。' in zh
    assert '<li id="tn2">中英两页都显示。' in zh
    assert zh.count('class="briefing-tn-ref"') == 2  # both markers after p2's text
    assert "英文为将来时" not in en  # a note in one language stays with the translation
    assert '<li id="tn1">Shown on both pages.' in en
    record = assemble(files.__getitem__)["documents"][0]
    assert record["paragraphs"][1]["translation"]["notes"] == [
        {"zh": "英文为将来时，中文改为已然。", "en": None},
        {"zh": "中英两页都显示。", "en": "Shown on both pages."}]


def test_a_note_that_is_not_text_names_file_and_line(tmp_path):
    translation = translation_of([(MT_SEED.split("\n\n")[1].strip(), "译文。")])
    translation += "    notes: [{zh: 只有中文}]\n"
    seeds = mt_corpus(tmp_path, "title: {zh: 标题}\n", translation)
    with pytest.raises(EditorialError) as exc:
        pipeline.analyse_corpus(seeds)
    assert any("translations/plan.yml" in p.path and "a note.en must be a non-empty text"
               in p.message for p in exc.value.problems)


# --- the quotation check --------------------------------------------------------------------

def quote_corpus(tmp_path, speech_en: str, article_en: str, exemption: str = ""):
    seeds = tmp_path / "seeds"
    write(seeds, "speech.txt", SPEECH)
    write(seeds, "article.txt", ARTICLE)
    speech_text = SPEECH.split("\n\n")[1].strip()
    article_text = ARTICLE.split("\n\n")[1].strip()
    for name, source, text in (("speech", speech_text, speech_en),
                               ("article", article_text, article_en)):
        write(seeds / "translations", f"{name}.yml",
              f"language: en\nparagraphs:\n  - id: p1\n    source: '{source_hash(source)}'\n"
              f"    provenance: reviewed\n    text: '{text}'\n")
    if exemption:
        write(seeds / "editorial", "article.yml", exemption)
    return pipeline.analyse_corpus(seeds)


WIN = ("Scientific and technological innovation can give rise to new industries, new models "
       "and new drivers of growth, and is the core element in developing new quality "
       "productive forces.")
SPEECH_EN = WIN + " We must implement it well."


def article_en(quotation: str) -> str:
    return f'The General Secretary pointed out: "{quotation}" This is very important.'


def test_the_same_quotation_translated_alike_is_not_listed(tmp_path):
    corpus = quote_corpus(tmp_path, SPEECH_EN, article_en(WIN[:-1]))
    assert not [m for _, _, m in review.release_findings(corpus) if "same source text" in m]


def test_a_quotation_translated_differently_lists_both_places(tmp_path):
    other = WIN[:-1].replace("new drivers of growth", "new growth drivers")
    corpus = quote_corpus(tmp_path, SPEECH_EN, article_en(other))
    [finding] = [f for f in review.release_findings(corpus) if "same source text" in f[2]]
    path, line, message = finding
    assert path.endswith("translations/article.yml") and line == 3
    assert "translations/speech.yml:3" in message  # the other place, as file:line
    assert "new growth drivers" in message and "record why under quotations" in message


def test_check_strict_fails_on_an_inconsistency_and_an_exemption_silences_it(tmp_path):
    other = WIN[:-1].replace("new drivers of growth", "new growth drivers")
    quote_corpus(tmp_path, SPEECH_EN, article_en(other))
    seeds = tmp_path / "seeds"
    run_cli("generate", "--seeds", str(seeds), "--out", str(tmp_path / "docs"))
    result = run_cli("check", "--strict", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 1 and "same source text" in result.stderr
    corpus = quote_corpus(tmp_path, SPEECH_EN, article_en(other), (
        f"quotations:\n  - text: {QUOTE}\n    why: {{zh: 原文如此, en: kept on purpose}}\n"))
    assert not [m for _, _, m in review.release_findings(corpus) if "same source text" in m]


def test_an_exemption_for_a_text_no_longer_printed_is_listed(tmp_path):
    corpus = quote_corpus(tmp_path, SPEECH_EN, article_en(WIN[:-1]), (
        "quotations:\n  - text: 这句话已经不在文中了而且足够长\n    why: {zh: 理由, en: reason}\n"))
    [finding] = [f for f in review.release_findings(corpus) if "no longer prints" in f[2]]
    assert finding[0].endswith("editorial/article.yml") and finding[1] == 2
