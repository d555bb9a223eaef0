"""The search index Pagefind builds holds a page's content and none of the markup around it."""
from __future__ import annotations

import gzip
import json

from macros.render.search import build_index

PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test</title></head><body>
<main data-pagefind-body>
<h1 id="rubrik">Rubrikord<a class="headerlink" href="#rubrik">permalänkord</a></h1>
<p>Innehållsord i löptexten <span aria-hidden="true">ikonord</span></p>
<p class="rv-source">källord</p>
<figure><span class="rv-chart__meta">metaord</span><span class="rv-chart__source">diagramkällord</span>
<details class="rv-chart__data"><summary>knappord</summary><table><tr><td>tabellord</td></tr></table></details>
<p class="rv-chart__links"><a href="x.csv">nedladdningsord</a></p></figure>
<p class="rv-budget__legend">förklaringsord</p>
</main>
<nav>menyord</nav>
</body></html>
"""


def indexed_text(site) -> str:
    """The text of every indexed fragment, as Pagefind stores it (gzip, a signature, then JSON)."""
    texts = []
    for fragment in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        texts.append(json.loads(data[data.index(b"{"):])["content"])
    return " ".join(texts)


def test_markup_that_is_not_content_is_left_out_of_the_index(tmp_path):
    (tmp_path / "sida").mkdir()
    (tmp_path / "sida" / "index.html").write_text(PAGE, encoding="utf-8")
    assert build_index(tmp_path) == []
    text = indexed_text(tmp_path)
    assert [word for word in ("Rubrikord", "Innehållsord", "tabellord") if word not in text] == []
    left_out = ("permalänkord", "ikonord", "källord", "metaord", "diagramkällord", "knappord", "nedladdningsord",
                "förklaringsord", "menyord")
    assert [word for word in left_out if word in text] == []
