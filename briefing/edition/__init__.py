"""An honest edition (issue #15): what each text is, where editors break it, what the
translators changed, and whether shared quotations are translated alike.

* `schema`: the editorial keys `original`, `breaks`, `date`, `publication`, `notes`, and
  the translators' `notes` per paragraph, checked like the rest of the editorial files;
* `provenance`: what the reader is told about the original and its translation;
* `breaks`: editor-declared paragraph breaks, anchored to text like errata;
* `notes`: translator's notes, numbered on the page and in the PDFs;
* `quotations`: the same source sentence translated alike across documents;
* `citation`: a suggested citation per document and page.
"""
