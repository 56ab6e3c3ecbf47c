"""Every instruction new-app prints or writes is true: run as written, it works."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from gradio_forge.commands import readme_commands

from .helpers import QUESTIONS, REPO, assert_lints_clean, invoke_cli, run_cli

PYTHON_VERSIONS = [choice.value for choice in QUESTIONS.by_name("python_version").choices]


def _every_pyenv_python() -> dict[str, str]:
    """pyenv's shims run only the versions it activates: activate all it has."""
    if not shutil.which("pyenv"):
        return {}
    found = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True)
    return {"PYENV_VERSION": ":".join(found.stdout.split())} if found.returncode == 0 else {}


def _runs(command: str, path: str | None = None, env: dict[str, str] | None = None) -> bool:
    """Whether `command` starts: a pyenv shim is on PATH for versions it does not activate."""
    env = {**os.environ, **(env or {}), **({"PATH": path} if path else {})}
    try:
        subprocess.run([command, "-c", ""], check=True, capture_output=True, env=env)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def _fresh_runner_path(project_env: str, tmp_path: Path) -> str:
    """A PATH like a fresh CI runner's after `pip install -e ".[dev]"`: the project's own tools.

    No new-app, no pipx: nothing that gradio-forge's own installation put there.
    """
    tools = tmp_path / "bin"
    tools.mkdir()
    venv_bin = Path(project_env).parent
    for name in ("python", "python3", "pip", "ruff", "pytest"):
        (tools / name).symlink_to(venv_bin / name)
    return f"{tools}:/usr/bin:/bin"


def _readme_block(readme: str, section: str) -> list[str]:
    """The commands of the first ```sh block under `## section`, comments removed."""
    lines = (line.split("  #", 1)[0].strip() for line in readme_commands(readme, section))
    return [line for line in lines if line and not line.startswith("#")]


def test_ci_and_readme_tests_need_only_the_project(
    render: Callable[..., Path], project_env: str, tmp_path: Path
) -> None:
    """The generated CI passes on a fresh runner: each step needs only what the project installs."""
    # A copy: the commands leave caches behind, and other tests read the rendered tree.
    project = tmp_path / "proj"
    shutil.copytree(render(), project)
    workflow = yaml.safe_load((project / ".github" / "workflows" / "ci.yml").read_text())
    steps = [step["run"] for step in workflow["jobs"]["test"]["steps"] if "run" in step]
    declared = {
        canonicalize_name(Requirement(line).name)
        for line in (project / "requirements.txt").read_text().split()
    }
    commands = []
    for step in steps:
        words = shlex.split(step)
        if words[:2] == ["pip", "install"]:
            # Installs come from the project itself or are requirements it declares.
            targets = [word for word in words[2:] if not word.startswith("-")]
            for target in targets:
                assert target.startswith(".") or canonicalize_name(target) in declared, step
        else:
            commands.append(step)
    readme = (project / "README.md").read_text()
    tests = _readme_block(readme, "Test")
    assert tests, "the README has a Test section with commands"
    env = {
        **os.environ,
        "PATH": _fresh_runner_path(project_env, tmp_path),
        "PYTHONDONTWRITEBYTECODE": "1",
        # What `pip install -e .` adds to the environment, without changing the shared one.
        "PYTHONPATH": str(project),
    }
    for command in dict.fromkeys([*commands, *tests]):
        result = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", command],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
    # What the README offers beside the block works where gradio-forge is installed.
    prose = re.findall(r"`(new-app [^`]+)`", readme.split("\n## Test\n", 1)[1].split("\n## ")[0])
    assert prose == ["new-app doctor ."]
    doctor = subprocess.run(
        [Path(project_env).parent / "new-app", *shlex.split(prose[0])[1:]],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr


def _next_steps(stderr: str) -> list[str]:
    lines = stderr.split("Next steps (from README.md):\n", 1)[1].splitlines()
    steps = [line.split("  #", 1)[0].strip() for line in lines if line.startswith("  ")]
    return [step for step in steps if step]


def test_next_steps_make_a_venv_of_the_chosen_python(tmp_path: Path) -> None:
    """The printed venv command makes an environment the project's requires-python accepts."""
    env = _every_pyenv_python()
    others = [v for v in PYTHON_VERSIONS if v != QUESTIONS.by_name("python_version").default]
    version = next((v for v in others if _runs(f"python{v}", env=env)), None)
    if version is None:
        pytest.skip(f"no Python {' or '.join(others)} on this machine")
    created = run_cli("demo", "-y", "--no-git", "--python-version", version, cwd=tmp_path, env=env)
    assert created.returncode == 0, created.stderr
    assert "warning:" not in created.stderr
    venv_line = next(step for step in _next_steps(created.stderr) if "-m venv" in step)
    make_venv = venv_line.split(" && ")[0]  # the install that follows needs the package index
    subprocess.run(
        shlex.split(make_venv), cwd=tmp_path / "demo", env={**os.environ, **env}, check=True
    )
    python = tmp_path / "demo" / ".venv" / "bin" / "python"
    made = subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    project = tomllib.loads((tmp_path / "demo" / "pyproject.toml").read_text())["project"]
    assert SpecifierSet(project["requires-python"]).contains(made), (venv_line, made)


def test_missing_python_is_warned_about_at_creation(tmp_path: Path) -> None:
    """One line, on stderr, once the project is made; a Python that is there gets none."""
    path = "/usr/bin:/bin"
    absent = next(v for v in PYTHON_VERSIONS if not _runs(f"python{v}", path=path))
    created = run_cli(
        "demo", "-y", "--no-git", "--python-version", absent, cwd=tmp_path, env={"PATH": path}
    )
    assert created.returncode == 0, created.stderr
    warnings = [line for line in created.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and f"python{absent} is not on this machine" in warnings[0]
    assert (tmp_path / "demo" / "app.py").is_file()  # a warning, not a refusal


def _this_distribution() -> tuple[str, str]:
    fields = dict(
        line.split("=", 1)
        for line in Path("/etc/os-release").read_text().splitlines()
        if "=" in line
    )
    return fields.get("ID", "").strip('"'), fields.get("VERSION_ID", "").strip('"')


@pytest.mark.parametrize("version", PYTHON_VERSIONS)
def test_server_readme_names_a_release_that_has_the_python(
    render: Callable[..., Path], version: str
) -> None:
    """Where the README's release is this machine's, apt knows the package it installs."""
    readme = (render(deploy_target="server", python_version=version) / "README.md").read_text()
    named = re.search(r"On an? (.+?) server", readme.replace("\n", " "))
    assert named, "the server README names the release its commands are for"
    package = f"python{version}-venv"
    assert f"sudo apt install git {package}" in readme
    assert f"sudo python{version} -m venv .venv" in readme
    distribution, release = _this_distribution()
    words = named[1].lower().split()
    if distribution not in words or not shutil.which("apt-cache"):
        pytest.skip(f"the README names {named[1]}; this machine runs {distribution} {release}")
    if re.search(r"\d", named[1]) and release not in words:
        pytest.skip(f"the README names {named[1]}; this machine runs {distribution} {release}")
    found = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
    assert found.returncode == 0, f"{named[1]} has no {package}, as this machine shows"


REPO_README = REPO / "README.md"


def test_readme_question_table_is_generated_from_copier_yml() -> None:
    readme = REPO_README.read_text()
    assert "<!-- questions:start -->" in readme and "<!-- questions:end -->" in readme
    script = REPO / "scripts" / "questions_docs.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # The table says what copier.yml says, e.g. chat's own concurrency default.
    table = readme.split("<!-- questions:start -->", 1)[1].split("<!-- questions:end -->")[0]
    row = next(line for line in table.splitlines() if "`--concurrency-limit`" in line)
    chat = QUESTIONS.resolve({"project_name": "x", "app_type": "chat"}, use_defaults=True)
    assert f"`{chat.answers['concurrency_limit']}` for chat" in row


def _commands(markdown: str, heading: str) -> list[str]:
    """The `new-app` lines of the ```sh blocks under `heading`, without their comments."""
    section = markdown.split(heading, 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if command.startswith("new-app"):
                commands.append(command)
    return commands


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    placeholders = {"NAME": "demo", "[flags]": "-y", "[DIR]": "."}
    words = [placeholders.get(word, word) for word in shlex.split(command)]
    return run_cli(*words[1:], cwd=cwd, timeout=120)


def test_every_command_the_readme_documents_works(tmp_path: Path) -> None:
    readme = REPO_README.read_text()
    commands = _commands(readme, "\n## Using `new-app`\n")
    assert len(commands) >= 8
    updates = [command for command in commands if command.split()[1] in {"check", "update"}]
    for number, command in enumerate(c for c in commands if c not in updates):
        here = tmp_path / f"create-{number}"
        here.mkdir()
        if "answers.yml" in command:
            (here / "answers.yml").write_text("deploy_target: docker\nauth: password\n")
        result = _run(command, here)
        assert result.returncode == 0, f"{command}:\n{result.stderr}"
    project = tmp_path / "kept"
    assert invoke_cli("kept", "-y", cwd=tmp_path).returncode == 0
    for command in updates:
        result = _run(command, project)
        assert result.returncode == 0, f"{command}:\n{result.stderr}"
    assert (project / "Dockerfile").is_file()  # the last one moved it to docker


@pytest.mark.parametrize(
    ("answers", "made"),
    [
        ({"deploy_target": "local"}, "Dockerfile"),
        ({"app_type": "chat", "chat_backend": "echo"}, "demo/backend.py"),
    ],
)
def test_generated_readme_update_commands_work(
    tmp_path: Path, answers: dict[str, str], made: str
) -> None:
    """What a project's README tells its owner to run, run there, does what it says."""
    flags = [f"--{key.replace('_', '-')}={value}" for key, value in answers.items()]
    assert invoke_cli("demo", "-y", *flags, cwd=tmp_path).returncode == 0
    project = tmp_path / "demo"
    readme = (project / "README.md").read_text()
    assert "move your code over" not in readme
    commands = re.findall(r"`(new-app update [^`]+)`", readme)
    assert commands, "the README says how to change the target or backend"
    before = (project / made).read_text() if (project / made).exists() else None
    result = _run(commands[0], project)
    assert result.returncode == 0, f"{commands[0]}:\n{result.stderr}"
    assert (project / made).is_file() and (project / made).read_text() != before


@pytest.mark.parametrize(
    ("backend", "secret"), [("hf-inference", "HF_TOKEN"), ("openai-compatible", "OPENAI_API_KEY")]
)
def test_next_steps_are_the_readmes_commands_and_name_the_secret(
    tmp_path: Path, backend: str, secret: str
) -> None:
    flags = ["--app-type", "chat", "--chat-backend", backend, "--auth", "password"]
    created = invoke_cli("demo", "-y", "--no-git", *flags, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    steps = created.stderr.split("Next steps (from README.md):\n", 1)[1]
    assert secret in steps and "python -m demo hash-password" in steps
    assert f"{secret}=" in (tmp_path / "demo" / ".env.example").read_text()
    readme = (tmp_path / "demo" / "README.md").read_text()
    printed = [line.removeprefix("  ") for line in steps.splitlines() if line.startswith("  ")]
    assert printed == [
        "cd demo",
        *readme_commands(readme, "Run it"),
        *readme_commands(readme, "Test"),
    ]


def test_model_server_answers_reach_the_project(tmp_path: Path) -> None:
    flags = ["--app-type", "chat", "--chat-backend", "openai-compatible"]
    flags += ["--openai-base-url", "http://localhost:11434/v1", "--chat-model", "llama3.2:1b"]
    created = invoke_cli("demo", "-y", "--no-git", *flags, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    project = tmp_path / "demo"
    env = (project / ".env.example").read_text()
    assert "OPENAI_BASE_URL=http://localhost:11434/v1" in env
    assert "APP_CHAT_MODEL=llama3.2:1b" in env
    settings = (project / "demo" / "settings.py").read_text()
    assert '"llama3.2:1b"' in settings and '"http://localhost:11434/v1"' in settings
    assert_lints_clean(project)
