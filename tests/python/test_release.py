"""The release workflow and the supply-chain rules of every workflow: which
tags release, in what order things are published, which job may do what,
and that every third-party action is pinned; `zizmor` finds nothing of high
severity. The release scripts run here against a stand-in `gh`."""

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT, tool

WORKFLOWS = ROOT / ".github" / "workflows"
RELEASE: dict[str, Any] = yaml.safe_load((WORKFLOWS / "release.yml").read_text())
JOBS: dict[str, Any] = RELEASE["jobs"]
VERSION = re.search(r'^version = "(.*)"$', (ROOT / "Cargo.toml").read_text(), re.MULTILINE).group(1)  # type: ignore[union-attr]


def trigger(document: dict[str, Any]) -> dict[str, Any]:
    # PyYAML reads the key `on` as the boolean True.
    return document.get("on") or document[True]


def filter_pattern(pattern: str) -> re.Pattern[str]:
    """GitHub's filter pattern syntax: `*` is any run without `/`, `+` one or
    more of what precedes, `[...]` a class; everything else is literal."""
    out = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "[":
            end = pattern.index("]", index)
            out += pattern[index : end + 1]
            index = end + 1
            continue
        out += {"*": "[^/]*", "+": "+"}.get(char, re.escape(char))
        index += 1
    return re.compile(out)


def releases(tag: str) -> bool:
    return any(filter_pattern(pattern).fullmatch(tag) for pattern in trigger(RELEASE)["push"]["tags"])


def test_only_full_version_tags_release() -> None:
    for tag in ["v0.1.0", "v1.2.3", "v10.20.30", "v1.2.3-rc.1", "v2.0.0-beta"]:
        assert releases(tag), tag
    for tag in ["v1", "v1.2", "v0", "1.2.3", "v1.2.x", "latest", "v1.2.3.4"]:
        assert not releases(tag), tag
    assert set(trigger(RELEASE)) == {"push", "workflow_dispatch"}
    assert "branches" not in trigger(RELEASE)["push"]


def needs(job: str) -> set[str]:
    value = JOBS[job].get("needs", [])
    return {value} if isinstance(value, str) else set(value)


def upstream(job: str) -> set[str]:
    seen: set[str] = set()
    todo = list(needs(job))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(needs(name))
    return seen


def test_everything_is_built_and_attested_before_anything_is_published() -> None:
    builds = {"binaries", "wheels", "sdist"}
    for build in builds:
        assert needs(build) == {"plan"}
    assert builds <= needs("attest")
    assert "attest" in needs("draft")
    assert "draft" in needs("pypi")
    assert "pypi" in needs("publish")
    assert upstream("publish") == {"plan", "binaries", "wheels", "sdist", "attest", "draft", "pypi"}
    # The release is created as a draft with every asset, and made public last.
    draft = JOBS["draft"]["steps"][-1]["run"]
    assert "--draft" in draft and "--verify-tag" in draft
    assert "--draft=false" in JOBS["publish"]["steps"][-1]["run"]
    assert not any("gh release" in step.get("run", "") for name in builds for step in JOBS[name]["steps"])


def test_the_tag_must_be_the_version_and_ci_must_have_passed() -> None:
    plan = " ".join(step.get("run", "") for step in JOBS["plan"]["steps"])
    assert 'scripts/release/check-version "$REF_NAME"' in plan
    assert 'scripts/release/wait-for-ci "$SHA"' in plan
    assert JOBS["plan"]["permissions"] == {"contents": "read", "actions": "read"}


def test_a_manual_run_builds_everything_and_publishes_nothing() -> None:
    assert trigger(RELEASE)["workflow_dispatch"] is None
    publishing = {"attest", "draft", "pypi", "publish"}
    for name in publishing:
        assert JOBS[name]["if"] == "needs.plan.outputs.publish == 'true'", name
    for name in set(JOBS) - publishing:
        assert "if" not in JOBS[name], name
    plan = JOBS["plan"]["steps"][1]["run"]
    assert 'if [ "$EVENT" = push ]' in plan
    assert plan.count('echo "publish=true"') == 1 and plan.count('echo "publish=false"') == 1


def test_every_job_has_only_the_permissions_it_needs() -> None:
    assert RELEASE["permissions"] == {}
    expected = {
        "plan": {"contents": "read", "actions": "read"},
        "binaries": {"contents": "read"},
        "wheels": {"contents": "read"},
        "sdist": {"contents": "read"},
        "attest": {"contents": "read", "id-token": "write", "attestations": "write"},
        "draft": {"contents": "write"},
        "pypi": {"id-token": "write"},
        "publish": {"contents": "write"},
    }
    assert {name: job["permissions"] for name, job in JOBS.items()} == expected
    # Trusted publishing: no stored token, through a protected environment.
    assert JOBS["pypi"]["environment"]["name"] == "pypi"
    publish = JOBS["pypi"]["steps"][-1]
    assert publish["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert "password" not in publish.get("with", {})
    assert "secrets." not in (WORKFLOWS / "release.yml").read_text()
    # The jobs that run the crate's build scripts keep no credentials.
    for name in ["binaries", "wheels", "sdist"]:
        checkout = JOBS[name]["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@")
        assert checkout["with"]["persist-credentials"] is False


def test_attestations_cover_every_archive_and_wheel() -> None:
    attest = JOBS["attest"]["steps"][-1]
    assert attest["uses"].startswith("actions/attest-build-provenance@")
    assert attest["with"]["subject-path"].split() == ["dist/*.tar.gz", "dist/*.whl"]
    uploads = {
        name: [step["with"]["path"] for step in JOBS[name]["steps"] if "upload-artifact" in step.get("uses", "")]
        for name in ["binaries", "wheels", "sdist"]
    }
    assert uploads == {"binaries": ["dist/*"], "wheels": ["pypi/dist/*.whl"], "sdist": ["pypi/dist/*.tar.gz"]}


def every_uses() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in [*sorted(WORKFLOWS.glob("*.yml")), ROOT / "action.yml"]:
        document = yaml.safe_load(path.read_text())
        steps = [step for job in document.get("jobs", {}).values() for step in job.get("steps", [])]
        steps += document.get("runs", {}).get("steps", [])
        found += [(path.name, step["uses"]) for step in steps if "uses" in step]
    return found


def test_every_third_party_action_is_pinned_to_a_commit() -> None:
    pinned = 0
    for path, uses in every_uses():
        if uses == "./":
            continue
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), f"{path}: {uses}"
        pinned += 1
    assert pinned >= 15
    # Each pin names its version in a comment, for the reader and Dependabot.
    for path in [*WORKFLOWS.glob("*.yml"), ROOT / "action.yml"]:
        for line in path.read_text().splitlines():
            if re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}", line):
                assert re.search(r"@[0-9a-f]{40} # \S+$", line), f"{path.name}: {line}"
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert {update["package-ecosystem"] for update in dependabot["updates"]} >= {"github-actions"}


def test_zizmor_finds_nothing_of_high_severity() -> None:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--format", "json", ".github/workflows", "action.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    high = [
        f"{finding['ident']}: {finding['locations'][0]['symbolic']['key']}"
        for finding in findings
        if finding["determinations"]["severity"] == "High"
    ]
    assert high == [], high
    assert result.returncode in (0, 11, 12, 13), result.stderr


def run_script(name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "scripts" / "release" / name), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


def test_the_tag_is_checked_against_the_version() -> None:
    good = run_script("check-version", f"v{VERSION}")
    assert good.returncode == 0, good.stderr
    assert good.stdout.splitlines() == [f"version={VERSION}", "prerelease=false"]
    wrong = run_script("check-version", "v99.0.0")
    assert wrong.returncode == 1
    assert f"the tag v99.0.0 does not match Cargo.toml's version {VERSION}" in wrong.stderr
    # The pre-commit package asks for the wheel of the same version.
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'version = "{VERSION}"' in pyproject
    assert f'"chanx-client-generator=={VERSION}"' in pyproject


def fake_gh(tmp_path: Path, answers: list[list[tuple[str, str | None]]]) -> dict[str, str]:
    """A `gh` that answers each `gh api` call with the next list of
    (status, conclusion) runs, as `--jq` would print them."""
    replies = tmp_path / "replies"
    replies.mkdir()
    for index, runs in enumerate(answers):
        text = "".join(f"{status} {conclusion or 'null'}\n" for status, conclusion in runs)
        (replies / str(index)).write_text(text)
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(
        "#!/usr/bin/env bash\n"
        f'echo "$*" >> "{tmp_path}/calls"\n'
        f'count=$(wc -l < "{tmp_path}/calls")\n'
        f'cat "{replies}/$((count - 1))"\n'
    )
    gh.chmod(0o755)
    return {
        "PATH": f"{gh.parent}:{os.environ['PATH']}",
        "GITHUB_REPOSITORY": "chanx/generate-client-action",
        "CI_POLL_SECONDS": "0",
        "CI_WAIT_SECONDS": "30",
    }


def test_the_release_waits_for_ci_to_pass_on_its_commit(tmp_path: Path) -> None:
    env = fake_gh(tmp_path, [[], [("in_progress", None)], [("completed", "failure"), ("completed", "success")]])
    result = run_script("wait-for-ci", "abc123", env=env)
    assert result.returncode == 0, result.stderr
    assert "CI passed on abc123" in result.stdout
    calls = (tmp_path / "calls").read_text().splitlines()
    assert len(calls) == 3
    assert calls[0].startswith("api repos/chanx/generate-client-action/actions/workflows/ci.yml/runs?head_sha=abc123")


def test_the_release_stops_when_ci_failed(tmp_path: Path) -> None:
    env = fake_gh(tmp_path, [[("completed", "failure"), ("completed", "cancelled")]])
    result = run_script("wait-for-ci", "abc123", env=env)
    assert result.returncode == 1
    assert "CI did not pass on abc123" in result.stderr


def test_the_release_stops_when_ci_never_ran(tmp_path: Path) -> None:
    env = fake_gh(tmp_path, [[]] * 100)
    env["CI_WAIT_SECONDS"] = "0"
    result = run_script("wait-for-ci", "abc123", env=env)
    assert result.returncode == 1
    assert "CI has not passed on abc123 in time (runs: none)" in result.stderr
