"""No secret leaves the environment: not into generated files, the app's log, or its pages.

The live checks run the real chat apps, with password login, against the generated project's
own stand-in model server (tests/model_server.py), through a successful reply and the error
paths, which are where keys usually leak.
"""

import importlib.util
import re
import secrets
import shutil
import string
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from dotenv import dotenv_values

from .helpers import USERNAME
from .live import free_port, launch_environment, package_dir, password_hash, serve_app

# Shapes of credentials, to catch one whatever its value.
SECRET_SHAPES = {
    "argon2 hash": r"\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+",
    "OpenAI key": r"\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}",
    "Hugging Face token": r"\bhf_[A-Za-z0-9]{30,}",
    "GitHub token": r"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})",
    "AWS key": r"\bAKIA[0-9A-Z]{16}\b",
    "private key": r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
    # Mixed case and digits: encoded random bytes, not a word or a path.
    "long base64": r"(?<![\w+/])(?=[\w+/]*\d)(?=[\w+/]*[A-Z])(?=[\w+/]*[a-z])[A-Za-z0-9+/]{40,}",
}
# The variables of the app's SecretStr settings, as its own test_settings.py names them.
SECRET_VARIABLES = """
from pydantic import SecretStr
from {package}.settings import Settings
for name, field in Settings.model_fields.items():
    if field.annotation is SecretStr:
        print(field.validation_alias or f"APP_{{name.upper()}}")
"""


def secret_like(text: str) -> list[str]:
    return [
        f"{shape}: {match[0]}"
        for shape, pattern in SECRET_SHAPES.items()
        for match in re.finditer(pattern, text)
    ]


def env_example(project: Path) -> dict[str, str | None]:
    """The variables of .env.example with their values, as the app's settings read them."""
    return dotenv_values(project / ".env.example")


def test_rendered_files_hold_nothing_secret_like(every_project: list[Path]) -> None:
    for project in every_project:
        for path in sorted(project.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                assert not secret_like(path.read_text()), path


def test_every_secret_has_an_obviously_fake_placeholder(
    every_project: list[Path], project_env: str
) -> None:
    secret_variables: dict[str, set[str]] = {}  # by settings.py: few distinct ones
    for project in every_project:
        package = package_dir(project)
        settings = (package / "settings.py").read_text()
        if settings not in secret_variables:
            code = SECRET_VARIABLES.format(package=package.name)
            result = subprocess.run(
                [project_env, "-c", code], cwd=project, capture_output=True, text=True, check=True
            )
            secret_variables[settings] = set(result.stdout.split())
        placeholders = {
            name: value
            for name, value in env_example(project).items()
            if value and "paste" in value
        }
        assert set(placeholders) == secret_variables[settings], project
        for value in placeholders.values():
            assert re.fullmatch(r"paste-[a-z-]+-here", value), value
    assert set().union(*secret_variables.values()) == {
        "APP_AUTH_PASSWORD_HASH",
        "OPENAI_API_KEY",
        "HF_TOKEN",
    }


def test_app_refuses_the_placeholder_hash(
    render: Callable[..., Path], project_env: str, tmp_path: Path
) -> None:
    """`cp .env.example .env` without pasting a hash: one line that names the variable."""
    project = tmp_path / "proj"
    shutil.copytree(render(app_type="single-function", auth="password"), project)
    shutil.copy(project / ".env.example", project / ".env")
    result = subprocess.run(
        [project_env, "app.py"],
        cwd=project,
        # A free port, should it start after all.
        env=launch_environment(free_port(), tmp_path / "gradio"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("APP_AUTH_PASSWORD_HASH "), line
    assert "hash-password" in line


@dataclass
class Session:
    """What a real app did and showed, with every secret it was given."""

    secrets: dict[str, str]
    log: str = ""
    pages: dict[str, str] = field(default_factory=dict)
    replies: dict[str, str] = field(default_factory=dict)
    login_status: dict[str, int] = field(default_factory=dict)
    authorization: list[str] = field(default_factory=list)


def load_model_server(project: Path) -> ModuleType:
    path = project / "tests" / "model_server.py"
    spec = importlib.util.spec_from_file_location(f"model_server_{id(project)}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def canary(prefix: str, length: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(secrets.choice(alphabet) for _ in range(length))


@pytest.fixture(scope="module", params=["openai-compatible", "hf-inference"])
def session(
    request: pytest.FixtureRequest,
    render: Callable[..., Path],
    project_env: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Session:
    """Log in (wrong, then right), chat, fail; then stop the app and keep its log."""
    backend = request.param
    project = render(app_type="chat", chat_backend=backend, auth="password")
    password = canary("pw-", 24)
    session = Session(
        secrets={
            "password": password,
            "wrong password": canary("pw-", 24),
            "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, password),
        }
    )
    if backend == "openai-compatible":
        session.secrets["OPENAI_API_KEY"] = canary("sk-proj-", 40)
    else:
        session.secrets["HF_TOKEN"] = canary("hf_", 34)
    settings = {name: value for name, value in session.secrets.items() if name.isupper()}
    with load_model_server(project).ModelServer() as model_server:
        if backend == "openai-compatible":
            settings["OPENAI_BASE_URL"] = f"{model_server.url}/v1"
        else:
            settings["APP_HF_ENDPOINT_URL"] = model_server.url
            settings["HF_HUB_OFFLINE"] = "0"  # it would refuse every request, even to localhost
        with serve_app(
            project,
            project_env,
            tmp_path_factory.mktemp("secrets"),
            APP_AUTH_USERNAME=USERNAME,
            APP_REQUEST_TIMEOUT_S="1",
            **settings,
        ) as app:
            exercise(app.url, session, model_server)
        session.log = app.log()  # complete: the app has stopped
    return session


def exercise(url: str, session: Session, model_server: Any) -> None:
    # Installed with the generated projects' requirements (project_env), not at collection.
    from gradio_client import Client

    for attempt in ("wrong password", "password"):
        with httpx.Client(base_url=url, timeout=30) as http:
            login = {"username": USERNAME, "password": session.secrets[attempt]}
            session.login_status[attempt] = http.post("/login", data=login).status_code
            for page in ("/", "/config", "/gradio_api/info"):
                session.pages[f"{page} after the {attempt}"] = http.get(page).text
    client = Client(url, auth=(USERNAME, session.secrets["password"]), verbose=False)
    # A reply; the server failing; the server silent for longer than the app waits.
    for prompt in ("hello", "fail", "hang"):
        session.replies[prompt] = client.predict(prompt, api_name="/chat")
    session.authorization = [request["authorization"] for request in model_server.requests]
    # And the server gone (its `with` shuts it down once more, which is a no-op).
    model_server.shutdown()
    model_server.server_close()
    session.replies["unreachable"] = client.predict("hello", api_name="/chat")
    client.close()


def test_the_app_used_its_secrets(session: Session) -> None:
    assert session.login_status == {"wrong password": 400, "password": 200}
    assert session.replies["hello"] == "You said: hello"
    assert "HTTP 500" in session.replies["fail"]
    assert "did not answer within 1 s" in session.replies["hang"]
    assert "cannot be reached" in session.replies["unreachable"]
    key = session.secrets.get("OPENAI_API_KEY") or session.secrets["HF_TOKEN"]
    assert session.authorization == [f"Bearer {key}"] * 3
    # The shapes would catch them, had they leaked.
    assert all(secret_like(value) for name, value in session.secrets.items() if name.isupper())


def test_log_holds_no_secret(session: Session) -> None:
    # The failures were logged, so the error paths were taken.
    for failure in ("500", "timed out", "unreachable"):
        assert failure in session.log, session.log
    for name, value in session.secrets.items():
        assert value not in session.log, f"{name} is in the log"
    assert not secret_like(session.log), session.log


def test_pages_hold_no_secret(session: Session) -> None:
    # Logged in, the config lists the app's components; before, it is refused.
    assert '"components"' in session.pages["/config after the password"]
    assert '"components"' not in session.pages["/config after the wrong password"]
    assert "/chat" in session.pages["/gradio_api/info after the password"]
    for page, text in session.pages.items():
        for name, value in session.secrets.items():
            assert value not in text, f"{name} is in {page}"
        assert not secret_like(text), page
