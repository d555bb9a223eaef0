"""Markdown and raw HTML come out through an allowlist (nh3): no script, no handler, no script URL, no remote image;
the engine's own fragments are put in after the sanitiser and are left as they are."""
from __future__ import annotations

import re

import markdown
import pytest

from macros.render.inert import inert_text
from macros.render.markdown_extension import substitute, token_for, use_fragments
from macros.render.sanitise import sanitise

EXTENSIONS = ["attr_list", "md_in_html", "tables", "abbr", "admonition", "pymdownx.details", "toc",
              "macros.render.markdown_extension"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", ["[klicka](javascript:alert(1))", "[klicka](JAVASCRIPT:alert(1) \"titel\")",
                                  "[klicka](vbscript:msgbox(1))", "![bild](data:image/svg+xml;base64,PHN2Zz4=)",
                                  "[klicka](&#106;avascript:alert(1))", "<a href=\"javascript:alert(1)\">klicka</a>",
                                  "<img/src=x onerror=alert(1)>", "<svg onload=alert(1)></svg>",
                                  "<div markdown=\"1\" onmouseover='alert(1)'>text</div>",
                                  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                                  "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                                  "<svg><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
                                  "<form action=\"javascript:alert(1)\"><button>x</button></form>",
                                  "# Rubrik {: onclick=\"alert(1)\" }", "<object data=\"x.swf\"></object>",
                                  "<embed src=\"x.swf\">", "<style>body{display:none}</style>",
                                  "<link rel=stylesheet href=https://evil.example/x.css>",
                                  "<base href=\"https://evil.example/\">", "<meta http-equiv=refresh content=0>",
                                  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                                  "<details open ontoggle=alert(1)>x</details>", "<input autofocus onfocus=alert(1)>"])
def test_scripts_handlers_and_script_urls_do_not_survive(text):
    tags = " ".join(re.findall(r"<[^>]*>", render(text).lower()))
    for word in ("javascript", "vbscript", "data:", " on", "srcdoc", "<script", "<iframe", "<object", "<embed",
                 "<style", "<link", "<base", "<meta", "<form", "<svg", "<math", "<input", "<button"):
        assert word not in tags, (word, tags)


def test_remote_images_are_dropped_local_ones_kept():
    html = render("![ute](https://tracker.example/pixel.png) ![hemma](bilder/karta.png)")
    assert "tracker.example" not in html and 'src="bilder/karta.png"' in html and 'alt="hemma"' in html


def test_safe_links_keep_their_url_and_text():
    html = render("Se [rapporten](../kalmar/rapport.md#mal \"Mål\") och [Kolada](https://kolada.se/?a=1&b=2).")
    assert 'href="../kalmar/rapport.md#mal"' in html and 'title="Mål"' in html
    assert 'href="https://kolada.se/?a=1&amp;b=2"' in html and ">rapporten</a>" in html


def test_the_theme_and_engine_ids_cannot_be_claimed_by_a_page():
    html = render('<div id="__search">x</div><p id="rv-chart">y</p><p id="egen">z</p>')
    assert 'id="__search"' not in html and 'id="rv-chart"' not in html and 'id="egen"' in html


def test_table_alignment_survives_but_no_other_style():
    html = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert 'style="text-align:right"' in html and 'style="text-align:left"' in html
    assert "color" not in sanitise('<table><tr><td style="color: red; text-align: right">1</td></tr></table>')


def test_fragments_are_put_in_after_the_sanitiser_and_only_for_their_token():
    token = token_for("test#1")
    fragment = '<div class="rv-chart" data-rv-figure="{&quot;a&quot;:1}"><script>nej</script></div>'
    use_fragments({token: fragment})
    html = render(f"Före\n\n{token}\n\nEfter <div data-rv-figure=x onclick=y>falsk</div>")
    assert fragment in html and f"<p>{token}</p>" not in html
    assert html.count("data-rv-figure") == 1 and "onclick" not in html
    assert substitute(f"<p>{token_for('okänd')}</p>", {}) == f"<p>{token_for('okänd')}</p>"


def test_data_text_is_inert_in_html_and_markdown():
    hostile = "[klick](javascript:alert(1)) *fet* <b>x</b> {: onclick=x } `kod`"
    html = render(f"Värdet är {inert_text(hostile)}.")
    assert "<a" not in html and "<em>" not in html and "<b>" not in html and "<code>" not in html
    assert "onclick" not in html.split("{:")[0] and "[klick](javascript:alert(1)) *fet* &lt;b&gt;x&lt;/b&gt;" in html
    assert render(inert_text("# inte en rubrik")).startswith("<p>")
    assert render(inert_text("- inte en lista")).startswith("<p>")
