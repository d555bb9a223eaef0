"""The reader's site: generated navigation, report-type listings, indicator pages, glossary and the search index."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import ROOT

CONTENT = ROOT / "content"


@dataclass(frozen=True)
class Report:
    src: str
    url: str
    title: str
    organisation: str
    committee: str
    type: str
    end: dt.date

    @property
    def year(self) -> str:
        return str(self.end.year)


def reports() -> list[Report]:
    """The reports as the front matter says, read here with yaml (not with the engine): newest period end first,
    ties by organisation and title, as README and MACROS.md promise."""
    found = []
    for page in sorted(CONTENT.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
        if "report" not in meta:
            continue
        src = page.relative_to(CONTENT).as_posix()
        url = src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/"
        report = meta["report"]
        found.append(Report(src, url, meta["title"], report["organisation"], report["committee"], report["type"],
                            report["period"]["end"]))
    found.sort(key=lambda r: (r.organisation, r.title))
    return sorted(found, key=lambda r: r.end, reverse=True)


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def tabs(page: str) -> list[str]:
    return [" ".join(t.split()) for t in re.findall(r'class="md-tabs__link">(.*?)</a>', page, flags=re.S)]


def test_nav_is_not_written_by_hand():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^nav:", config, flags=re.M)


def test_tabs_are_the_organisations_from_front_matter(example_site):
    organisations = sorted({r.organisation for r in reports()})
    assert len(organisations) == 4
    shown = tabs(html(example_site, ""))
    assert [t for t in shown if t in organisations] == organisations
    assert {"Rapporttyper", "Nyckeltal", "Öppna data", "Ordlista"} <= set(shown)


def test_every_report_is_in_the_nav_under_organisation_committee_and_year(example_site):
    for report in reports():
        page = html(example_site, report.url)
        nav = page.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
        words = " ".join(re.sub(r"<[^>]+>", " ", nav).split())
        trail = " ".join([report.organisation, report.organisation, report.committee, report.committee,
                          report.year, report.year])
        assert trail in words and report.title in words, (report.url, words[:300])


def test_type_pages_list_every_report_of_that_type(example_site):
    listed = reports()
    for slug, kind in (("arsredovisningar", "årsredovisning"), ("delarsrapporter", "delårsrapport"),
                       ("tertialrapporter", "tertialrapport")):
        page = html(example_site, f"rapporter/{slug}")
        links = re.findall(r'class="rv-listing__title" href="\.\./\.\./([^"]+)"', page)
        assert links == [r.url for r in listed if r.type == kind], slug
    everything = re.findall(r'class="rv-listing__title" href="\.\./([^"]+)"', html(example_site, "rapporter"))
    assert everything == [r.url for r in listed]


def test_start_page_lists_every_report_by_organisation_newest_first_and_links_to_all(example_site):
    page = html(example_site, "")
    listed = reports()
    groups = re.findall(r'<h3 class="rv-listing__group" id="[^"]+">([^<]+)</h3>(.*?)</ul>', page, re.S)
    assert [name for name, _ in groups] == sorted({r.organisation for r in listed})
    for name, items in groups:
        links = re.findall(r'class="rv-listing__title" href="([^"]+)"', items)
        assert links == [r.url for r in listed if r.organisation == name], name
    assert sum(len(re.findall(r'rv-listing__title', items)) for _, items in groups) == len(listed)
    assert '<a href="rapporter/">Alla rapporter efter typ av rapport</a>' in page
    assert "data/borgholm/sn-arsredovisning-2024/" in page   # the datasets listing


def test_indicator_pages_collect_values_across_organisations(example_site):
    index = html(example_site, "nyckeltal")
    assert 'href="sjukfranvaro-total/"' in index
    sick = html(example_site, "nyckeltal/sjukfranvaro-total")
    assert all(org in sick for org in ("Borgholms kommun", "Gnesta kommun", "Kalmar kommun"))
    waiting = next(p for p in (example_site / "nyckeltal").iterdir() if p.name.endswith("-u23401"))
    text = (waiting / "index.html").read_text(encoding="utf-8")
    assert "102\u00a0dagar" in text and "kpis=U23401" in text
    assert 'href="../../gnesta/sn-delarsrapport-2023/"' in text


def test_glossary_explains_every_abbreviation_and_pages_have_tooltips(example_site):
    rows = (CONTENT / "includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
    abbreviations = dict(re.match(r"\*\[(.+?)\]: (.+)", row).groups() for row in rows if row.startswith("*["))
    glossary = html(example_site, "ordlista")
    for short, meaning in abbreviations.items():
        assert meaning in glossary, short
    report = html(example_site, "borgholm/sn-arsredovisning-2024")
    assert f'<abbr title="{abbreviations["IFO"]}">IFO</abbr>' in report
    assert not (example_site / "includes").exists()


def test_reports_indicator_and_data_pages_are_indexed_for_search_with_kind_and_filters(example_site):
    assert (example_site / "pagefind" / "pagefind.js").is_file()
    expected = {"gnesta/sn-delarsrapport-2023": ("sidtyp:Rapport", "organisation:Gnesta kommun",
                                                "rapporttyp:Delårsrapport", "år:2023"),
                "data/gnesta/sn-delarsrapport-2023": ("sidtyp:Data", "organisation:Gnesta kommun", "år:2023"),
                "nyckeltal/sjukfranvaro-total": ("sidtyp:Nyckeltal", "organisation:Gnesta kommun",
                                                 "organisation:Kalmar kommun")}
    for path, values in expected.items():
        page = html(example_site, path)
        assert page.count("data-pagefind-body") == 1, path
        for value in values:
            assert f'data-pagefind-filter="{value}"' in page, (path, value)
    for listing in ("", "ordlista", "nyckeltal", "data", "rapporter"):
        assert "data-pagefind-body" not in html(example_site, listing), listing


def test_the_report_header_separates_each_label_from_its_value(example_site):
    page = html(example_site, "borgholm/sn-arsredovisning-2024")
    header = page.split('<dl class="rv-report-header__facts">', 1)[1].split("</dl>", 1)[0]
    assert re.findall(r"</dt>\S", header) == [] and header.count("</dt> <dd>") >= 5


def test_report_front_matter_declares_what_the_navigation_needs():
    for page in CONTENT.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "\nreport:" in text:
            meta = yaml.safe_load(text.split("---")[1])["report"]
            assert {"organisation", "committee", "type", "period"} <= set(meta), page


def test_each_organisation_tab_opens_an_overview_of_its_reports_and_data(example_site):
    for report in reports():
        folder = report.src.split("/")[0]
        overview = html(example_site, folder)
        assert f"<h1>{report.organisation}</h1>" in overview
        assert f'href="../{report.url}"' in overview and 'href="../data/' in overview
    assert 'href="gnesta/" class="md-tabs__link"' in html(example_site, "")


def test_data_catalogue_lists_every_datapackage(example_site):
    catalogue = html(example_site, "data")
    for descriptor in (ROOT / "data").rglob("datapackage.json"):
        assert f'href="../{descriptor.parent.relative_to(ROOT).as_posix()}/"' in catalogue, descriptor
    assert 'href="data/" class="md-tabs__link"' in html(example_site, "")


def test_no_two_header_cells_touch_so_the_search_index_keeps_their_words_apart(example_site):
    touching = [str(p.relative_to(example_site)) for p in example_site.rglob("index.html")
                if re.search(r"</th><th", p.read_text(encoding="utf-8"))]
    assert touching == []
