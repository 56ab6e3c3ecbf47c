"""Helpers shared by the test modules."""

import contextlib
import hashlib
import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2
import pytest
from typer.testing import CliRunner

from gradio_forge.answers import questionnaire
from gradio_forge.questions import load_questions

REPO = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"

# Every choice that changes the output, from copier.yml itself.
QUESTIONS = questionnaire()
CHOICES = {
    name: [choice.value for choice in QUESTIONS.by_name(name).choices]
    for name in ("app_type", "deploy_target", "auth")
}
COMBINATIONS = list(itertools.product(*CHOICES.values()))
# What copier.yml's validator allows for the queue, as its messages say it: "from 1 to 10000".
QUEUE_RANGE = "from {} to {}".format(*(QUESTIONS.by_name("max_queue_size").bounds or ()))
GRADIO_PIN = QUESTIONS.by_name("gradio_version").default
# The fixed values the template writes in several files (port, login name...), as it says them.
DEFAULTS = (
    jinja2.Environment()
    .from_string((REPO / "template" / "_defaults.jinja").read_text(encoding="utf-8"))
    .module.defaults  # type: ignore[attr-defined]
)
APP_PORT = DEFAULTS["server_port"]
USERNAME = DEFAULTS["auth_username"]


def max_length(name: str) -> int:
    """The most characters copier.yml's validator of `name` accepts, whatever the other answers."""
    validator = QUESTIONS.by_name(name).validator
    found = re.search(rf"\b(?:el)?if {name} \| length > (\d+)", validator)
    assert found, f"{name}'s validator sets no length limit"
    return int(found[1])


# Choices the matrix does not cross: each is rendered on its own, with the default target and auth.
CHAT_BACKENDS = [choice.value for choice in QUESTIONS.by_name("chat_backend").choices]


def require_tool(name: str) -> str:
    """The path of a command-line tool; CI must have it, elsewhere the test skips."""
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path:
        return path
    if IN_CI:
        pytest.fail(f"{name} is not installed: .ci/run must install it")
    pytest.skip(f"{name} is not installed")


def cli_command(*args: str, env: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run this checkout's `new-app`."""
    return [sys.executable, "-m", "gradio_forge", *args], {
        **os.environ,
        "PYTHONPATH": str(REPO),
        **(env or {}),
    }


def invoke_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `new-app` in this process, as typer's CliRunner does: for what needs no terminal,
    no signals and no fresh interpreter (an error path, say). Answers as `run_cli` does."""
    from gradio_forge.cli import build_cli

    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        cli = build_cli(load_questions())
        result = CliRunner().invoke(cli, list(args), input="", prog_name="new-app")
    finally:
        os.chdir(previous)
        # A command ends by ignoring stopping signals, for its process: not for pytest's.
        for signum, handler in handlers.items():
            with contextlib.suppress(TypeError):
                signal.signal(signum, handler)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def run_cli(
    *args: str,
    cwd: Path,
    input: str | None = None,
    timeout: float = 60,
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `new-app` as a user would, without a terminal (under `prefix`, e.g. setpriv)."""
    command, environment = cli_command(*args, env=env)
    return subprocess.run(
        [*prefix, *command],
        cwd=cwd,
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )


def manifest(root: Path, *, directories: bool = False) -> dict[str, str]:
    """Checksum of every file below `root`, to prove a run changed nothing it shouldn't.

    With `directories`, each directory is listed too, as "path/" without a checksum, so that an
    empty one left behind or missing counts as a difference.
    """
    entries = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_file():
            entries[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif directories and path.is_dir():
            entries[f"{name}/"] = ""
    return entries


def worktree(project: Path) -> dict[str, str]:
    """A project's files and directories, .git aside: equal for two trees with the same bytes."""
    return {
        name: digest
        for name, digest in manifest(project, directories=True).items()
        if not name.startswith(".git/")
    }


def assert_lints_clean(project: Path) -> None:
    """`ruff check` and `ruff format --check` pass, with the project's own configuration."""
    ruff = require_tool("ruff")
    for command in (
        [ruff, "check", "--no-cache", "."],
        [ruff, "format", "--no-cache", "--check", "."],
    ):
        result = subprocess.run(command, cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def assert_nginx_accepts(site: str, workdir: Path) -> None:
    """`nginx -t` accepts the generated site `site` (the text of deploy/nginx.conf)."""
    # Imported here: tests/live.py imports this module.
    from .live import nginx_config

    nginx = require_tool("nginx")
    # The site as generated, but nginx -t resolves the upstreams: outside compose the service
    # name `app` does not. (It does not bind the listen address, so that stays port 80.)
    config = nginx_config(site, workdir, port=None, upstreams=[f"127.0.0.1:{APP_PORT}"])
    command = [nginx, "-t", "-q", "-p", str(workdir), "-e", "stderr", "-c", str(config)]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def assert_caddy_accepts(caddyfile: Path) -> None:
    """`caddy validate` accepts the generated Caddyfile."""
    caddy = require_tool("caddy")
    command = [caddy, "validate", "--adapter", "caddyfile", "--config", str(caddyfile)]
    result = subprocess.run(command, cwd=caddyfile.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
