"""A real browser uses each app type behind the generated nginx site, as a person would.

Each app runs as on a server: `python app.py` under a subpath, with password login, and the
generated nginx config in front. Playwright drives Debian's chromium: it logs in on the app's form,
types, clicks, uploads and downloads, and waits for what the page shows. A full-page screenshot of
each app after use lands in test-output/screenshots/ at the repository root.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Response, expect, sync_playwright

from .helpers import REPO, USERNAME, require_tool
from .live import free_port, password_hash, run_nginx, serve_app, tiny_model

TITLE = "Browser Check"
ROOT_PATH = "/team/browser-check"  # two segments: relative URLs must survive a deep prefix
PASSWORD = "correct horse battery staple"
SCREENSHOTS = REPO / "test-output" / "screenshots"
# Headless, and nothing that calls Google's services (refused here, slow to fail). As root,
# chromium needs --no-sandbox. Playwright gives every launch a fresh temporary profile.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous: two shared cores, and the gpu-inference app runs a model.
TIMEOUT_MS = 60_000


@dataclass
class Site:
    app_type: str
    origin: str  # nginx's, "http://127.0.0.1:PORT"

    @property
    def url(self) -> str:
        """The app's public URL, as a person types it."""
        return f"{self.origin}{ROOT_PATH}/"


@dataclass
class Tab:
    """One browser tab on a site, recording what went wrong while it was used."""

    page: Page
    site: Site
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def submit_login(self, password: str) -> None:
        """Open the app's public URL and send its login form (login.py)."""
        self.page.goto(self.site.url)
        self.page.get_by_label("User name").fill(USERNAME)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Log in", exact=True).click()

    def login(self) -> None:
        """Log in and wait for the app itself, at the URL the browser asked for."""
        self.submit_login(PASSWORD)
        expect(self.page.get_by_role("heading", name=TITLE)).to_be_visible()
        assert self.page.url == self.site.url

    def assert_clean(self) -> None:
        """No error toast on the page, no uncaught script error, no request answered 4xx/5xx."""
        expect(self.page.get_by_test_id("toast-body")).to_have_count(0)
        assert self.page_errors == []
        assert self.failed_requests == []

    def screenshot(self) -> None:
        path = SCREENSHOTS / f"{self.site.app_type}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=path, full_page=True)
        print(f"screenshot: {path}")


def on(app_type: str) -> pytest.MarkDecorator:
    """Run the test against the launched `app_type` (one launch per app type and module)."""
    return pytest.mark.parametrize("site", [app_type], indirect=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = require_tool("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        print(f"chromium {browser.version}")
        expect.set_options(timeout=TIMEOUT_MS)
        yield browser
        browser.close()


def render_server_app(render: Callable[..., Path], app_type: str) -> Path:
    return render(
        app_type=app_type, deploy_target="server", auth="password", root_path=ROOT_PATH, title=TITLE
    )


@pytest.fixture(scope="module")
def site(
    request: pytest.FixtureRequest,
    render: Callable[..., Path],
    project_env: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Site]:
    app_type: str = request.param
    project = render_server_app(render, app_type)
    workdir = tmp_path_factory.mktemp(app_type)
    port = free_port()
    settings = {
        "GRADIO_ROOT_PATH": ROOT_PATH,
        # The browser's origin is nginx's: where a deployer would name https://DOMAIN.
        "APP_ALLOWED_ORIGINS": f"http://127.0.0.1:{port}",
        "APP_AUTH_USERNAME": USERNAME,
        "APP_AUTH_PASSWORD_HASH": password_hash(project, project_env, PASSWORD),
    }
    if app_type == "gpu-inference":
        model = tiny_model(project, project_env, workdir / "model")
        settings |= {"APP_MODEL_ID": str(model), "APP_DEVICE": "cpu"}
    with (
        serve_app(project, project_env, workdir, **settings) as app,
        run_nginx(
            project / "deploy" / "nginx.conf",
            workdir / "nginx",
            upstreams=[urlsplit(app.url).netloc],
            port=port,
        ) as proxy,
    ):
        yield Site(app_type, proxy)


@pytest.fixture
def tab(browser: Browser, site: Site) -> Iterator[Tab]:
    """A new tab in a fresh context: no cookies, so no login, from another test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    tab = Tab(page, site)

    def record(response: Response) -> None:
        # The whole origin: a page that lost its prefix asks for URLs outside it.
        if response.status >= 400 and response.url.startswith(site.origin):
            tab.failed_requests.append(
                f"{response.status} {response.request.method} {response.url}"
            )

    page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
    page.on("response", record)
    yield tab
    context.close()


@on("single-function")
def test_wrong_password_shows_the_error_and_stays_on_the_login_page(tab: Tab) -> None:
    tab.submit_login("not the password")
    page = tab.page
    expect(page.get_by_text("Wrong user name or password.")).to_be_visible()
    expect(page.get_by_role("button", name="Log in", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=TITLE)).to_have_count(0)
    assert page.url == tab.site.url
    # The app answers a failed login 400; that one refusal is all that failed.
    assert tab.failed_requests == [f"400 POST {tab.site.url}login"]
    assert tab.page_errors == []


@on("single-function")
def test_single_function_shows_the_keywords_and_word_count(tab: Tab) -> None:
    tab.login()
    page = tab.page
    page.get_by_label("Text", exact=True).fill(
        "The proxy serves the browser. A proxy passes events, and the proxy streams. "
        "The browser renders Gradio."
    )
    keywords = page.get_by_label("number input for Keywords")
    keywords.fill("2")
    keywords.press("Enter")
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_test_id("label-output-value")).to_have_text("proxy")
    # Two keywords, as the slider asked: proxy 3 times, browser twice.
    sets = page.locator("[data-testid$='-confidence-set']")
    expect(sets).to_have_count(2)
    expect(sets.nth(0)).to_contain_text(re.compile(r"proxy\s*60%"))
    expect(sets.nth(1)).to_contain_text(re.compile(r"browser\s*40%"))
    expect(page.get_by_label("Words", exact=True)).to_have_value("17")
    tab.screenshot()
    tab.assert_clean()


NOTES = """Some words before the first heading.

# Queues

Queues keep apps responsive. A bounded queue refuses work it cannot do.

# State

Each session keeps its own state. Sessions never share state.
"""


@on("multi-step")
def test_multi_step_uploads_reviews_and_downloads_the_digest(tab: Tab, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES)
    tab.login()
    page = tab.page

    # 1. Upload the document and load it; the Markdown headings are offered as the split.
    page.locator("input[type=file]").set_input_files(notes)
    # Gradio writes the name's stem and extension in separate elements: match the table cell.
    expect(page.get_by_role("cell", name="notes.md")).to_be_visible()
    page.get_by_role("button", name="Load", exact=True).click()
    expect(page.get_by_text("Loaded notes.md: 30 words on 9 lines.")).to_be_visible()
    expect(page.get_by_label("Markdown headings")).to_be_checked()

    # 2. Split and summarize: one row per section in the review table.
    page.get_by_role("button", name="Split and summarize").click()
    expect(page.get_by_text("3 sections, 28 words, about 1 min of reading.")).to_be_visible()
    for title, words in [("Introduction", 6), ("Queues", 12), ("State", 10)]:
        row = page.get_by_role("row").filter(has_text=title)
        expect(row.get_by_role("gridcell").nth(2)).to_have_text(str(words))
        expect(row.get_by_role("checkbox")).to_be_checked()

    # 3. Leave the introduction out, export, and download the digest through the proxy.
    page.get_by_role("row").filter(has_text="Introduction").get_by_role("checkbox").uncheck()
    page.get_by_role("button", name="Export", exact=True).click()
    download_button = page.get_by_role("button", name="Download the digest")
    expect(download_button).to_be_visible()
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    assert download.suggested_filename == "notes-digest.md"
    assert download.url.startswith(tab.site.url)
    digest = Path(download.path()).read_text()
    assert digest.startswith("# notes.md\n\n2 sections, 22 words")
    assert "## Queues" in digest and "## State" in digest
    assert "Introduction" not in digest
    tab.screenshot()
    tab.assert_clean()


# Every distinct text of the last bot message, recorded in the page as it changes.
RECORD_REPLY = """() => {
    window.replies = [];
    new MutationObserver(() => {
        const bots = document.querySelectorAll('[data-testid="bot"]');
        if (bots.length) window.replies.push(bots[bots.length - 1].innerText);
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@on("chat")
def test_chat_streams_the_reply_word_by_word(tab: Tab) -> None:
    message = "Replies stream through the proxy one word at a time, as the echo backend sends them"
    tab.login()
    page = tab.page
    box = page.get_by_test_id("textbox")
    box.fill(message)
    page.evaluate(RECORD_REPLY)
    box.press("Enter")

    expect(page.get_by_test_id("user")).to_have_text(message)
    expect(page.get_by_test_id("bot")).to_have_text(message)
    expect(box).to_have_value("")
    # The page showed the reply growing: nginx passed each event on instead of buffering them.
    seen = set(page.evaluate("window.replies"))
    partial = {text for text in seen if text and text != message and message.startswith(text)}
    print(f"the reply showed {len(partial)} partial texts before the whole one")
    assert partial
    tab.screenshot()
    tab.assert_clean()


@on("gpu-inference")
def test_gpu_inference_classifies_an_example(tab: Tab) -> None:
    example = "The film was a delight from start to finish."
    tab.login()
    page = tab.page
    page.get_by_role("button", name=example).click()
    expect(page.get_by_label("Text", exact=True)).to_have_value(example)
    page.get_by_role("button", name="Classify").click()

    # The tiny model has random weights: either label, and both scores shown.
    expect(page.get_by_test_id("label-output-value")).to_have_text(
        re.compile(r"^(POSITIVE|NEGATIVE)$")
    )
    for label in ("POSITIVE", "NEGATIVE"):
        expect(page.get_by_test_id(f"{label}-confidence-set")).to_contain_text(
            re.compile(rf"{label}\s*\d+%")
        )
    tab.screenshot()
    tab.assert_clean()
