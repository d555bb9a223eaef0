"""Hostile strings in data, front matter and Markdown links are shown as text and never run in the browser."""
from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from tests.browser.conftest import QuietHandler
from tests.conftest import free_port, make_project, run_build

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><img src=x onerror=alert(3)>',
    "<svg onload=alert(4)>",
    "</script><script>alert(5)</script>",
    "javascript:alert(6)",
    '<a href="javascript:alert(7)">klicka</a>',
    "<a href=javascript:alert(8)>x</a>",
    '<iframe src="javascript:alert(9)"></iframe>',
    "<body onload=alert(10)>",
    "'-alert(11)-'",
    "{{ 7 * 7 }}",
    "\uff1cscript\uff1ealert(13)\uff1c/script\uff1e",
    "\u202egnp.exe",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(15)>",
    "<details open ontoggle=alert(16)>",
    "<input autofocus onfocus=alert(17)>",
    '<object data="javascript:alert(18)"></object>',
    "data:text/html,<script>alert(19)</script>",
    "vbscript:msgbox(20)",
    '<base href="javascript:alert(21)//">',
    '<a href="#" onclick="alert(22)">x</a>',
    "<br><b>fet</b><sup>2</sup>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(24)">',
]
LINKS = ["javascript:alert(31)", "JAVASCRIPT:alert(32)", "vbscript:msgbox(33)",
         "data:text/html;base64,PHNjcmlwdD5hbGVydCgzNCk8L3NjcmlwdD4=", "&#106;avascript:alert(35)"]


def hostile_resources() -> dict:
    rows = "".join('"' + p.replace('"', '""') + f'",{i + 1}\n' for i, p in enumerate(PAYLOADS))
    fields = [{"name": "etikett", "type": "string", "title": PAYLOADS[2]},
              {"name": "varde", "type": "integer", "title": PAYLOADS[3], "description": PAYLOADS[1], "unit": "antal"}]
    return {"hot": ("etikett,varde\n" + rows, {
        "title": PAYLOADS[0], "description": PAYLOADS[4], "period": PAYLOADS[15], "source": PAYLOADS[6],
        "schema": {"fields": fields},
        "footnotes": [{"where": {"etikett": PAYLOADS[1]}, "text": PAYLOADS[9]}]})}


def hostile_body() -> str:
    links = "\n".join(f"- [länk {n}]({url})" for n, url in enumerate(LINKS))
    return (f'{{{{ table("hot", caption={json.dumps(PAYLOADS[7])}) }}}}\n\n'
            f'{{{{ chart("hot", x="etikett", y="varde", title={json.dumps(PAYLOADS[8])}) }}}}\n\n'
            f'Värde: {{{{ value("hot", "varde", etikett={json.dumps(PAYLOADS[5])}) }}}}\n\n{links}\n\n'
            '<a href="javascript:alert(36)" onclick="alert(37)">rå länk</a>\n')


def make_hostile_project(root: Path) -> Path:
    config = make_project(root, hostile_body(), hostile_resources())
    page = root / "content" / "rapport.md"
    text = page.read_text(encoding="utf-8")
    for old, payload in (("title: Testrapport", PAYLOADS[2]), ("organisation: Testkommun", PAYLOADS[1]),
                         ("committee: Testnämnden", PAYLOADS[4]), ('diarienummer: "2024/13 792"', PAYLOADS[6])):
        key = old.split(":")[0]
        text = text.replace(old, f"{key}: {json.dumps(payload)}", 1)
    page.write_text(text.replace("---\n\n", f"description: {json.dumps(PAYLOADS[3])}\n---\n\n", 1), encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    port = free_port()
    result = run_build(make_hostile_project(root / "projekt"), root / "site", RV_SITE_URL=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(QuietHandler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.toLowerCase().startsWith('on')) bad.push(el.tagName + '[' + attr + ']');
    }
    const url = (el.getAttribute('href') || el.getAttribute('xlink:href') || el.getAttribute('src') || '')
      .replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
    if (/^(javascript|vbscript|data):/.test(url)) bad.push(el.tagName + ' ' + url.slice(0, 30));
  }
  for (const el of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), details[ontoggle], img[src="x"]'))
    bad.push('element ' + el.tagName);
  for (const s of document.scripts) {
    const own = s.src && new URL(s.src).origin === location.origin;
    if (!own && s.type !== 'application/json' && s.type !== 'application/ld+json')
      bad.push('script ' + (s.src || s.textContent.slice(0, 40)));
  }
  return bad;
}"""


@pytest.mark.parametrize("path", ["rapport/", "data/test/paket/", ""])
def test_hostile_strings_stay_text(browser, hostile_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_load_state("networkidle")
    for figure in page.locator("[data-rv-chart]").all():
        figure.scroll_into_view_if_needed()
        figure.hover()
    page.wait_for_timeout(300)
    for link in page.get_by_role("link", name="länk").all() + page.get_by_text("rå länk").all():
        link.click()
    assert page.url.startswith(hostile_url)
    injected = page.evaluate(INJECTED)
    assert injected == [], "\n".join(injected)
    assert dialogs == []
    context.close()


def test_payloads_are_visible_as_text_and_charts_render(browser, hostile_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(hostile_url + "rapport/")
    figure = page.locator("[data-rv-chart]").first
    figure.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-rv-chart] svg.main-svg') !== null")
    text = page.locator("article").inner_text()
    assert "<img src=x onerror=alert(2)>" in text and "<script>alert(1)</script>" in text
    assert "{{ 7 * 7 }}" in text and "49" not in text.split("Värde")[0][-40:]
    assert page.locator("[data-rv-chart] svg.main-svg").count() >= 1
    assert page.locator("[data-rv-chart] svg a").count() == 0
    assert len(PAYLOADS) >= 20
    context.close()
