"""Markdown and raw HTML with script URLs or event handlers come out inert; front matter is escaped."""
from __future__ import annotations

import markdown
import pytest

from macros.markdown_safety import escape_front_matter, escape_values, neutralise_html, url_is_safe


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "macros.markdown_safety"])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)",
                                 "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
                                 "javascript\uff1aalert(1)", "\u202ejavascript:alert(1)", "file:///etc/passwd"])
def test_script_data_and_unknown_schemes_are_unsafe(url):
    assert not url_is_safe(url)


@pytest.mark.parametrize("url", ["sida.md", "../kalmar/rapport.md#mal", "#avsnitt", "https://kolada.se/?a=1&b=2",
                                 "mailto:registrator@kommun.se", "tel:+46485880", "data/test/paket/drift.csv"])
def test_relative_http_mail_and_phone_urls_are_safe(url):
    assert url_is_safe(url)


@pytest.mark.parametrize("text", ["[klicka](javascript:alert(1))", "[klicka](JAVASCRIPT:alert(1) \"titel\")",
                                  "[klicka](vbscript:msgbox(1))", "![bild](data:image/svg+xml;base64,PHN2Zz4=)",
                                  "[klicka](&#106;avascript:alert(1))", "<a href=\"javascript:alert(1)\">klicka</a>",
                                  "<img/src=x onerror=alert(1)>", "<svg onload=alert(1)></svg>",
                                  "<div markdown=\"1\" onmouseover='alert(1)'>text</div>",
                                  "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                                  "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                                  "<svg><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></svg>",
                                  "<form action=\"javascript:alert(1)\"><button>x</button></form>"])
def test_links_and_raw_html_are_neutralised(text):
    html = render(text).lower()
    assert "javascript" not in html.replace("&#106;", "j") and "vbscript" not in html and "data:" not in html
    assert "onerror" not in html and "onload" not in html and "onmouseover" not in html and "srcdoc" not in html


def test_safe_links_keep_their_url_and_text():
    html = render("Se [rapporten](../kalmar/rapport.md#mal \"Mål\") och [Kolada](https://kolada.se/?a=1&b=2).")
    assert 'href="../kalmar/rapport.md#mal"' in html and 'title="Mål"' in html
    assert 'href="https://kolada.se/?a=1&amp;b=2"' in html and ">rapporten</a>" in html


def test_chart_json_and_code_are_left_alone():
    chart = '<script type="application/json" id="d">{"x":"\\u003cimg onerror=1\\u003e"}</script>'
    assert neutralise_html(chart) == chart
    assert "&lt;a onclick=" in render("`<a onclick=alert(1)>`")


def test_front_matter_strings_are_escaped_once():
    meta = {"title": "<img src=x onerror=alert(1)>", "description": '"><script>alert(1)</script>', "report": {}}
    escape_front_matter(meta)
    escape_front_matter(meta)
    assert meta["title"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert meta["description"].startswith("&#34;&gt;&lt;script&gt;")
    assert escape_values({"organisation": "<b>Kommun</b>", "status_id": "forslag"})["organisation"] == \
        "&lt;b&gt;Kommun&lt;/b&gt;"
