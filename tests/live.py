"""Generated apps and their generated proxy configs, started for real on 127.0.0.1 ports.

The app runs as a user runs it (`python app.py`, settings from the environment); nginx and
Caddy run the generated files with only the listen address and the upstream swapped in.
"""

import json
import os
import re
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .helpers import APP_PORT, require_tool

START_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def package_dir(project: Path) -> Path:
    """The generated app package: the one folder holding `server.py`."""
    (server,) = project.glob("*/server.py")
    return server.parent


@dataclass
class RunningApp:
    url: str  # ends with "/"
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def rss_bytes(self, field: str = "VmRSS") -> int:
        """Resident memory of the app process, from /proc: now, or its peak with "VmHWM"."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)
        assert match, status
        return int(match.group(1)) * 1024

    def reset_peak_rss(self) -> None:
        """Start VmHWM afresh from the current resident memory (Linux's clear_refs)."""
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")


def app_environment(**settings: str) -> dict[str, str]:
    """The process environment minus any APP_/GRADIO_ settings of the developer's shell."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("APP_", "GRADIO_", "OPENAI_", "HF_"))
    }
    return {
        **base,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONUNBUFFERED": "1",
        **settings,
    }


def launch_environment(
    port: int, temp_dir: Path, *, server_name: str | None = "127.0.0.1", **settings: str
) -> dict[str, str]:
    """The environment `python app.py` runs in: on `port`, Gradio's temporary files in `temp_dir`.

    Port, temporary folder and interface win over `settings`, which may be a Dockerfile's ENV.
    `server_name=None` leaves GRADIO_SERVER_NAME as `settings` give it: without one, the app
    picks its interface itself.
    """
    launch = {"GRADIO_SERVER_PORT": str(port), "GRADIO_TEMP_DIR": str(temp_dir)}
    if server_name is not None:
        launch["GRADIO_SERVER_NAME"] = server_name
    return app_environment(**{**settings, **launch})


@contextmanager
def serve_app(
    project: Path,
    python: str,
    log_dir: Path,
    *,
    server_name: str | None = "127.0.0.1",
    **settings: str,
) -> Iterator[RunningApp]:
    """Start `python app.py` in `project` on a free port, `settings` as environment variables.

    `server_name=None` leaves GRADIO_SERVER_NAME unset: the app picks its interface itself.
    """
    port = free_port()
    env = launch_environment(
        port, log_dir / f"gradio-tmp-{port}", server_name=server_name, **settings
    )
    log_path = log_dir / f"app-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [python, "app.py"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    app = RunningApp(f"http://127.0.0.1:{port}/", process, log_path)
    try:
        _wait_for_http(app.url, process, log_path)
        yield app
    finally:
        _stop(process, signal.SIGINT)


def queue_events(
    http: httpx.Client, url: str, api_name: str, *data: Any
) -> list[tuple[float, dict[str, Any]]]:
    """Run `api_name` over Gradio's queue as the browser does, at the app's public `url`.

    Joins the queue, then reads the Server-Sent Events of `gradio_api/queue/data` until the
    event completes; returns each message with its arrival time (`time.monotonic()`).
    Inputs after `data` (gr.State) are sent empty.
    """
    config = http.get(url + "config").raise_for_status().json()
    (dependency,) = [d for d in config["dependencies"] if d["api_name"] == api_name]
    inputs = [*data, *[None] * (len(dependency["inputs"]) - len(data))]
    session = uuid.uuid4().hex
    join = {"data": inputs, "fn_index": dependency["id"], "session_hash": session}
    http.post(url + "gradio_api/queue/join", json=join).raise_for_status()
    events = []
    stream = http.stream("GET", url + "gradio_api/queue/data", params={"session_hash": session})
    with stream as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line.removeprefix("data:"))
                events.append((time.monotonic(), message))
                if message["msg"] == "process_completed":
                    break
    return events


def tiny_model(project: Path, python: str, directory: Path) -> Path:
    """Build the gpu-inference project's own tiny local model (tests/tiny_model.py)."""
    code = "import sys; from pathlib import Path; from tiny_model import save_tiny_model; "
    code += "save_tiny_model(Path(sys.argv[1]))"
    subprocess.run([python, "-c", code, str(directory)], cwd=project / "tests", check=True)
    return directory


def password_hash(project: Path, python: str, password: str) -> str:
    """An APP_AUTH_PASSWORD_HASH value, made by the project's own `hash-password` command."""
    result = subprocess.run(
        [python, "-m", package_dir(project).name, "hash-password"],
        cwd=project,
        input=password + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    line = result.stdout.strip()
    assert line.startswith("APP_AUTH_PASSWORD_HASH='") and line.endswith("'"), line
    return line.split("=", 1)[1].strip("'")


def nginx_config(site: str, workdir: Path, *, port: int | None, upstreams: list[str]) -> Path:
    """A whole nginx config in `workdir` around the generated `site` (deploy/nginx.conf).

    The site's `listen 80` lines (the default server's too) become 127.0.0.1:`port` (stay
    with `port=None`), its upstream `server` line one line per address of `upstreams`
    ("127.0.0.1:PORT"); everything else is as generated. nginx gets Debian's 768
    worker_connections. Returns the path of nginx.conf.
    """
    address = "80" if port is None else f"127.0.0.1:{port}"
    site, listens = re.subn(
        r"^(\s*)listen 80( default_server)?;$", rf"\1listen {address}\2;", site, flags=re.M
    )
    site, servers = re.subn(
        rf"^(\s*)server \S+:{APP_PORT};$",
        lambda match: "\n".join(f"{match.group(1)}server {address};" for address in upstreams),
        site,
        flags=re.M,
    )
    assert listens in (1, 2) and servers == 1, (
        f"the harness no longer recognizes this site:\n{site}"
    )
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "site.conf").write_text(site)
    temp_paths = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx's workers would run as nobody, who cannot write the temp paths in
    # pytest's private directory: large request bodies would fail with 500.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config = workdir / "nginx.conf"
    config.write_text(
        f"{user}pid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} info;\n"
        # Debian's /etc/nginx/nginx.conf: what a flood of connections runs into.
        "events { worker_connections 768; }\n"
        "http {\n"
        # Which upstream served each request, for tests of the load balancing.
        "    log_format upstream '$remote_addr \"$request\" $status $upstream_addr';\n"
        f"    access_log {workdir / 'access.log'} upstream;\n"
        f"{temp_paths}\n"
        f"    include {workdir / 'site.conf'};\n"
        "}\n"
    )
    return config


@contextmanager
def run_nginx(
    config: Path, workdir: Path, *, upstreams: list[str], port: int | None = None
) -> Iterator[str]:
    """Run the generated nginx site `config` in front of `upstreams` ("127.0.0.1:PORT"), on
    `port` (a free one by default)."""
    nginx = require_tool("nginx")
    port = port or free_port()
    wrapper = nginx_config(config.read_text(), workdir, port=port, upstreams=upstreams)
    command = [nginx, "-p", str(workdir), "-e", str(workdir / "error.log")]
    subprocess.run([*command, "-t", "-q", "-c", str(wrapper)], check=True)
    process = subprocess.Popen(
        [*command, "-c", str(wrapper), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process, workdir / "error.log")
        yield f"http://127.0.0.1:{port}"
    finally:
        # Fast shutdown: a graceful one waits for open event streams (gradio_client heartbeats).
        _stop(process, signal.SIGTERM)


@contextmanager
def run_caddy(
    caddyfile: Path,
    workdir: Path,
    *,
    upstream: str,
    host: str = "127.0.0.1",
    port: int | None = None,
) -> Iterator[str]:
    """Run the generated Caddyfile over plain HTTP on `port` (a free one by default), in front
    of `upstream`.

    Its site answers to `host` (give the generated domain to test that Caddy routes by it);
    the URL yielded is always 127.0.0.1's.
    """
    caddy = require_tool("caddy")
    port = port or free_port()
    text = caddyfile.read_text()
    # The site's address: the first block that is neither the global options nor a snippet.
    text, sites = re.subn(r"^[^\s({]\S* \{$", f"http://{host}:{port} {{", text, count=1, flags=re.M)
    local = rf"reverse_proxy 127\.0\.0\.1:{APP_PORT}"
    text, proxies = re.subn(local, f"reverse_proxy {upstream}", text)
    # No admin endpoint: parallel test runs would all want its port 2019. Listen on 127.0.0.1
    # only, the address free_port() checked: all interfaces would also clash with the ports
    # of connections on other loopback addresses.
    text, options = re.subn(
        r"\A((?:#.*\n)*)\{\n", r"\1{\n\tadmin off\n\tdefault_bind 127.0.0.1\n", text, count=1
    )
    assert (sites, proxies, options) == (1, 1, 1), "the harness no longer recognizes the Caddyfile"
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "Caddyfile").write_text(text)
    log = workdir / "caddy.log"
    env = {**os.environ, "XDG_DATA_HOME": str(workdir), "XDG_CONFIG_HOME": str(workdir)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [caddy, "run", "--adapter", "caddyfile", "--config", str(workdir / "Caddyfile")],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process, signal.SIGTERM)


def _wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {START_TIMEOUT_S} s:\n{log.read_text()}")


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            text = log.read_text() if log.exists() else ""
            raise RuntimeError(f"proxy exited with {process.returncode}:\n{text}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


def _stop(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
