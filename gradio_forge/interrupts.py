"""Ctrl-C and steps that must not stop half-way (moving a project in, restoring one).

SIGTERM (a CI cancel, `kill`) and SIGHUP (a dropped SSH session) are handled as Ctrl-C is: by
default they would kill new-app mid-write, leaving half an update and its scratch directories.
"""

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from .errors import GeneratorError

# The signals that stop a command; each ends it with exit 128 + its number, as a shell reports.
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass
class Watch:
    heard: bool = False
    """Whether a Ctrl-C arrived: still known after the block, when the command reports."""
    signum: int = signal.SIGINT
    """The first stopping signal that arrived (SIGINT until one does)."""

    def exit_code(self) -> int:
        """128 + the number of the signal that stopped the command (130 for Ctrl-C)."""
        return 128 + self.signum

    def stopped(self, outcome: str) -> str:
        """The line ending a stopped command: `interrupted: ...`, naming a signal not Ctrl-C."""
        cause = "" if self.signum == signal.SIGINT else f" by {signal.Signals(self.signum).name}"
        return f"interrupted{cause}: {outcome}"


_watching: Watch | None = None
# Signals outside `watched()`: while new-app starts, before a command runs.
_starting = Watch()
# Whether any stopping signal arrived in this process.
_stopped = False


def _current() -> Watch:
    return _watching or _starting


def _note(signum: int) -> None:
    global _stopped
    _stopped = True
    watch = _current()
    if not watch.heard:
        watch.heard, watch.signum = True, signum


def leave(code: int | str | None) -> None:
    """End new-app with exit `code` (a SystemExit's): at once, if a stopping signal came.

    Python's own exit would turn a KeyboardInterrupt it saw inside an `exec()` (dataclasses
    and namedtuple run one while being defined), even a caught one, into death by SIGINT after
    the last words: exit 130 whatever the signal, or the command's own code.
    """
    if not _stopped:
        sys.exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 1)


def exit_code() -> int:
    """The exit code for the signal that stopped the command running now (or starting)."""
    return _current().exit_code()


def stopped(outcome: str) -> str:
    """The last line for the command running now (or starting), stopped with `outcome`."""
    return _current().stopped(outcome)


def _raise(signum: int, _frame: FrameType | None) -> None:
    _note(signum)
    raise KeyboardInterrupt


def stop_like_ctrl_c() -> None:
    """From now on SIGTERM and SIGHUP raise KeyboardInterrupt, as SIGINT does, and each is
    remembered: a library that swallows one while new-app starts cannot make it go unheard,
    nor can Python, printing one raised in a finalizer or an import's lock clean-up."""
    for signum in STOPPING:
        signal.signal(signum, _raise)
    sys.unraisablehook = _quiet_about_interrupts(sys.unraisablehook)


def _quiet_about_interrupts(
    hook: Callable[["sys.UnraisableHookArgs"], object],
) -> Callable[["sys.UnraisableHookArgs"], None]:
    def unraisable(report: "sys.UnraisableHookArgs") -> None:
        if report.exc_type is not None and issubclass(report.exc_type, KeyboardInterrupt):
            return  # remembered by `_raise`
        hook(report)

    return unraisable


def ignore_stopping_signals() -> None:
    """The command is over: a signal now could only garble its last words and exit code."""
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_IGN)


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
    global _watching, _starting
    # A signal heard while starting, yet the command runs: something swallowed it. The command
    # stops at its first `raise_if_lost()`, before its point of no return.
    watch = _watching = _starting
    _starting = Watch()

    previous_hook = sys.unraisablehook
    previous_handlers = {signum: signal.signal(signum, _raise) for signum in STOPPING}
    sys.unraisablehook = _quiet_about_interrupts(previous_hook)
    try:
        yield watch
    finally:
        for signum, handler in previous_handlers.items():
            signal.signal(signum, handler)
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
    """Run the block with the stopping signals held: each arrives in the yielded list instead.

    The caller decides what a held interrupt means once the step is done. Only the main
    thread receives signals; elsewhere this holds nothing.
    """
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def hold(signum: int, _frame: FrameType | None) -> None:
        _note(signum)
        caught.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in STOPPING}
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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
            # A Ctrl-C sent to new-app alone (not its process group) leaves copier's git
            # running, still writing in here: stop it first, or it writes the directory back.
            _stop_processes_in(path)
            _remove(path)


def _stop_processes_in(path: Path, *, wait: float = 5.0) -> None:
    """Stop this user's processes working in `path` (their directory, or a path they were
    given), as Linux's /proc shows them; elsewhere there is nothing to look at."""
    place = str(path)
    try:
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return
    working = []
    for pid in pids:
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue  # gone, or another user's
        if pid != os.getpid() and (cwd == place or cwd.startswith(place + os.sep) or place in argv):
            working.append(pid)
    # SIGTERM first; SIGKILL for one that ignores it (it may have inherited SIG_IGN), since
    # what it writes is removed next anyway.
    for signum, grace in ((signal.SIGTERM, 0.5), (signal.SIGKILL, wait)):
        for pid in working:
            if _running(pid):
                with contextlib.suppress(OSError):
                    os.kill(pid, signum)
        deadline = time.monotonic() + grace
        while any(_running(pid) for pid in working) and time.monotonic() < deadline:
            time.sleep(0.02)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a child of ours that nobody reaps any more is done)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _remove(path: Path, *, wait: float = 5.0) -> None:
    """Remove `path`, trying again while something still writes in it, for up to `wait`."""
    deadline = time.monotonic() + wait
    shutil.rmtree(path, ignore_errors=True)
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
        shutil.rmtree(path, ignore_errors=True)
