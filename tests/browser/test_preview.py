"""The preview a communicator trusts: it reloads by itself after an edit, and shows mistakes on the page."""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, make_project

pytestmark = pytest.mark.browser
BODY = "Första versionen av texten.\n\n{{ table(\"drift\") }}\n"


@contextlib.contextmanager
def serving(config: Path):
    """scripts/serve on a free port for the project of config; yields the report page's URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "macros.cli", "serve", "--port", str(port), "--config-file",
                                str(config)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True, env={**os.environ, "RV_SITE_URL": f"http://127.0.0.1:{port}/"})
    url = f"http://127.0.0.1:{port}/rapport/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the preview did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    try:
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=20)[0].decode(errors="replace")
        print(output[-3000:])   # shown when the test fails


@pytest.fixture
def preview(tmp_path):
    config = make_project(tmp_path / "projekt", BODY)
    with serving(config) as url:
        yield config.parent / "content" / "rapport.md", url


def wait_until_shown(page, text: str, shown: bool = True) -> None:
    """Until the page says text (or no longer does); while live reload swaps the document, there is no body."""
    page.wait_for_function("([text, shown]) => !!document.body && document.body.innerText.includes(text) === shown",
                           arg=[text, shown], timeout=60000)


def _edit(page: Path, old: str, new: str) -> None:
    page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_edit_shows_without_a_manual_reload_and_a_mistake_shows_on_the_page(browser, preview):
    page_file, url = preview
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    assert "Första versionen" in page.locator("article").inner_text()
    _edit(page_file, "Första versionen av texten.", "Andra versionen, sparad i editorn.")
    wait_until_shown(page, "Andra versionen, sparad i editorn.")
    _edit(page_file, '{{ table("drift") }}', '{{ table("driften") }}')
    wait_until_shown(page, "RV301")
    alert = page.get_by_role("alert")
    assert "content/rapport.md:16" in alert.inner_text() and "menade du 'drift'?" in alert.inner_text()
    _edit(page_file, '{{ table("driften") }}', '{{ table("drift") }}')
    wait_until_shown(page, "RV301", shown=False)
    assert page.locator("table.rv-data").count() >= 1
    assert violations == []
    context.close()


def test_a_data_edit_is_marked_ej_slappt_in_the_preview_until_it_is_released(browser, tmp_path):
    from tests.build.test_release import release
    from tests.build.test_unreleased import correct_centralt, released_report
    config = released_report(tmp_path)
    with serving(config) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(url)
        header = page.get_by_role("region", name="Om rapporten")
        assert "Ej släppt" not in header.inner_text()
        correct_centralt(config.parent)
        wait_until_shown(page, "Ej släppt")
        text = header.inner_text()
        assert "Uppgifterna i drift.csv har ändrats sedan version 1.0.0 släpptes." in text
        assert "Resultat: 810" in page.locator("article").inner_text()
        assert release(config.parent / "data" / "test" / "paket", "--why", "Rättelse.").returncode == 0
        wait_until_shown(page, "Ej släppt", shown=False)
        assert "Version 1.0.1" in header.inner_text() and "Resultat: 810" in page.locator("article").inner_text()
        context.close()
