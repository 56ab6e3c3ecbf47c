"""Which files to check, and their text as Python reads it.

Directories are walked without following symlinks (no loops), skipping virtual environments
(any directory holding a pyvenv.cfg), the usual build and tool folders, and what the
.gitignore files from the repository's root down say (matched with pathspec, as git does).
Files named on the command line are always checked.
"""

import io
import os
import tokenize
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


SKIPPED_DIRS = frozenset(
    {".venv", "venv", ".git", "__pycache__", "node_modules", "build", "dist", ".tox", ".nox"}
    | {".mypy_cache", ".ruff_cache", ".pytest_cache", ".hg", ".svn", "site-packages"}
)


class Unreadable(Exception):
    """A file that cannot be read or decoded as Python source."""


def read_source(path: Path) -> tuple[bytes, str]:
    """The bytes of a file and its text, decoded as Python would (BOM, coding cookie)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Unreadable(f"cannot read: {error.strerror or error}") from None
    return data, decode(data)


def decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        raise Unreadable(f"cannot decode as Python source: {error}") from None


def _ignore_spec(directory: Path) -> "pathspec.PathSpec | None":
    try:
        lines = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    import pathspec  # only where there is a .gitignore: it costs start-up time

    return pathspec.GitIgnoreSpec.from_lines(lines.splitlines())


def _ancestor_specs(root: Path) -> list[tuple[Path, "pathspec.PathSpec"]]:
    """The .gitignore files above `root`, up to its repository's top (where .git is)."""
    specs = []
    current = root.resolve()
    for directory in (current, *current.parents):
        if directory != current and (spec := _ignore_spec(directory)) is not None:
            specs.append((directory, spec))
        if (directory / ".git").exists():
            return specs
    return []  # not in a repository: .gitignore files outside `root` do not apply


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, "pathspec.PathSpec"]]) -> bool:
    for base, spec in specs:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False


def python_files(paths: Iterable[Path], *, respect_gitignore: bool = True) -> Iterator[Path]:
    for path in paths:
        if not path.is_dir():
            yield path  # named on the command line: checked, or reported as unreadable
            continue
        specs = _ancestor_specs(path.absolute()) if respect_gitignore else []
        for name in _walk(str(path), path.absolute(), specs, respect_gitignore):
            yield Path(name)


def _walk(
    directory: str,
    absolute: Path,
    specs: list[tuple[Path, "pathspec.PathSpec"]],
    respect_gitignore: bool,
) -> Iterator[str]:
    """The Python files below `directory` (as given, joined as strings: cheaper than Paths)."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return
    if (
        respect_gitignore
        and any(entry.name == ".gitignore" for entry in entries)
        and (spec := _ignore_spec(absolute)) is not None
    ):
        specs = [*specs, (absolute, spec)]
    for entry in entries:
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            if name in SKIPPED_DIRS or os.path.exists(os.path.join(entry.path, "pyvenv.cfg")):
                continue
            full = absolute / name
            if not (specs and _ignored(full, True, specs)):
                yield from _walk(entry.path, full, specs, respect_gitignore)
        elif (
            name.endswith(".py")
            and not (entry.is_symlink() and _points_to_dir(absolute / name))
            and not (specs and _ignored(absolute / name, False, specs))
        ):
            yield entry.path


def _points_to_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a symlink loop: reported when read
        return False
