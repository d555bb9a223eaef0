"""mkdocs hooks (mkdocs.yml `hooks:`): publish data files, the data pages and plotly.js from the site itself."""
from __future__ import annotations

from pathlib import Path

import plotly
from mkdocs.structure.files import File, Files

from macros.components.data_page import data_page
from macros.data import load_catalog
from macros.render import render
from macros.session import data_url

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_URL = "assets/javascripts/vendor/plotly.min.js"


def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    catalog = load_catalog(root)
    files.append(File.generated(config, PLOTLY_URL, abs_src_path=str(PLOTLY_JS)))
    for package in catalog.packages.values():
        folder = root / Path(package.descriptor_file).parent
        files.append(File.generated(config, data_url(package.id, "datapackage.json"),
                                    abs_src_path=str(folder / "datapackage.json")))
        for resource in package.resources.values():
            files.append(File.generated(config, data_url(package.id, resource.csv_name),
                                        abs_src_path=str(root / resource.file)))
        body = render("data_page.html", page=data_page(package))
        markdown = f"---\ntitle: 'Data: {package.title.replace(chr(39), chr(39) * 2)}'\nrender_macros: false\n---\n\n{body}\n"
        files.append(File.generated(config, data_url(package.id, "index.md"), content=markdown))
    return files
