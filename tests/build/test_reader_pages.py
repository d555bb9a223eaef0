"""What a reader meets first on a report page, built for real: title, breadcrumbs, original document, status that
follows the decision, key figures, footnotes in the text, history, previous/next within the series, start page."""
from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest

from macros.site import Site
from tests.conftest import DRIFT, SICK, make_project, run_build, write_package

BODY = """{{ key_figures([
    {"budget": "drift", "label": "Avvikelse mot budget, helår", "unit": "tkr"},
    {"deviations": "drift", "label": "Avvikelse mot budget", "largest": 1},
]) }}

## Ekonomin

Vården gick {{ value("drift", "avvikelse", enhet="Vård och omsorg", absolute=true) }} över budget.

## Utfall {{ value("drift", "utfall", enhet="Vård och omsorg") }}

{{ table("drift") }}
"""
NOTES = [{"where": {"enhet": "Vård och omsorg"}, "field": "avvikelse", "text": "Avvikelsen för vården är preliminär."}]
CORRECTED = [{"version": "1.0.0", "date": "2026-11-23", "summary": "Första publicering.", "commit": "abcdef1"},
             {"version": "1.0.1", "date": "2026-12-01", "summary": "Rättat utfall.", "why": "Fel i källans tabell.",
              "corrections": [{"file": "drift.csv", "row": 3, "field": "utfall", "old": "5300.5", "new": "5310.5"},
                              {"file": "sjuk.csv", "row": 2, "field": "varde", "old": "3", "new": "4"}]}]


def report(root: Path, src: str, title: str, committee: str, end: str, data: str, extra: str = "") -> None:
    page = root / "content" / src
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\ntitle: {title}\nreport:\n  organisation: Testkommun\n  committee: {committee}\n"
                    f"  type: delårsrapport\n  period: {{start: {end[:4]}-01-01, end: {end}}}\n  status: förslag\n"
                    f"  data: {data}\n{extra}---\n\nText om rapporten.\n", encoding="utf-8")


def project(root: Path) -> Path:
    drift = (DRIFT[0], {**DRIFT[1], "footnotes": NOTES})
    sick = (SICK[0], {**SICK[1], "suppress": {"fields": ["varde"], "below": 5}})
    config = make_project(root, BODY, {"drift": drift, "sjuk": sick})
    descriptor = root / "data" / "test" / "paket" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    descriptor.write_text(json.dumps({**package, "version": "1.0.1", "changes": CORRECTED}, ensure_ascii=False),
                          encoding="utf-8")
    page = root / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "  data: test/paket\n", '  data: test/paket\n  document_url: "https://www.testkommun.se/diarium/2024-13792"\n'),
        encoding="utf-8")
    write_package(root / "data" / "test" / "annat", {"drift": DRIFT})
    report(root, "tidigare.md", "Delårsrapport 2023", "Testnämnden", "2023-08-31", "test/annat")
    report(root, "senare.md", "Delårsrapport 2025", "Testnämnden", "2025-08-31", "test/annat")
    report(root, "annan.md", "Delårsrapport 2024", "Byggnämnden", "2024-08-31", "test/annat")
    return config


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lasare")
    result = run_build(project(root / "projekt"), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_title_and_heading_name_the_committee_and_the_organisation(built):
    report_page = page(built, "rapport")
    assert "<title>Testrapport – Testnämnden, Testkommun - Rapportverket</title>" in report_page
    heading = re.search(r'<h1 class="rv-report-title"[^>]*>(.*?)</h1>', report_page, re.S).group(1)
    assert text(heading) == "Testrapport – Testnämnden, Testkommun"


def test_breadcrumbs_are_a_labelled_ordered_list_ending_in_the_current_page(built):
    nav = re.search(r'<nav class="rv-breadcrumbs" aria-label="Du är här"[^>]*>(.*?)</nav>', page(built, "rapport"),
                    re.S).group(1)
    items = re.findall(r"<li[^>]*>(.*?)</li>", nav, re.S)
    assert "<ol" in nav and [text(i) for i in items] == ["Testkommun", "Testnämnden", "2024", "Testrapport"]
    assert 'aria-current="page"' in items[-1] and all("aria-current" not in i for i in items[:-1])


def test_the_original_document_is_linked_with_its_host(built):
    link = re.search(r'<a href="https://www.testkommun.se/diarium/2024-13792" rel="external">([^<]*)</a>',
                     page(built, "rapport"))
    assert link and link.group(1) == "Originalhandlingen på www.testkommun.se"


def test_previous_and_next_stay_within_the_series(built):
    def footer(path: str) -> dict[str, str]:
        found = re.findall(r'class="md-footer__link md-footer__link--(prev|next)" aria-label="[^:]+: ([^"]+)"',
                           page(built, path))
        return dict(found)
    assert footer("tidigare") == {"next": "Testrapport"}
    assert footer("rapport") == {"prev": "Delårsrapport 2023", "next": "Delårsrapport 2025"}
    assert footer("senare") == {"prev": "Testrapport"}
    assert footer("annan") == {}   # alone in its committee: no links at all, not the next page of the navigation


def test_key_figures_come_first_with_labels_words_and_footnotes(built):
    body = page(built, "rapport")
    figures = re.search(r'<section class="rv-figures".*?</section>', body, re.S).group(0)
    assert body.index('class="rv-figures"') < body.index('id="ekonomin"')
    cards = [text(c) for c in re.findall(r'<li class="rv-figures__card[^"]*">(.*?)</li>', figures, re.S)]
    assert cards == ["Avvikelse mot budget, helår −100,5 tkr ▼ underskott",
                     "Avvikelse mot budget – Vård och omsorg −300,5 tkr ▼ underskott"]
    assert 'data-rv-note="1"' in figures and "Avvikelsen för vården är preliminär." in figures


def test_a_footnoted_figure_in_the_text_has_its_marker_and_the_note_at_the_end(built):
    body = page(built, "rapport")
    sentence = re.search(r"<p>Vården gick (.*?) över budget\.</p>", body, re.S).group(1)
    assert text(sentence) == "300,5 tkr" and 'href="#rv-text-not-1"' in sentence
    notes = re.search(r'<section class="rv-text-notes".*?</section>', body, re.S).group(0)
    assert "Fotnoter till texten" in notes and 'id="rv-text-not-1"' in notes
    heading = re.search(r'<h2 id="utfall-[^"]*">(.*?)</h2>', body, re.S).group(1)
    assert "rv-noteref" not in heading   # no marker in a heading: it would reach the table of contents


def test_the_page_shows_its_own_history_with_corrections_masked_where_suppressed(built):
    body = page(built, "rapport")
    history = re.search(r'<section class="rv-history".*?</section>', body, re.S).group(0)
    entries = [text(e).replace(" :", ":") for e in re.findall(r"<li>(.*?)(?=<li>|</ol>)", history, re.S)]
    assert entries[0].startswith("Rättad 1 december 2026 – version 1.0.1: Rättat utfall. Varför: Fel i källans tabell.")
    assert "Drift · Vård och omsorg · Utfall 5 300,5 tkr 5 310,5 tkr" in entries[0]
    assert "Sjuk · Förvaltningen · Sjukfrånvaro skyddat skyddat" in entries[0]
    assert entries[1] == "Publicerad 23 november 2026 – version 1.0.0: Första publicering."
    assert 'href="../data/test/paket/#version-1.0.1"' in history and 'href="../data/test/paket/#versioner"' in history
    header = re.search(r'<dl class="rv-report-header__facts">.*?</dl>', body, re.S).group(0)
    assert 'href="#rv-historik">Rättad 1 december 2026 · 2 versioner</a>' in header


def test_the_start_page_lists_every_report_grouped_with_a_link_to_all(tmp_path):
    config = project(tmp_path / "projekt")
    (tmp_path / "projekt" / "content" / "index.md").write_text(
        '# Start\n\n{{ listing("reports", group="organisation") }}\n\n{{ listing("reports", limit=2) }}\n',
        encoding="utf-8")
    site = Site.load(config)
    assert site.errors == []
    listings = [html for token, html in site.fragments.by_token.items() if token in site.page("index.md").markdown]
    grouped, limited = listings
    assert re.findall(r'<h3 class="rv-listing__group" id="([^"]+)">', grouped) == ["testkommun"]
    assert len(re.findall(r'class="rv-listing__title"', grouped)) == 4
    assert len(re.findall(r'class="rv-listing__title"', limited)) == 2
    assert '<a href="rapporter/">Alla rapporter (4)</a>' in limited


NBSP = "\u00a0"


@pytest.mark.parametrize("epoch, status, line, warned", [
    ("1700000000", "Förslag till nämnden", f"Förslag till sammanträdet 29{NBSP}januari{NBSP}2025", False),
    ("1800000000", "Förslag – beslutet är inte inlagt", f"Förslag, beslutet 29{NBSP}januari{NBSP}2025 är inte inlagt",
     True)])
def test_the_status_follows_the_decision_date(tmp_path, monkeypatch, epoch, status, line, warned):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)   # 2023-11-14 and 2027-01-15; the meeting is 2025-01-29
    site = Site.load(make_project(tmp_path / "p", "Text."))
    header = site.page("rapport.md").header
    assert (header["status"], header["line"].split(" · ", 1)[1]) == (status, line)
    assert [(p.code, p.severity, p.page, p.field) for p in site.problems if p.code == "RV421"] == (
        [("RV421", "warning", "content/rapport.md", "report.status")] if warned else [])


def test_a_decided_report_says_so_with_date_and_paragraph(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    config = make_project(tmp_path / "p", "Text.")
    page = tmp_path / "p" / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: förslag", "status: beslutad"), encoding="utf-8")
    header = Site.load(config).page("rapport.md").header
    assert (header["status"], header["decision_label"], header["decision"]) == (
        "Beslutad", "Beslut", "Testnämnden, 2025-01-29, § 6")
    assert header["line"].endswith(f"Beslutad 29{NBSP}januari{NBSP}2025 § 6")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.kommunen.se/x", "https://", "ftp://kommunen.se/x",
                                 "https://kommunen.se/a b"])
def test_the_original_document_must_be_a_web_address(tmp_path, url):
    config = make_project(tmp_path / "p", "Text.")
    page = tmp_path / "p" / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  data: test/paket\n",
                                                             f"  data: test/paket\n  document_url: \"{url}\"\n"),
                    encoding="utf-8")
    problems = [(p.code, p.page, p.field) for p in Site.load(config).errors]
    assert problems == [("RV401", "content/rapport.md", "report.document_url")]


@pytest.mark.parametrize("card, message, hint", [
    ('{"budget": "drift", "lable": "x"}', "nyckeltal 1: okänd nyckel 'lable' för typen budget", "menade du 'label'?"),
    ('{"label": "x"}', "nyckeltal 1: anger ingen typ", "skriv exakt en av 'budget', 'deviations'"),
    ('{"budget": "drift", "goals": "drift"}', "nyckeltal 1: anger flera typer (budget, goals)", "skriv exakt en av"),
    ('{"deviations": "drift", "largest": 9}', "nyckeltal 1: 'largest' ska vara ett heltal mellan 1 och 6", "skriv"),
    ('{"value": "drift"}', "nyckeltal 1: typen value behöver 'column'", 'skriv t.ex. {"value": "drift"'),
    ('{"budget": "drfit"}', "nyckeltal 1: ", "menade du 'drift'?"),
    ('{"value": "drift", "column": "utfall", "where": {"enhet": "Vård"}}', "nyckeltal 1: värdet 'Vård' finns inte",
     "värden: 'Centralt', 'Vård och omsorg', 'Totalt'"),
])
def test_a_mistake_in_a_key_figure_names_the_page_line_card_and_choices(tmp_path, card, message, hint):
    body = f"Inledning.\n\n{{{{ key_figures([\n    {card},\n]) }}}}\n"
    errors = Site.load(make_project(tmp_path / "p", body)).errors
    assert len(errors) == 1, [e.format() for e in errors]
    error = errors[0]
    assert (error.page, error.line) == ("content/rapport.md", 16)   # the line of the call
    assert error.message.startswith(message) and hint in error.hint and "key_figures(" in error.message


def test_key_figures_are_recorded_as_reading_each_resource(tmp_path):
    body = '{{ key_figures([{"budget": "drift"}, {"value": "sjuk", "column": "varde", "where": {"ar": 2024, "typ": "total"}}]) }}'
    site = Site.load(make_project(tmp_path / "p", body))
    assert site.errors == []
    assert sorted((u.macro, u.resource) for u in site.uses) == [("key_figures", "drift"), ("key_figures", "sjuk")]


def test_a_preview_rebuild_reuses_a_page_with_every_fragment_and_file_it_made(tmp_path):
    """The preview builds again in the same process and takes unchanged pages from its cache: the re-used report
    page must still have its key figures, footnote markers, footnote list and history, its tables' files and its
    charts' embed pages (re-made when the renderer's stylesheets differ)."""
    from macros.render.markdown_extension import TOKEN
    config = project(tmp_path / "projekt")
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ chart("drift", x="enhet", y="avvikelse") }}\n',
                    encoding="utf-8")
    first, second = Site.load(config, preview=True), Site.load(config, preview=True)
    for site in (first, second):
        markdown = site.page("rapport.md").markdown
        tokens = [m.group(2) for m in TOKEN.finditer(markdown)]
        assert len(tokens) >= 5 and all(t in site.fragments.by_token for t in tokens)
    resolved = [[site.fragments.by_token[m.group(2)] for m in TOKEN.finditer(site.page("rapport.md").markdown)]
                for site in (first, second)]
    assert resolved[0] == resolved[1]
    assert any("Rapportens historik" in part for part in resolved[1])
    assert any("Fotnoter till texten" in part for part in resolved[1])
    files = [sorted(f.path for f in site.files if "/filer/" in f.path) for site in (first, second)]
    assert files[0] and files[0] == files[1]
    embeds = [{f.path: f.data for f in site.embeds(("assets/a.css",), "")} for site in (first, second)]
    assert embeds[0] and embeds[0] == embeds[1]
    restyled = {f.path: f.data for f in second.embeds(("assets/b.css",), "")}
    assert restyled.keys() == embeds[0].keys() and all(b"assets/b.css" in data for data in restyled.values())
