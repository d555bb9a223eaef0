"""Git revisions for the review diff: checked names, the default base, each revision's files and what changed.

A revision given on the command line is never passed to git as it is: it must look like a revision name, it is
resolved with `rev-parse --verify --end-of-options`, and only the full commit id is used after that. A commit is
materialised as a temporary `git worktree` (git's own checkout, so the core reads what CI's checkout would hold and
can still read earlier data versions from Git); the working tree is used where it is.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import Problem

WORKING_TREE = "arbetskopian"
MAIN_BRANCHES = ("main", "origin/main")
CACHE = ".cache/rapportverket"   # the validation cache is no part of a change
# Branch names, tags, ids and ancestry (HEAD~2, main^1, @{u}); no ':' (a path) and never a leading '-' (an option).
_NAME = re.compile(r"^(?!-)[A-Za-z0-9._/@{}~^+-]{1,200}$")


@dataclass(frozen=True)
class Revision:
    label: str               # as the reviewer wrote it ("main", "HEAD~1"), or "arbetskopian"
    commit: str | None       # the full commit id; None for the working tree

    def to_dict(self) -> dict:
        return {"label": self.label, "commit": self.commit}


@dataclass(frozen=True)
class FileChange:
    status: str              # A added, D deleted, M modified, R renamed (git's letters), T type changed
    path: str                # the path in the newer revision (the older one for D)
    old_path: str | None = None   # for R: where the file was

    def to_dict(self) -> dict:
        return {"status": self.status, "path": self.path, **({"old_path": self.old_path} if self.old_path else {})}


class RevisionError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem.format())


def git(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, env=env)


def git_root(folder: Path) -> Path:
    result = git(folder, "rev-parse", "--show-toplevel")
    if result.returncode:
        raise RevisionError(Problem("RV611", f"{folder} ligger inte i ett Git-arkiv",
                                    "kör scripts/diff i projektets mapp (den som har mkdocs.yml och .git)"))
    return Path(result.stdout.decode().strip())


def resolve(root: Path, text: str) -> Revision:
    """A revision as given; RevisionError (RV610) when git does not know it."""
    if text in (WORKING_TREE, "WORKTREE"):
        return Revision(WORKING_TREE, None)
    if not _NAME.match(text):
        raise RevisionError(_unknown(text, "namnet har tecken som en Git-revision inte kan ha"))
    result = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{text}^{{commit}}")
    commit = result.stdout.decode().strip()
    if result.returncode or not re.fullmatch(r"[0-9a-f]{40,64}", commit):
        raise RevisionError(_unknown(text, "Git känner inte till den"))
    return Revision(text, commit)


def _unknown(text: str, why: str) -> Problem:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return Problem("RV610", f"okänd revision '{shown}': {why}",
                   "ange en gren, tagg eller commit som finns, t.ex. scripts/diff main HEAD (git log --oneline visar "
                   "commits; en gren från servern heter origin/<gren>)")


def default_base(root: Path) -> Revision:
    """Where the branch left main (the merge base); HEAD when there is no main."""
    head = resolve(root, "HEAD")
    for name in MAIN_BRANCHES:
        found = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
        if found.returncode == 0:
            base = git(root, "merge-base", "--end-of-options", found.stdout.decode().strip(), head.commit or "")
            if base.returncode == 0:
                return Revision(f"merge-base({name}, HEAD)", base.stdout.decode().strip())
    return head


@contextlib.contextmanager
def materialised(root: Path, revision: Revision) -> Iterator[Path]:
    """The project as it is in the revision: a temporary worktree, removed afterwards (the working tree as it is)."""
    if revision.commit is None:
        yield root
        return
    scratch = Path(tempfile.mkdtemp(prefix="rv-diff-"))
    tree = scratch / "tree"
    added = git(root, "worktree", "add", "--detach", "--quiet", "--end-of-options", str(tree), revision.commit)
    if added.returncode:
        shutil.rmtree(scratch, ignore_errors=True)
        raise RevisionError(Problem("RV611", f"revisionen {revision.label} kan inte checkas ut: "
                                    f"{added.stderr.decode(errors='replace').strip()[:200]}",
                                    "kontrollera att Git-arkivet är helt (i CI: fetch-depth: 0)"))
    try:
        yield tree
    finally:
        git(root, "worktree", "remove", "--force", str(tree))
        shutil.rmtree(scratch, ignore_errors=True)
        git(root, "worktree", "prune")


def changed_files(root: Path, base: Revision, head: Revision) -> list[FileChange]:
    """Every file that differs, renames found by git (-M); the working tree includes files not yet added."""
    if head.commit is not None:
        output = git(root, "diff", "--name-status", "-M", "-z", "--no-ext-diff", "--end-of-options",
                     base.commit or "", head.commit).stdout
        return _parse_name_status(output)
    with tempfile.TemporaryDirectory(prefix="rv-diff-index-") as scratch:
        # A private index holding the working tree, so untracked files count and renames to them are found;
        # the reviewer's own index is never touched.
        index = Path(scratch) / "index"
        real = Path(git(root, "rev-parse", "--git-path", "index").stdout.decode().strip())
        real = real if real.is_absolute() else root / real
        if real.is_file():
            shutil.copyfile(real, index)
        env = {**os.environ, "GIT_INDEX_FILE": str(index)}
        git(root, "add", "-A", "--", ".", f":(exclude){CACHE}", env=env)
        output = git(root, "diff", "--cached", "--name-status", "-M", "-z", "--no-ext-diff", "--end-of-options",
                     base.commit or "", env=env).stdout
    return _parse_name_status(output)


def _parse_name_status(output: bytes) -> list[FileChange]:
    parts = output.decode("utf-8", errors="replace").split("\0")
    changes, i = [], 0
    while i < len(parts) and parts[i]:
        status = parts[i][0]
        if status in "RC":
            changes.append(FileChange("R" if status == "R" else "A", parts[i + 2], parts[i + 1]))
            i += 3
        else:
            changes.append(FileChange(status, parts[i + 1]))
            i += 2
    return changes
