"""Publishing the generated pages with other site generators than the default MkDocs
(briefing/site.py): Zensical, Material for MkDocs' successor (zensical.py)."""
