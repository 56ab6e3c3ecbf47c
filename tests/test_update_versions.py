"""`new-app update` across three template versions, as a maintainer and two users live them.

A copy of this checkout is the gradio-forge installed from a clone: its template is edited at
0.2.0.dev0, then released twice with `gradio_forge.release` (0.2.0, 0.3.0). One project is made at
the .dev version and follows every change; another lives in a monorepo's apps/shop. The last
update, which also changes an answer (removing files), is stopped by SIGINT, SIGTERM and SIGHUP
at several moments.
"""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import REPO, worktree
from .test_safety import Outcome, assert_stopped_cleanly, calibrate, interrupt, state

DOCSTRING = '"""Entry point: `python app.py` starts the app here'


class Forge:
    """A gradio-forge checkout of its own, run with its own HOME (its own template cache)."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.env = {"PYTHONPATH": str(root), "HOME": str(home)}

    def run(self, *args: str, cwd: Path, code: int = 0) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == code, result.stderr
        return result

    def new_app(self, *args: str, cwd: Path, code: int = 0) -> str:
        return self.run("-m", "gradio_forge", *args, cwd=cwd, code=code).stderr

    def edit(self, old: str, new: str) -> None:
        app = self.root / "template" / "app.py.jinja"
        text = app.read_text()
        assert old in text
        app.write_text(text.replace(old, new))

    def release(self, version: str) -> None:
        self.run("-m", "gradio_forge.release", version, cwd=self.root)


def commit(repository: Path, message: str) -> None:
    git = ["git", "-c", "user.name=Owner", "-c", "user.email=owner@example.com"]
    subprocess.run([*git, "add", "-A"], cwd=repository, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", message], cwd=repository, check=True)


def made_at(project: Path) -> str:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())["_commit"]


@pytest.fixture(scope="module")
def forge(tmp_path_factory: pytest.TempPathFactory) -> Forge:
    root = tmp_path_factory.mktemp("forge")
    for name in ("gradio_forge", "template"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("copier.yml", "CHANGELOG.md", ".gitignore"):
        shutil.copy(REPO / name, root / name)
    version = (root / "gradio_forge" / "__init__.py").read_text()
    assert '__version__ = "0.2.0.dev0"' in version or ".dev" in version
    init = root / "gradio_forge" / "__init__.py"
    init.write_text(
        "\n".join(
            '__version__ = "0.2.0.dev0"' if line.startswith("__version__ =") else line
            for line in init.read_text().splitlines()
        )
        + "\n"
    )
    return Forge(root, tmp_path_factory.mktemp("home"))


def test_three_versions_a_dev_project_and_a_monorepo_stopped_by_signals(
    forge: Forge, tmp_path: Path
) -> None:
    # 0.2.0.dev0: a project of its own, and one in a monorepo.
    forge.new_app("dev-app", "--defaults", cwd=tmp_path)
    dev_app = tmp_path / "dev-app"
    first = made_at(dev_app)
    assert first.startswith("0.2.0.dev0+1.g")
    mono = tmp_path / "mono"
    (mono / "apps").mkdir(parents=True)
    (mono / "README.md").write_text("Our monorepo.\n")
    subprocess.run(["git", "init", "--quiet"], cwd=mono, check=True)
    forge.new_app("shop", "-y", "--deploy-target", "docker", "--output-dir", "apps", cwd=mono)
    shop = mono / "apps" / "shop"
    commit(mono, "The shop")
    forge.new_app("check", str(dev_app), cwd=tmp_path)  # up to date: exit 0

    # The template changes, its version does not: the .dev project sees the change.
    forge.edit(DOCSTRING, '"""Entry point (edit 1): `python app.py` starts the app here')
    said = forge.new_app("check", str(dev_app), cwd=tmp_path, code=3)
    assert f"Update available for {dev_app}: template {first} -> 0.2.0.dev0+2.g" in said
    forge.new_app("update", str(dev_app), cwd=tmp_path)
    assert "(edit 1)" in (dev_app / "app.py").read_text()
    second = made_at(dev_app)
    assert second.startswith("0.2.0.dev0+2.g")
    commit(dev_app, "Edit 1")

    # Release 0.2.0 after one more edit: both projects get everything since they were made.
    forge.edit("(edit 1)", "(0.2.0)")
    forge.release("0.2.0")
    for project, repository in ((dev_app, dev_app), (shop, mono)):
        forge.new_app("check", str(project), cwd=tmp_path, code=3)
        forge.new_app("update", str(project), cwd=tmp_path)
        assert "(0.2.0)" in (project / "app.py").read_text()
        assert made_at(project) == "0.2.0"
        commit(repository, "Update to 0.2.0")
    forge.new_app("check", str(shop), cwd=tmp_path)

    # Release 0.3.0; the monorepo's shop moves to the server target on the way (files go).
    forge.edit("(0.2.0)", "(0.3.0)")
    forge.release("0.3.0")
    forge.new_app("update", str(dev_app), cwd=tmp_path)
    assert "(0.3.0)" in (dev_app / "app.py").read_text()

    update = ["update", "apps/shop", "--deploy-target", "server"]
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**forge.env, "TMPDIR": str(temporary)}

    def fresh(label: str) -> Path:
        copy = tmp_path / label / "mono"
        shutil.copytree(mono, copy, symlinks=True)
        return copy

    def watch() -> str:
        return "updating" if os.listdir(temporary) else "outside"

    reference = fresh("reference")
    timings = calibrate(update, reference, watch, env=env)
    new, old = state(reference), state(mono)
    assert old != new and not (reference / "apps" / "shop" / "Dockerfile").exists()
    assert made_at(reference / "apps" / "shop") == "0.3.0"
    start, end = timings.get("updating", 0.0), timings["exited"]
    delays = [0.05, *(start + (end - start) * step / 5 for step in range(6))]
    outcomes: list[tuple[str, Outcome]] = []
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        name = signal.Signals(signum).name
        for number, delay in enumerate(delays):
            place = fresh(f"{name}-{number}")
            result = interrupt(
                update, place, delay, group=number % 2 == 0, watch=watch, env=env, signum=signum
            )
            outcomes.append((name, result))
            assert os.listdir(temporary) == [], result  # no scratch directory left
            if result.returncode == 0:
                assert "Traceback" not in result.stderr, result.stderr
                assert state(place) == new, result
                continue
            project = place / "apps" / "shop"
            cause = "" if signum == signal.SIGINT else f" by {name}"
            assert_stopped_cleanly(
                result,
                f"interrupted{cause}: nothing changed",
                f"interrupted{cause}: {project} is as it was",
                signum=signum,
            )
            assert state(place) == old, result
            assert worktree(place) == worktree(mono), result
            assert made_at(project) == "0.2.0", result
    for name, result in outcomes:
        print(f"  {name} {result.delay:5.2f}s {result.phase:9} exit {result.returncode}")
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        name = signal.Signals(signum).name
        stopped = [r for n, r in outcomes if n == name and r.returncode == 128 + signum]
        assert stopped, f"no {name} landed while the update ran"
