"""A stranger's pull request: no code runs, nothing private leaks, nothing foreign is published (SECURITY.md).

Each class of hole is attacked here with its own cases: template injection through data and front matter,
sandbox escapes, symlinks, includes, foreign files, network references, option injection, suppression recovery,
spreadsheet formulas, YAML bombs, oversized input and a build killed around the swap. A case passes when the
build stops with a located message, or when the output is inert.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from macros.site import Site
from tests.conftest import DRIFT, DRIFT_SCHEMA, SICK, make_project, run_build, write_package

GOOD_BODY = 'Resultat: {{ value("drift", "avvikelse", enhet="Totalt") }}.\n\n{{ table("drift") }}\n'
INJECTIONS = ["{{ 7 * 7 }}", "{% include 'mkdocs.yml' %}", "{{ ''.__class__.__mro__ }}",
              "---\ntitle: kapat\n---\n{{ 6 * 6 }}", "{% raw %}x{% endraw %}"]


def codes(config: Path) -> list[tuple[str, str]]:
    """(code, place) of every error the core finds, without building."""
    return [(p.code, p.place()) for p in Site.load(config).errors]


def project(tmp_path: Path, body: str = GOOD_BODY, resources: dict | None = None) -> Path:
    return make_project(tmp_path / "projekt", body, resources)


# --- sandbox: a page may only call the documented macros -------------------------------------------------------

@pytest.mark.parametrize("body,code", [
    ("{{ value.__globals__ }}", "RV417"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "RV417"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "RV417"),
    ("{{ lipsum.__globals__['os'].environ }}", "RV417"),
    ("{{ self._TemplateReference__context }}", "RV417"),
    ("{{ config }}", "RV404"),
    ("{{ cycler }}", "RV404"),
    ("{{ page.meta }}", "RV417"),
    ("{% include '/etc/passwd' %}", "RV417"),
    ("{% import 'mkdocs.yml' as m %}", "RV417"),
    ("{% extends 'base.html' %}", "RV417"),
    ("{% for x in range(10**9) %}x{% endfor %}", "RV417"),
    ("{{ 'a' * 1000000000 }}", "RV417"),
    ("{{ value('drift' | attr('__class__'), 'utfall') }}", "RV417"),
    ("{% set x = 1 %}", "RV417"),
    ("{{ table(**{'resource': 'drift'}) }}", "RV417"),
    ("{{ table }}", "RV417"),
    ("{{ table('drift')['__class__'] }}", "RV417"),
])
def test_a_page_cannot_reach_python_files_or_the_environment(tmp_path, body, code):
    found = codes(project(tmp_path, f"Text.\n\n{body}\n"))
    assert (code, "content/rapport.md:16") in found, found


def test_two_syntax_errors_on_two_pages_are_reported_in_one_run(tmp_path):
    config = project(tmp_path, 'Text\n{{ table("drift" }}\n')
    (config.parent / "content" / "andra.md").write_text("# Andra\n\nx\n\n{{ value( }}\n", encoding="utf-8")
    found = codes(config)
    assert ("RV405", "content/rapport.md:15") in found and ("RV405", "content/andra.md:5") in found, found


# --- template injection through data and front matter: shown as text, never evaluated ------------------------

@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("injektion")
    rows = "".join(f'"{p.replace(chr(34), chr(34) * 2)}",{i + 1}\n' for i, p in enumerate(INJECTIONS))
    fields = [{"name": "etikett", "type": "string", "title": INJECTIONS[0]},
              {"name": "varde", "type": "integer", "title": INJECTIONS[2]}]
    hot = ("etikett,varde\n" + rows, {"title": INJECTIONS[3], "description": INJECTIONS[1], "source": INJECTIONS[0],
                                      "period": INJECTIONS[4], "schema": {"fields": fields},
                                      "footnotes": [{"where": {"etikett": INJECTIONS[0]}, "text": INJECTIONS[3]}]})
    body = ('{{ table("hot") }}\n\n{{ chart("hot", x="etikett", y="varde") }}\n\n'
            'Värde: {{ value("hot", "etikett", varde=1) }}.\n')
    config = make_project(root / "projekt", body, {"hot": hot, "drift": DRIFT})
    descriptor = root / "projekt" / "data" / "test" / "paket" / "datapackage.json"
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data.update(title="'\n---\n{{ 5 * 5 }}", organisation="{{ 4 * 4 }}", committee="{% include 'mkdocs.yml' %}")
    descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page = root / "projekt" / "content" / "rapport.md"
    text = page.read_text(encoding="utf-8").replace("title: Testrapport", 'title: "{{ 3 * 3 }}\\n---"')
    text = text.replace("committee: Testnämnden", "committee: \"{% include 'mkdocs.yml' %}\"")
    page.write_text(text.replace('diarienummer: "2024/13 792"', 'diarienummer: "{{ 2 * 2 }}"'), encoding="utf-8")
    result = run_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.mark.parametrize("page", ["rapport/index.html", "data/test/paket/index.html", "index.html",
                                  "rapporter/index.html"])
def test_text_from_data_and_front_matter_is_never_evaluated(injected_site, page):
    html = (injected_site / page).read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|script)\b.*?</\1>", " ", html, flags=re.S))
    for result in ("49", "36", "25", "16"):
        assert not re.search(rf"(?<![\d,.\u00a0]){result}(?![\d,.\u00a0])", text), (page, result)
    assert "site_name" not in text
    assert "kapat" not in re.search(r"<title>(.*?)</title>", html, re.S).group(1).split("\n")[0]


def test_injected_text_is_shown_as_written(injected_site):
    html = (injected_site / "rapport" / "index.html").read_text(encoding="utf-8")
    assert '<h1 class="rv-report-title">{{ 3 * 3 }}\n---<span class="rv-report-title__sub">' in html
    assert "<dd>{{ 2 * 2 }}</dd>" in html
    assert "{{ 7 * 7 }}" in html and "{% include &#39;mkdocs.yml&#39; %}" in html.replace("&#x27;", "&#39;")
    data_page = (injected_site / "data" / "test" / "paket" / "index.html").read_text(encoding="utf-8")
    assert "<title>Data: &#39;\n---\n{{ 5 * 5 }}" in data_page.replace("&#x27;", "&#39;")


def test_every_published_html_page_carries_the_policy(injected_site):
    pages = [p for p in injected_site.rglob("*.html") if "<html" in p.read_text(encoding="utf-8")]
    missing = [str(p) for p in pages if "Content-Security-Policy" not in p.read_text(encoding="utf-8")]
    assert len(pages) >= 8 and missing == []


def test_a_unit_outside_the_vocabulary_is_refused_also_without_a_kind(tmp_path):
    hostile = {"fields": [{"name": "etikett", "type": "string"},
                          {"name": "varde", "type": "integer", "unit": "<img src=x onerror=alert(1)>"}]}
    config = project(tmp_path, GOOD_BODY, {"hot": ("etikett,varde\na,1\n", {"schema": hostile}), "drift": DRIFT})
    assert ("RV224", "data/test/paket/datapackage.json:hot.varde") in codes(config)


# --- content/ publishes only pages, images and PDFs; no symlinks; no includes ---------------------------------

@pytest.mark.parametrize("name", ["skript.js", "sida.html", "stil.css", "bild.svg", "data.json", "mall.j2"])
def test_a_file_of_another_type_in_content_stops_the_build(tmp_path, name):
    config = project(tmp_path)
    (config.parent / "content" / name).write_text("alert(1)", encoding="utf-8")
    assert ("RV410", f"content/{name}") in codes(config)


def test_hidden_files_are_not_published(tmp_path):
    config = project(tmp_path)
    (config.parent / "content" / ".hemlig.js").write_text("alert(1)", encoding="utf-8")
    assert run_build(config, tmp_path / "site").returncode == 0
    assert not list((tmp_path / "site").rglob(".hemlig.js"))


def test_a_symlinked_page_or_folder_in_content_stops_the_build(tmp_path):
    config = project(tmp_path)
    secret = tmp_path / "hemligt.md"
    secret.write_text("# Hemligt\n\nlösenord\n", encoding="utf-8")
    (config.parent / "content" / "lank.md").symlink_to(secret)
    (config.parent / "content" / "mapp").symlink_to(tmp_path)
    found = codes(config)
    assert ("RV411", "content/lank.md") in found and ("RV411", "content/mapp") in found, found


def test_a_symlinked_csv_in_data_stops_the_build(tmp_path):
    config = project(tmp_path)
    csv = config.parent / "data" / "test" / "paket" / "drift.csv"
    outside = tmp_path / "utanfor.csv"
    outside.write_text(csv.read_text(encoding="utf-8"), encoding="utf-8")
    csv.unlink()
    csv.symlink_to(outside)
    assert any(code in ("RV155", "RV102") for code, _ in codes(config))


def test_a_page_cannot_include_another_file(tmp_path):
    config = project(tmp_path, 'Text.\n\n--8<-- "mkdocs.yml"\n')
    assert ("RV419", "content/rapport.md:16") in codes(config)


def test_an_extension_that_reads_files_is_refused_in_mkdocs_yml(tmp_path):
    config = project(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - macros.render.markdown_extension", "  - macros.render.markdown_extension\n  - pymdownx.snippets"),
        encoding="utf-8")
    assert ("RV503", "mkdocs.yml:markdown_extensions") in codes(config)


# --- no network: descriptor references by URL are refused before anything is fetched -------------------------

@pytest.mark.parametrize("change,field", [
    (lambda d: d["resources"][0].update(dialect="https://evil.example/dialect.json"), "resources[drift].dialect"),
    (lambda d: d["resources"][0].update(schema="https://evil.example/schema.json"), "resources[drift].schema"),
    (lambda d: d["resources"][0].update(schema="schema.json"), "resources[drift].schema"),
    (lambda d: d.update(profile="https://evil.example/profile.json"), "profile"),
    (lambda d: d.update({"$schema": "http://evil.example/p.json"}), "$schema"),
    (lambda d: d["resources"][0].update(path="//evil.example/drift.csv"), "resources[drift].path"),
    (lambda d: d["resources"][0]["schema"].update(foreignKeys=[{"fields": "enhet", "reference": {
        "resource": "https://evil.example/x", "fields": "enhet"}}]), "resources[drift].schema.foreignKeys"),
])
def test_a_reference_to_the_network_is_refused_with_its_field(tmp_path, change, field):
    config = project(tmp_path)
    path = config.parent / "data" / "test" / "paket" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert ("RV150", f"data/test/paket/datapackage.json:{field}") in codes(config)


# --- values never become options ------------------------------------------------------------------------------

@pytest.mark.parametrize("commit", ["--output=/tmp/x", "HEAD", "main~1", "abc", "0" * 41, "-c core.pager=id"])
def test_a_commit_in_changes_must_be_a_hex_id(tmp_path, commit):
    config = project(tmp_path)
    path = config.parent / "data" / "test" / "paket" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["changes"] = [{"version": "0.9.0", "date": "2024-01-01", "summary": "x", "commit": commit},
                             {"version": "1.0.0", "date": "2024-02-01", "summary": "y"}]
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert ("RV154", "data/test/paket/datapackage.json:changes") in codes(config)


def test_an_old_descriptor_cannot_make_git_read_outside_its_folder(tmp_path):
    from macros.data.versions import committed_package
    root = tmp_path / "arkiv"
    (root / "data" / "p").mkdir(parents=True)
    (root / "hemlig.txt").write_text("lösenord", encoding="utf-8")
    (root / "data" / "p" / "datapackage.json").write_text(json.dumps(
        {"name": "p", "resources": [{"name": "x", "path": "../../hemlig.txt"}]}), encoding="utf-8")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    assert committed_package(root, "data/p") is None


# --- suppressed counts stay suppressed everywhere published ---------------------------------------------------

def test_nothing_published_describes_or_contains_the_unsuppressed_file(tmp_path):
    csv = "kategori,antal\nBarn,3\nVuxna,12\nÄldre,1\n"
    schema = {"fields": [{"name": "kategori", "type": "string", "title": "Kategori"},
                         {"name": "antal", "type": "integer", "title": "Antal", "unit": "personer"}]}
    resources = {"arenden": (csv, {"schema": schema, "suppress": {"fields": ["antal"], "below": 5}}), "drift": DRIFT}
    config = project(tmp_path, '{{ table("arenden") }}\n\n{{ chart("arenden", x="kategori", y="antal") }}\n',
                     resources)
    assert run_build(config, tmp_path / "site").returncode == 0
    source_digest = hashlib.sha256(csv.encode()).hexdigest()
    site = tmp_path / "site"
    published = (site / "data" / "test" / "paket" / "arenden.csv").read_text(encoding="utf-8")
    assert published == "kategori,antal\nBarn,\nVuxna,12\nÄldre,\n"
    everything = b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file())
    assert source_digest.encode() not in everything
    descriptor = json.loads((site / "data" / "test" / "paket" / "datapackage.json").read_text(encoding="utf-8"))
    entry = next(r for r in descriptor["resources"] if r["name"] == "arenden")
    assert entry["hash"] == "sha256:" + hashlib.sha256(published.encode()).hexdigest()
    assert entry["bytes"] == len(published.encode())
    page = (site / "rapport" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    assert ">1–4<" in article and ">3<" not in article and ">1<" not in article
    import html as html_module
    figure = json.loads(html_module.unescape(re.search(r'data-rv-figure="([^"]+)"', article).group(1)))
    hover = [text for pair in figure["data"][0]["customdata"] for text in pair]
    shown = figure["data"][0]["y"] + figure["data"][0]["x"] + hover
    assert 3 not in shown and 1 not in shown and "3" not in shown and "1–4" in shown
    # the table's and the chart's own files: the range as on the page (Excel) or empty (machine format)
    files = {p.name: p.read_bytes().decode("utf-8-sig") for p in (site / "rapport" / "filer").glob("*.csv")}
    assert len(files) == 4
    for name, text in files.items():
        cells = [cell for line in text.splitlines()[1:] for cell in re.split("[;,]", line)[1:]]
        assert "3" not in cells and "1" not in cells and "12" in cells, name
        assert cells.count("1–4" if name.endswith("-excel.csv") else "") == 2, name


def test_corrections_of_suppressed_cells_are_masked(tmp_path):
    from macros.data import load_package
    from macros.pages.publish import publish_package
    csv = "kategori,antal\nBarn,3\nVuxna,12\n"
    schema = {"fields": [{"name": "kategori", "type": "string"}, {"name": "antal", "type": "integer"}]}
    path = write_package(tmp_path / "data" / "t" / "p", {"arenden": (csv, {
        "schema": schema, "suppress": {"fields": ["antal"], "below": 5}})}, changes=[
        {"version": "1.0.0", "corrections": [{"file": "arenden.csv", "row": 2, "field": "antal", "old": "2",
                                              "new": "3"}]}])
    package = load_package(path, tmp_path)
    published, _ = publish_package(package, tmp_path, {"arenden": csv.encode()})
    assert published.descriptor["changes"][0]["corrections"][0]["old"] == "skyddat"
    assert b'"old": "2"' not in b"".join(f.data for f in published.files)


# --- downloads are safe to open in a spreadsheet -------------------------------------------------------------

def test_formula_cells_are_neutralised_in_the_download_and_warned_about(tmp_path):
    csv = 'namn,varde\n"=HYPERLINK(""http://evil.example"",""klicka"")",1\n+SUM(A1),2\n@cmd,3\n-2+3,4\nVanlig,5\n'
    schema = {"fields": [{"name": "namn", "type": "string"}, {"name": "varde", "type": "integer"}]}
    config = project(tmp_path, GOOD_BODY, {"lista": (csv, {"schema": schema}), "drift": DRIFT})
    site = Site.load(config)
    warnings = [(p.code, p.row) for p in site.problems if p.severity == "warning"]
    assert [row for code, row in warnings if code == "RV160"] == [2, 3, 4, 5]
    published = next(f.data for f in site.files if f.path.endswith("lista.csv")).decode("utf-8")
    cells = [line.split(",")[0] for line in published.splitlines()[1:]]
    assert all(cell.startswith(("'", '"\'', "Vanlig")) for cell in cells), cells
    assert "-2+3" not in published.replace("'-2+3", "")


# --- bounded input ----------------------------------------------------------------------------------------------

def _front(config: Path, extra: str) -> None:
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Testrapport\n", f"title: Testrapport\n{extra}"),
                    encoding="utf-8")


def test_a_yaml_alias_bomb_is_refused(tmp_path):
    config = project(tmp_path)
    bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
    _front(config, bomb)
    assert ("RV414", "content/rapport.md:3") in codes(config)


def test_deep_nesting_and_a_huge_front_matter_are_refused(tmp_path):
    config = project(tmp_path)
    _front(config, "djup: " + "[" * 5000 + "]" * 5000 + "\n")
    assert ("RV408", "content/rapport.md:1") in codes(config)
    _front(config, "lang: " + "x" * 70_000 + "\n")
    assert any(code == "RV413" for code, _ in codes(config))


def test_an_oversized_page_is_refused(tmp_path):
    config = project(tmp_path)
    (config.parent / "content" / "stor.md").write_text("# Stor\n\n" + "text " * 500_000, encoding="utf-8")
    assert ("RV413", "content/stor.md") in codes(config)


@pytest.mark.parametrize("data,code,line", [(b"# Sida\n\nA\x00B\n", "RV412", 3),
                                            ("# Sida\n\nÅsa\n".encode("latin-1"), "RV412", 3)])
def test_a_nul_byte_or_a_page_that_is_not_utf8_is_located(tmp_path, data, code, line):
    config = project(tmp_path)
    (config.parent / "content" / "trasig.md").write_bytes(data)
    assert (code, f"content/trasig.md:{line}") in codes(config)


def test_a_page_with_a_byte_order_mark_builds_like_any_other(tmp_path):
    config = project(tmp_path)
    page = config.parent / "content" / "rapport.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    site = Site.load(config)
    assert site.errors == [] and ("RV416", "content/rapport.md:1") in [(p.code, p.place()) for p in site.problems]
    assert site.page("rapport.md").header["organisation"] == "Testkommun"
    assert site.page("data/test/paket/index.md") is not None


@pytest.mark.parametrize("text,code,field", [
    ("title: [en, lista]", "RV415", "title"), ("description: {a: 1}", "RV415", "description")])
def test_a_list_where_a_text_belongs_is_located(tmp_path, text, code, field):
    config = project(tmp_path)
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Testrapport", text), encoding="utf-8")
    assert (code, f"content/rapport.md:{field}") in codes(config)


@pytest.mark.parametrize("change,code", [
    (lambda d: d["resources"][0].update(footnotes=["en text"]), "RV131"),
    (lambda d: d["resources"][0].update(rules="sum"), "RV131"),
    (lambda d: d.update(version="1.0"), "RV152"),
    (lambda d: d.update(version="v1.0.0"), "RV152"),
    (lambda d: d.update(title=["lista"]), "RV108"),
])
def test_descriptor_entries_of_the_wrong_form_are_located(tmp_path, change, code):
    config = project(tmp_path)
    path = config.parent / "data" / "test" / "paket" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert code in [c for c, _ in codes(config)]


def test_duplicate_json_keys_and_two_packages_with_one_name_are_errors(tmp_path):
    config = project(tmp_path)
    path = config.parent / "data" / "test" / "paket" / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"version": "1.0.0"', '"version": "1.0.0", "version": "2.0.0"', 1), encoding="utf-8")
    assert ("RV151", "data/test/paket/datapackage.json") in codes(config)
    path.write_text(text, encoding="utf-8")
    write_package(config.parent / "data" / "test" / "kopia", {"drift": DRIFT}, name="paket")
    assert ("RV153", "data/test/kopia/datapackage.json:name") in codes(config) or \
        ("RV153", "data/test/paket/datapackage.json:name") in codes(config)


@pytest.mark.parametrize("call,message", [('value("drift", "utfall", enhet="Totalt", decimals=99)', "decimals"),
                                          ('table("drift", limit=-1)', "limit"),
                                          ('table("drift", limit="tre")', "limit")])
def test_options_out_of_range_are_located(tmp_path, call, message):
    site = Site.load(project(tmp_path, f"{{{{ {call} }}}}\n"))
    assert [(p.code, p.line) for p in site.errors] == [("RV306", 14)] and message in site.errors[0].message


def test_an_impossible_date_is_located(tmp_path):
    config = project(tmp_path)
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("date: 2025-01-29", "date: 2025-02-30"),
                    encoding="utf-8")
    assert ("RV408", "content/rapport.md:8") in codes(config)


def _read_only_folder(tmp_path: Path) -> tuple[Path, callable]:
    """A folder this process cannot write to: chmod for a user, the immutable flag (or /proc) for root."""
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return folder, lambda: folder.chmod(0o755)
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        return folder, lambda: subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    return Path("/proc/rapportverket"), lambda: None


def test_a_read_only_site_folder_is_a_message_not_a_traceback(tmp_path):
    folder, undo = _read_only_folder(tmp_path)
    try:
        result = run_build(project(tmp_path), folder / "site")
    finally:
        undo()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "RV901" in output and "Traceback" not in output, output


# --- the swap is atomic and tidy ----------------------------------------------------------------------------

@pytest.mark.parametrize("point", ["before-swap", "after-swap"])
def test_a_build_killed_around_the_swap_leaves_a_complete_site(tmp_path, point):
    config = project(tmp_path)
    site = tmp_path / "site"
    assert run_build(config, site).returncode == 0
    before = (site / "rapport" / "index.html").read_text(encoding="utf-8")
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Resultat:", "Nytt resultat:"), encoding="utf-8")
    killed = run_build(config, site, RV_TEST_STOP_AT=point)
    assert killed.returncode != 0
    now = (site / "rapport" / "index.html").read_text(encoding="utf-8")
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert ("Nytt resultat" in now) == (point == "after-swap") and (now == before) == (point == "before-swap")
    leftovers = list(tmp_path.glob(".site-build-*"))
    assert leftovers, "the killed build leaves its folder behind"
    assert run_build(config, site).returncode == 0
    assert list(tmp_path.glob(".site-build-*")) == [] and "Nytt resultat" in (
        site / "rapport" / "index.html").read_text(encoding="utf-8")


def test_the_hostile_cases_here_are_more_than_forty():
    import inspect
    import sys
    module = sys.modules[__name__]
    count = 0
    for name, test in inspect.getmembers(module, inspect.isfunction):
        marks = getattr(test, "pytestmark", [])
        count += sum(len(m.args[1]) for m in marks if m.name == "parametrize") or (1 if name.startswith("test_") else 0)
    assert count >= 40, count
