"""The CI templates municipalities copy: valid YAML, every command they call exists, and least privilege holds."""
import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "ci"
FILES = sorted(p for p in TEMPLATES.rglob("*") if p.suffix in (".yml", ".yaml"))
GITHUB = {p.name: p for p in FILES if "github" in p.parts}
GITLAB = TEMPLATES / "gitlab" / ".gitlab-ci.yml"


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:   # YAML 1.1 reads GitHub's `on:` as true
        data["on"] = data.pop(True)
    return data


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):(?!=)", text, re.M))


def commands(path: Path) -> list[str]:
    """Every shell line the file runs: GitHub `run:`, GitLab `script:` and `before_script:`."""
    data, found = load(path), []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "run" and isinstance(value, str):
                    found.extend(value.splitlines())
                elif key in ("script", "before_script") and isinstance(value, list):
                    found.extend(line for item in value for line in str(item).splitlines())
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(data)
    return [line.strip() for line in found if line.strip()]


def test_there_are_templates_for_both_hosts():
    assert set(GITHUB) == {"granskning.yml", "granskning-kommentar.yml", "publicera.yml"}
    assert GITLAB in FILES and (TEMPLATES / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_every_make_target_and_script_called_exists(path):
    lines = commands(path)
    assert lines, "the template runs nothing"
    targets, called = make_targets(), []
    for line in lines:
        words = shlex.split(line.replace("\\", ""), comments=True) if not line.startswith("{") else line.split()
        for index, word in enumerate(words):
            if word == "make" and index + 1 < len(words):
                called.append(words[index + 1])
                assert words[index + 1] in targets, f"{path.name}: make {words[index + 1]} is not in the Makefile"
            if word.startswith("scripts/"):
                script = ROOT / word
                called.append(word)
                assert script.is_file() and script.stat().st_mode & 0o111, f"{path.name}: {word} does not exist"
    if path.name != "granskning-kommentar.yml":   # it only posts text
        assert called, f"{path.name} calls no make target or script"


def test_the_review_calls_the_diff_and_the_readme_commands():
    review = " ".join(commands(GITHUB["granskning.yml"]))
    for command in ("make env", "make validate", "make site", "make test", "scripts/diff"):
        assert command in review
    gitlab = " ".join(commands(GITLAB))
    for command in ("make env", "make validate", "make site", "make test", "scripts/diff"):
        assert command in gitlab


def test_github_pull_requests_run_read_only_and_never_as_pull_request_target():
    for name, path in GITHUB.items():
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), name
    review = load(GITHUB["granskning.yml"])
    assert list(review["on"]) == ["pull_request"] and review["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in review["jobs"].values())
    assert "secrets." not in GITHUB["granskning.yml"].read_text(encoding="utf-8")


def test_the_comment_job_gets_only_what_it_needs_and_runs_no_code_of_the_pull_request():
    comment = load(GITHUB["granskning-kommentar.yml"])
    assert comment["on"] == {"workflow_run": {"workflows": ["Granskning"], "types": ["completed"]}}
    assert comment["permissions"] == {}
    [job] = comment["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [step.get("uses", "") for step in job["steps"]]
    assert not any(u.startswith("actions/checkout") for u in uses) and "make" not in " ".join(commands(
        GITHUB["granskning-kommentar.yml"])).split()


def test_only_the_deploy_job_may_write_to_pages():
    publish = load(GITHUB["publicera.yml"])
    assert publish["on"]["push"] == {"branches": ["main"]} and publish["permissions"] == {"contents": "read"}
    assert publish["jobs"]["publicera"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in publish["jobs"]["bygg"]
    assert [s.get("uses", "").split("@")[0] for s in publish["jobs"]["publicera"]["steps"]] == ["actions/deploy-pages"]


@pytest.mark.parametrize("name", ["granskning.yml", "publicera.yml"])
def test_builds_fetch_the_whole_history_and_keep_the_validation_cache(name):
    steps = next(iter(load(GITHUB[name])["jobs"].values()))["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/rapportverket"


def test_gitlab_keeps_history_and_cache_and_publishes_pages_only_from_the_default_branch():
    data = load(GITLAB)
    assert data["variables"]["GIT_DEPTH"] == "0"
    assert ".cache/rapportverket/" in data["default"]["cache"]["paths"]
    assert data["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert data["pages"]["artifacts"]["paths"] == ["public"]
    assert data["granskning"]["artifacts"]["expose_as"] == "Granskning"
    assert "RV_REVIEW_TOKEN" not in " ".join(" ".join(map(str, j.get("script", []))) for k, j in data.items()
                                                if isinstance(j, dict) and k != "kommentar")
