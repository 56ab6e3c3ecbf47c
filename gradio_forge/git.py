"""The git operations new-app needs (a project's first commit, its state before an update, the
template history's repository), through the git command line."""

import errno
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import interrupts
from .errors import GeneratorError


def _git(
    *args: str | Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    text: bool = True,
) -> subprocess.CompletedProcess[Any]:
    # Ctrl-C waits until git has exited: interrupted between fork and wait, Python would leave
    # git running, writing into a directory that the clean-up has just removed.
    with interrupts.held() as caught:
        result = subprocess.run(
            ["git", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=text
        )
    if caught:
        raise KeyboardInterrupt
    return result


def run(
    cwd: Path, *args: str | Path, check: bool = True, env: Mapping[str, str] | None = None
) -> str:
    """git's output in `cwd`, right-stripped only: `status --porcelain` lines start with a space.

    With `check`, a failure raises GeneratorError quoting git's own message.
    """
    result = _git(*args, cwd=cwd, env=env)
    if check and result.returncode != 0:
        command = next(str(a) for a in args if not str(a).startswith("-") and "=" not in str(a))
        raise GeneratorError(f"git {command} failed in {cwd}: {result.stderr.strip()}")
    return result.stdout.rstrip()


def show(cwd: Path, revision_path: str) -> bytes:
    """The bytes of a committed file, e.g. `HEAD:app.py`."""
    result = _git("show", revision_path, cwd=cwd, text=False)
    if result.returncode != 0:
        raise GeneratorError(f"git show {revision_path} failed in {cwd}: {result.stderr.decode()}")
    return result.stdout


def available() -> bool:
    return shutil.which("git") is not None


def identity(cwd: Path | None = None) -> dict[str, str]:
    """The `user.name` and `user.email` git is configured with (those set), in one git call."""
    if not available():
        return {}
    listed = _git("config", "--null", "--get-regexp", r"^user\.(name|email)$", cwd=cwd).stdout
    values = {}
    for entry in listed.split("\0"):
        key, _, value = entry.partition("\n")
        values[key] = value.strip()  # the last one wins, as with `git config --get`
    return {key: value for key, value in values.items() if key and value}


def owned_by_enclosing_repository(path: Path) -> bool:
    """Whether a repository around `path` would track it (a monorepo), so no new one is needed.

    A path the enclosing repository ignores is not its business: it gets its own repository.
    `path` need not exist yet: the trailing slash makes directory-only patterns match it.
    """
    if _git("rev-parse", "--is-inside-work-tree", cwd=path.parent).returncode != 0:
        return False
    return _git("check-ignore", "--quiet", f"{path.name}/", cwd=path.parent).returncode != 0


def init_and_commit(
    path: Path, files: Sequence[str], message: str, *, fallback_name: str, fallback_email: str
) -> None:
    """Make `path` a repository whose first commit holds `files`.

    The user's own git identity is used when configured; otherwise the fallback, so a fresh
    machine still gets its first commit.
    """
    configured = identity(path)
    options = []
    for key, fallback in (("user.name", fallback_name), ("user.email", fallback_email)):
        if key not in configured:
            options += ["-c", f"{key}={fallback}"]
    for args in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--", *files],
        [*options, "commit", "--quiet", "--no-verify", "-m", message],
    ):
        result = _git(*args, cwd=path)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            said = detail[-1] if detail else "no output"
            if _nearly_full(path):  # git names the symptom ("could not set core.filemode")
                said = f"{os.strerror(errno.ENOSPC)} ({said})"
            raise GeneratorError(f"git {args[0] if args[0] != '-c' else 'commit'} failed: {said}")


def _nearly_full(path: Path) -> bool:
    """Whether the file system of `path` has less than 1 MiB or no inode left."""
    try:
        stats = os.statvfs(path)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 1024 * 1024 or (
        stats.f_files > 0 and stats.f_favail == 0
    )
