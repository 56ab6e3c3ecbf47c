"""The spaces target as Hugging Face runs it: a fresh environment from requirements.txt plus the
card's `sdk_version`, then `python <app_file>` with the variables and secrets a Space gets.

The slowest module: one new virtual environment per session (pip's cache makes it minutes less).
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from .helpers import USERNAME
from .live import RunningApp, password_hash, serve_app

if TYPE_CHECKING:
    from huggingface_hub import SpaceCard

PASSWORD = "space-login-password"
TEXT = "Spaces build the app from its card. The card pins the Gradio version of the Space."


@pytest.fixture(scope="module")
def project(render: Callable[..., Path]) -> Path:
    return render(app_type="single-function", deploy_target="spaces", auth="password")


@pytest.fixture(scope="module")
def card(project: Path, project_env: str) -> SpaceCard:
    # Installed with the generated projects' requirements (project_env), not at collection.
    from huggingface_hub import SpaceCard

    return SpaceCard.load(project / "README.md")


@pytest.fixture(scope="module")
def space_python(project: Path, card: SpaceCard, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A new virtual environment with what a Space installs: requirements.txt and the SDK."""
    # One for the whole session: pytest-xdist workers share their parent's folder.
    session_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        session_dir = session_dir.parent
    venv = session_dir / "space-venv"
    python = str(venv / "bin" / "python")
    with (session_dir / "space-venv.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (venv / "ready").exists():
            started = time.monotonic()
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run(
                [
                    python,
                    *("-m", "pip", "install", "--quiet", "-r", "requirements.txt"),
                    f"gradio[oauth]=={card.data.sdk_version}",
                ],
                cwd=project,
                check=True,
                env={**os.environ, "HOME": os.environ["ORIGINAL_HOME"]},  # pip's cache
            )
            (venv / "ready").touch()
            running = f"{sys.version_info.major}.{sys.version_info.minor}"
            print(
                f"fresh venv (Python {running}; the card asks {card.data.python_version}) with "
                f"gradio {card.data.sdk_version}: {time.monotonic() - started:.0f} s"
            )
    return python


@pytest.fixture(scope="module")
def space(
    project: Path,
    card: SpaceCard,
    space_python: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningApp]:
    assert card.data.app_file == "app.py"  # what serve_app runs
    # The hash arrives as a Space secret: pasted without the quotes of its .env line.
    secret = password_hash(project, space_python, PASSWORD)
    started = time.monotonic()
    with serve_app(
        project,
        space_python,
        tmp_path_factory.mktemp("space-run"),
        server_name=None,  # Spaces sets no interface: the app must choose every one itself
        SYSTEM="spaces",
        SPACE_ID="owner/proj",
        SPACE_HOST="owner-proj.hf.space",
        APP_AUTH_PASSWORD_HASH=secret,
    ) as app:
        print(f"the Space answered after {time.monotonic() - started:.1f} s")
        yield app


def listening_addresses(port: int) -> set[str]:
    """The IPv4 addresses with a socket listening on `port`, from /proc/net/tcp."""
    addresses = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, local_port = local.split(":")
        if int(local_port, 16) == port and state == "0A":  # TCP_LISTEN
            addresses.add(".".join(str(b) for b in reversed(bytes.fromhex(address))))
    return addresses


def test_requirements_admit_the_sdk_version(space_python: str, card: SpaceCard) -> None:
    # pip resolved requirements.txt together with gradio==sdk_version: they are compatible.
    result = subprocess.run(
        [space_python, "-c", "import gradio; print(gradio.__version__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == card.data.sdk_version


def test_listens_on_every_interface(space: RunningApp) -> None:
    assert listening_addresses(httpx.URL(space.url).port) == {"0.0.0.0"}
    assert "Uvicorn running on http://0.0.0.0:" in space.log()


def test_login_and_call(space: RunningApp) -> None:
    # Installed with the generated projects' requirements (project_env), not at collection.
    from gradio_client import Client

    with pytest.raises(ValueError, match="Could not login"):
        Client(space.url, auth=(USERNAME, "not-the-password"), verbose=False)
    client = Client(space.url, auth=(USERNAME, PASSWORD), verbose=False)
    keywords, words = client.predict(TEXT, 3, api_name="/analyze")
    client.close()
    assert words == 16
    assert keywords["label"] == "card"
