"""A generated password app attacked as a hostile website or client would, at each front door.

The app (single-function, server target, domain app.example.com) runs as its systemd unit
runs it: `python app.py` under its root path, trusting X-Forwarded-For from 127.0.0.1 only.
Every probe runs against the app directly, through the generated nginx site (real nginx) and
through the generated Caddyfile (real Caddy). Attackers use addresses of their own on the
loopback network (127.0.0.x), so that a throttle or limit that strikes them can be told from
one that strikes everyone. A Spaces app is then checked as huggingface.co embeds it.
"""

import contextlib
import json
import re
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from .helpers import USERNAME
from .live import (
    RunningApp,
    free_port,
    password_hash,
    queue_events,
    run_caddy,
    run_nginx,
    serve_app,
)

DOMAIN = "app.example.com"
ROOT_PATH = "/proj"
USER = "editor"
PASSWORD = "correct horse battery staple"
EVIL = "https://evil.example"
MB = 1024 * 1024
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
    "referrer-policy": "same-origin",
}
DOORS = ["app", "nginx", "caddy"]


@dataclass
class Door:
    """One way in: where to connect, and what a browser that loaded the app there sends."""

    name: str
    base: str  # http://127.0.0.1:PORT
    host: str  # the Host header
    app: RunningApp

    @property
    def url(self) -> str:
        return f"{self.base}{ROOT_PATH}/"

    @property
    def origin(self) -> str:
        return f"http://{self.host}"

    def client(self, address: str = "127.0.0.1", **options: Any) -> httpx.Client:
        """A client on `address`, with the Host this door's browser sends."""
        headers = {"Host": self.host, **options.pop("headers", {})}
        transport = httpx.HTTPTransport(local_address=address)
        return httpx.Client(
            base_url=self.url, headers=headers, transport=transport, timeout=60, **options
        )


@dataclass
class Target:
    app: RunningApp
    doors: dict[str, Door]


@pytest.fixture(scope="module")
def target(
    render: Callable[..., Path], project_env: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Target]:
    project = render(
        app_type="single-function", deploy_target="server", auth="password", domain=DOMAIN
    )
    nginx_port, caddy_port = free_port(), free_port()
    settings = {
        # As the unit sets them; the proxies here listen on test ports, which a deployer would
        # name in APP_ALLOWED_ORIGINS the same way.
        "GRADIO_ROOT_PATH": ROOT_PATH,
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "APP_ALLOWED_ORIGINS": f"http://{DOMAIN}:{nginx_port},http://{DOMAIN}:{caddy_port}",
        "APP_AUTH_USERNAME": USER,
        "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, PASSWORD),
    }
    workdir = tmp_path_factory.mktemp("hostile")
    with ExitStack() as stack:
        app = stack.enter_context(serve_app(project, project_env, workdir, **settings))
        upstream = urlsplit(app.url).netloc
        nginx = stack.enter_context(
            run_nginx(
                project / "deploy" / "nginx.conf",
                workdir / "nginx",
                upstreams=[upstream],
                port=nginx_port,
            )
        )
        caddy = stack.enter_context(
            run_caddy(
                project / "deploy" / "Caddyfile",
                workdir / "caddy",
                upstream=upstream,
                host=DOMAIN,
                port=caddy_port,
            )
        )
        yield Target(
            app,
            {
                "app": Door("app", app.url.rstrip("/"), upstream, app),
                "nginx": Door("nginx", nginx, f"{DOMAIN}:{nginx_port}", app),
                "caddy": Door("caddy", caddy, f"{DOMAIN}:{caddy_port}", app),
            },
        )


@pytest.fixture(params=DOORS)
def door(request: pytest.FixtureRequest, target: Target) -> Door:
    return target.doors[request.param]


def log_in(client: httpx.Client, password: str = PASSWORD, user: str = USER) -> httpx.Response:
    return client.post("login", data={"username": user, "password": password})


@pytest.fixture(scope="module")
def members(target: Target) -> Iterator[dict[str, httpx.Client]]:
    """One logged-in browser per door, shared: nginx allows an address few logins a minute."""
    with ExitStack() as stack:
        clients = {}
        for name, door in target.doors.items():
            client = stack.enter_context(door.client(headers={"Origin": door.origin}))
            answer = log_in(client)
            assert answer.status_code == 200, answer.text
            clients[name] = client
        yield clients


@pytest.fixture
def member(door: Door, members: dict[str, httpx.Client]) -> httpx.Client:
    """A browser of the app's own origin at this door, logged in."""
    return members[door.name]


def log_events(app: RunningApp, name: str) -> list[dict[str, Any]]:
    """The app's log lines of one event, parsed."""
    pattern = re.compile(rf" {name} (\{{.*\}})$")
    return [
        json.loads(m.group(1)) for line in app.log().splitlines() if (m := pattern.search(line))
    ]


def no_cors(answer: httpx.Response) -> bool:
    return not [name for name in answer.headers if name.startswith("access-control-")]


def test_another_site_can_neither_read_nor_call_as_the_user(
    door: Door, member: httpx.Client
) -> None:
    read = member.get("config", headers={"Origin": EVIL})
    preflight = member.options(
        "gradio_api/call/analyze",
        headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"},
    )
    call = member.post("gradio_api/call/analyze", json={"data": ["x", 3]}, headers={"Origin": EVIL})
    for answer in (read, preflight, call):
        assert answer.status_code == 403 and no_cors(answer), (door.name, answer.status_code)
    own = member.get("config")
    assert own.status_code == 200
    assert own.headers["access-control-allow-origin"] == door.origin


def test_another_site_can_neither_log_in_nor_log_out(door: Door, member: httpx.Client) -> None:
    with door.client() as stranger:
        forced = log_in_from(stranger, EVIL)
        assert forced.status_code == 403 and "set-cookie" not in forced.headers
    assert member.post("logout", headers={"Origin": EVIL}).status_code == 403
    assert member.post("logout", headers={"Origin": "null"}).status_code == 403
    assert member.get("logout").status_code == 200  # a link shows the form, nothing more
    assert member.get("config").status_code == 200


def log_in_from(client: httpx.Client, origin: str) -> httpx.Response:
    return client.post(
        "login", data={"username": USER, "password": PASSWORD}, headers={"Origin": origin}
    )


def test_thirty_guesses_are_throttled_and_logged(door: Door) -> None:
    address = f"127.0.0.{10 + DOORS.index(door.name)}"
    guesser = f"guesser-at-{door.name}"
    statuses = []
    with door.client(
        address, headers={"Origin": door.origin, "X-Forwarded-For": "6.6.6.6"}
    ) as client:
        for attempt in range(30):
            answer = log_in(client, f"wrong-{attempt}-never-logged", user=guesser)
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                assert int(answer.headers["retry-after"]) > 0
        assert statuses.count(400) <= 6, statuses  # five free, and one after the first wait
        assert statuses.count(429) >= 24, statuses
        # The right password works once the wait has passed.
        deadline = time.monotonic() + 120
        while (answer := log_in(client)).status_code == 429:
            assert time.monotonic() < deadline, "the right password never got in"
            time.sleep(int(answer.headers["retry-after"]))
        assert answer.status_code == 200
    events = [e for e in log_events(door.app, "login") if e["user"] == guesser]
    # Each checked login is one line (a 400 is always the app's; nginx refuses bursts itself).
    assert [e for e in events if e["result"] == "failed"] == [
        {"result": "failed", "user": guesser, "client": address}
    ] * statuses.count(400)
    # The client address is the connecting one, through either proxy: never the spoofed header.
    assert {e["client"] for e in events} == {address}
    assert "never-logged" not in door.app.log()


def test_one_address_holding_400_streams_does_not_shut_out_another(
    door: Door, member: httpx.Client
) -> None:
    cookie = "; ".join(f"{name}={value}" for name, value in member.cookies.items())
    port = urlsplit(door.base).port
    streams = []
    try:
        for n in range(400):
            sock = socket.create_connection(
                ("127.0.0.1", port), timeout=10, source_address=("127.0.0.20", 0)
            )
            sock.sendall(
                f"GET {ROOT_PATH}/gradio_api/heartbeat/held-{n} HTTP/1.1\r\nHost: {door.host}\r\n"
                f"Cookie: {cookie}\r\n\r\n".encode()
            )
            streams.append(sock)
        time.sleep(1)
        with door.client("127.0.0.21", cookies=member.cookies) as other:
            started = time.monotonic()
            assert other.get("config").status_code == 200
            waited = time.monotonic() - started
        held = sum(1 for sock in streams if _held(sock))
        print(
            f"\nHOSTILE-STREAMS {door.name}: {held} of 400 streams held; "
            f"another address served in {waited:.2f} s"
        )
        if door.name == "nginx":
            assert held <= 20  # limit_conn
    finally:
        for sock in streams:
            sock.close()


def _held(sock: socket.socket) -> bool:
    """Whether the server holds this stream open: no answer yet, or an answer of 200."""
    sock.setblocking(False)
    try:
        start = sock.recv(64, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return start.startswith(b"HTTP/1.1 200")


def test_a_200_mib_body_is_refused_before_it_is_read(door: Door) -> None:
    app = door.app

    def body() -> Iterator[bytes]:
        for _ in range(200):
            yield b" " * MB

    app.reset_peak_rss()
    before = app.rss_bytes()
    status: int | None = None
    # A TransportError: refused, and closed while the body was still being sent.
    with door.client() as stranger, contextlib.suppress(httpx.TransportError):
        status = stranger.post("gradio_api/queue/join", content=body()).status_code
    grown = app.rss_bytes("VmHWM") - before
    print(f"\nHOSTILE-BODY {door.name}: {status}, the app's peak RSS grew {grown / MB:.1f} MiB")
    assert status in (None, 401, 413)
    assert grown < 50 * MB


@pytest.mark.parametrize(
    "path",
    ["", "openapi.json", "docs", "config", "gradio_api/info", "gradio_api/info?all_endpoints=true"],
)
def test_strangers_learn_nothing(door: Door, path: str) -> None:
    with door.client() as stranger:
        answer = stranger.get(path)
    if path:
        assert answer.status_code in (401, 404), (path, answer.status_code)
    else:
        assert answer.status_code == 200 and 'action="login"' in answer.text
    assert "analyze" not in answer.text and "gradio_api_info" not in answer.text


def test_an_unknown_host_never_reaches_the_app(door: Door) -> None:
    before = len(door.app.log())
    answer: httpx.Response | None = None
    with httpx.Client(timeout=30) as client:
        try:
            answer = client.get(f"{door.url}config", headers={"Host": "rebind.evil.example"})
        except httpx.RemoteProtocolError:
            assert door.name == "nginx"  # 444: the connection closes without an answer
    if door.name == "app":
        assert answer is not None and answer.status_code == 400
        assert "rebind.evil.example" in door.app.log()[before:]  # the app's refusal
    else:
        if answer is not None:  # Caddy has no site for that name: an empty answer
            assert not answer.content
        assert "rebind" not in door.app.log()[before:]


def test_the_login_cookie_is_lax_http_only_and_scoped_to_the_app(door: Door) -> None:
    with door.client() as client:
        answer = log_in(client)
    attributes = cookie_attributes(answer)
    assert {"httponly", "samesite=lax", f"path={ROOT_PATH}/"} <= attributes, attributes
    assert "secure" not in attributes  # plain HTTP at every door here


def cookie_attributes(answer: httpx.Response) -> set[str]:
    return {part.strip().lower() for part in answer.headers["set-cookie"].split(";")[1:]}


def test_behind_tls_the_cookie_is_secure_and_hsts_is_sent(target: Target) -> None:
    # As a TLS-terminating proxy on this host would ask (FORWARDED_ALLOW_IPS=127.0.0.1).
    with target.doors["app"].client(headers={"X-Forwarded-Proto": "https"}) as client:
        answer = log_in(client)
    assert "secure" in cookie_attributes(answer)
    assert answer.headers["strict-transport-security"].startswith("max-age=")
    # From any other address the same header changes nothing.
    with target.doors["app"].client("127.0.0.30", headers={"X-Forwarded-Proto": "https"}) as other:
        answer = log_in(other)
    assert "secure" not in cookie_attributes(answer)
    assert "strict-transport-security" not in answer.headers


def test_every_answer_carries_the_security_headers(door: Door, member: httpx.Client) -> None:
    with door.client() as stranger:
        answers = {
            "page": member.get(""),
            "401": stranger.get("config"),
            "403": member.get("config", headers={"Origin": EVIL}),
            # Over the proxies' cap for nginx (its own 413); under it for Caddy, whose cut of
            # a body mid-stream may close the connection unanswered (caddyserver/caddy#5652):
            # there the app's own 413 for a login form goes through.
            "413": stranger.post(
                "login", content=b"x" * (64 * 1024 if door.name == "caddy" else 2 * MB)
            ),
        }
    for kind, answer in answers.items():
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers.get(name) == value, (door.name, kind, name, answer.headers)
        # One of each, and no server version.
        assert len(answer.headers.get_list("x-content-type-options")) == 1, (door.name, kind)
        assert not re.search(r"\d", answer.headers.get("server", "")), (door.name, kind)
    assert member.get("config").headers["cache-control"] == "no-store"


def test_a_forged_log_line_is_refused(door: Door, member: httpx.Client) -> None:
    path = "gradio_api/custom_component/x%0A2026-01-01%20INFO%20forged/client/js/index.js"
    assert member.get(path).status_code == 400
    assert not [line for line in door.app.log().splitlines() if "INFO forged" in line[:40]]


def test_uploads_are_refused_by_an_app_without_file_inputs(
    door: Door, member: httpx.Client
) -> None:
    answer = member.post("gradio_api/upload", files={"files": ("a.txt", b"x" * MB)})
    assert answer.status_code == 403


def test_a_stream_of_invalid_inputs_does_not_fill_the_log(door: Door, member: httpx.Client) -> None:
    before = door.app.log()
    started = time.monotonic()
    for _ in range(200):
        event = member.post("gradio_api/call/analyze", json={"data": [None, 3]})
        assert event.status_code == 200
        result = member.get(f"gradio_api/call/analyze/{event.json()['event_id']}")
        assert "event: error" in result.text and "Text: send text" in result.text
    seconds = time.monotonic() - started
    added = door.app.log()[len(before) :]
    assert "Traceback" not in added
    lines = added.count("invalid_input")
    print(f"\nHOSTILE-LOG {door.name}: 200 invalid inputs in {seconds:.1f} s, {lines} log lines")
    assert lines <= 20 + seconds + 1  # a burst of 20, then one a second


def test_a_member_cannot_name_a_file_of_the_server(
    door: Door, member: httpx.Client, tmp_path: Path
) -> None:
    """Gradio copies any file a request names into its cache and serves it back, unless the
    app was launched by Gradio itself; and it fetches a URL named there."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's own file")
    before = door.app.log()
    started = time.monotonic()
    for path in (str(secret), "/proc/self/environ", "https://unresolvable.invalid/x.txt") * 10:
        file = {"path": path, "url": path, "meta": {"_type": "gradio.FileData"}}
        answer = member.post(
            "gradio_api/run/predict", json={"fn_index": 0, "data": [file, 3], "session_hash": "x"}
        )
        assert "upload it first" in answer.text, answer.text
        assert "server's own file" not in answer.text and "/gradio_api/file=" not in answer.text
    added = door.app.log()[len(before) :]
    assert "Traceback" not in added and "unresolvable" not in added
    # Rate-limited like any refusal: a burst of 20, then one a second.
    assert added.count("invalid_input") <= 20 + time.monotonic() - started + 1


def test_a_large_json_body_is_refused_and_costs_no_memory(door: Door, member: httpx.Client) -> None:
    """A JSON call may not be as large as an upload: parsed, it takes many times its size."""
    numbers = b'{"fn_index": 0, "data": [[' + b"0," * (5 * MB) + b'0], 3], "session_hash": "x"}'
    door.app.reset_peak_rss()
    before = door.app.rss_bytes()
    statuses = []
    for _ in range(4):
        with contextlib.suppress(httpx.TransportError):  # refused while it was still sent
            statuses.append(member.post("gradio_api/queue/join", content=numbers).status_code)
    grown = door.app.rss_bytes("VmHWM") - before
    print(
        f"\nHOSTILE-JSON {door.name}: 4 x 10 MiB JSON: {statuses}, peak RSS +{grown / MB:.1f} MiB"
    )
    # Caddy 2.6 answers a body its request_body cuts off mid-stream with 502 (caddyserver/caddy
    # #5652, fixed in 2.7): refused all the same, and the app never sees it.
    assert set(statuses) <= ({413, 502} if door.name == "caddy" else {413})
    assert grown < 30 * MB
    small = member.post("gradio_api/queue/join", json={"fn_index": 0, "data": ["x" * 1000, 3]})
    assert small.status_code != 413


def test_a_repeated_root_path_gets_no_further(door: Door, member: httpx.Client) -> None:
    """Gradio's routing takes one more copy of the prefix off: the checks must see that path."""
    doubled = f"{ROOT_PATH.lstrip('/')}/gradio_api"
    for route in ("upload", "process_recording"):
        answer = member.post(f"{doubled}/{route}", files={"files": ("a.txt", b"x" * 100)})
        assert answer.status_code == 403, (route, answer.status_code)
        assert member.post(f"gradio_api/{route}", files={"files": ("a", b"x")}).status_code == 403
    with door.client() as stranger:
        assert stranger.get(f"{doubled}/info").status_code in (401, 404)


def test_the_login_limit_covers_login_with_a_slash(target: Target) -> None:
    door = target.doors["nginx"]
    with door.client("127.0.0.40", headers={"Origin": door.origin}) as client:
        statuses = [
            client.post("login/", data={"username": USER, "password": PASSWORD}) for _ in range(12)
        ]
    assert 429 in [answer.status_code for answer in statuses]


def test_nginx_names_no_version_even_for_requests_it_cannot_read(target: Target) -> None:
    port = int(urlsplit(target.doors["nginx"].base).port or 80)
    for request in (b"GET / HTTP/1.1\r\n\r\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(request)
            answer = sock.recv(65536)
        assert answer.startswith(b"HTTP/1.1 4") or answer.startswith(b"HTTP/1.1 5"), answer
        assert b"nginx/" not in answer, answer


def test_a_user_name_cannot_start_a_log_line(door: Door) -> None:
    forged = "x\u20282026-01-01 00:00:00,000 INFO forged: login {}\u0085INFO forged"
    with door.client("127.0.0.41", headers={"Origin": door.origin}) as client:
        log_in(client, "wrong", user=forged)
    assert not [line for line in door.app.log().splitlines() if "INFO forged" in line[:40]]


def test_members_use_the_app_through_every_door(door: Door, member: httpx.Client) -> None:
    # As the browser calls it: the config, then the queue and its event stream.
    events = queue_events(member, "", "analyze", "Queues bound memory. Queues help.", 2)
    (completed,) = [message for _, message in events if message["msg"] == "process_completed"]
    assert completed["success"], completed
    keywords, words = completed["output"]["data"]
    assert (keywords["label"], words) == ("queues", 5)


@pytest.fixture(scope="module")
def space(
    render: Callable[..., Path], project_env: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningApp]:
    """A Spaces password app as the Space runs it (SYSTEM, SPACE_HOST from the platform)."""
    project = render(app_type="single-function", deploy_target="spaces", auth="password")
    settings = {
        "SYSTEM": "spaces",
        "SPACE_HOST": "owner-proj.hf.space",
        "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, PASSWORD),
    }
    with serve_app(project, project_env, tmp_path_factory.mktemp("space"), **settings) as app:
        yield app


def test_a_space_may_be_framed_by_huggingface_only(space: RunningApp) -> None:
    answer = httpx.get(space.url)
    assert (
        answer.headers["content-security-policy"] == "frame-ancestors 'self' https://huggingface.co"
    )
    assert "x-frame-options" not in answer.headers


def test_a_spaces_login_works_in_the_frame_and_the_origin_check_protects_it(
    space: RunningApp,
) -> None:
    own = "https://owner-proj.hf.space"
    login = httpx.post(
        f"{space.url}login",
        data={"username": USERNAME, "password": PASSWORD},
        headers={"Origin": own},
    )
    assert login.status_code == 200
    # Sent from huggingface.co's page, cross-site: only SameSite=None cookies go along.
    assert {"samesite=none", "secure", "partitioned", "httponly"} <= cookie_attributes(login)
    for origin in ("https://huggingface.co", EVIL):
        refused = httpx.post(
            f"{space.url}login",
            data={"username": USERNAME, "password": PASSWORD},
            headers={"Origin": origin},
        )
        assert refused.status_code == 403, origin
