"""The two ways in: an installed wheel's `new-app`, and `copier copy` of this repository."""

import subprocess
import sys
import venv
from pathlib import Path

import copier
import pytest
import yaml

from gradio_forge import create

from .helpers import REPO, manifest

AUTHOR = {"author_name": "Ada Lovelace", "author_email": "ada@example.com"}


def test_copier_copy_of_the_repository_renders_the_same_project(tmp_path: Path) -> None:
    answers = {**AUTHOR, "deploy_target": "docker", "auth": "password"}
    (tmp_path / "new-app").mkdir()
    create(tmp_path / "new-app" / "demo", answers, git_init=False)
    copier.run_copy(
        str(REPO),
        tmp_path / "copier" / "demo",
        data={"project_name": "demo", **answers},
        defaults=True,
        quiet=True,
        vcs_ref="HEAD",
    )
    by_new_app, by_copier = manifest(tmp_path / "new-app"), manifest(tmp_path / "copier")
    answers_file = "demo/.copier-answers.yml"
    assert by_new_app.keys() == by_copier.keys()
    assert {k: v for k, v in by_new_app.items() if k != answers_file} == {
        k: v for k, v in by_copier.items() if k != answers_file
    }
    # Where each took the template from, and which commit, naturally differ.
    recorded = [
        {k: v for k, v in yaml.safe_load(path.read_text()).items() if not k.startswith("_")}
        for path in (tmp_path / "new-app" / answers_file, tmp_path / "copier" / answers_file)
    ]
    assert recorded[0] == recorded[1]


def test_installed_wheel_carries_the_template(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, REPO],
        check=True,
    )
    (wheel,) = dist.glob("gradio_forge-*.whl")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    subprocess.run(
        [environment / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [environment / "bin" / "new-app", "demo", "--defaults", "--deploy-target", "server"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    files = manifest(elsewhere / "demo")
    assert {"app.py", "demo/ui.py", "deploy/nginx.conf", ".copier-answers.yml"} <= set(files)
    answers = yaml.safe_load((elsewhere / "demo" / ".copier-answers.yml").read_text())
    assert answers["_src_path"] == "~/.cache/gradio-forge/template"  # no machine's path
    check = subprocess.run(
        [environment / "bin" / "new-app", "check", "demo"], cwd=elsewhere, capture_output=True
    )
    assert check.returncode == 0, check.stderr


def test_the_public_api_is_what_all_declares() -> None:
    """As httpx checks its own: every name in `__all__` exists, and nothing public is left
    undeclared (the package's modules, as attributes once imported, aside)."""
    import types

    import gradio_forge

    for name in gradio_forge.__all__:
        assert getattr(gradio_forge, name) is not None, name
    public = {name for name in vars(gradio_forge) if not name.startswith("_")}
    modules = {name for name in public if isinstance(getattr(gradio_forge, name), types.ModuleType)}
    undeclared = public - modules - set(gradio_forge.__all__) - {"TYPE_CHECKING", "Any"}
    assert not undeclared, (
        f"declare these in gradio_forge.__all__ or make them private: {undeclared}"
    )
    assert callable(gradio_forge.update) and callable(gradio_forge.check)
    assert issubclass(gradio_forge.UsageError, gradio_forge.GeneratorError)


def test_the_old_import_name_still_works_and_says_what_to_change() -> None:
    import importlib
    import sys

    import gradio_forge

    sys.modules.pop("generator", None)
    with pytest.warns(DeprecationWarning, match="import gradio_forge"):
        old = importlib.import_module("generator")
    assert old.__all__ == gradio_forge.__all__
    assert old.create is gradio_forge.create and old.UsageError is gradio_forge.UsageError


def test_the_readme_maps_every_module_from_its_docstring() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "<!-- modules:start -->" in readme
    for module in ("gradio_forge/rendering.py", "gradio_forge/doctor/runner.py", "scripts/"):
        assert f"| `{module}" in readme, module
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "module_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_copier_yml_asks_for_the_copier_pyproject_requires() -> None:
    """Plain `copier copy` of this repository refuses a copier older than new-app accepts."""
    import tomllib

    from packaging.requirements import Requirement

    config = yaml.safe_load((REPO / "copier.yml").read_text())
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    (copier,) = [Requirement(d) for d in project["dependencies"] if d.startswith("copier")]
    floors = [spec.version for spec in copier.specifier if spec.operator == ">="]
    assert floors == [config["_min_copier_version"]]
