"""Ctrl-C and steps that must not stop half-way (moving a project in, restoring one)."""

import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from .errors import GeneratorError


@dataclass
class Watch:
    heard: bool = False
    """Whether a Ctrl-C arrived: still known after the block, when the command reports."""


_watching: Watch | None = None


@contextmanager
def watched() -> Iterator[Watch]:
    """Run a command so that no Ctrl-C goes unnoticed.

    Python drops a KeyboardInterrupt that lands in a finalizer (a `Popen.__del__` while copier
    renders) after printing a traceback, a library's blanket `except` can swallow one, and its
    clean-up can turn one into another error (removing a directory an interrupted git child
    still writes in). Here each Ctrl-C is remembered when it arrives, a dropped one prints
    nothing, and the command calls `raise_if_lost()` before its point of no return; a failure
    after a Ctrl-C (`heard()`) is the Ctrl-C's doing.
    """
    global _watching
    watch = _watching = Watch()

    def hear(signum: int, _frame: FrameType | None) -> None:
        watch.heard = True
        raise KeyboardInterrupt

    def unraisable(report: "sys.UnraisableHookArgs") -> None:
        if report.exc_type is not None and issubclass(report.exc_type, KeyboardInterrupt):
            return  # remembered by `hear`
        previous_hook(report)

    previous_hook = sys.unraisablehook
    previous_handler = signal.signal(signal.SIGINT, hear)
    sys.unraisablehook = unraisable
    try:
        yield watch
    finally:
        signal.signal(signal.SIGINT, previous_handler)
        sys.unraisablehook = previous_hook
        _watching = None


def heard() -> bool:
    """Whether a Ctrl-C arrived in the `watched()` block running now."""
    return _watching is not None and _watching.heard


def raise_if_lost() -> None:
    """Stop now if a Ctrl-C arrived under `watched()` but something swallowed it."""
    if heard():
        raise KeyboardInterrupt


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


@contextmanager
def scratch_directory(parent: Path | None = None, prefix: str = "new-app-") -> Iterator[Path]:
    """A new directory in `parent` (the system's temporary one by default), removed at the end
    of the block however it ends: a Ctrl-C waits while it is made and removed."""
    try:
        with held() as caught:
            path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    except OSError as error:
        where = parent or tempfile.gettempdir()
        raise GeneratorError(
            f"cannot write in {where}: {error.strerror} (free some space, or fix its permissions)"
        ) from None
    try:
        if caught:
            raise KeyboardInterrupt
        yield path
    finally:
        with held():
            shutil.rmtree(path, ignore_errors=True)
