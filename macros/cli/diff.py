"""What a change does to the published reports, for the reviewer of a pull request: scripts/diff [BASE [HEAD]].

BASE is where the branch left main (the merge base; HEAD when there is no main), HEAD the working tree as it is
(write "arbetskopian" for it). Both are loaded by the core and compared: text per page word by word, front matter,
every changed cell (old → new, relative change), rows, schemas, releases, what a data change touches, validation
findings, and trusted files (mkdocs.yml, theme/, macros/, CI). Markdown for a pull-request comment, or --json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import Problem
from ..review.markdown import to_markdown
from ..review.revisions import WORKING_TREE, RevisionError, default_base, git_root, resolve
from ..review.review import review


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/diff", description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", help="revisionen att jämföra från (standard: där grenen lämnade main)")
    parser.add_argument("head", nargs="?", help=f"revisionen att jämföra till (standard: {WORKING_TREE}, "
                                                "filerna som de är nu)")
    parser.add_argument("--json", action="store_true", help="skriv granskningen som JSON")
    parser.add_argument("--preview-url", default=None,
                        help="förhandsvisningens adress för länkarna (standard: site_url i mkdocs.yml)")
    parser.add_argument("--threshold", type=float, default=10.0,
                        help="procent: större förändringar av en cell markeras (standard 10)")
    parser.add_argument("--config-file", default="mkdocs.yml", help="projektets mkdocs.yml, från projektets rot")
    parser.add_argument("--output", type=Path, help="skriv till filen i stället för till skärmen")
    parser.add_argument("--json-file", type=Path, help="skriv dessutom granskningen som JSON till filen (för CI)")
    parser.add_argument("-C", dest="folder", type=Path, default=Path.cwd(), help="projektets mapp (standard: här)")
    return parser.parse_args(argv)


def fail(problem: Problem) -> int:
    print(problem.format(), file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.threshold < 0:
        return fail(Problem("RV612", "--threshold ska vara ett tal ≥ 0", "skriv t.ex. --threshold 10 för 10 %"))
    config = Path(args.config_file)
    if config.is_absolute() or ".." in config.parts:
        return fail(Problem("RV612", f"--config-file '{args.config_file}' ska vara en sökväg inom projektet",
                            "skriv t.ex. --config-file mkdocs.yml"))
    try:
        root = git_root(args.folder)
        base = resolve(root, args.base) if args.base else default_base(root)
        head = resolve(root, args.head) if args.head else resolve(root, WORKING_TREE)
        if not (root / config).is_file() and head.commit is None:
            return fail(Problem("RV612", f"{config} finns inte i {root}", "kör scripts/diff i projektets mapp"))
        result = review(root, base, head, config=config.as_posix(), preview=args.preview_url,
                        threshold=args.threshold)
    except RevisionError as error:
        return fail(error.problem)
    as_json = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.json_file:
        args.json_file.write_text(as_json, encoding="utf-8")
    output = as_json if args.json else to_markdown(result)
    if args.output:
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0
