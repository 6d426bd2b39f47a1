"""The Nu HTML Checker (vnu.jar from the pinned npm package vnu-jar) over
every HTML file of a built site."""

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def available():
    return VNU_JAR.is_file() and shutil.which("java") is not None


def check_html(output_dir):
    """Return one line per error: 'page:line: message'."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json",
         str(output_dir)],
        capture_output=True, text=True, check=False,
    )
    try:
        messages = json.loads(result.stderr or result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [f"vnu tidak dapat dijalankan: {result.stderr.strip()[:500]}"]
    root = Path(output_dir).resolve()
    problems = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        page = url.removeprefix("file:")
        try:
            page = Path(page).resolve().relative_to(root).as_posix()
        except ValueError:
            pass
        problems.append(f"{page}:{message.get('lastLine', '?')}: [html] {message.get('message')}")
    return problems
