"""Open data out: the DCAT-AP-SE catalogue, schema.org JSON-LD, and Kolada comparisons (pure, no mkdocs).

dcat.py       /data/dcat.rdf from the packages, the reports' front matter and the site config
jsonld.py     schema.org Dataset / Report dicts and a script block that is safe to print
kolada.py     the Kolada API v3 client (used only by scripts/kolada-refresh)
kolada_cache.py, comparisons.py   the committed cache and the Riket / Liknande kommuner lookup
"""
