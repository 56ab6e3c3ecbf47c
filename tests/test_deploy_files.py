"""Each deployment target's files: the right ones appear, and the real tools accept them."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import CHOICES, assert_caddy_accepts, assert_nginx_accepts, require_tool

TARGET_FILES = {
    "local": set(),
    "spaces": {".github/workflows/sync-to-space.yml", "tests/test_space.py"},
    "docker": {"Dockerfile", ".dockerignore", "compose.yaml", "deploy/nginx.conf"},
    "server": {"deploy/nginx.conf", "deploy/Caddyfile", "deploy/proj.service"},
}
ALL_TARGET_FILES = set().union(*TARGET_FILES.values())


def deployed(render: Callable[..., Path], target: str) -> Path:
    return render(app_type="single-function", deploy_target=target, auth="password")


def run(*command: str | Path, cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("target", CHOICES["deploy_target"])
def test_each_target_renders_only_its_own_files(render: Callable[..., Path], target: str) -> None:
    project = deployed(render, target)
    files = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert TARGET_FILES[target] <= files
    assert not (ALL_TARGET_FILES - TARGET_FILES[target]) & files


def test_dockerfile_passes_hadolint(render: Callable[..., Path]) -> None:
    project = deployed(render, "docker")
    run(require_tool("hadolint"), "Dockerfile", cwd=project)


def test_dockerfile_runs_the_app_as_its_settings_expect(render: Callable[..., Path]) -> None:
    dockerfile = (deployed(render, "docker") / "Dockerfile").read_text()
    assert "EXPOSE 7860" in dockerfile
    assert "GRADIO_SERVER_NAME=0.0.0.0" in dockerfile
    assert "GRADIO_SERVER_PORT=7860" in dockerfile
    assert "GRADIO_ROOT_PATH=/proj" in dockerfile
    assert "http://127.0.0.1:7860/" in dockerfile.split("HEALTHCHECK", 1)[1]
    assert 'CMD ["python", "app.py"]' in dockerfile
    assert "\nUSER " in dockerfile  # not root


def test_compose_file_matches_the_compose_schema(render: Callable[..., Path]) -> None:
    project = deployed(render, "docker")
    checker = require_tool("check-jsonschema")
    run(checker, "--builtin-schema", "vendor.compose-spec", "compose.yaml", cwd=project)


@pytest.mark.parametrize("target", CHOICES["deploy_target"])
def test_workflows_match_the_github_schema(render: Callable[..., Path], target: str) -> None:
    project = deployed(render, target)
    workflows = sorted((project / ".github" / "workflows").glob("*.yml"))
    checker = require_tool("check-jsonschema")
    run(checker, "--builtin-schema", "vendor.github-workflows", *workflows, cwd=project)


@pytest.mark.parametrize("target", ["docker", "server"])
def test_nginx_accepts_the_site(render: Callable[..., Path], target: str, tmp_path: Path) -> None:
    site = (deployed(render, target) / "deploy" / "nginx.conf").read_text()
    assert_nginx_accepts(site, tmp_path)
    assert "client_max_body_size 11m;" in site  # the 10 MB upload limit plus the multipart envelope
    assert "proxy_buffering off;" in site


def test_caddy_accepts_the_caddyfile(render: Callable[..., Path]) -> None:
    project = deployed(render, "server")
    assert_caddy_accepts(project / "deploy" / "Caddyfile")
    text = (project / "deploy" / "Caddyfile").read_text()
    assert "flush_interval -1" in text
