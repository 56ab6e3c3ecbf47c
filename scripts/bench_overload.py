"""Overload a freshly generated chat app (echo backend) and print what its bounded queue did.

From the repository root, with the generated apps' requirements installed in this Python:
    python -m scripts.bench_overload [--max-queue-size 4] [--concurrency 2] [--burst 20]
"""

import argparse
import sys
import tempfile
from pathlib import Path

from gradio_forge import create
from tests.live import serve_app
from tests.overload import overload


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench_overload")
    parser.add_argument("--max-queue-size", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--burst", type=int, default=20, help="requests sent at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "bench"
        create(project, {"app_type": "chat", "chat_backend": "echo"}, git_init=False)
        settings = {
            "APP_MAX_QUEUE_SIZE": str(args.max_queue_size),
            "APP_CONCURRENCY_LIMIT": str(args.concurrency),
        }
        with serve_app(project, sys.executable, Path(temp), **settings) as app:
            print(
                overload(
                    app.url, app.rss_bytes, in_flight=args.concurrency, burst=args.burst
                ).report()
            )


if __name__ == "__main__":
    main()
