"""Shared test setup: make the portal plugin importable as ``portal``."""

import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

import hashlib  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402

ROOT = PLUGINS.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def build(content, output, settings="pelicanconf.py", env=None):
    """Build `content` into `output` with the project's settings, as
    `invoke build` does; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / settings),
         "-o", str(output), "--fatal", "warnings"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})},
    )


def tree_digest(folder):
    """Map every file under `folder` to the SHA-256 of its bytes."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample content of content/, built once for the session."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(ROOT / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fictional valid-minimal content (with a fact check and contacts)."""
    output = tmp_path_factory.mktemp("fixture") / "output"
    result = build(FIXTURES / "valid-minimal" / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output
