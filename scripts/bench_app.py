"""What the generated app's guards cost: the hardened app against bare Gradio, same app, same box.

From the repository root, with the generated apps' requirements installed in this Python:
    python -m scripts.bench_app [--runs 3] [--requests 300]

Both sides serve a freshly generated single-function app with a password login, built by the
project's own ui.build_demo() with the same queue settings:
- hardened: `python app.py`, as the project runs (server.py: the guards, the login, uvicorn);
- bare: the same demo served by `demo.launch(auth=...)`, Gradio's own wiring, as the
  generated apps were served before they were hardened.
Cold start is the time from starting the process to its first HTTP answer; latency is one
request at a time through Gradio's REST API (POST /gradio_api/call/analyze, then its event
stream), after a login. Runs alternate between the two sides; figures are medians.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from gradio_forge import create
from tests.live import free_port, launch_environment, password_hash

USER, PASSWORD = "bench", "a long password for the benchmark"
TEXT = "Benchmarks measure. Benchmarks compare. Guards must cost nothing a user notices."

BARE = """
import sys
from {package}.settings import load_settings
from {package}.ui import build_demo

settings = load_settings()
demo = build_demo()
demo.queue(default_concurrency_limit=settings.concurrency_limit, max_size=settings.max_queue_size)
demo.launch(
    server_name=settings.server_name,
    server_port=settings.server_port,
    auth=[(sys.argv[1], sys.argv[2])],
    show_error=False,
    ssr_mode=False,
    quiet=True,
)
"""


@contextmanager
def started(command: list[str], project: Path, env: dict[str, str], url: str) -> Iterator[float]:
    """Start `command`; yield the seconds it took to answer HTTP at `url`."""
    begin = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{command[:2]} exited with {process.returncode}")
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.02)
        yield time.perf_counter() - begin
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def latencies(url: str, requests: int) -> list[float]:
    with httpx.Client(base_url=url, timeout=30) as client:
        login = client.post("login", data={"username": USER, "password": PASSWORD})
        assert login.status_code == 200, login.text
        times = []
        for _ in range(requests + 10):
            start = time.perf_counter()
            event = client.post("gradio_api/call/analyze", json={"data": [TEXT, 3]})
            result = client.get(f"gradio_api/call/analyze/{event.json()['event_id']}")
            assert "event: complete" in result.text, result.text
            times.append(time.perf_counter() - start)
        return times[10:]  # the first few warm up connections and caches


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_app")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "bench"
        create(project, {"app_type": "single-function", "auth": "password"}, git_init=False)
        package = "bench"
        env_settings = {
            "APP_AUTH_USERNAME": USER,
            "APP_AUTH_PASSWORD_HASH": password_hash(project, sys.executable, PASSWORD),
        }
        commands = {
            "hardened": [sys.executable, "app.py"],
            "bare": [sys.executable, "-c", BARE.format(package=package), USER, PASSWORD],
        }
        starts: dict[str, list[float]] = {name: [] for name in commands}
        calls: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(args.runs):
            for name, command in commands.items():
                port = free_port()
                env = launch_environment(port, Path(temp) / f"gradio-{name}-{run}", **env_settings)
                env["PYTHONPATH"] = str(project) + os.pathsep + env.get("PYTHONPATH", "")
                url = f"http://127.0.0.1:{port}/"
                with started(command, project, env, url) as seconds:
                    starts[name].append(seconds)
                    calls[name] += latencies(url, args.requests)
    print(f"{'':>10}  {'cold start':>10}  {'p50':>8}  {'p95':>8}   ({args.runs} runs)")
    figures = {}
    for name in commands:
        cuts = statistics.quantiles(calls[name], n=100, method="inclusive")
        figures[name] = (statistics.median(starts[name]), cuts[49], cuts[94])
        start, p50, p95 = figures[name]
        print(f"{name:>10}  {start:>9.2f}s  {p50 * 1000:>6.2f}ms  {p95 * 1000:>6.2f}ms")
    ratios = [h / b for h, b in zip(figures["hardened"], figures["bare"], strict=True)]
    print(f"{'ratio':>10}  {ratios[0]:>9.3f}x  {ratios[1]:>7.3f}x  {ratios[2]:>7.3f}x")


if __name__ == "__main__":
    main()
