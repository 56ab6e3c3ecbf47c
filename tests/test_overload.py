"""A generated chat app under overload: its bounded queue refuses the excess, memory stays flat.

The echo backend streams one word per 50 ms and holds its concurrency slot meanwhile, like a
model would. With APP_CONCURRENCY_LIMIT replies streaming, a burst of five times
APP_MAX_QUEUE_SIZE requests arrives: the queue takes max_size of them and refuses the rest.
"""

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from .live import RunningApp, serve_app
from .overload import MB, chat, overload

MAX_QUEUE_SIZE = 4
CONCURRENCY = 2


@pytest.fixture(scope="module")
def app(
    render: Callable[..., Path], project_env: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningApp]:
    project = render(app_type="chat", chat_backend="echo")
    with serve_app(
        project,
        project_env,
        tmp_path_factory.mktemp("overload"),
        APP_MAX_QUEUE_SIZE=str(MAX_QUEUE_SIZE),
        APP_CONCURRENCY_LIMIT=str(CONCURRENCY),
    ) as app:
        yield app


@pytest.fixture(scope="module")
def client(app: RunningApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=app.url, timeout=60) as client:
        yield client


def test_the_queue_refuses_the_excess_and_memory_stays_bounded(
    app: RunningApp, client: httpx.Client
) -> None:
    # A first reply, so what Gradio allocates once is in the "before" figure.
    assert chat(client, "warm up") == "warm up"
    result = overload(app.url, app.rss_bytes, in_flight=CONCURRENCY, burst=5 * MAX_QUEUE_SIZE)
    print(f"\n{result.report()}")

    # The replies that stream have left the queue; the queue holds max_size more.
    assert result.accepted == MAX_QUEUE_SIZE
    assert len(result.refusals) == 4 * MAX_QUEUE_SIZE
    assert all(refusal.startswith("Queue is full.") for refusal in result.refusals)
    assert result.wrong_replies == []
    assert result.rss_peak - result.rss_before < 150 * MB
    # And it answers as before.
    assert chat(client, "still here?") == "still here?"
