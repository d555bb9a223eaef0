"""A chart's id (its embed address and its files) comes from its resource and options, not its place on the page."""
from __future__ import annotations

from macros.site import Site
from tests.conftest import make_project

SICK_CHART = '{{ chart("sjuk", x="ar", y="varde", series="typ", type="line") }}'
DRIFT_CHART = '{{ chart("drift", x="enhet", y="avvikelse", exclude={"niva": "summa"}) }}'
INSERTED = '{{ chart("drift", x="enhet", y="utfall", exclude={"niva": "summa"}, title="Utfall") }}'


def charts_of(tmp_path, name: str, body: str) -> dict[str, str]:
    site = Site.load(make_project(tmp_path / name, body))
    assert site.errors == []
    return {record.chart.title: record.chart.id for record in site.charts}


def test_inserting_a_chart_above_changes_no_other_charts_id(tmp_path):
    before = charts_of(tmp_path, "före", f"## A\n\n{SICK_CHART}\n\n## B\n\n{DRIFT_CHART}\n")
    after = charts_of(tmp_path, "efter", f"## Ny\n\n{INSERTED}\n\n## A\n\n{SICK_CHART}\n\n## B\n\n{DRIFT_CHART}\n")
    assert len(before) == 2 and len(after) == 3
    assert {title: after[title] for title in before} == before
    assert after["Utfall"] not in before.values()
    assert all(i.startswith(("diagram-sjuk-", "diagram-drift-")) for i in after.values())


def test_the_same_chart_twice_gets_a_second_id_and_every_chart_its_files_and_embed_page(tmp_path):
    site = Site.load(make_project(tmp_path / "p", f"{DRIFT_CHART}\n\n{DRIFT_CHART}\n"))
    first, second = [r.chart.id for r in site.charts]
    assert second == first + "-2"
    published = {f.path for f in site.files}
    for chart_id in (first, second):
        assert {f"rapport/filer/{chart_id}.csv", f"rapport/filer/{chart_id}-excel.csv"} <= published
    assert {f.path for f in site.embeds((), "")} == {f"rapport/diagram/{first}/index.html",
                                                     f"rapport/diagram/{second}/index.html"}
