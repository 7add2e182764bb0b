"""Study sessions (issue #10): `seeds/sessions/<id>.yml` files, their pages on the site,
their printed handouts and their calendar entries.

* `load` — the session files, checked against the corpus (`file:line` errors);
* `types` — what kind of text each document is (`seeds/document_types.yml`);
* `pages` — the site's session pages, the sessions list and the home page's block;
* `handout` — the PDFs (Chinese, English, bilingual) per session;
* `calendar` — the `.ics` files;
* `scaffold` — `build.py new-session`.
"""
