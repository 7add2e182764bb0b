"""The translators' round trip: documents out as XLIFF 2.1 or PO for a CAT tool, back in
as `seeds/translations/<id>.yml`, and a translation memory (TMX) made of the corpus's
reviewed translations.

    units (what a translator is given, per paragraph) -> xliff / po (the files)
    memory (reviewed pairs: paragraphs, sentences, quotations) -> suggestions, TMX
    importer (files -> checked units -> translation files, written atomically)
"""
