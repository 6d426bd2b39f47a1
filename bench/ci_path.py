"""CI's path from a content-only push to the deploy step, timed on this
machine: the steps .github/workflows/site.yml runs, in a fresh clone.

    .venv/bin/python bench/ci_path.py [--articles 0,5000] [--suite-seconds 623]

For each size (0: the repository's own sample content/; N: that plus
bench/generate.py's N articles, with a KIM per ten and three potensi per
KIM, committed to the clone as a real portal's content would be) it clones
this repository (HEAD) into a temporary folder and runs the `build` job's
steps twice:

- cold: empty pip and npm caches (PIP_CACHE_DIR, npm_config_cache of its
  own), a new virtualenv, no .cache/: the first run, or any run after the
  lock files changed;
- warm: a second fresh clone and virtualenv, with the pip and npm caches the
  cold run filled and the cold clone's .cache/ (less the records of this
  machine's folders, as the workflow's cache step leaves them out) unpacked
  into it, as actions/cache restores them: an ordinary content push.

Each step as the workflow runs it: `python -m venv .venv && pip install -r
requirements.txt && npm ci --omit=dev`, `invoke check`, `invoke publish`
(PORTAL_SITEURL a Pages project address), the Pages artifact's tar (the
command of actions/upload-pages-artifact), and the cache archives made and
unpacked with tar + zstd as actions/cache does. The `changes` job (a
shallow clone, a fetch and a git diff) runs beside the build and is timed
apart. Not counted, named: the runner queue of each job, setup-python and
configure-pages, downloading and uploading caches, uploading the Pages
artifact and deploy-pages itself (network on GitHub's side).

The old workflow (before one build): `test` (the suite, --suite-seconds,
from the last CI run) beside `content` (install, check, publish), then
`deploy` (install and publish again, from nothing, plus the artifact):
its critical path is estimated from the same cold steps.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

SITEURL = "https://kim-kobar.github.io/portal"  # a Pages project address: with a path
PYTHON = getattr(sys, "_base_executable", sys.executable)  # not this virtualenv
# What the workflow's cache step leaves out of .cache/ (records of this
# machine's build folders and file digests keyed by inode).
NOT_CACHED = ("bangunan", "sidik")
# The workflow's install step, in its two parts (timed apart).
INSTALL = {"install: venv + pip": f'"{PYTHON}" -m venv .venv && .venv/bin/pip install --quiet '
                                  "-r requirements.txt",
           "install: npm ci": "npm ci --omit=dev --no-audit --no-fund --loglevel=error"}


def environment(work):
    """The job's environment: no trace of this checkout's virtualenv; pip
    and npm caches in `work` (empty at first, kept for the warm run)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_FIND_LINKS")}
    # pip as on a runner: from PyPI, not from a wheel folder or index this
    # machine's pip configuration may add.
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PATH"] = os.pathsep.join(part for part in env.get("PATH", "").split(os.pathsep)
                                  if not part.startswith(str(ROOT)))
    for cache in ("pip-cache", "npm-cache"):
        (work / cache).mkdir(exist_ok=True)
    env.update({"PIP_CACHE_DIR": str(work / "pip-cache"),
                "npm_config_cache": str(work / "npm-cache"),
                "PIP_DISABLE_PIP_VERSION_CHECK": "1", "GITHUB_ACTIONS": "true", "CI": "true"})
    return env


def timed(command, cwd, env, log):
    """Seconds `command` (a shell line, as a workflow's `run:`) took; its
    output goes to `log`; a failure stops the bench with the log's end."""
    started = time.perf_counter()
    with open(log, "ab") as out:
        out.write(f"\n$ {command}\n".encode())
        out.flush()
        result = subprocess.run(f"set -o pipefail; {command}", shell=True, cwd=cwd, env=env,
                                stdout=out, stderr=subprocess.STDOUT, executable="/bin/bash")
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        tail = Path(log).read_text(errors="replace")[-4000:]
        raise SystemExit(f"failed ({result.returncode}): {command}\n{tail}")
    return seconds


def pack(folders, archive, cwd, env, log, exclude=()):
    """actions/cache's save, less the upload: tar + zstd of `folders`."""
    excluded = " ".join(f"--exclude={name}" for name in exclude)
    return timed(f"tar -cf - {excluded} {' '.join(folders)} | zstd -q -T0 --long=30 -o "
                 f"{archive}", cwd, env, log)


def unpack(archive, cwd, env, log):
    """actions/cache's restore, less the download."""
    return timed(f"zstd -q -d --long=30 -c {archive} | tar -xf -", cwd, env, log)


def make_project(work, name, articles, env, log):
    """A fresh clone of this repository, with `articles` generated articles
    committed to its content/; (clone seconds, the clone)."""
    clone = work / name
    seconds = timed(f'git clone -q "{ROOT}" "{clone}"', work, env, log)
    if articles:
        generated = work / f"generated-{articles}"
        if not generated.is_dir():
            generate(generated, articles)
        for folder in ("kim", "potensi", "berita"):  # the sample's own halaman/ stays
            shutil.copytree(generated / folder, clone / "content" / folder, dirs_exist_ok=True)
        timed('git add content && git -c user.name=bench -c user.email=bench@contoh.test '
              'commit -q -m "generated content"', clone, env, log)
    return seconds, clone


def changes_job(work, clone, env, log):
    """The `changes` job's own work: a shallow clone of the pushed commit,
    the base fetched, the diff (here against the commit before)."""
    target = work / f"changes-{clone.name}"
    seconds = timed(f'git clone -q --depth=1 "file://{clone}" "{target}"', work, env, log)
    base = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=clone, capture_output=True,
                          text=True, check=True).stdout.strip()
    seconds += timed(f"git fetch -q --no-tags --depth=1 origin {base} && git diff --no-renames "
                     f"--name-only {base} HEAD -- ':(exclude)content/' | wc -l", target, env, log)
    shutil.rmtree(target)
    return seconds


def build_job(clone, env, log, restore=()):
    """The `build` job's steps in `clone`; {step: seconds}."""
    steps = {}
    steps["restore caches (unpack)"] = sum(unpack(archive, where, env, log)
                                           for archive, where in restore)
    for step, command in INSTALL.items():
        steps[step] = timed(command, clone, env, log)
    steps["invoke check"] = timed(".venv/bin/invoke check", clone, env, log)
    steps["invoke publish"] = timed(f'PORTAL_SITEURL="{SITEURL}" .venv/bin/invoke publish',
                                    clone, env, log)
    site = (clone / "output").resolve()
    artifact = clone.parent / f"{clone.name}-artifact.tar"
    steps["Pages artifact (tar)"] = timed(
        f'tar --dereference --hard-dereference --directory "{site}" -cf "{artifact}" '
        "--exclude=.git --exclude=.github --exclude='.[^/]*' .", clone, env, log)
    return steps, site, artifact


def measure(work, articles):
    env = environment(work)
    log = work / f"log-{articles}.txt"
    label = "sample" if not articles else f"{articles:,} articles"
    print(f"-- {label}: cold (log: {log})", flush=True)
    clone_seconds, cold_clone = make_project(work, f"cold-{articles}", articles, env, log)
    changes = changes_job(work, cold_clone, env, log)
    cold, site, artifact = build_job(cold_clone, env, log)
    cold["checkout (git clone)"] = clone_seconds
    hidden = [path.relative_to(site) for path in site.rglob(".*")]
    # A miss on every key: the job ends by saving all three caches.
    archives = work / f"archives-{articles}"
    archives.mkdir()
    cold["save caches (tar + zstd)"] = (
        pack(["pip-cache", "npm-cache"], archives / "downloads.tar.zst", work, env, log)
        + pack([".cache"], archives / "cache.tar.zst", cold_clone, env, log,
               exclude=[f".cache/{name}" for name in NOT_CACHED]))
    sizes = {path.name: path.stat().st_size / 2**20 for path in archives.iterdir()}
    sizes["Pages artifact (tar)"] = artifact.stat().st_size / 2**20
    artifact.unlink()

    print(f"-- {label}: warm", flush=True)
    clone_seconds, warm_clone = make_project(work, f"warm-{articles}", articles, env, log)
    # The content push: one article changed, so the .cache/ key misses and
    # the closest one is restored; pip and npm hit exactly.
    article = sorted((warm_clone / "content" / "berita").glob("*.md"))[-1]
    article.write_text(article.read_text(encoding="utf-8") + "\nSatu kalimat baru.\n",
                       encoding="utf-8")
    shutil.rmtree(work / "pip-cache")
    shutil.rmtree(work / "npm-cache")
    warm, _, artifact = build_job(warm_clone, env, log, restore=[
        (archives / "downloads.tar.zst", work), (archives / "cache.tar.zst", warm_clone)])
    warm["checkout (git clone)"] = clone_seconds
    warm["save caches (tar + zstd)"] = pack(
        [".cache"], archives / "cache-2.tar.zst", warm_clone, env, log,
        exclude=[f".cache/{name}" for name in NOT_CACHED])
    artifact.unlink()
    for folder in (cold_clone, warm_clone):
        shutil.rmtree(folder, ignore_errors=True)
    return {"cold": cold, "warm": warm, "changes": changes, "hidden": hidden, "sizes": sizes}


ORDER = ("checkout (git clone)", "restore caches (unpack)", *INSTALL, "invoke check",
         "invoke publish", "Pages artifact (tar)", "save caches (tar + zstd)")


def report(results, suite):
    columns = [(size, kind) for size in results for kind in ("cold", "warm")]
    names = ["sample" if not size else f"{size:,}" for size, _ in columns]
    print("\n| step | " + " | ".join(f"{name} {kind} (s)" for name, (_, kind)
                                       in zip(names, columns, strict=True)) + " |")
    print("|---|" + "---:|" * len(columns))
    for step in ORDER:
        print(f"| {step} | " + " | ".join(f"{results[size][kind][step]:.1f}"
                                          for size, kind in columns) + " |")
    path = {column: sum(results[column[0]][column[1]].values()) for column in columns}
    print("| **push → deploy step (build job)** | " + " | ".join(
        f"**{path[column]:.0f}**" for column in columns) + " |")
    print("| `changes` job, beside the build | " + " | ".join(
        f"{results[size]['changes']:.1f}" for size, _ in columns) + " |")
    old = {}
    for size in results:
        steps = results[size]["cold"]
        install = sum(steps[step] for step in INSTALL)
        content = (steps["checkout (git clone)"] + install + steps["invoke check"]
                   + steps["invoke publish"])
        deploy = (steps["checkout (git clone)"] + install + steps["invoke publish"]
                  + steps["Pages artifact (tar)"])
        old[size] = max(suite, content) + deploy
    print(f"| old workflow: max(suite {suite:.0f} s, content job) + deploy job rebuilding "
          "| " + " | ".join(f"{old[size]:.0f}" for size, _ in columns) + " |")
    print("\nNot counted: runner queue (build and deploy jobs), setup-python, configure-pages, "
          "cache download and upload, Pages artifact upload, deploy-pages.")
    for size in results:
        sizes = ", ".join(f"{name} {mib:.1f} MiB" for name, mib in
                          sorted(results[size]["sizes"].items()))
        hidden = results[size]["hidden"]
        print(f"{'sample' if not size else f'{size:,}'}: archives {sizes}; hidden files "
              f"in the site (left out of the Pages artifact): "
              f"{', '.join(map(str, hidden)) if hidden else 'none'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="0,5000",
                        help="sizes, comma-separated; 0 is the sample content")
    parser.add_argument("--suite-seconds", type=float, default=623,
                        help="the test suite job's time in the last CI run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    if shutil.which("zstd") is None:
        raise SystemExit("zstd is missing (apt-get install zstd): actions/cache uses it")
    work = Path(tempfile.mkdtemp(prefix="bench-ci-"))
    started = time.time()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                          capture_output=True).stdout.strip()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; HEAD {head}", flush=True)
    try:
        results = {int(size): measure(work, int(size)) for size in options.articles.split(",")}
        report(results, options.suite_seconds)
        print(f"\n{time.time() - started:.0f} s in all; load {os.getloadavg()[0]:.1f} at the end")
    finally:
        if options.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
