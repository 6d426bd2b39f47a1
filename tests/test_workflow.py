"""The GitHub Actions workflow (linted offline), the pre-commit guard rails
and the Python linter."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT, SAMPLE

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
BIN = Path(sys.executable).parent


def test_workflow_passes_the_offline_schema_lint():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_every_change_and_deploys_only_main():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    test, content, deploy = (workflow["jobs"][name] for name in ("test", "content", "deploy"))
    readme = (ROOT / "README.md").read_text()
    test_command = test["steps"][-1]["run"]
    assert test_command in readme  # CI runs the README's test command
    assert "permissions" not in test
    assert sorted(deploy["needs"]) == ["content", "test"]
    assert "if" not in content  # the real content is checked on pull requests too
    checks = [step.get("run", "") for step in content["steps"]]
    assert checks[-2:] == [".venv/bin/invoke check", ".venv/bin/invoke publish"]
    assert deploy["if"] == ("(github.event_name == 'push' || github.event_name == 'schedule') "
                            "&& github.ref == 'refs/heads/main'")
    # Rebuilt every day: what the agenda lists as coming depends on the day.
    assert workflow[True]["schedule"] == [{"cron": "30 17 * * *"}]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert test["concurrency"]["cancel-in-progress"] is True
    runs = " ".join(step.get("run", "") for step in deploy["steps"])
    assert "invoke publish" in runs and "npm ci --omit=dev" in runs


def test_workflow_uses_current_majors_of_the_official_actions():
    expected = {"actions/checkout": "v7", "actions/setup-python": "v7",
                "actions/configure-pages": "v5", "actions/upload-pages-artifact": "v5",
                "actions/deploy-pages": "v5"}
    workflow = yaml.safe_load(WORKFLOW.read_text())
    used = {}
    for job in workflow["jobs"].values():
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
    shutil.copytree(SAMPLE, repo / "content")
    (repo / ".venv").symlink_to(ROOT / ".venv")
    env = {"GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.test",
           "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.test",
           "PATH": f"{BIN}:/usr/bin:/bin", "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def run(*args):
        return subprocess.run(args, cwd=repo, capture_output=True, text=True, env=env)

    assert run("git", "init", "-q").returncode == 0
    assert run(str(BIN / "pre-commit"), "validate-config").returncode == 0
    assert run(str(BIN / "pre-commit"), "install").returncode == 0
    profile = repo / "content" / "kim" / "palae.md"
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
    """output/ is a link (portal/output/swap.py): a folder-only ignore rule
    would let `git add -A` commit the link."""
    for path in ("output", "output.versi/20260101-000000-1-1", ".output.kunci",
                 ".output.tautan-1", ".cache/konten"):
        result = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT)
        assert result.returncode == 0, f"{path} is not ignored"
