"""mkdocs hooks (mkdocs.yml `hooks:`): publish data files and the data pages from the site itself."""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from macros.components.data_page import data_page
from macros.data import load_catalog
from macros.render import render
from macros.session import data_url



def on_files(files: Files, config) -> Files:
    root = Path(config["config_file_path"]).parent
    catalog = load_catalog(root)
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
