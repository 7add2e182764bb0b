"""`seeds/names.yml`, the editors' bilingual names file: how each name a page shows reads
in the other language. It holds four lists, one per kind of name:

* `people`: authors and editors. A Chinese name needs an entry only when the reading of
  `briefing.names.romanise` is wrong (乐嘉 Le Jia, not Yue Jia) or unclear; a name printed
  in Latin letters (`Wu Wenjuan`) gets its characters only here, and only when an editor
  knows them: characters are never guessed from pinyin.
* `publications`: newspapers, journals, websites, books (`人民日报` People's Daily);
* `organisations`: publishers and other bodies (`中共安徽省委讲师团`);
* `affiliations`: an author's affiliation as the source prints it, whole.

Each entry is `{zh: …, en: …, note: …}`; `zh` and `en` are both written, `note` is optional.
A side left empty (`zh: ~`) says the editors know there is no rendering (the source gives
no characters): the name is shown as printed, and `check` does not ask for one. The file
is loaded by the strict editorial loader; problems are `file:line: message`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..editorial_yaml import Checker, load_yaml
from ..errors import EditorialError, display_path

NAMES_FILE = "names.yml"
#: The lists of the file, in the order they are written, and what an entry of each names.
KINDS = {"people": "person", "publications": "publication",
         "organisations": "organisation", "affiliations": "affiliation"}
ENTRY_KEYS = ("zh", "en", "note")


@dataclass
class NameEntry:
    """One name in both languages; None where the editors say there is no rendering."""

    zh: str | None
    en: str | None
    line: int  #: the entry's line in the names file


@dataclass
class NameBook:
    """The names file, looked up by a name as printed (in either language)."""

    path: str = f"seeds/{NAMES_FILE}"  #: as messages name it (even when it does not exist)
    #: per kind: printed form (zh or en) -> entry
    entries: dict[str, dict[str, NameEntry]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS})

    def find(self, kind: str, printed: str) -> NameEntry | None:
        """The entry for `printed` among names of `kind`, or None."""
        return self.entries[kind].get(printed)


def load_names(seeds_dir: Path) -> NameBook:
    """`seeds/names.yml`, checked; an empty book when the folder has none. All problems
    of the file are raised together."""
    path = Path(seeds_dir) / NAMES_FILE
    book = NameBook(path=display_path(path))
    if not path.is_file():
        return book
    data = load_yaml(path)
    check = Checker(path)
    if data is None:
        return book
    data = check.mapping(data, 1, "the names file", tuple(KINDS))
    for kind, noun in KINDS.items():
        items = data.get(kind)
        if items is None:
            continue
        if not isinstance(items, list):
            check.fail(data.line_of(kind), f"{kind} must be a list of entries "
                                           "{zh: …, en: …}")
            continue
        for item in items:
            line = getattr(item, "line", data.line_of(kind))
            entry = parse_entry(check, item, line, noun)
            if entry:
                add_entry(check, book.entries[kind], entry, kind)
    if check.problems:
        raise EditorialError(check.problems)
    return book


def parse_entry(check: Checker, item, line: int, noun: str) -> NameEntry | None:
    """One `{zh, en, note}` entry, or None (its problems noted)."""
    what = f"{'an' if noun[0] in 'aeiou' else 'a'} {noun} entry"
    item = check.mapping(item, line, what, ENTRY_KEYS, required=("zh", "en"))
    if not item:
        return None
    sides = {lang: check.text(item.get(lang), item.line_of(lang), f"{noun}.{lang}",
                              optional=True) for lang in ("zh", "en")}
    check.text(item.get("note"), item.line_of("note"), f"{noun}.note", optional=True)
    if "zh" not in item or "en" not in item:
        return None
    if sides["zh"] is None and sides["en"] is None:
        check.fail(item.line, f"{what} needs a name in at least one language "
                              "(zh or en); the other may be ~")
        return None
    return NameEntry(sides["zh"], sides["en"], item.line)


def add_entry(check: Checker, table: dict[str, NameEntry], entry: NameEntry,
              kind: str) -> None:
    """File `entry` under both its forms; a form already filed is a problem (which would
    win is not for the loader to guess)."""
    for form in (entry.zh, entry.en):
        if form is None:
            continue
        if form in table and table[form] is not entry:
            check.fail(entry.line, f"{form!r} is already in {kind} (line "
                                   f"{table[form].line}); keep one entry")
            continue
        table[form] = entry
