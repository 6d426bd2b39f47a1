"""The GitHub Actions workflow (linted offline), the pre-commit guard rails
and the Python linter."""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from conftest import ROOT, SAMPLE

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent


def test_workflow_passes_the_offline_schema_lint():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _workflow():
    return yaml.safe_load(WORKFLOW.read_text())


def _expression(condition, **contexts):
    """A job's `if:` (GitHub's expression syntax, the subset the workflow
    uses: ==, !=, &&, ||, !, parentheses, cancelled()) evaluated against
    the given contexts, e.g. needs={"test": {"result": "skipped"}}."""
    def namespace(value):
        if isinstance(value, dict):
            return SimpleNamespace(**{key: namespace(item) for key, item in value.items()})
        return value

    python = re.sub(r"!(?!=)", " not ", condition.replace("&&", " and ").replace("||", " or "))
    python = python.replace("\n", " ").replace("cancelled()", "cancelled")
    names = {name: namespace(value) for name, value in contexts.items()}
    names.setdefault("cancelled", False)
    return eval(python, {"__builtins__": {}}, names)  # noqa: S307 - our own workflow file


def _needs(code="false", changes="success", test="skipped", build="success"):
    return {"changes": {"result": changes, "outputs": {"code": code}},
            "test": {"result": test}, "build": {"result": build}}


MAIN_PUSH = {"event_name": "push", "ref": "refs/heads/main"}


def test_workflow_triggers_and_least_privilege():
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    # Rebuilt every day: what the agenda lists as coming depends on the day.
    assert triggers["schedule"] == [{"cron": "30 17 * * *"}]
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert set(jobs) == {"changes", "test", "build", "deploy"}
    assert "permissions" not in jobs["test"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"contents": "read", "pages": "write",
                                             "id-token": "write"}
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_the_suite_runs_the_readme_command_only_when_more_than_content_changed():
    test = _workflow()["jobs"]["test"]
    assert test["steps"][-1]["run"] in (ROOT / "README.md").read_text()
    assert test["needs"] == "changes"
    assert _expression(test["if"], needs=_needs(code="true")) is True
    assert _expression(test["if"], needs=_needs(code="false")) is False


def test_one_build_checks_with_the_production_address_and_is_what_deploys():
    jobs = _workflow()["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    # Not gated on the suite or on what changed: it starts at once, on pull
    # requests too (the same steps; they only do not deploy).
    assert "if" not in build and "needs" not in build
    steps = build["steps"]
    runs = [step.get("run", "") for step in steps]
    check = runs.index(".venv/bin/invoke check")
    publish = runs.index(".venv/bin/invoke publish")
    assert check < publish
    pages = next(step for step in steps if step.get("uses", "").startswith(
        "actions/configure-pages@"))
    address = f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert steps[publish]["env"] == {"PORTAL_SITEURL": address}
    # The only production address in the workflow: the deploy job builds nothing.
    assert WORKFLOW.read_text().count("PORTAL_SITEURL") == 1
    # The artifact is the folder `invoke publish` checked: output/ resolved
    # (a link into output.versi/), uploaded by the same job, after the checks.
    resolve = next(index for index, step in enumerate(steps)
                   if "realpath output" in step.get("run", ""))
    upload = next(index for index, step in enumerate(steps)
                  if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert publish < resolve < upload == len(steps) - 1
    folder = f"${{{{ steps.{steps[resolve]['id']}.outputs.path }}}}"
    assert steps[upload]["with"] == {"path": folder}
    assert [step.get("uses", "").split("@")[0] for step in deploy["steps"]] == [
        "actions/deploy-pages"]
    assert not any("run" in step or "with" in step for step in deploy["steps"])
    assert "build" in deploy["needs"]


def test_the_resolve_step_names_the_real_build_folder(tmp_path):
    site = tmp_path / "output.versi" / "20260101-000000-1-1"
    site.mkdir(parents=True)
    (tmp_path / "output").symlink_to(site.relative_to(tmp_path))
    step = next(step for step in _workflow()["jobs"]["build"]["steps"]
                if "realpath output" in step.get("run", ""))
    outputs = tmp_path / "github-output"
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, check=True,
                   env={"GITHUB_OUTPUT": str(outputs), "PATH": "/usr/bin:/bin"})
    assert outputs.read_text() == f"path={site}\n"


@pytest.mark.parametrize("case, event, needs, deploys", [
    ("content-only push: the suite was skipped", "push", _needs(), True),
    ("code push, suite passed", "push", _needs(code="true", test="success"), True),
    ("code push, suite failed", "push", _needs(code="true", test="failure"), False),
    ("code push, suite cancelled", "push", _needs(code="true", test="cancelled"), False),
    ("code push, suite skipped anyway", "push", _needs(code="true"), False),
    ("what changed is unknown: the step failed", "push", _needs(changes="failure"), False),
    ("the build failed", "push", _needs(build="failure"), False),
    ("daily rebuild", "schedule", _needs(), True),
    ("manual run, suite passed", "workflow_dispatch", _needs(code="true", test="success"), True),
    ("pull request", "pull_request", _needs(code="true", test="success"), False),
])
def test_deploy_needs_the_suite_only_when_it_ran(case, event, needs, deploys):
    condition = _workflow()["jobs"]["deploy"]["if"]
    github = {**MAIN_PUSH, "event_name": event}
    assert _expression(condition, github=github, needs=needs) is deploys, case
    assert _expression(condition, github=github, needs=needs, cancelled=True) is False
    other_branch = {**github, "ref": "refs/heads/coba"}
    assert _expression(condition, github=other_branch, needs=needs) is False


class Repository:
    """A repository on "GitHub" (a bare one, fetched over file://, which
    hands out commits by SHA as GitHub does) and the job's shallow checkout
    of its newest commit, for running the `changes` job's diff step."""

    def __init__(self, tmp_path):
        self.origin, self.work = tmp_path / "origin.git", tmp_path / "work"
        self.author = tmp_path / "author"
        self.env = {"GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test",
                    "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.test",
                    "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.git(tmp_path, "init", "-q", "--bare", "-b", "main", str(self.origin))
        self.git(self.origin, "config", "uploadpack.allowAnySHA1InWant", "true")
        self.git(tmp_path, "clone", "-q", str(self.origin), str(self.author))
        self.step = next(step for step in _workflow()["jobs"]["changes"]["steps"]
                         if step.get("id") == "diff")

    def git(self, cwd, *args):
        return subprocess.run(["git", *args], cwd=cwd, env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()

    def commit(self, **files):
        """Write (or, with None, delete) files in one commit; its SHA."""
        for name, text in files.items():
            path = self.author / name.replace("__", "/")
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
        self.git(self.author, "add", "-A")
        self.git(self.author, "commit", "-q", "--allow-empty", "-m", "x")
        self.git(self.author, "push", "-q", "origin", "main")
        return self.git(self.author, "rev-parse", "HEAD")

    def code_changed(self, event, base):
        """The step's `code` output for the newest commit, as the job runs it."""
        shutil.rmtree(self.work, ignore_errors=True)
        self.git(self.origin.parent, "clone", "-q", "--depth=1", f"file://{self.origin}",
                 str(self.work))
        outputs = self.work.parent / "github-output"
        outputs.write_text("")
        env = {**self.env, "EVENT": event, "BASE": base, "GITHUB_OUTPUT": str(outputs),
               "HEAD_SHA": self.git(self.work, "rev-parse", "HEAD")}
        assert self.step["shell"] == "bash"  # GitHub runs it as bash -eo pipefail
        subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                        self.step["run"]], cwd=self.work, env=env, check=True,
                       capture_output=True)
        return dict(line.split("=", 1) for line in outputs.read_text().splitlines())["code"]


def test_a_content_only_change_skips_the_suite(tmp_path):
    repo = Repository(tmp_path)
    green = repo.commit(**{"tasks.py": "# kode\n", "content__kim__a.md": "a\n"})
    repo.commit(**{"content__kim__a.md": "a, diubah\n", "content__images__b.jpg": "b"})
    repo.commit(**{"content__kim__a.md": None})
    assert repo.code_changed("push", green) == "false"
    assert repo.code_changed("pull_request", green) == "false"
    # The daily rebuild: nothing changed since the last green run.
    assert repo.code_changed("schedule", repo.git(repo.author, "rev-parse", "HEAD")) == "false"


def test_any_change_outside_content_runs_the_suite(tmp_path):
    repo = Repository(tmp_path)
    green = repo.commit(**{"tasks.py": "# kode\n", "content__kim__a.md": "a\n"})
    for change in ({"plugins__portal__x.py": "x = 1\n"}, {"README.md": "baca\n"},
                   {".github__workflows__site.yml": "on: push\n"}, {"tasks.py": None}):
        repo.commit(**change, **{"content__kim__a.md": f"{change}\n"})
        assert repo.code_changed("push", green) == "true", change
    # Code moved into content/ counts as removed from outside it.
    repo = Repository(tmp_path / "pindah")
    green = repo.commit(**{"tasks.py": "# kode\n"})
    repo.author.joinpath("content").mkdir()
    repo.git(repo.author, "mv", "tasks.py", 'content/tasks.py')
    repo.commit()
    assert repo.code_changed("push", green) == "true"


@pytest.mark.parametrize("case, event, base", [
    ("first run: no green run yet", "push", ""),
    ("a commit GitHub no longer has (force push)", "push", "1" * 40),
    ("an all-zero SHA", "push", "0" * 40),
    ("a manual run", "workflow_dispatch", "GREEN"),
    ("daily run without a green run", "schedule", ""),
])
def test_an_unknown_base_runs_the_suite(tmp_path, case, event, base):
    repo = Repository(tmp_path)
    green = repo.commit(**{"tasks.py": "# kode\n", "content__kim__a.md": "a\n"})
    repo.commit(**{"content__kim__a.md": "a, diubah\n"})
    assert repo.code_changed(event, green if base == "GREEN" else base) == "true", case


def test_the_base_is_the_last_green_run_of_main_not_the_push_before():
    """A content push right after a code push whose suite is still running
    (or failed) compares with the last commit whose whole run passed, so it
    runs the suite too instead of deploying untested code."""
    changes = _workflow()["jobs"]["changes"]
    green = next(step for step in changes["steps"] if step.get("id") == "green")
    assert "actions/workflows/site.yml/runs?branch=main&status=success" in green["run"]
    assert 'select(.event != "pull_request")' in green["run"]
    assert changes["permissions"] == {"contents": "read", "actions": "read"}
    diff = next(step for step in changes["steps"] if step.get("id") == "diff")
    assert diff["env"]["BASE"] == ("${{ github.event.pull_request.base.sha || "
                                   "steps.green.outputs.sha }}")
    assert changes["outputs"] == {"code": "${{ steps.diff.outputs.code }}"}


def test_downloads_and_the_build_cache_are_restored():
    jobs = _workflow()["jobs"]
    caches = [step["with"] for step in jobs["build"]["steps"]
              if step.get("uses", "").startswith("actions/cache@")]
    by_path = {entry["path"].split()[0]: entry for entry in caches}
    assert set(by_path) == {"~/.cache/pip", "~/.npm", ".cache"}
    assert "hashFiles('requirements.txt')" in by_path["~/.cache/pip"]["key"]
    assert "hashFiles('package-lock.json')" in by_path["~/.npm"]["key"]
    build_cache = by_path[".cache"]
    assert "hashFiles('plugins/**', 'theme/**', '*.py'" in build_cache["key"]
    # A partial hit still helps: the build's caches are content-addressed.
    assert all(entry.get("restore-keys") for entry in caches)
    for prefix in build_cache["restore-keys"].splitlines():
        assert build_cache["key"].startswith(prefix)
    install = next(index for index, step in enumerate(jobs["build"]["steps"])
                   if step.get("name") == "Install")
    assert all(index < install for index, step in enumerate(jobs["build"]["steps"])
               if step.get("uses", "").startswith("actions/cache@"))


def test_workflow_uses_current_majors_of_the_official_actions():
    expected = {"actions/checkout": "v7", "actions/setup-python": "v7",
                "actions/configure-pages": "v5", "actions/upload-pages-artifact": "v5",
                "actions/deploy-pages": "v5", "actions/cache": "v5"}
    used = {}
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                name, version = step["uses"].split("@")
                used[name] = version
    assert used == expected


def test_ruff_finds_nothing():
    result = subprocess.run([str(BIN / "ruff"), "check", str(ROOT)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_pre_commit_rejects_a_broken_content_commit(tmp_path):
    repo = tmp_path / "repo"
    for name in ("plugins", "quality", "tasks.py", "pelicanconf.py",
                 "publishconf.py", ".pre-commit-config.yaml", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            repo.mkdir(exist_ok=True)
            shutil.copy2(source, repo / name)
    shutil.copytree(SAMPLE, repo.joinpath("content"))
    (repo / ".venv").symlink_to(ROOT / ".venv")
    env = {"GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test",
           "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.test",
           "PATH": f"{BIN}:/usr/bin:/bin", "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run(*args):
        return subprocess.run(args, cwd=repo, capture_output=True, text=True, env=env)

    assert run("git", "init", "-q").returncode == 0
    assert run(str(BIN / "pre-commit"), "validate-config").returncode == 0
    assert run(str(BIN / "pre-commit"), "install").returncode == 0
    profile = repo.joinpath("content", "kim", "palae.md")
    profile.write_text(profile.read_text().replace("kecamatan: Kumai", "kecamatan: Kumay"))
    run("git", "add", "content")
    rejected = run("git", "commit", "-q", "-m", "profil rusak")
    assert rejected.returncode != 0
    assert "kolom 'kecamatan': nilai 'Kumay' tidak dikenal" in rejected.stdout + rejected.stderr
    profile.write_text(profile.read_text().replace("kecamatan: Kumay", "kecamatan: Kumai"))
    run("git", "add", "content")
    accepted = run("git", "commit", "-q", "-m", "profil diperbaiki")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_the_built_site_and_its_folders_are_never_committed():
    """output/ is a link (portal/builder/swap.py): a folder-only ignore rule
    would let `git add -A` commit the link."""
    for path in ("output", "output.versi/20260101-000000-1-1", ".output.kunci",
                 ".output.tautan-1", ".cache/konten"):
        result = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT)
        assert result.returncode == 0, f"{path} is not ignored"
