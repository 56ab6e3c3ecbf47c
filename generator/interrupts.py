"""Ctrl-C and steps that must not stop half-way (moving a project in, restoring one)."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def held() -> Iterator[list[int]]:
    """Run the block with SIGINT held: it arrives in the yielded list instead of raising.

    The caller decides what a held interrupt means once the step is done. Only the main
    thread receives signals; elsewhere this holds nothing.
    """
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def hold(signum: int, _frame: FrameType | None) -> None:
        caught.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous)
