"""`update()` and `check()`: bring a generated project to the installed template, keeping edits.

copier does the 3-way merge (old template version, the project, new version). Around it this
module refuses what copier would get wrong or report poorly, and it finds the conflicts copier
leaves behind while still exiting successfully.
"""

import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import compiled_templates, git, interrupts
from .answers import InvalidAnswer, Questionnaire, Resolution
from .errors import GeneratorError, Interrupted, UsageError
from .questions import load_questions
from .template_history import (
    TEMPLATE_URL,
    TemplateSource,
    installed_source,
    template_repository,
)

ANSWERS_FILE = ".copier-answers.yml"
CONFLICT_MARKER = "<<<<<<< before updating"
_UNMERGED = {"DD", "AU", "UD", "UA", "DU", "AA", "UU"}
_RESTORE_ANSWERS = f"restore it with `git checkout -- {ANSWERS_FILE}`"
# What a user runs in the project when the automatic restore after a failed update cannot:
# the update starts from a clean tree, so this loses nothing, and without -x ignored files stay.
RESTORE_BY_HAND = "git reset --hard && git clean -fd"


@dataclass
class UpdateResult:
    project: Path
    from_version: str
    to_version: str
    changed: list[str] = field(default_factory=list)
    """Paths the update changed, as `git status --porcelain` lines."""
    conflicts: list[str] = field(default_factory=list)
    """Files left with conflict markers: the user's edit and the template's change clashed."""
    kept: list[str] = field(default_factory=list)
    """Files the template no longer produces but the user edited: left in place."""
    diff: str = ""
    pretend: bool = False

    @property
    def up_to_date(self) -> bool:
        return not self.changed


@dataclass
class CheckResult:
    project: Path
    current: str
    available: str

    @property
    def update_available(self) -> bool:
        from packaging.version import Version

        return Version(self.available) > Version(self.current)


def read_answers(project: Path) -> dict[str, Any]:
    """The answers a project was generated with, or a message naming what is missing."""
    if not project.is_dir():
        raise UsageError(f"{project} is not a directory: pass the project's directory")
    path = project / ANSWERS_FILE
    if not path.is_file():
        raise UsageError(
            f"{project} is not a generated project: {ANSWERS_FILE} is missing "
            "(projects made by new-app or copier have it)"
        )
    try:
        answers = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}; fix its permissions") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        answers = None
    if not isinstance(answers, dict):
        raise UsageError(f"{path} is corrupted (not a YAML mapping): {_RESTORE_ANSWERS}")
    missing = [key for key in ("_commit", "_src_path") if not isinstance(answers.get(key), str)]
    if missing:
        raise UsageError(
            f"{path} lacks {' and '.join(missing)}: the template version it was made from is "
            f"unknown; {_RESTORE_ANSWERS}"
        )
    if answers["_src_path"] != TEMPLATE_URL:
        raise UsageError(
            f"{project} was made from the template at {answers['_src_path']}, not by new-app: "
            "update it with `copier update`"
        )
    return answers


def _resolve(
    project: Path,
    questionnaire: Questionnaire,
    stored: Mapping[str, Any],
    changes: Mapping[str, Any],
) -> Resolution:
    """Resolve the stored answers with `changes` on top; a bad stored one blames the file."""
    known = {question.name for question in questionnaire.questions}
    # An answer to a question the template no longer asks is the template's history, not an error.
    stored = {key: value for key, value in stored.items() if key in known}
    try:
        return questionnaire.resolve({**stored, **changes}, use_defaults=True)
    except InvalidAnswer as error:
        if error.question.name in changes:
            raise
        raise UsageError(
            f"{project / ANSWERS_FILE}: {error.question.name}: {error.reason}; correct it "
            f"there, or {_RESTORE_ANSWERS}"
        ) from None


def check(project: Path, source: TemplateSource | None = None) -> CheckResult:
    answers = read_answers(project)
    source = source or installed_source()
    stored = {k: v for k, v in answers.items() if not k.startswith("_")}
    _resolve(project, Questionnaire(load_questions(source.root / "copier.yml")), stored, {})
    return CheckResult(project, answers["_commit"], source.version)


def update(
    project: Path,
    changes: Mapping[str, Any] | None = None,
    *,
    pretend: bool = False,
    source: TemplateSource | None = None,
) -> UpdateResult:
    """Update `project` to the template of `source` (the installed one by default).

    `changes` are answers to change on the way (new files appear, untouched old ones go).
    With `pretend`, the update runs on a temporary clone and only reports. Raises UsageError
    for a project that cannot be updated as it is.
    """
    project = Path(project).absolute()
    changes = dict(changes or {})
    answers = read_answers(project)
    source = source or installed_source()
    questionnaire = Questionnaire(load_questions(source.root / "copier.yml"))
    if "project_name" in changes and changes["project_name"] != answers.get("project_name"):
        raise UsageError("the project name cannot change in an update: create a new project")
    stored = {k: v for k, v in answers.items() if not k.startswith("_")}
    resolution = _resolve(project, questionnaire, stored, changes)
    changes = {k: v for k, v in changes.items() if k in resolution.answers}
    _require_clean_repository(project)
    result = UpdateResult(project, answers["_commit"], source.version, pretend=pretend)
    if result.from_version == source.version and not changes:
        return result
    if pretend:
        with tempfile.TemporaryDirectory(prefix="new-app-pretend-") as scratch:
            clone = Path(scratch) / project.name
            git.run(project, "clone", "--quiet", "--no-hardlinks", project, clone)
            result.kept = _run_copier_update(clone, result.from_version, stored, changes, source)
            _collect(clone, result)
            result.diff = git.run(clone, "diff", "HEAD", check=False)
        return result
    try:
        result.kept = _run_copier_update(project, result.from_version, stored, changes, source)
        _collect(project, result)
        interrupts.raise_if_lost()
    except BaseException as error:
        # The tree was clean when the update started: going back to HEAD loses nothing.
        problem = _restore(project)
        outcome = (
            f"{project} is as it was"
            if problem is None
            else f"restoring {project} failed ({problem}): run `{RESTORE_BY_HAND}` in it"
        )
        if isinstance(error, KeyboardInterrupt) or interrupts.heard():
            raise Interrupted(interrupts.stopped(outcome)) from None
        if isinstance(error, GeneratorError):
            error.message = f"{error.message}; {outcome}"
        raise
    return result


def _restore(project: Path) -> str | None:
    """Put the project back at HEAD; what went wrong, or None. Ctrl-C waits until it is done."""
    with interrupts.held():
        try:
            git.run(project, "reset", "--quiet", "--hard", "HEAD")
            git.run(project, "clean", "--quiet", "-d", "--force")
        except GeneratorError as error:
            return error.message.splitlines()[0]
    return None


def _run_copier_update(
    project: Path,
    old_version: str,
    stored: Mapping[str, Any],
    changes: Mapping[str, Any],
    source: TemplateSource,
) -> list[str]:
    """Run copier's update; restore the edited files it deleted and return their paths."""
    import copier
    from copier.errors import CopierError

    tracked = git.run(project, "ls-files", "-z").split("\0")
    with template_repository(source) as (src_path, vcs_ref), compiled_templates.kept_for_copier():
        known = git.run(Path(src_path).expanduser(), "tag", "--list", str(old_version))
        if not known:
            raise UsageError(
                f"template {old_version}, which made this project, is not among the releases "
                f"gradio-forge {source.version} ships: update with the gradio-forge that made it"
            )
        try:
            copier.run_update(
                project,
                data=dict(changes),
                vcs_ref=vcs_ref,
                overwrite=True,
                defaults=True,
                skip_answered=True,
                conflict="inline",
                quiet=True,
            )
        except CopierError as error:
            raise GeneratorError(f"the update failed: {error}") from None
        except subprocess.CalledProcessError as error:
            raise GeneratorError(f"the update failed: {error}") from None
        except OSError as error:
            raise GeneratorError(f"the update failed: {error.strerror or error}") from None
        deleted = [name for name in tracked if name and not (project / name).exists()]
        if not deleted:
            return []
        # copier deletes a file the new answers or version no longer produce, edited or not.
        # Keep the ones that differ from what the old template made: they hold the user's work.
        with tempfile.TemporaryDirectory(prefix="new-app-old-") as scratch:
            old = Path(scratch) / project.name
            copier.run_copy(
                src_path, old, data=dict(stored), defaults=True, quiet=True, vcs_ref=old_version
            )
            kept = [
                name
                for name in deleted
                if not (old / name).is_file()
                or (old / name).read_bytes() != git.show(project, f"HEAD:{name}")
            ]
    if kept:
        git.run(project, "checkout", "HEAD", "--", *kept)
    return kept


def _collect(project: Path, result: UpdateResult) -> None:
    status = git.run(project, "status", "--porcelain", "--untracked-files=all").splitlines()
    result.changed = status
    conflicts = {line[3:] for line in status if line[:2] in _UNMERGED}
    for line in status:
        path = project / line[3:].split(" -> ")[-1]
        if path.is_file() and CONFLICT_MARKER in path.read_text(errors="replace"):
            conflicts.add(line[3:])
    result.conflicts = sorted(conflicts)


def _require_clean_repository(project: Path) -> None:
    if not git.available():
        raise UsageError("git is not installed: updates need it (install git)")
    if git.run(project, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise UsageError(
            f"{project} is not in a git repository: updates merge with git "
            "(run `git init && git add -A && git commit -m 'Initial commit'` there first)"
        )
    if git.run(project, "status", "--porcelain", "--untracked-files=all", check=False):
        raise UsageError(
            f"{project} has uncommitted changes: commit or stash them first "
            "(an update must be reviewable and undoable with git)"
        )
