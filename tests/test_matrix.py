"""Every app_type x deploy_target x auth combination: it renders, lints clean, passes its tests."""

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from .helpers import CHOICES, COMBINATIONS, assert_lints_clean

IDS = ["-".join(combination) for combination in COMBINATIONS]


@pytest.fixture(params=COMBINATIONS, ids=IDS)
def project(request: pytest.FixtureRequest, render: Callable[..., Path]) -> Path:
    app_type, deploy_target, auth = request.param
    return render(app_type=app_type, deploy_target=deploy_target, auth=auth)


def test_lints_clean(project: Path) -> None:
    assert_lints_clean(project)


def test_own_test_suite_passes(project: Path, project_env: str) -> None:
    result = subprocess.run(
        [project_env, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        # Keep the rendered tree pristine for the other checks: no caches, no bytecode.
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_data_files_parse(project: Path) -> None:
    import tomllib

    for path in project.rglob("*"):
        if path.suffix in {".yml", ".yaml"}:
            yaml.safe_load(path.read_text())
        elif path.suffix == ".toml":
            tomllib.loads(path.read_text())


def test_no_jinja_debris(project: Path) -> None:
    for path in project.rglob("*"):
        if not path.is_file() or {".git", ".ruff_cache", "__pycache__"} & set(path.parts):
            continue  # not rendered: tools' own files
        text = path.read_text()
        assert "{{" not in text.replace("${{", "") and "{%" not in text, path
        limit = "\n\n\n\n" if path.suffix == ".py" else "\n\n\n"  # ruff allows two in .py
        assert limit not in text, f"blank-line debris in {path}"
        assert text.endswith("\n") and not text.endswith("\n\n"), f"bad file ending in {path}"


def test_answers_file_records_the_choices(project: Path) -> None:
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert {"app_type", "deploy_target", "auth", "max_queue_size"} <= set(answers)
    assert "package_name" not in answers  # computed, never recorded


@pytest.mark.parametrize("app_type", CHOICES["app_type"])
def test_the_longest_allowed_name_still_lints_clean(
    render: Callable[..., Path], app_type: str
) -> None:
    # The package name is embedded in imports and commands: 40 characters must still fit.
    # test_hostile_input lints random names at the cap too, but rendered in memory and for the
    # app types its draws happen to pick; this renders each app type through copier.
    name = "a" + "b" * 39
    project = render(project_name=name, app_type=app_type, auth="password", deploy_target="docker")
    assert (project / name / "ui.py").is_file()  # the package is named after it, not the directory
    assert_lints_clean(project)
