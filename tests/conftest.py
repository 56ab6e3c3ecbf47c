"""Shared fixtures: rendered projects, and one environment for all generated projects."""

import fcntl
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from gradio_forge import create

from .helpers import CHAT_BACKENDS, COMBINATIONS


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A HOME of the suite's own: new-app keeps its template cache there, git its settings."""
    original = os.environ["HOME"]
    os.environ["HOME"] = str(tmp_path_factory.mktemp("home"))
    os.environ["ORIGINAL_HOME"] = original
    yield
    os.environ["HOME"] = original


@pytest.fixture(scope="session")
def render(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Render a project once per distinct set of answers in this session."""
    cache: dict[tuple[tuple[str, Any], ...], Path] = {}

    def _render(**answers: Any) -> Path:
        key = tuple(sorted(answers.items()))
        if key not in cache:
            destination = tmp_path_factory.mktemp("render") / "proj"
            create(destination, answers, git_init=False)
            cache[key] = destination
        return cache[key]

    return _render


@pytest.fixture(scope="session")
def every_project(render: Callable[..., Path]) -> list[Path]:
    """A project of every combination and of every chat backend."""
    return [
        *(render(app_type=a, deploy_target=d, auth=au) for a, d, au in COMBINATIONS),
        *(render(app_type="chat", chat_backend=backend) for backend in CHAT_BACKENDS),
    ]


@pytest.fixture(scope="session")
def project_env(every_project: list[Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """One Python environment with every generated project's runtime requirements.

    The requirements come from rendered projects, so the Gradio pin stays in copier.yml alone.
    """
    requirements: set[str] = set()
    for project in every_project:
        requirements.update((project / "requirements.txt").read_text().split())
    # pytest-xdist workers each run this fixture: one pip at a time in the shared environment.
    lock = tmp_path_factory.getbasetemp().parent / "project-env.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", *sorted(requirements)],
            check=True,
            env={**os.environ, "HOME": os.environ["ORIGINAL_HOME"]},  # pip's cache
        )
    return sys.executable
