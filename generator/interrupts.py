"""Ctrl-C and steps that must not stop half-way (moving a project in, restoring one)."""

import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from .errors import GeneratorError


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
