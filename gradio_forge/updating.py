"""`update()` and `check()`: bring a generated project to the installed template, keeping edits.

copier does the 3-way merge (old template version, the project, new version). Around it this
module refuses what copier would get wrong or report poorly, and it finds the conflicts copier
leaves behind while still exiting successfully.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import git, interrupts, rendering
from .answers import Asker, InvalidAnswer, Questionnaire, Resolution, questionnaire
from .errors import GeneratorError, Interrupted, UsageError
from .questions import Question, read_copier_yml
from .template_history import (
    TEMPLATE_URL,
    TemplateSource,
    installed_source,
    restore_snapshot,
    retag_after,
    template_repository,
)

# Where every generated project keeps its answers: copier.yml's `_answers_file`.
ANSWERS_FILE = read_copier_yml()["_answers_file"]
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
    """What `check` says and `update` acts on: one decision, so they always agree."""

    project: Path
    current: str
    """The template version the project was made from or last updated to (`_commit`)."""
    available: str
    """The installed template's version (for a development version, its snapshot's tag)."""
    update_available: bool

    @property
    def target(self) -> str:
        """The version an update renders: the project's own when no newer template exists."""
        return self.available if self.update_available else self.current


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
    ask: Asker | None = None,
) -> Resolution:
    """Resolve the stored answers with `changes` on top; a bad stored one blames the file.

    With `ask`, the questions that apply but have no answer yet (made relevant by a change, or
    new in the template) are asked instead of taking their defaults.
    """
    known = {question.name for question in questionnaire.questions}
    # An answer to a question the template no longer asks is the template's history, not an error.
    stored = {key: value for key, value in stored.items() if key in known}
    try:
        return questionnaire.resolve({**stored, **changes}, use_defaults=ask is None, ask=ask)
    except InvalidAnswer as error:
        if error.question.name in changes:
            raise
        raise UsageError(
            f"{project / ANSWERS_FILE}: {error.question.name}: {error.reason}; correct it "
            f"there, or {_RESTORE_ANSWERS}"
        ) from None


def check(project: Path, source: TemplateSource | None = None) -> CheckResult:
    """Whether `update` would bring a template change; UsageError where it would refuse."""
    return _examine(Path(project).absolute(), source or installed_source(), {}, pretend=False)[2]


def _examine(
    project: Path,
    source: TemplateSource,
    changes: Mapping[str, Any],
    *,
    pretend: bool,
    ask: Asker | None = None,
) -> tuple[dict[str, Any], Resolution, CheckResult]:
    """The stored answers, the resolved new ones and the decision; UsageError for a refusal."""
    answers = read_answers(project)
    questions = questionnaire(source.root / "copier.yml")
    if "project_name" in changes and changes["project_name"] != answers.get("project_name"):
        raise UsageError("the project name cannot change in an update: create a new project")
    stored = {k: v for k, v in answers.items() if not k.startswith("_")}
    resolution = _resolve(project, questions, stored, changes, ask)
    _require_repository(project)
    decision = _decide(project, answers["_commit"], source)
    if decision.update_available or changes:
        _require_clean(project, decision, untracked_ok=pretend)
    return stored, resolution, decision


def _decide(project: Path, current: str, source: TemplateSource) -> CheckResult:
    """Compare the project's template version with the installed one, as copier will."""
    from packaging.version import InvalidVersion, Version

    try:
        made_at = Version(current)
    except InvalidVersion:
        raise UsageError(
            f"{project / ANSWERS_FILE}: _commit {current!r} is not a template version; "
            f"{_RESTORE_ANSWERS}"
        ) from None
    with template_repository(source) as (src_path, available):
        repository = Path(src_path).expanduser()
        made_from = _tree(repository, current)
        if not made_from and restore_snapshot(repository, current):
            made_from = _tree(repository, current)
        installed = _tree(repository, available)
        if (
            made_from
            and made_from != installed
            and made_at.is_devrelease
            and made_at.public == Version(available).public
            and made_at > Version(available)
        ):
            available = retag_after(repository, available, current)
    if not made_from:
        if made_at.is_devrelease:
            raise UsageError(
                f"template {current}, which made this project, is a development snapshot this "
                f"machine's template cache ({TEMPLATE_URL}) lacks: update on the machine that made "
                "the project, or install the gradio-forge checkout it was made with, run "
                "`new-app check` once (that restores the snapshot), then upgrade and update"
            )
        raise UsageError(
            f"template {current}, which made this project, is not among the releases "
            f"gradio-forge {source.version} ships: update with the gradio-forge that made it"
        )
    same = current == available or (
        made_from == installed and made_at.public == Version(available).public
    )
    if not same and made_at > Version(available):
        raise UsageError(
            f"{project} was made by template {current}, newer than the installed {available}: "
            f"upgrade gradio-forge to {made_at.public} or later, then update"
        )
    return CheckResult(project, current, available, update_available=not same)


def _tree(repository: Path, tag: str) -> str:
    return git.run(
        repository, "rev-parse", "--quiet", "--verify", f"refs/tags/{tag}^{{tree}}", check=False
    )


def update(
    project: Path,
    changes: Mapping[str, Any] | None = None,
    *,
    pretend: bool = False,
    source: TemplateSource | None = None,
    ask: Asker | None = None,
) -> UpdateResult:
    """Update `project` to the template of `source` (the installed one by default).

    `changes` are answers to change on the way (new files appear, untouched old ones go);
    `ask` (a person at a terminal) answers the questions that have no answer yet.
    With `pretend`, the update runs on a temporary clone and only reports. Raises UsageError
    for a project that cannot be updated as it is.
    """
    project = Path(project).absolute()
    changes = dict(changes or {})
    source = source or installed_source()
    asked: set[str] = set()
    stored, resolution, decision = _examine(
        project, source, changes, pretend=pretend, ask=_remembered(ask, asked) if ask else None
    )
    # What was asked goes to copier as a change too: it would take the default otherwise.
    changes = {k: v for k, v in resolution.answers.items() if k in changes or k in asked}
    result = UpdateResult(project, decision.current, decision.target, pretend=pretend)
    if not decision.update_available and not changes:
        return result
    if pretend:
        with interrupts.scratch_directory(prefix="new-app-pretend-") as scratch:
            # The clone holds the whole repository: the project may be a part of it.
            top = Path(git.run(project, "rev-parse", "--show-toplevel"))
            clone = Path(scratch) / top.name
            git.run(project, "clone", "--quiet", "--no-hardlinks", top, clone)
            copy = clone / git.run(project, "rev-parse", "--show-prefix")
            result.kept = _run_copier_update(copy, result, stored, changes, source)
            _collect(copy, result)
            git.run(copy, "add", "--intent-to-add", "--", ".")  # new files in the diff too
            result.diff = git.run(copy, "diff", "--relative", "HEAD", check=False)
        return result
    try:
        result.kept = _run_copier_update(project, result, stored, changes, source)
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


def _remembered(ask: Asker, asked: set[str]) -> Asker:
    """`ask`, adding the name of each question it asks to `asked`."""

    def asking(question: Question, default: Any, validate: Callable[[Any], str | None]) -> Any:
        asked.add(question.name)
        return ask(question, default, validate)

    return asking


def _restore(project: Path) -> str | None:
    """Put the project back at HEAD; what went wrong, or None. Ctrl-C waits until it is done.

    Only the project's own directory: in a larger repository, the rest is none of our business.
    """
    with interrupts.held():
        try:
            git.run(project, "restore", "--source=HEAD", "--staged", "--worktree", "--", ".")
            git.run(project, "clean", "--quiet", "-d", "--force", "--", ".")
        except GeneratorError as error:
            return error.message.splitlines()[0]
    return None


def _run_copier_update(
    project: Path,
    result: UpdateResult,
    stored: Mapping[str, Any],
    changes: Mapping[str, Any],
    source: TemplateSource,
) -> list[str]:
    """Run copier's update; restore the edited files it deleted and return their paths."""
    # Paths relative to the project, wherever it sits in its repository (ls-files, checkout and
    # `HEAD:./name` take them so; `HEAD:name` would mean the repository's root).
    tracked = git.run(project, "ls-files", "-z", "--", ".").split("\0")
    rendering.update(project, changes, source, version=result.to_version)
    deleted = [name for name in tracked if name and not (project / name).exists()]
    if not deleted:
        return []
    # copier deletes a file the new answers or version no longer produce, edited or not.
    # Keep the ones that differ from what the old template made: they hold the user's work.
    with interrupts.scratch_directory(prefix="new-app-old-") as scratch:
        old = Path(scratch) / project.name
        rendering.render(old, stored, source, version=result.from_version)
        kept = [
            name
            for name in deleted
            if not (old / name).is_file()
            or (old / name).read_bytes() != git.show(project, f"HEAD:./{name}")
        ]
    if kept:
        git.run(project, "checkout", "HEAD", "--", *kept)
    return kept


def _status(project: Path, *, untracked: str = "all") -> list[tuple[str, str]]:
    """(code, path relative to the project) of each changed path in the project's directory.

    `git status --porcelain` names paths from the repository's root, which in a monorepo is
    above the project.
    """
    prefix = git.run(project, "rev-parse", "--show-prefix")
    listed = git.run(
        project, "status", "--porcelain", "-z", f"--untracked-files={untracked}", "--", "."
    )
    entries = iter(listed.split("\0"))
    status = []
    for entry in entries:
        if not entry:
            continue
        code, path = entry[:2], entry[3:]
        if code[0] in "RC":
            next(entries, None)  # -z puts a rename's old name after the new one
        status.append((code, path.removeprefix(prefix)))
    return status


def _collect(project: Path, result: UpdateResult) -> None:
    status = _status(project)
    result.changed = [f"{code} {path}" for code, path in status]
    result.conflicts = _conflicts(project, status)


def _conflicts(project: Path, status: list[tuple[str, str]]) -> list[str]:
    """Files git lists as unmerged, or that hold copier's conflict markers."""
    conflicts = {path for code, path in status if code in _UNMERGED}
    for _, path in status:
        file = project / path
        if file.is_file() and CONFLICT_MARKER in file.read_text(errors="replace"):
            conflicts.add(path)
    return sorted(conflicts)


def _require_repository(project: Path) -> None:
    """A git repository without conflicts left from the last update."""
    if not git.available():
        raise UsageError("git is not installed: updates need it (install git)")
    if git.run(project, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise UsageError(
            f"{project} is not in a git repository: updates merge with git "
            "(run `git init && git add -A && git commit -m 'Initial commit'` there first)"
        )
    status = _status(project)
    committed = git.run(
        project,
        "grep",
        "--name-only",
        "--fixed-strings",
        CONFLICT_MARKER,
        "HEAD",
        "--",
        ".",
        check=False,
    )
    unresolved = sorted(
        {*_conflicts(project, status), *(line.split(":", 1)[1] for line in committed.splitlines())}
    )
    if unresolved:
        raise UsageError(
            f"{project} has conflicts left from the last update in {', '.join(unresolved)}: "
            "resolve the <<<<<<< markers, then `git add` and commit them"
        )


def _require_clean(project: Path, decision: CheckResult, *, untracked_ok: bool) -> None:
    """Nothing uncommitted (nor untracked, unless `untracked_ok`), in the whole repository.

    copier refuses a dirty repository, and the restore after a failure needs a clean start.
    """
    untracked = "no" if untracked_ok else "all"
    if git.run(project, "status", "--porcelain", f"--untracked-files={untracked}", check=False):
        top = Path(git.run(project, "rev-parse", "--show-toplevel"))
        where = project if top == project else f"the repository at {top}"
        available = (
            f"template {decision.available} is available, but " if decision.update_available else ""
        )
        raise UsageError(
            f"{available}{where} has uncommitted changes: commit or stash them first "
            "(an update must be reviewable and undoable with git)"
        )
