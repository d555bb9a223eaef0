"""mkdocs hooks (mkdocs.yml `hooks:`): publish data files and the data pages from the site itself."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.components.data_page import data_page
from macros.data import load_catalog
from macros.embeds import write_embed_pages
from macros.accessibility_statement import STATEMENT_SRC, statement_markdown
from macros.errors import ReportError
from macros.markdown_safety import escape_front_matter, escape_section_titles, escape_values
from macros.page_checks import check_pages
from macros.render import render
from macros.session import data_url
from macros import site_search
from macros.navigation import build_nav, collect_pages
from macros.site_pages import (data_catalogue_page, extra_nav, indicator_site_pages, organisation_indexes,
                                organisation_pages, report_type_pages)
from macros.adapter import publishing


def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    catalog = load_catalog(root, check_hashes=publishing())  # same key as the macros' load: a cache hit
    for package in catalog.packages.values():
        folder = root / Path(package.descriptor_file).parent
        files.append(File.generated(config, data_url(package.id, "datapackage.json"),
                                    abs_src_path=str(folder / "datapackage.json")))
        for resource in package.resources.values():
            files.append(File.generated(config, data_url(package.id, resource.csv_name),
                                        abs_src_path=str(root / resource.file)))
        earlier = _earlier_versions(files, config, root, package)
        body = render("data_page.html", page=data_page(package, earlier))
        markdown = f"---\ntitle: 'Data: {package.title.replace(chr(39), chr(39) * 2)}'\nrender_macros: false\n---\n\n{body}\n"
        files.append(File.generated(config, data_url(package.id, "index.md"), content=markdown))
    _add_site_pages(files, config, list(catalog.packages.values()))
    _publish_suppressed(files, config, catalog)
    files.append(File.generated(config, STATEMENT_SRC, content=_accessibility_statement(config),
                                inclusion=InclusionLevel.NOT_IN_NAV))   # linked from every page's footer
    return files


def _accessibility_statement(config) -> str:
    """The tillgänglighetsredogörelse from extra.rapportverket.accessibility; a mistake in it stops the build."""
    options = (config["extra"].get("rapportverket") or {}).get("accessibility")
    try:
        return statement_markdown(options, config["site_name"])
    except ReportError as error:
        from macros.adapter import log_problems
        log_problems(error.problems)
        raise PluginError(f"{len(error.problems)} fel i tillgänglighetsredogörelsens uppgifter i mkdocs.yml.") from None


def on_config(config):
    """Navigation organisation → committee → year → report, generated from the reports' front matter."""
    _check_search_options(config)
    pages = collect_pages(Path(config["docs_dir"]))
    session = getattr(config.plugins.get("macros"), "rv_session", None)
    if session is not None:
        session.pages = pages   # for {{ listing() }}
    if not config.get("nav") or config.get("rv_generated_nav"):
        packages = list(load_catalog(Path(config["config_file_path"]).parent,
                                     check_hashes=publishing()).packages.values())
        indicators, _ = indicator_site_pages(packages, pages)
        config["nav"] = build_nav(pages, extra_nav(pages, packages, indicators), organisation_indexes(pages))
        config["rv_generated_nav"] = True
    return config


def _check_search_options(config) -> None:
    """extra.rapportverket.search: a mistake stops the build; the theme prints the checked synonyms."""
    options = (config["extra"].get("rapportverket") or {}).get("search") or {}
    try:
        options["synonyms"] = site_search.synonym_groups(options.get("synonyms"))
    except ReportError as error:
        from macros.adapter import log_problems
        log_problems(error.problems)
        raise PluginError(f"{len(error.problems)} fel i sökningens inställningar i mkdocs.yml.") from None


def _add_site_pages(files: Files, config, packages: list) -> None:
    pages = collect_pages(Path(config["docs_dir"]))
    indicators, indicator_files = indicator_site_pages(packages, pages)
    config["rv_search_entries"] = site_search.search_entries(pages, packages, indicators)   # on_page_context
    for src, markdown in {**report_type_pages(pages), **indicator_files,
                          **organisation_pages(pages, packages), **data_catalogue_page(packages)}.items():
        files.append(File.generated(config, src, content=markdown))


def on_page_context(context, page, config, nav):
    """Pagefind indexes report, indicator and data pages, with their kind, organisation, committee, type, year."""
    entries = config.get("rv_search_entries") or {}
    page.meta["rv_search"] = site_search.page_attributes(entries.get(page.file.src_uri))
    return context


def on_post_build(config) -> None:
    write_embed_pages(Path(config["site_dir"]))   # every chart also on a page of its own, for iframes
    problems = site_search.build_index(Path(config["site_dir"]))
    if problems:
        raise PluginError("\n".join(p.format() for p in problems))


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Front matter reaches theme templates that do not autoescape: escape the strings they print."""
    escape_front_matter(page.meta)
    if "title" in page.meta:
        page.title = page.meta["title"]
    if isinstance(page.meta.get("rv_header"), dict):
        page.meta["rv_header"] = escape_values(page.meta["rv_header"])
    return markdown


def on_nav(nav, config, files):
    """Unreadable front matter, links and nav entries to missing pages, a report declared twice: stop first."""
    sources = {f.src_uri: Path(f.abs_src_path).read_text(encoding="utf-8") if f.abs_src_path else ""
               for f in files.documentation_pages()}
    problems = check_pages(sources, config.get("nav"))
    if problems:
        from macros.adapter import log_problems
        from mkdocs.exceptions import PluginError
        log_problems(problems)
        raise PluginError(f"{len(problems)} fel på sidorna – inget publicerades. Rätta felen ovan och bygg igen.")
    escape_section_titles(nav.items)
    return nav


def _earlier_versions(files: Files, config, root: Path, package) -> list:
    """Publish data/<package>/v<version>/<file> for each earlier version recorded in `changes`, read from Git."""
    from macros.adapter import log_problems
    from macros.data.versions import earlier_versions
    from macros.errors import Problem
    folder = Path(package.descriptor_file).parent.as_posix()
    earlier, failed = earlier_versions(root, folder, package.descriptor)
    for version in earlier:
        for name, content in version.files:
            files.append(File.generated(config, data_url(package.id, f"v{version.version}/{name}"), content=content))
    log_problems([Problem("RV143", f"version {v} av {package.id} kan inte läsas ur Git; dess filer publiceras inte",
                          "bygg från en fullständig Git-klon (t.ex. fetch-depth: 0 i CI) eller rätta \"commit\" "
                          "i changes", file=package.descriptor_file, severity="warning") for v in failed])
    return earlier


def _publish_suppressed(files: Files, config, catalog) -> None:
    """A resource with `suppress` is downloaded as a suppressed copy, in every published version (data/README.md)."""
    from macros.data.suppression import suppress_csv
    for package in catalog.packages.values():
        for resource in package.resources.values():
            if not resource.suppress_below:
                continue
            prefix, name = data_url(package.id, ""), resource.csv_name
            for file in [f for f in files if f.src_uri.startswith(prefix) and f.src_uri.endswith("/" + name)]:
                text = suppress_csv(file.content_string, resource.suppress_fields, resource.suppress_below)
                files.remove(file)
                files.append(File.generated(config, file.src_uri, content=text))
