"""`create()`: render the template and put the new project in place, safely.

The project is rendered into a staging directory beside the destination first; only a complete
render is moved in. Nothing is deleted or changed that this run did not create, except the files
the template produces when the caller passes `force=True`; a failure part way undoes the move.
"""

import errno
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, git, interrupts, rendering
from .answers import Resolution, questionnaire
from .errors import GeneratorError, UsageError
from .template_history import TemplateSource, installed_source


@dataclass
class CreateResult:
    destination: Path
    answers: dict[str, Any]
    files: list[str]
    """Paths relative to `destination`, sorted."""
    package_name: str
    overwritten: list[str] = field(default_factory=list)
    """Files that existed before and were replaced (only with force)."""
    committed: bool = False
    pretend: bool = False


def default_answers_from_git() -> dict[str, str]:
    """Author defaults from `git config`, as the prompts and --defaults offer them."""
    configured = git.identity()
    names = {"author_name": "user.name", "author_email": "user.email"}
    return {answer: configured[key] for answer, key in names.items() if key in configured}


def create(
    destination: str | os.PathLike[str],
    answers: Mapping[str, Any],
    *,
    force: bool = False,
    pretend: bool = False,
    git_init: bool = True,
    source: TemplateSource | None = None,
) -> CreateResult:
    """Generate a project in `destination` from `answers`.

    Unanswered questions take their defaults (authors from `git config`); `project_name`
    defaults to the destination's name. `source` is the template to render, by default the
    installed one (tests pass other versions). Raises UsageError for bad answers or a destination
    that must not be touched, GeneratorError for other failures; either way, and on Ctrl-C,
    nothing is left behind.
    """
    target = Path(destination).absolute()
    source = source or installed_source()
    resolved = _resolve({"project_name": target.name, **answers}, source)
    if problem := destination_problem(target, force=force):
        raise UsageError(problem)
    # A directory that already held files is the user's: no repository is forced on it.
    wants_git = git_init and not (target.is_dir() and any(target.iterdir()))
    # Beside the destination: the same file system, so moving in is renaming.
    with (
        _parents_made(target.parent, keep=not pretend),
        interrupts.scratch_directory(target.parent, prefix=".new-app-") as staging,
    ):
        commit = wants_git and not pretend and _may_commit(target)
        project = staging / "project"
        files = _stage(project, resolved.answers, source, commit=commit, place=target.parent)
        result = _result(target, resolved, files, committed=commit, pretend=pretend)
        if not pretend:
            _land(project, target, staging)
    if wants_git and not git.available():
        raise GeneratorError(
            f"created {target}, but git is not installed: install git and commit the "
            "project yourself (template updates need it), or pass --no-git"
        )
    return result


def _resolve(given: Mapping[str, Any], source: TemplateSource) -> Resolution:
    # Asking git costs a process; the CLI has already filled these answers in.
    authors_given = {"author_name", "author_email"} <= given.keys()
    return questionnaire(source.root / "copier.yml").resolve(
        given,
        use_defaults=True,
        default_overrides={} if authors_given else default_answers_from_git(),
    )


def _may_commit(target: Path) -> bool:
    """Whether the project gets a repository of its own: not in a repository that tracks it."""
    return git.available() and not git.owned_by_enclosing_repository(target)


def _result(
    target: Path, resolved: Resolution, files: list[str], *, committed: bool, pretend: bool
) -> CreateResult:
    return CreateResult(
        target,
        resolved.answers,
        files,
        resolved.computed["package_name"],
        overwritten=[name for name in files if (target / name).exists()],
        committed=committed,
        pretend=pretend,
    )


def _stage(
    project: Path, answers: Mapping[str, Any], source: TemplateSource, *, commit: bool, place: Path
) -> list[str]:
    """Render the project into `project`, and commit it there: it lands with its repository or
    not at all. Returns its files."""
    try:
        files = rendering.render(project, answers, source)
        if commit:
            _first_commit(project, files, answers)
    except OSError as error:
        fix = "pick another place"
        if _disk_full(error):
            fix = "free some space, or pick another place"
        raise GeneratorError(
            f"could not write in {place}: {error.strerror or error}; nothing was changed ({fix})"
        ) from error
    return files


def _land(project: Path, target: Path, staging: Path) -> None:
    """Move the staged project into `target`, whole: a Ctrl-C waits until it has landed, and
    then there is nothing left to stop."""
    with interrupts.held():
        interrupts.raise_if_lost()
        _move_into_place(project, target, staging / "backup")
        shutil.rmtree(staging, ignore_errors=True)


def _first_commit(project: Path, files: list[str], answers: Mapping[str, Any]) -> None:
    try:
        git.init_and_commit(
            project,
            files,
            f"Create {answers['project_name']} with gradio-forge {__version__}",
            fallback_name=answers.get("author_name") or "new-app",
            fallback_email=answers.get("author_email") or "new-app@localhost",
        )
    except GeneratorError as error:
        raise GeneratorError(
            f"{error.message}; nothing was written (fix that, or pass --no-git)"
        ) from error


def _disk_full(error: OSError) -> bool:
    return error.errno in {errno.ENOSPC, errno.EDQUOT}


def destination_problem(target: Path, *, force: bool) -> str | None:
    """Why new-app must not create a project in `target`, or None. Missing parents are fine."""
    existing = next(path for path in target.parents if path.exists())
    if not existing.is_dir():
        return f"{existing} is a file, not a directory: choose another place"
    if target.is_symlink() and not target.exists():
        return f"{target} is a broken symbolic link: remove it, or choose another name"
    if target.exists() and not target.is_dir():
        return f"{target} is a file, not a directory: choose another name"
    writable = os.R_OK | os.W_OK | os.X_OK
    for directory in (target, existing):
        if directory.is_dir() and not os.access(directory, writable):
            return (
                f"cannot write in {directory}: pick a directory you can write to, "
                "or fix its permissions"
            )
    if target.is_dir() and any(target.iterdir()) and not force:
        return (
            f"{target} already exists and is not empty: choose another name, or pass --force "
            "to write the template's files into it (other files are left alone)"
        )
    return None


@contextmanager
def _parents_made(directory: Path, *, keep: bool) -> Iterator[None]:
    """Create `directory` and its missing parents; remove them again unless `keep` and done."""
    missing = [path for path in (directory, *directory.parents) if not path.exists()]
    ok = False
    try:
        for path in reversed(missing):
            try:
                path.mkdir()
            except OSError as error:
                raise GeneratorError(
                    f"could not create {path}: {error.strerror or error}; pick another place"
                ) from error
        yield
        ok = True
    finally:
        if not (ok and keep):
            for path in missing:
                with suppress(OSError):  # only if empty: nothing of anyone else's goes
                    path.rmdir()


def _move_into_place(project: Path, target: Path, backup: Path) -> None:
    """Move the rendered `project` into `target`; on any failure, put everything back as it was.

    A new `target` is one rename. In an existing one, entries it lacks are renamed in whole and
    its files that the template also makes are replaced, the originals parked in `backup`.
    """
    done: list[tuple[Path, Path]] = []

    def rename(source: Path, destination: Path) -> None:
        os.rename(source, destination)
        done.append((source, destination))

    try:
        if target.exists():
            _merge(project, target, backup, rename)
        else:
            rename(project, target)
    except BaseException as error:
        for source, destination in reversed(done):
            os.rename(destination, source)
        if isinstance(error, OSError):
            hint = " (free some space)" if _disk_full(error) else ""
            raise GeneratorError(
                f"could not write {target}: {error.strerror or error}; nothing was changed{hint}"
            ) from error
        raise


def _merge(source: Path, target: Path, backup: Path, rename: Callable[[Path, Path], None]) -> None:
    for entry in sorted(source.iterdir()):
        there = target / entry.name
        if entry.is_dir() and there.is_dir() and not there.is_symlink():
            _merge(entry, there, backup / entry.name, rename)
            continue
        if there.is_symlink() or there.exists():
            if entry.is_dir() or there.is_dir():
                kind = "directory" if entry.is_dir() else "file"
                raise UsageError(
                    f"{there} is in the way of a {kind} the template makes: move it away, "
                    "or choose another name"
                )
            backup.mkdir(parents=True, exist_ok=True)
            rename(there, backup / entry.name)
        rename(entry, there)
