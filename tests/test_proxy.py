"""The generated reverse-proxy configs in front of the generated app, with real nginx and Caddy.

One chat app per deploy target runs as Dockerfile and systemd run it (under GRADIO_ROOT_PATH),
and a multi-step app for uploads, since a chat app takes no files; every test talks to them
only through the proxy, at the public URL.
"""

import json
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
import yaml

from .live import RunningApp, queue_events, run_caddy, run_nginx, serve_app

MB = 1024 * 1024
MAX_UPLOAD_MB = 2  # small, so the uploads around the limit stay quick
# The docker target gets a nested path, the server target the default one (/proj).
ROOT_PATH_ANSWERS = {"docker": {"root_path": "/apps/demo"}, "server": {}}
# (deploy target, proxy): the docker target has nginx only, the server target both.
SITES = [("server", "nginx"), ("server", "caddy"), ("docker", "nginx")]
# The echo backend streams one word per piece, with a pause between them.
MESSAGE = "every word of this reply should reach the client as a piece of its own stream"


@dataclass
class Site:
    url: str  # the app's public URL: the proxy's address, the root path and a slash
    root_path: str
    proxy: str


@pytest.fixture(scope="module")
def start_app(
    render: Callable[..., Path], project_env: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str, str], tuple[Path, RunningApp]]]:
    """Start each target's app of a type once, on first use, for the whole module."""
    started: dict[tuple[str, str], tuple[Path, RunningApp]] = {}
    with ExitStack() as stack:

        def start(target: str, app_type: str) -> tuple[Path, RunningApp]:
            if (target, app_type) not in started:
                project = render(
                    app_type=app_type,
                    deploy_target=target,
                    max_upload_mb=MAX_UPLOAD_MB,
                    **ROOT_PATH_ANSWERS[target],
                )
                app = serve_app(
                    project,
                    project_env,
                    tmp_path_factory.mktemp(f"app-{target}-{app_type}"),
                    GRADIO_ROOT_PATH=root_path(project),
                    APP_MAX_UPLOAD_MB=str(MAX_UPLOAD_MB),
                )
                started[target, app_type] = project, stack.enter_context(app)
            return started[target, app_type]

        yield start


def root_path(project: Path) -> str:
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    return answers["root_path"]


@contextmanager
def proxied(
    start_app: Callable[[str, str], tuple[Path, RunningApp]],
    target: str,
    proxy: str,
    app_type: str,
    workdir: Path,
) -> Iterator[Site]:
    project, app = start_app(target, app_type)
    upstream = urlsplit(app.url).netloc
    if proxy == "nginx":
        running = run_nginx(project / "deploy" / "nginx.conf", workdir, upstreams=[upstream])
    else:
        running = run_caddy(project / "deploy" / "Caddyfile", workdir, upstream=upstream)
    with running as base:
        yield Site(f"{base}{root_path(project)}/", root_path(project), proxy)


@pytest.fixture(scope="module", params=SITES, ids=["-".join(site) for site in SITES])
def site(
    request: pytest.FixtureRequest,
    start_app: Callable[[str, str], tuple[Path, RunningApp]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Site]:
    """A chat app behind a proxy: it streams its replies."""
    target, proxy = request.param
    workdir = tmp_path_factory.mktemp(f"{proxy}-{target}")
    with proxied(start_app, target, proxy, "chat", workdir) as site:
        yield site


@pytest.fixture(scope="module", params=SITES, ids=["-".join(site) for site in SITES])
def upload_site(
    request: pytest.FixtureRequest,
    start_app: Callable[[str, str], tuple[Path, RunningApp]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Site]:
    """A multi-step app behind a proxy: it takes files (a chat app refuses them)."""
    target, proxy = request.param
    workdir = tmp_path_factory.mktemp(f"{proxy}-{target}-uploads")
    with proxied(start_app, target, proxy, "multi-step", workdir) as site:
        yield site


def public_base(site: Site) -> str:
    """The URL the app must build its links from: the proxy's host and port, and the root path."""
    return site.url.rstrip("/")


def test_root_path_redirects_to_its_trailing_slash(site: Site) -> None:
    response = httpx.get(public_base(site))
    assert response.status_code == 301
    assert urljoin(public_base(site), response.headers["location"]) == site.url


def test_page_and_its_assets_load_under_the_root_path(site: Site) -> None:
    page = httpx.get(site.url)
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    scripts = re.findall(r'<script[^>]*\ssrc="([^"]+\.js)"', page.text)
    styles = re.findall(r'<link[^>]*\shref="([^"]+\.css)"', page.text)
    assert scripts and styles
    # The config names the root the front end builds every further URL from, theme.css first.
    config = httpx.get(site.url + "config").raise_for_status().json()
    assert config["root"] == public_base(site)
    assets = [urljoin(site.url, ref) for ref in scripts + styles]
    assets.append(config["root"] + "/theme.css")
    for url in assets:
        assert url.startswith(site.url)
        response = httpx.get(url)
        assert response.status_code == 200, url
        kind = "javascript" if url.endswith(".js") else "css"
        assert kind in response.headers["content-type"], url


def test_api_routes_answer_under_the_root_path(site: Site) -> None:
    info = httpx.get(site.url + "gradio_api/info").raise_for_status().json()
    assert "/chat" in info["named_endpoints"]
    app_id = httpx.get(site.url + "gradio_api/app_id").raise_for_status().json()["app_id"]
    config = httpx.get(site.url + "config").raise_for_status().json()
    assert config["app_id"] == app_id


def test_gradio_client_calls_the_app_through_the_proxy(site: Site) -> None:
    # Installed with the generated projects' requirements (project_env), not at collection.
    from gradio_client import Client

    client = Client(site.url, verbose=False)
    try:
        reply = client.predict("hello through the proxy", api_name="/chat")
    finally:
        client.close()
    assert reply == "hello through the proxy"


def test_reply_streams_through_the_proxy_piece_by_piece(site: Site) -> None:
    with httpx.Client(timeout=30) as http:
        events = queue_events(http, site.url, "chat", MESSAGE)
    start = events[0][0]
    timeline = [(round(at - start, 3), message["msg"]) for at, message in events]
    print(f"{site.proxy} ({site.root_path}):", timeline)
    (completed,) = [message for _, message in events if message["msg"] == "process_completed"]
    assert completed["success"] and completed["output"]["data"][0] == MESSAGE
    pieces = [at for at, message in events if message["msg"] == "process_generating"]
    assert len(pieces) == len(MESSAGE.split())
    # A buffering proxy hands every piece over at once, when the reply ends. Count the bursts
    # in which the pieces arrived: streamed, most pieces come on their own.
    bursts = 1 + sum(later - earlier > 0.01 for earlier, later in pairwise(pieces))
    print(f"{len(pieces)} pieces in {bursts} bursts over {pieces[-1] - pieces[0]:.3f} s")
    assert bursts >= 3
    # The app spends at least 0.75 s between the first piece and the last (15 pauses of 50 ms):
    # the first reaches the client long before the reply ends, with slack for a loaded machine.
    lead = events[-1][0] - pieces[0]
    assert lead >= 0.3, f"the first piece came only {lead:.3f} s before the end"


def files_of(*sizes: int) -> list[tuple[str, tuple[str, bytes]]]:
    return [("files", (f"file-{i}.bin", b"x" * size)) for i, size in enumerate(sizes)]


def upload(site: Site, *sizes: int) -> httpx.Response:
    return httpx.post(site.url + "gradio_api/upload", files=files_of(*sizes), timeout=60)


def refused_upload(site: Site, *sizes: int) -> tuple[httpx.Response, str | None]:
    """An upload refused before its body is read: the answer, and its text if that arrived.

    Whoever refuses closes the connection while the client is still sending, and the reset that
    follows can discard the answer's body from the client's buffer (its status line and headers
    came first). Browsers see the same; the status is the answer.
    """
    with (
        httpx.Client(timeout=60) as client,
        client.stream("POST", site.url + "gradio_api/upload", files=files_of(*sizes)) as response,
    ):
        try:
            return response, response.read().decode()
        except httpx.RemoteProtocolError:
            return response, None


def is_nginx_error_page(response: httpx.Response) -> bool:
    return "text/html" in response.headers.get("content-type", "") and "nginx" in response.text


def test_upload_under_the_limit_passes_even_over_nginx_default_1_mb(upload_site: Site) -> None:
    site = upload_site
    size = MAX_UPLOAD_MB * MB - 4096
    assert size > MB  # nginx refuses bodies over 1 MB unless told otherwise
    response = upload(site, size)
    print(f"{site.proxy}: {size} bytes -> {response.status_code} {response.text[:120]}")
    assert response.status_code == 200, response.text
    (path,) = response.json()
    # The stored file comes back through the proxy, at the URL the front end would use.
    stored = httpx.get(f"{site.url}gradio_api/file={path}")
    assert stored.status_code == 200
    assert len(stored.content) == size


def test_upload_over_the_limit_is_refused_by_the_app(upload_site: Site) -> None:
    site = upload_site
    size = MAX_UPLOAD_MB * MB + 4096
    response = upload(site, size)
    print(f"{site.proxy}: {size} bytes -> {response.status_code} {response.text[:120]}")
    assert response.status_code == 413
    # Gradio's answer, in plain text, not the proxy's error page.
    assert "text/plain" in response.headers["content-type"]
    assert f"maximum allowed size of {MAX_UPLOAD_MB * MB} bytes" in response.text
    assert not is_nginx_error_page(response)


def test_body_over_the_proxy_limit_is_refused_by_the_proxy(upload_site: Site) -> None:
    site = upload_site
    # Each file is under the app's limit, all of them together over the proxy's: the app's
    # limit plus 1 MiB for the multipart envelope.
    sizes = [MAX_UPLOAD_MB * MB * 3 // 4] * 3
    response, text = refused_upload(site, *sizes)
    content_type = response.headers.get("content-type", "")
    print(
        f"{site.proxy}: {len(sizes)} files, {sum(sizes)} bytes -> {response.status_code}",
        response.headers.get("server"),
        content_type,
        repr(text and text[:80]),
    )
    if site.proxy == "nginx":
        # nginx reads the rest of a refused body before closing (lingering_close): its page
        # arrives whole.
        assert response.status_code == 413
        assert text is not None and "text/html" in content_type and "nginx" in text
    else:
        # Caddy streams the body to the app, and whichever limit the stream reaches first
        # answers: the app's (413, saying why, in JSON), or Caddy's, which up to 2.6 (Debian's
        # 2.6.2) is 502 with an empty body, later 413 (caddyserver/caddy#5652). Both are the
        # app's upload limit plus 1 MiB.
        assert response.status_code in (413, 502)
        if "application/json" in content_type:
            assert response.status_code == 413
            assert text is None or "APP_MAX_UPLOAD_MB" in json.loads(text)["detail"]
        else:
            assert text is None or text.startswith(str(response.status_code))


def test_a_chat_app_refuses_uploads_through_the_proxy(site: Site) -> None:
    # It has no file input: Gradio's upload route would only fill its disk.
    assert upload(site, 1024).status_code == 403
