"""With auth=password, every route of a generated app is closed to strangers but a few.

The routes are the app's own: a subprocess builds the app as `python app.py` does
(server.create_app) and prints every route of it and of the Gradio app mounted on it. Before
a login, only the login page, the login and the logout answer; every other route, whatever
Gradio adds in a later version, answers 401 (login.py's gate). After a login, each one must
be classified here, so nothing new slips through unchecked.
"""

import json
import re
import statistics
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from .helpers import USERNAME
from .live import (
    RunningApp,
    free_port,
    launch_environment,
    package_dir,
    password_hash,
    serve_app,
)

USER = "editor"
PASSWORD = "correct horse battery staple"
# Text only the app's config, API description or files carry: never in what a stranger gets.
MARKERS = ("Split and summarize", "Paste text", "Ziggurat-7f3a")
DOCUMENT = "# Ziggurat-7f3a\n\nA document nobody may read without the password.\n"

Route = tuple[str, str]  # (method, path as the app declares it)

# What a stranger may reach, and why; every other route answers 401 before a login.
OPEN: dict[Route, str] = {
    ("GET", "/"): "the login page (the app's page once logged in)",
    ("HEAD", "/"): "the login page (the app's page once logged in)",
    ("POST", "/login"): "the login form posts here",
    ("POST", "/login/"): "the login form posts here",
    ("GET", "/logout"): "a page with the logout button; the logout itself is a POST",
    ("POST", "/logout"): "ends the caller's own session",
}

# Closed by the guard for everyone, before any login: the app records no audio or video.
CLOSED = {("POST", "/gradio_api/process_recording"): "This app takes no files here."}
# Disabled features answer 403 even after a login; any other refusal after a login is a bug.
REFUSED_WHEN_LOGGED_IN = {
    **CLOSED,
    # Gradio's frontend files only: the probe asks them for an upload, which they refuse.
    **{("GET", f"/{kind}/{{path:path}}"): "Forbidden" for kind in ("assets", "static", "svelte")},
    ("GET", "/monitoring"): "Monitoring is not enabled.",
    ("GET", "/monitoring/summary"): "Monitoring is not enabled.",
    ("GET", "/monitoring/{key}"): "Monitoring is not enabled.",
    **{
        (method, f"/gradio_api/{name}{slash}"): ""  # the `gradio --vibe` editor: off
        for method, name in [
            ("POST", "vibe-edit"),
            ("POST", "undo-vibe-edit"),
            ("GET", "vibe-code"),
            ("POST", "vibe-code"),
            ("POST", "vibe-starter-queries"),
        ]
        for slash in ("", "/")
    },
}

# The /run and /api routes take no session, so the app's steps that need one stop at its own
# guard: a gr.Error, which Gradio answers 500. Any other 5xx after a login is a bug.
APP_ERRORS = {"Load a document first.", "Split the document into sections first."}

# What each API endpoint takes, by parameter name.
API_INPUTS: dict[str, dict[str, Any]] = {
    "load": {"text": "Ziggurat-7f3a, pasted by the member.", "upload": None},
    "process": {"mode": "paragraphs"},
    "export": {"rows": {"headers": [], "data": []}, "fmt": "md"},
    "reset": {"upload": None},
}
QUERIES = {
    "/gradio_api/deep_link": "?session_hash=probe",
    "/gradio_api/upload_progress": "?upload_id=probe",
    "/gradio_api/queue/data": "?session_hash=probe",
}

# Prints the routes of the app that `python app.py` serves, as server.py builds it.
LIST_ROUTES = """
import json, sys

def walk(routes, prefix=""):
    for route in routes:
        if hasattr(route, "effective_candidates"):  # a router FastAPI included
            yield from walk(route.effective_candidates(), prefix)
        elif hasattr(route, "routes"):  # a mounted app
            yield from walk(route.routes, prefix + route.path)
        else:
            for method in route.methods or ["*"]:
                yield method, prefix + route.path

package = sys.argv[1]
settings = __import__(package + ".settings", fromlist=["load_settings"]).load_settings()
server = __import__(package + ".server", fromlist=["create_app"])
demo = __import__(package + ".ui", fromlist=["build_demo"]).build_demo()
print("ROUTES", json.dumps(sorted(set(walk(server.create_app(demo, settings).routes)))))
"""


@dataclass(frozen=True)
class Probe:
    route: Route
    url: str  # relative to the app's URL
    json: dict[str, Any] | None = None
    files: dict[str, Any] | None = None


@dataclass
class Answer:
    status: int
    text: str  # empty for event streams, which never end

    def refused(self) -> bool:
        return self.status in (401, 403)

    def app_error(self) -> str | None:
        """The message of the gr.Error the app raised, if this is Gradio's answer with one."""
        try:
            body = json.loads(self.text)
        except json.JSONDecodeError:
            return None
        return body.get("error") if isinstance(body, dict) else None


@pytest.fixture(scope="module")
def project(render: Callable[..., Path]) -> Path:
    return render(app_type="multi-step", deploy_target="local", auth="password")


@pytest.fixture(scope="module")
def settings(project: Path, project_env: str) -> dict[str, str]:
    return {
        "APP_AUTH_USERNAME": USER,
        "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, PASSWORD),
    }


@pytest.fixture(scope="module")
def app(
    project: Path,
    project_env: str,
    settings: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningApp]:
    with serve_app(project, project_env, tmp_path_factory.mktemp("auth-app"), **settings) as app:
        yield app


@pytest.fixture(scope="module")
def routes(
    project: Path,
    project_env: str,
    settings: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> set[Route]:
    env = launch_environment(free_port(), tmp_path_factory.mktemp("routes"), **settings)
    result = subprocess.run(
        [project_env, "-c", LIST_ROUTES, package_dir(project).name],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("ROUTES ")]
    return {(method, path) for method, path in json.loads(line.removeprefix("ROUTES "))}


def login(url: str, password: str = PASSWORD) -> httpx.Response:
    return httpx.post(f"{url}login", data={"username": USER, "password": password})


@pytest.fixture(scope="module")
def member(app: RunningApp) -> Iterator[httpx.Client]:
    """A client that logged in."""
    response = login(app.url)
    assert response.status_code == 200, response.text
    with httpx.Client(base_url=app.url, cookies=response.cookies, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def strangers(app: RunningApp, member: httpx.Client) -> Iterator[dict[str, httpx.Client]]:
    """Clients without a valid cookie: none at all, or a forged one.

    A wrong password is no third kind: it sets no cookie, so its client is the anonymous one.
    """
    failed = login(app.url, PASSWORD + "x")
    assert failed.status_code == 400 and not failed.cookies
    forged = {name: uuid.uuid4().hex for name in member.cookies}
    assert forged, "the login set no cookie to forge"
    with (
        httpx.Client(base_url=app.url, timeout=30) as anonymous,
        httpx.Client(base_url=app.url, timeout=30, cookies=forged) as forger,
    ):
        yield {"anonymous": anonymous, "forged": forger}


@pytest.fixture(scope="module")
def uploaded(member: httpx.Client) -> str:
    """The server path of a document the member uploaded."""
    files = {"files": ("secret.md", DOCUMENT.encode(), "text/markdown")}
    response = member.post("gradio_api/upload", files=files)
    assert response.status_code == 200, response.text
    (path,) = response.json()
    return path


@pytest.fixture(scope="module")
def samples(member: httpx.Client, uploaded: str) -> dict[str, Any]:
    """A value for each part of a route's path: real ones, so the member's requests do work."""
    info = member.get("gradio_api/info").json()["named_endpoints"]
    parameters = {
        name[1:]: [p["parameter_name"] for p in e["parameters"]] for name, e in info.items()
    }
    assert parameters == {name: list(inputs) for name, inputs in API_INPUTS.items()}
    config = member.get("config").json()
    endpoints = {dep["api_name"]: dep for dep in config["dependencies"] if dep["api_name"]}
    types = {component["id"]: component["type"] for component in config["components"]}
    event = member.post("gradio_api/call/reset", json={"data": []})
    assert event.status_code == 200, event.text
    return {
        "event_id": event.json()["event_id"],
        "fn_index": endpoints["reset"]["id"],
        # The /run routes take every input, the session's state too.
        "inputs": {
            name: run_inputs(endpoints[name]["inputs"], types, inputs)
            for name, inputs in API_INPUTS.items()
        },
        "session_hash": "probe",
        "path": uploaded,
        "path_or_url": uploaded,
        "url_path": "https://probe.hf.space/",
        "size": "64",
        "key": "not-the-key",
        "id": "probe",
        "environment": "client",
        "type": "probe",
        "file_name": "probe.js",
        "run": "0",
        "component_id": config["components"][0]["id"],
        "segment_id": "0",
        "ext": "aac",
    }


def run_inputs(ids: list[int], types: dict[int, str], inputs: dict[str, Any]) -> list[Any]:
    values = iter(inputs.values())
    return [None if types[id_] == "state" else next(values) for id_ in ids]


@pytest.fixture(scope="module")
def documented(member: httpx.Client) -> set[Route]:
    """The requests the app's OpenAPI document describes."""
    paths = member.get("gradio_api/openapi.json").json()["paths"]
    routes = {(method.upper(), path) for path, methods in paths.items() for method in methods}
    assert len(routes) > len(API_INPUTS), routes
    return routes


def probe(route: Route, samples: dict[str, Any], api_name: str | None = None) -> Probe:
    """A request for `route`, for one API endpoint if the route runs one."""
    method, path = route
    named = re.search(r"/(?:call/v2|call|run|api)/(\w+|\{api_name\})", path)
    api_name = api_name or (named.group(1) if named else "reset")
    values = {**samples, "api_name": api_name}
    url = re.sub(r"\{(\w+)(:path)?\}", lambda match: str(values[match.group(1)]), path)
    url = url.lstrip("/") + QUERIES.get(path, "")
    if method != "POST":
        return Probe(route, url)
    if path.endswith("/upload"):
        return Probe(route, url, files={"files": ("probe.md", DOCUMENT.encode())})
    if "/call/v2/" in path:
        return Probe(route, url, API_INPUTS[api_name])
    if "/run/" in path or "/api/" in path:
        return Probe(route, url, {"data": samples["inputs"][api_name]})
    if named:
        return Probe(route, url, {"data": list(API_INPUTS[api_name].values())})
    # Every other POST route's model accepts this (extra fields are ignored). The event is a
    # stranger's guess; the function is /reset, whose one input is the session's state.
    body = {"data": [None], "session_hash": "probe", "event_id": uuid.uuid4().hex}
    body |= {"fn_index": samples["fn_index"], "component_id": samples["component_id"]}
    body |= {"fn_name": "probe"}
    return Probe(route, url, body | {"prompt": "probe", "code": "", "hash": ""})


def ask(client: httpx.Client, request: Probe) -> Answer:
    method = request.route[0]
    with client.stream(method, request.url, json=request.json, files=request.files) as response:
        if response.headers.get("content-type", "").startswith("text/event-stream"):
            return Answer(response.status_code, "")
        return Answer(response.status_code, response.read().decode(errors="replace"))


def leaks(answer: Answer) -> list[str]:
    return [marker for marker in MARKERS if marker in answer.text]


def all_probes(
    routes: set[Route], samples: dict[str, Any], documented: set[Route] = frozenset()
) -> list[Probe]:
    """Each route (one that runs an endpoint, for each endpoint), then each documented request."""
    probes = []
    for route in sorted(routes):
        names = sorted(API_INPUTS) if "{api_name}" in route[1] else [None]
        probes += [probe(route, samples, name) for name in names]
    return probes + [probe(route, samples) for route in sorted(documented)]


def test_every_route_is_closed_to_strangers_but_the_open_ones(routes: set[Route]) -> None:
    assert set(OPEN) <= routes, f"the login routes are gone: {sorted(set(OPEN) - routes)}"
    stale = set(REFUSED_WHEN_LOGGED_IN) - routes
    assert not stale, f"routes the app no longer has: {sorted(stale)}"
    print(f"\nAUTH-ROUTES {len(routes)} routes: {len(set(OPEN))} open, the rest behind the login")


def test_run_history_and_monitoring_are_off(routes: set[Route], member: httpx.Client) -> None:
    # Both skip the login (see server.py): the template turns them off.
    assert not [path for _, path in routes if "run-history" in path]
    assert member.get("gradio_api/runs").status_code == 404
    assert member.get("monitoring").status_code == 403


def test_strangers_get_401_everywhere_else(
    routes: set[Route],
    strangers: dict[str, httpx.Client],
    samples: dict[str, Any],
    documented: set[Route],
) -> None:
    failures = []
    for request in all_probes(routes - set(OPEN), samples, documented):
        for who, client in strangers.items():
            answer = ask(client, request)
            if answer.status != (403 if request.route in CLOSED else 401) or leaks(answer):
                failures.append((who, request.route, request.url, answer.status, leaks(answer)))
    assert not failures


def test_members_reach_every_route(
    routes: set[Route],
    member: httpx.Client,
    samples: dict[str, Any],
    documented: set[Route],
) -> None:
    failures = []
    statuses: dict[int, int] = {}
    for request in all_probes(routes - set(OPEN), samples, documented):
        answer = ask(member, request)
        statuses[answer.status] = statuses.get(answer.status, 0) + 1
        expected_refusal = REFUSED_WHEN_LOGGED_IN.get(request.route)
        refused = answer.refused() and expected_refusal is None
        crashed = answer.status >= 500 and answer.app_error() not in APP_ERRORS
        if refused or crashed:
            failures.append((request.route, request.url, answer.status, answer.text[:200]))
    print(f"\nAUTH-ROUTES logged-in statuses: {dict(sorted(statuses.items()))}")
    assert not failures


def test_the_open_routes_show_nothing_of_the_app(
    strangers: dict[str, httpx.Client], member: httpx.Client
) -> None:
    for who, client in strangers.items():
        page = client.get("")
        assert page.status_code == 200 and 'action="login"' in page.text, who
        # Not Gradio's page at all: no config, no API description, no frontend code.
        assert "gradio_config" not in page.text and "gradio_api_info" not in page.text, who
        assert not [marker for marker in MARKERS if marker in page.text], who
        head = client.head("")
        assert head.status_code == 200 and not head.content, who
        logout = client.get("logout")
        assert logout.status_code == 200 and not leaks(Answer(200, logout.text)), who
    assert "Split and summarize" in member.get("").text


def test_files_need_a_login(
    app: RunningApp,
    strangers: dict[str, httpx.Client],
    member: httpx.Client,
    uploaded: str,
    tmp_path: Path,
) -> None:
    """An upload, and the digest the workflow exports: served to the member only."""
    # Installed with the generated projects' requirements (project_env), not at collection.
    from gradio_client import Client, handle_file

    document = tmp_path / "notes.md"
    document.write_text(DOCUMENT)
    client = Client(app.url, auth=(USER, PASSWORD), verbose=False, download_files=False)
    client.predict("", handle_file(str(document)), api_name="/load")
    table, _ = client.predict("headings", api_name="/process")
    digest = client.predict(table, "md", api_name="/export")
    for url in (digest["url"], f"{app.url}gradio_api/file={uploaded}"):
        for who, stranger in strangers.items():
            assert stranger.get(url).status_code == 401, who
        answer = member.get(url)
        assert answer.status_code == 200 and "Ziggurat-7f3a" in answer.text, url
    client.close()


def test_wrong_passwords_are_throttled_and_the_app_keeps_answering(
    app: RunningApp, member: httpx.Client
) -> None:
    """Two attackers on other addresses send 25 wrong logins each while a member uses the app;
    once the throttle's wait has passed, the right password works again."""
    statuses: list[int] = []
    waits: list[int] = []

    def attack(address: str, attempts: int) -> None:
        transport = httpx.HTTPTransport(local_address=address)
        with httpx.Client(base_url=app.url, timeout=60, transport=transport) as attacker:
            for attempt in range(attempts):
                user = USER if attempt % 2 else USERNAME  # wrong passwords, right and wrong users
                answer = attacker.post(
                    "login", data={"username": user, "password": f"guess{attempt}"}
                )
                statuses.append(answer.status_code)
                if answer.status_code == 429:
                    waits.append(int(answer.headers["retry-after"]))

    def member_request() -> float:
        start = time.perf_counter()
        assert member.get("config").status_code == 200
        return time.perf_counter() - start

    idle = [member_request() for _ in range(20)]
    attackers = [
        threading.Thread(target=attack, args=(address, 25))
        for address in ("127.0.0.2", "127.0.0.3")
    ]
    start = time.perf_counter()
    for attacker in attackers:
        attacker.start()
    during = []
    while any(attacker.is_alive() for attacker in attackers):
        during.append(member_request())
        time.sleep(0.02)
    attack_s = time.perf_counter() - start
    for attacker in attackers:
        attacker.join()

    # Without a request made while an attacker ran, the timings below say nothing.
    assert during, "the attack ended before the member's first request"
    assert set(statuses) == {400, 429} and len(statuses) == 50
    assert statuses.count(400) <= 15, statuses  # each address, each user name: 5, then backoff
    deadline = time.monotonic() + 330
    while (answer := login(app.url)).status_code == 429:
        assert time.monotonic() < deadline, "the throttle never let the right password in"
        time.sleep(int(answer.headers["retry-after"]))
    assert answer.status_code == 200
    print(
        f"\nAUTH-BRUTE-FORCE 50 wrong logins in {attack_s:.1f} s: "
        f"{statuses.count(400)} checked, {statuses.count(429)} refused with 429 "
        f"(Retry-After up to {max(waits)} s); "
        f"member /config idle {_ms(idle)}; during the attack {_ms(during)}"
    )


def _ms(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"n={len(ordered)} median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )
