"""Two app replicas behind the generated nginx and Caddy configs: each client stays on one.

Logins, the queue and gr.State live in one app process, so every request of a client must
reach the replica it logged in on: a login token from one replica is refused by the other.
The clients come from different loopback addresses (Linux answers all of 127/8).
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from .helpers import USERNAME
from .live import RunningApp, password_hash, queue_events, run_caddy, run_nginx, serve_app

PASSWORD = "correct horse battery staple"
ROOT_PATH = "/proj"
CLIENTS = [f"127.0.0.{n}" for n in range(2, 18)]
ROUNDS = 4  # of a config request and a call over the queue, after the login
TEXT = "Replicas share nothing: each process has its own queue, sessions and logins."
# The line of each generated config that keeps a client on one replica.
STICKY = {"nginx": "hash $remote_addr;", "caddy": "lb_policy ip_hash"}


@dataclass
class Replicas:
    project: Path
    apps: list[RunningApp]
    ids: dict[int, str]  # Gradio's app_id, random per process -> the replica's address


@dataclass
class Visit:
    """What one client saw: the status of each request, and the replicas that answered."""

    statuses: list[int] = field(default_factory=list)
    app_ids: set[int] = field(default_factory=set)


@pytest.fixture(scope="module")
def replicas(
    render: Callable[..., Path], project_env: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Replicas]:
    project = render(app_type="single-function", deploy_target="server", auth="password")
    settings = {
        "GRADIO_ROOT_PATH": ROOT_PATH,
        "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, PASSWORD),
    }
    logs = tmp_path_factory.mktemp("replicas")
    with ExitStack() as stack:
        apps = [stack.enter_context(serve_app(project, project_env, logs, **settings))]
        apps.append(stack.enter_context(serve_app(project, project_env, logs, **settings)))
        ids = {app_id(app): urlsplit(app.url).netloc for app in apps}
        assert len(ids) == 2
        yield Replicas(project, apps, ids)


def app_id(app: RunningApp) -> int:
    """Gradio's app_id of one replica, asked directly: like all else, only after a login."""
    with httpx.Client(base_url=app.url, timeout=30) as http:
        login = http.post("login", data={"username": USERNAME, "password": PASSWORD})
        assert login.status_code == 200, login.text
        return http.get("gradio_api/app_id").json()["app_id"]


def behind(
    proxy: str, replicas: Replicas, workdir: Path, *, sticky: bool
) -> AbstractContextManager[str]:
    """The generated config of `proxy` in front of both replicas, without its sticky line
    unless `sticky`."""
    name = "nginx.conf" if proxy == "nginx" else "Caddyfile"
    text = (replicas.project / "deploy" / name).read_text()
    assert STICKY[proxy] in text
    config = workdir / f"generated-{name}"
    config.write_text(text if sticky else text.replace(STICKY[proxy], ""))
    upstreams = [urlsplit(app.url).netloc for app in replicas.apps]
    if proxy == "nginx":
        return run_nginx(config, workdir, upstreams=upstreams)
    # Caddy's reverse_proxy takes every upstream on its own line.
    return run_caddy(config, workdir, upstream=" ".join(upstreams))


def visit(url: str, address: str) -> Visit:
    """Log in from `address`, then ask for the config and call the app over the queue."""
    seen = Visit()
    transport = httpx.HTTPTransport(local_address=address)
    with httpx.Client(transport=transport, timeout=60) as http:
        login = http.post(url + "login", data={"username": USERNAME, "password": PASSWORD})
        seen.statuses.append(login.status_code)
        for _ in range(ROUNDS):
            config = http.get(url + "config")
            seen.statuses.append(config.status_code)
            if config.status_code == 200:
                seen.app_ids.add(config.json()["app_id"])
            try:
                events = queue_events(http, url, "analyze", TEXT, 3)
            except httpx.HTTPStatusError as error:
                seen.statuses.append(error.response.status_code)
            else:
                done = events[-1][1]
                assert done["success"], f"the call failed: {done}"
                seen.statuses.append(200)
                assert done["output"]["data"][1] == len(TEXT.split()), done
    return seen


def visit_all(base: str, clients: list[str]) -> dict[str, Visit]:
    return {address: visit(f"{base}{ROOT_PATH}/", address) for address in clients}


def upstreams_by_client(access_log: Path) -> dict[str, set[str]]:
    """From the harness's nginx log format: `$remote_addr "$request" $status $upstream_addr`."""
    served: dict[str, set[str]] = defaultdict(set)
    for line in access_log.read_text().splitlines():
        match = re.fullmatch(r'(\S+) "[^"]*" \d+ (.+)', line)
        assert match, line
        served[match.group(1)].add(match.group(2))
    return served


@pytest.mark.parametrize("proxy", ["nginx", "caddy"])
def test_each_client_stays_on_the_replica_it_logged_in_on(
    proxy: str, replicas: Replicas, tmp_path: Path
) -> None:
    with behind(proxy, replicas, tmp_path, sticky=True) as base:
        visits = visit_all(base, CLIENTS)
    for address, seen in visits.items():
        assert set(seen.statuses) == {200}, (address, seen.statuses)
        assert len(seen.app_ids) == 1, (address, seen.app_ids)
    placement = {address: replicas.ids[seen.app_ids.pop()] for address, seen in visits.items()}
    per_replica = {
        replica: sorted(a for a, r in placement.items() if r == replica)
        for replica in replicas.ids.values()
    }
    print(f"{proxy}: {len(CLIENTS)} clients x {1 + ROUNDS * 4} requests; by replica:", per_replica)
    assert all(per_replica.values()), "every client landed on the same replica"
    if proxy == "nginx":
        # Every request of a client, as nginx routed it (not only those that name the replica).
        served = upstreams_by_client(tmp_path / "access.log")
        assert {address: served[address] for address in CLIENTS} == {
            address: {replica} for address, replica in placement.items()
        }


@pytest.mark.parametrize("proxy", ["nginx", "caddy"])
def test_without_the_sticky_line_logged_in_sessions_break(
    proxy: str, replicas: Replicas, tmp_path: Path
) -> None:
    # The control: the same config minus its one sticky line spreads each client's requests
    # over both replicas (nginx round-robin, Caddy at random), and the other refuses the login.
    with behind(proxy, replicas, tmp_path, sticky=False) as base:
        visits = visit_all(base, CLIENTS[:4])
    statuses = [status for seen in visits.values() for status in seen.statuses]
    print(f"{proxy} without {STICKY[proxy]!r}: statuses", statuses)
    assert 401 in statuses
    assert set(statuses) <= {200, 401}
