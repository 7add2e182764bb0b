"""Names in the reader's language (issue 11): authors, editors, affiliations, publications
and publishers, on the English site in English (Chinese personal names in pinyin, surname
first) and on the Chinese site in Chinese, the name as printed beside them, marked with its
language.

* `surnames`: surname readings pypinyin does not know (单 Shan, 曾 Zeng) and compound surnames;
* `romanise`: a Chinese personal name in pinyin (习近平 → Xi Jinping);
* `book`: the editors' names file, `seeds/names.yml`, loaded and checked;
* `show`: what a page shows for each name, and what `check` lists as untranslated.
"""
from .book import NameBook, load_names
from .show import attach_names, name_findings, names_of, names_record, reviewer_of

__all__ = ["NameBook", "attach_names", "load_names", "name_findings", "names_of", "reviewer_of",
           "names_record"]
