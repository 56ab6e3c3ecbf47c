"""The few git operations a new project needs, through the git command line."""

import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import GeneratorError


def _git(
    *args: str | Path, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


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
    return subprocess.run(
        ["git", "show", revision_path], cwd=cwd, capture_output=True, check=True
    ).stdout


def available() -> bool:
    return shutil.which("git") is not None


def config_value(key: str) -> str:
    """A value from the user's git configuration, or '' when unset (or git is missing)."""
    if not available():
        return ""
    return _git("config", "--get", key).stdout.strip()


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
    identity = []
    if not _git("config", "user.name", cwd=path).stdout.strip():
        identity += ["-c", f"user.name={fallback_name}"]
    if not _git("config", "user.email", cwd=path).stdout.strip():
        identity += ["-c", f"user.email={fallback_email}"]
    for args in (
        ["init", "--quiet", "--initial-branch=main"],
        ["add", "--", *files],
        [*identity, "commit", "--quiet", "--no-verify", "-m", message],
    ):
        result = _git(*args, cwd=path)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise GeneratorError(
                f"git {args[0] if args[0] != '-c' else 'commit'} failed: "
                f"{detail[-1] if detail else 'no output'}"
            )
