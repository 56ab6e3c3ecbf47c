"""Overload a running chat app (echo backend): what its bounded queue takes, and its memory.

Used by tests/test_overload.py and scripts/bench_overload.py.
"""

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx

MB = 1024 * 1024
# Words of each message. A reply streams one word per 50 ms, so with 60 the first replies still
# hold their concurrency slots while the burst arrives: the queue then takes exactly max_size.
WORDS = 60


@dataclass
class Overload:
    in_flight: int  # requests streaming before the burst
    accepted: int  # of the burst
    refusals: list[str]  # Gradio's message for each refused request of the burst
    wrong_replies: list[str]  # accepted requests whose reply was not their message echoed
    rss_before: int
    rss_peak: int
    rss_after: int

    def report(self) -> str:
        return (
            f"OVERLOAD {self.in_flight} streaming, then a burst of "
            f"{self.accepted + len(self.refusals)}: {self.accepted} accepted, "
            f"{len(self.refusals)} refused, {len(self.wrong_replies)} wrong replies; "
            f"RSS before {self.rss_before / MB:.1f} MB, peak {self.rss_peak / MB:.1f} MB, "
            f"after {self.rss_after / MB:.1f} MB"
        )


def overload(url: str, rss: Callable[[], int], *, in_flight: int, burst: int) -> Overload:
    """Start `in_flight` replies, then send `burst` messages at once; wait for every reply."""
    samples = [rss()]
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.wait(0.05):  # 20 Hz
            samples.append(rss())

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        limits = httpx.Limits(max_connections=in_flight + burst + 1)
        with (
            httpx.Client(base_url=url, timeout=120, limits=limits) as client,
            ThreadPoolExecutor(in_flight + burst) as pool,
        ):
            messages = [
                " ".join(f"r{i}w{j}" for j in range(WORDS)) for i in range(in_flight + burst)
            ]
            streaming = [threading.Event() for _ in range(in_flight)]
            replies = [
                pool.submit(chat, client, messages[i], streaming[i]) for i in range(in_flight)
            ]
            for started in streaming:
                assert started.wait(60), "the first replies never started streaming"

            gate = threading.Barrier(burst)

            def join(message: str) -> str | httpx.Response:
                gate.wait()
                return enqueue(client, message)

            joined = dict(
                zip(messages[in_flight:], pool.map(join, messages[in_flight:]), strict=True)
            )
            refusals = [
                answer.json()["detail"] for answer in joined.values() if not isinstance(answer, str)
            ]
            queued = {message: event for message, event in joined.items() if isinstance(event, str)}
            replies += [pool.submit(listen, client, event) for event in queued.values()]
            expected = messages[:in_flight] + list(queued)
            wrong = [
                reply.result()
                for reply, message in zip(replies, expected, strict=True)
                if reply.result() != message
            ]
    finally:
        sampling.set()
        sampler.join()
    return Overload(
        in_flight=in_flight,
        accepted=len(queued),
        refusals=refusals,
        wrong_replies=wrong,
        rss_before=samples[0],
        rss_peak=max(samples),
        rss_after=rss(),
    )


def enqueue(client: httpx.Client, message: str) -> str | httpx.Response:
    """The event id of a queued message, or Gradio's refusal."""
    answer = client.post("gradio_api/call/chat", json={"data": [message]})
    if answer.status_code != 200:
        return answer
    return answer.json()["event_id"]


def listen(client: httpx.Client, event_id: str, streaming: threading.Event | None = None) -> str:
    """The whole reply to a queued message; `streaming` is set at its first piece."""
    with client.stream("GET", f"gradio_api/call/chat/{event_id}") as answer:
        event = ""
        for line in answer.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: ") and event in ("generating", "complete"):
                if streaming is not None:
                    streaming.set()
                if event == "complete":
                    return json.loads(line.removeprefix("data: "))[0]
            elif line.startswith("data: ") and event == "error":
                return f"error: {line}"
    return "no reply"


def chat(client: httpx.Client, message: str, streaming: threading.Event | None = None) -> str:
    event = enqueue(client, message)
    assert isinstance(event, str), event.text
    return listen(client, event, streaming)
