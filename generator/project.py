"""`create()`: render the template and put the new project in place, safely.

The project is rendered into a staging directory beside the destination first; only a complete
render is moved in. Nothing is deleted or changed that this run did not create, except the files
the template produces when the caller passes `force=True`; a failure part way undoes the move.
"""

import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, git
from .answers import Questionnaire
from .errors import GeneratorError, UsageError
from .questions import load_questions
from .template_history import TemplateSource, installed_source, template_repository


@dataclass
class Result:
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
    return {
        key: value
        for key, value in {
            "author_name": git.config_value("user.name"),
            "author_email": git.config_value("user.email"),
        }.items()
        if value
    }


def create(
    destination: str | os.PathLike[str],
    answers: Mapping[str, Any],
    *,
    force: bool = False,
    pretend: bool = False,
    git_init: bool = True,
    source: TemplateSource | None = None,
) -> Result:
    """Generate a project in `destination` from `answers`.

    Unanswered questions take their defaults (authors from `git config`); `project_name`
    defaults to the destination's name. `source` is the template to render, by default the
    installed one (tests pass other versions). Raises UsageError for bad answers or a destination
    that must not be touched, GeneratorError for other failures.
    """
    target = Path(destination).absolute()
    given = {"project_name": target.name, **answers}
    source = source or installed_source()
    resolved = Questionnaire(load_questions(source.root / "copier.yml")).resolve(
        given, use_defaults=True, default_overrides=default_answers_from_git()
    )
    _check_destination(target, force=force)
    had_files = target.is_dir() and any(target.iterdir())
    with tempfile.TemporaryDirectory(prefix=".new-app-", dir=target.parent) as staging:
        files = _render(Path(staging) / "project", resolved.answers, source)
        overwritten = [name for name in files if (target / name).exists()]
        result = Result(
            target,
            resolved.answers,
            files,
            resolved.computed["package_name"],
            overwritten,
            pretend=pretend,
        )
        if pretend:
            return result
        _move_into_place(Path(staging), files, target)
    # A directory that already held files is the user's: no repository is forced on it.
    if git_init and not had_files:
        if not git.available():
            raise GeneratorError(
                f"created {target}, but git is not installed: install git and commit the "
                "project yourself (template updates need it), or pass --no-git"
            )
        if not git.owned_by_enclosing_repository(target):
            git.init_and_commit(
                target,
                files,
                f"Create {resolved.answers['project_name']} with gradio-forge {__version__}",
                fallback_name=resolved.answers.get("author_name") or "new-app",
                fallback_email=resolved.answers.get("author_email") or "new-app@localhost",
            )
            result.committed = True
    return result


def _check_destination(target: Path, *, force: bool) -> None:
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent} does not exist: create it first, or pick another place")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a directory: choose another name")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UsageError(
            f"{target} already exists and is not empty: choose another name, or pass --force "
            "to write the template's files into it (other files are left alone)"
        )
    if not os.access(target.parent, os.W_OK) or (
        target.is_dir() and not os.access(target, os.W_OK)
    ):
        raise UsageError(f"cannot write in {target.parent}: pick a directory you can write to")


def _render(staging: Path, answers: Mapping[str, Any], source: TemplateSource) -> list[str]:
    import copier

    with template_repository(source) as (src_path, vcs_ref):
        copier.run_copy(
            src_path, staging, data=dict(answers), defaults=True, quiet=True, vcs_ref=vcs_ref
        )
    return sorted(
        path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file()
    )


def _move_into_place(staging: Path, files: list[str], target: Path) -> None:
    """Move rendered files into `target`; on any failure, put everything back as it was."""
    source = staging / "project"
    backup = staging / "backup"
    created: list[Path] = []
    replaced: list[str] = []
    try:
        if not target.exists():
            target.mkdir()
            created.append(target)
        for name in files:
            destination = target / name
            for parent in reversed(destination.relative_to(target).parents):
                directory = target / parent
                if not directory.exists():
                    directory.mkdir()
                    created.append(directory)
            if destination.exists():
                (backup / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(destination, backup / name)
                replaced.append(name)
            else:
                created.append(destination)
            shutil.move(source / name, destination)
    except BaseException as error:
        for path in reversed(created):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        for name in replaced:
            os.replace(backup / name, target / name)
        if isinstance(error, OSError):
            raise GeneratorError(
                f"could not write {target}: {error.strerror or error}; nothing was changed"
            ) from error
        raise
