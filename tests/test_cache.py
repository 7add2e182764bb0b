"""The per-document cache (briefing.cache, issue 13): a cached run gives what a cold run
gives, byte for byte; an edit re-runs only the seed it touches and rewrites only the files
that show it; anything the stages read is in the key."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cache, pipeline, render
from briefing.publish import page_cache
from conftest import ROOT, SEEDS

EDITED = "004_593e9b3dadb7e903.txt"
EDITED_ID = "004-593e9b3dadb7e903"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The seeds with their editorial files, a cache folder of its own, and a count of the
    seeds that went through the per-document stages."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    runs: list[str] = []
    stages = pipeline.document_stages

    def counted(seed, found):
        runs.append(seed.name)
        return stages(seed, found)

    monkeypatch.setattr(pipeline, "document_stages", counted)
    return seeds, tmp_path, runs


@pytest.fixture
def rendered(monkeypatch):
    """The (document, language) pages rendered anew, not taken from the cache."""
    pages: list[tuple[str, str]] = []
    page = render.document_page

    def counted(env, corpus, doc, lang, *args):
        pages.append((doc.id, lang))
        return page(env, corpus, doc, lang, *args)

    monkeypatch.setattr(render, "document_page", counted)
    return pages


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {rel for rel in set(before) | set(after) if before.get(rel) != after.get(rel)}


def cold(seeds: Path, out: Path, monkeypatch) -> dict[str, bytes]:
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    pipeline.generate(seeds, out)
    return tree(out)


def test_a_cached_run_gives_the_cold_runs_files_without_redoing_the_work(project):
    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    assert sorted(runs) == sorted(p.name for p in seeds.glob("*.txt"))
    runs.clear()
    pipeline.generate(seeds, tmp / "second")
    assert runs == []
    assert tree(tmp / "second") == tree(tmp / "first")


def test_a_paragraph_edit_reruns_its_seed_and_rewrites_only_what_shows_it(project, rendered,
                                                                        monkeypatch):
    seeds, tmp, runs = project
    out = tmp / "docs"
    pipeline.generate(seeds, out)
    before = tree(out)
    seed = seeds / EDITED
    text = seed.read_text(encoding="utf-8")
    assert "黃浦江畔" in text
    seed.write_text(text.replace("黃浦江畔", "黃浦江邊", 1), encoding="utf-8")
    runs.clear()
    rendered.clear()
    pipeline.generate(seeds, out)
    assert runs == [EDITED]
    assert sorted(rendered) == [(EDITED_ID, "en"), (EDITED_ID, "zh")]
    after = tree(out)
    assert after == cold(seeds, tmp / "cold", monkeypatch)
    rewritten = changed(before, after)
    # Its two pages and its record; the index and every other document's files stay.
    assert {f"zh/documents/{EDITED_ID}.md", f"en/documents/{EDITED_ID}.md",
            f"corpus/{EDITED_ID}.json"} <= rewritten
    assert "corpus.json" not in rewritten
    assert not {rel for rel in rewritten if rel.startswith(("corpus/", "zh/documents/",
                                                            "en/documents/"))
                and EDITED_ID not in rel}
    assert len(rewritten) <= 12, sorted(rewritten)


def test_an_editorial_file_is_in_its_own_seeds_key_only(project, monkeypatch):
    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    edit = seeds / "editorial" / f"{EDITED_ID}.yml"
    edit.write_text(edit.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    runs.clear()
    pipeline.generate(seeds, tmp / "second")
    assert runs == [EDITED]
    translation = seeds / "translations" / "002-cf7a6355ccf0b9a8-a3.yml"
    translation.write_text(translation.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    runs.clear()
    pipeline.generate(seeds, tmp / "third")
    assert runs == ["002_cf7a6355ccf0b9a8.txt"]  # the compilation's seed, all its articles
    assert tree(tmp / "third") == cold(seeds, tmp / "cold", monkeypatch)


def test_a_new_title_renders_again_the_pages_that_show_it(project, rendered, monkeypatch):
    """A compilation's pages list its articles' titles: an article's new title renders
    them again, though the compilation itself did not change."""
    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    article, compilation = "002-cf7a6355ccf0b9a8-a3", "002-cf7a6355ccf0b9a8"
    edit = seeds / "editorial" / f"{article}.yml"
    text = edit.read_text(encoding="utf-8")
    edit.write_text(text.replace("深刻领悟发展新质生产力", "深刻领会发展新质生产力", 1),
                    encoding="utf-8")
    rendered.clear()
    pipeline.generate(seeds, tmp / "second")
    assert {article, compilation} <= {doc_id for doc_id, _ in rendered}
    assert tree(tmp / "second") == cold(seeds, tmp / "cold", monkeypatch)


@pytest.mark.parametrize("name", ["themes.yml", "glossary.yml"])
def test_the_themes_and_the_glossary_are_in_every_key(project, name):
    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    (seeds / name).write_text((seeds / name).read_text(encoding="utf-8") + "\n",
                              encoding="utf-8")
    runs.clear()
    pipeline.generate(seeds, tmp / "second")
    assert sorted(runs) == sorted(p.name for p in seeds.glob("*.txt"))


def test_a_template_change_renders_every_page_again(project, rendered, tmp_path, monkeypatch):
    seeds, tmp, runs = project
    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    monkeypatch.setattr(render, "TEMPLATES", templates)
    pipeline.generate(seeds, tmp / "first")
    page = templates / "site" / "document.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    rendered.clear()
    pipeline.generate(seeds, tmp / "second")
    assert len(rendered) == 2 * len(set(doc_id for doc_id, _ in rendered)) > 20


def test_another_version_of_the_code_uses_no_older_entry(project, monkeypatch):
    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    runs.clear()
    pipeline.generate(seeds, tmp / "second")
    assert len(runs) == len(list(seeds.glob("*.txt")))


def test_a_damaged_entry_counts_as_missing(project, monkeypatch):
    seeds, tmp, runs = project
    first = tree(pipeline.generate(seeds, tmp / "first") and tmp / "first")
    entries = sorted(cache.folder("documents").rglob("*.pickle"))
    assert entries
    entries[0].write_bytes(b"not a pickle")
    for entry in entries[1:]:
        entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a crash
    runs.clear()
    pipeline.generate(seeds, tmp / "second")
    assert len(runs) == len(entries)
    assert tree(tmp / "second") == first


def test_damaged_compiled_templates_are_compiled_again(project):
    seeds, tmp, _ = project
    first = tree(pipeline.generate(seeds, tmp / "first") and tmp / "first")
    entries = sorted(cache.folder("templates").iterdir())
    assert len(entries) > 5
    for n, entry in enumerate(entries):
        entry.write_bytes(b"garbage" if n % 2 else entry.read_bytes()[:40])
    pipeline.generate(seeds, tmp / "second")
    assert tree(tmp / "second") == first


def test_a_cache_that_cannot_be_written_only_costs_time(project, monkeypatch):
    seeds, tmp, runs = project
    blocker = tmp / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE", str(blocker / "cache"))
    pipeline.generate(seeds, tmp / "out")
    assert tree(tmp / "out") == cold(seeds, tmp / "cold", monkeypatch)


@pytest.mark.parametrize("corpus", ["seeds", "derived"])
def test_only_the_corpus_fields_change_after_the_per_document_stages(corpus, tmp_path,
                                                                    monkeypatch):
    """A document's page key holds its work's key and its `CORPUS_FIELDS` only
    (briefing.publish.page_cache.key): any other field set by a corpus-wide stage would
    leave its page stale. The derived corpus shares wording between documents, so it has
    shared passages."""
    import copy
    import sys

    from briefing.publish import page_cache
    from conftest import ROOT

    monkeypatch.setenv("BRIEFING_CACHE", "off")
    seeds = tmp_path / "seeds"
    if corpus == "seeds":
        shutil.copytree(SEEDS, seeds)
    else:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from scale import derive_seeds
        derive_seeds(seeds, 30)
    before = {}
    stages = pipeline.document_stages

    def kept(seed, found):
        work = stages(seed, found)
        before.update((d.id, copy.deepcopy(d)) for d in work.pages)
        return work

    monkeypatch.setattr(pipeline, "document_stages", kept)
    linked = pipeline.analyse_corpus(seeds)
    changed_fields = {name for doc in linked.pages() for name in vars(doc)
                      if repr(getattr(doc, name)) != repr(getattr(before[doc.id], name))}
    assert "links" in changed_fields  # the check sees what linking does
    assert changed_fields <= set(page_cache.CORPUS_FIELDS)
    assert set(linked.work_keys) == {d.id for d in linked.pages()}


def test_only_the_last_used_versions_of_the_code_keep_their_entries(tmp_path, monkeypatch):
    """Every change to the code is a new version, with entries as large as the corpus:
    `prune` keeps the running version and the two used last, and nothing else's."""
    import os

    monkeypatch.setenv("BRIEFING_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "notes.txt").write_text("an editor's own file", encoding="utf-8")
    (tmp_path / "cache" / "v-not-ours").mkdir()  # no `used` mark: not made by this module
    for n, version in enumerate(["a", "b", "c", "d", "e"]):
        monkeypatch.setattr(cache, "code_version", lambda version=version: version * 20)
        cache.prune()
        cache.store(version + "1" * 63, cache.SeedWork(None, [], version))
        used = cache.root() / cache.version_folder() / cache.USED
        os.utime(used, ns=(n * 10**9, n * 10**9))  # in this order, a second apart
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert kept == ["notes.txt", "v-cccccccccccccccc", "v-dddddddddddddddd",
                    "v-eeeeeeeeeeeeeeee", "v-not-ours"]
    monkeypatch.setattr(cache, "code_version", lambda: "c" * 20)  # back to an older one
    cache.prune()
    assert cache.load("c" + "1" * 63).key == "c"  # its entries were kept
    assert len(list((tmp_path / "cache").iterdir())) == 5


def test_entries_from_before_versions_are_dropped_from_the_checkouts_cache(tmp_path,
                                                                           monkeypatch):
    monkeypatch.delenv("BRIEFING_CACHE", raising=False)
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    for kind in ("documents", "pages", "handouts", "an-editors-folder"):
        (tmp_path / ".cache" / kind / "ab").mkdir(parents=True)
    cache.prune()
    assert sorted(p.name for p in (tmp_path / ".cache").iterdir()) == [
        "an-editors-folder", cache.version_folder()]


def test_a_cache_that_is_off_prunes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    monkeypatch.setattr(cache, "ROOT", tmp_path)
    (tmp_path / ".cache" / "documents").mkdir(parents=True)
    cache.prune()
    assert (tmp_path / ".cache" / "documents").is_dir()


def test_the_sites_address_is_in_every_pages_key(project, monkeypatch):
    """Each page's suggested citation gives its address: `site_url` of mkdocs.yml."""
    from briefing.edition import citation

    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    config = tmp / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: https://briefing.example.org/\n",
                      encoding="utf-8")
    monkeypatch.setattr(citation, "MKDOCS", config)
    pipeline.generate(seeds, tmp / "second")
    page = (tmp / "second" / "en" / "documents" / f"{EDITED_ID}.md").read_text(
        encoding="utf-8")
    assert f"https://briefing.example.org/en/documents/{EDITED_ID}.html" in page
    assert tree(tmp / "second") == cold(seeds, tmp / "cold", monkeypatch)


def test_the_cleaning_records_are_read_for_the_report_only(project, monkeypatch):
    """What the cleaner did is an entry of its own (`cache.CLEANED`): generate does not
    read it; the report does, and gives what a cold run gives."""
    from briefing.report import report_lines

    seeds, tmp, runs = project
    pipeline.generate(seeds, tmp / "first")
    runs.clear()
    assert pipeline.analyse_corpus(seeds).cleaned == [] and runs == []
    cached = report_lines(pipeline.analyse_corpus(seeds, cleaning=True))
    assert runs == []
    records = sorted(cache.folder(cache.CLEANED).rglob("*.pickle"))
    assert len(records) == len(list(seeds.glob("*.txt")))
    records[0].write_bytes(b"damaged")
    again = report_lines(pipeline.analyse_corpus(seeds, cleaning=True))
    assert len(runs) == 1
    monkeypatch.setenv("BRIEFING_CACHE", "off")
    assert cached == again == report_lines(pipeline.analyse_corpus(seeds, cleaning=True))
    assert any(line.startswith("== ") for line in cached)


def test_a_cached_run_reads_no_name_or_term_with_pypinyin(project, tmp_path):
    # Importing pypinyin costs more than all of a run's readings (briefing.pinyin): a
    # second run takes them from the cache.
    seeds, tmp, _ = project
    pipeline.generate(seeds, tmp / "first")
    code = ("import sys; from pathlib import Path; from briefing import pipeline; "
            f"pipeline.generate(Path({str(seeds)!r}), Path({str(tmp / 'second')!r})); "
            "print('pypinyin' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
    assert tree(tmp / "second") == tree(tmp / "first")


def test_files_the_output_holds_as_written_are_linked_without_being_read(project,
                                                                        monkeypatch):
    # briefing.publish.outputs: the second run reads no document's files from the cache;
    # a file changed by hand in between is compared, and written again.
    seeds, tmp, _ = project
    out = tmp / "docs"
    pipeline.generate(seeds, out)
    first = tree(out)
    page = out / "zh" / "documents" / f"{EDITED_ID}.md"
    page.write_text(page.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    record = out / "corpus" / f"{EDITED_ID}.json"
    record.unlink()
    loaded: list[str] = []
    load = page_cache.load
    monkeypatch.setattr(page_cache, "load", lambda key: loaded.append(key) or load(key))
    pipeline.generate(seeds, out)
    assert tree(out) == first
    assert len(loaded) == 1  # the document whose files were touched
    inode = (out / "zh" / "documents" / "000-80a0138ffffb83b7.md").stat().st_ino
    loaded.clear()
    pipeline.generate(seeds, out)
    assert loaded == [] and tree(out) == first
    assert (out / "zh" / "documents" / "000-80a0138ffffb83b7.md").stat().st_ino == inode


def test_the_facts_kept_with_a_documents_work_are_those_of_the_linked_document(project):
    # briefing.facts: found by the per-document stages, read by the corpus-wide ones; the
    # corpus-wide stages must not change what they are found from.
    from briefing.facts import document_facts
    seeds, _, _ = project
    for run in range(2):  # cold, then from the cache
        corpus = pipeline.analyse_corpus(seeds)
        assert set(corpus.facts) == {d.id for d in corpus.pages()}
        for doc in corpus.pages():
            assert corpus.facts[doc.id] == document_facts(doc), (run, doc.id)


def test_a_damaged_manifest_counts_as_none(project):
    from briefing.publish import outputs
    seeds, tmp, _ = project
    out = tmp / "docs"
    pipeline.generate(seeds, out)
    first = tree(out)
    cache.store(outputs._name(out.absolute()), {"zh/index.md": "not a pair"}, outputs.KIND)
    pipeline.generate(seeds, out)
    assert tree(out) == first
