"""Pages: what content/ holds, front matter, the macros of each page, generated pages, published files."""
