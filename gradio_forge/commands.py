"""What each command does with its arguments: gather answers (file, flags, prompts), then
create, update or check, and report the outcome (plain text on stderr, or JSON)."""

import json
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import interrupts
from .answers import questionnaire
from .creation import CreateResult, create, default_answers_from_git, destination_problem
from .errors import UsageError

if TYPE_CHECKING:
    from .updating import UpdateResult

# The exit code of a command that leaves work to the user: conflicts to resolve, or an update
# to run (`check`), as opposed to a failure (1) or a refusal (2).
NEEDS_YOU = 3


def read_data_file(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"--data-file {path}: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise UsageError(f"--data-file {path}: not valid YAML or JSON{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError(f"--data-file {path}: expected a mapping of question names to answers")
    return data


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_create(
    name: str | None,
    flags: dict[str, Any],
    *,
    defaults: bool,
    data_file: Path | None,
    output_dir: Path,
    force: bool,
    pretend: bool,
    git_init: bool,
    json_output: bool,
) -> None:
    from_file = read_data_file(data_file) if data_file else {}
    given = {**from_file, **flags}
    sources = {key: str(data_file) for key in from_file if key not in flags}
    asking = not defaults and interactive()

    def destination_of(project_name: str) -> Path:
        return output_dir.absolute() if name == "." else output_dir.absolute() / project_name

    if name == ".":  # the current (or output) directory itself, named after it
        given["project_name"] = destination_of("").name
        sources.pop("project_name", None)
    elif name is not None:
        given["project_name"] = name
        sources.pop("project_name", None)
    elif not asking and "project_name" not in given:
        raise UsageError(
            "give the project a NAME: `new-app NAME`, or `new-app .` for the current directory"
        )
    ask = None
    if asking:
        from .prompts import ask
    resolution = questionnaire().resolve(
        given,
        use_defaults=defaults,
        ask=ask,
        default_overrides=default_answers_from_git(),
        sources=sources,
        # Checked as soon as the name is known: before any other question is asked.
        checks={
            "project_name": lambda value: destination_problem(destination_of(value), force=force)
        },
    )
    for question in resolution.ignored:
        print(f"note: {question.flag} does not apply to these answers; ignored", file=sys.stderr)
    # Looked for now, while a Ctrl-C still means nothing was written; said once the project
    # is made, so a refusal stays one line.
    warning = missing_python(resolution.answers["python_version"])
    result = create(
        destination_of(resolution.answers["project_name"]),
        resolution.answers,
        force=force,
        pretend=pretend,
        git_init=git_init,
    )
    with interrupts.held():  # the project is complete: say so, even to a Ctrl-C
        if json_output:
            print(json.dumps(summary(result), indent=2))
        if warning:
            print(warning, file=sys.stderr)
        report(result, git_init=git_init)


def missing_python(version: str) -> str | None:
    """A warning when the project's Python is not on this machine, where its next steps run."""
    import subprocess

    try:
        # Run, not only looked up: a pyenv shim is on PATH for versions it does not activate.
        subprocess.run([f"python{version}", "-c", ""], check=True, capture_output=True, timeout=10)
        return None
    except (OSError, subprocess.SubprocessError):
        pass
    return (
        f"warning: python{version} is not on this machine: install Python {version} to run "
        "the project here, or choose another --python-version"
    )


def parse_data(pairs: list[str]) -> dict[str, str]:
    """`--data KEY=VALUE` pairs as answers (typed later, by the question)."""
    data = {}
    for pair in pairs:
        key, separator, value = pair.partition("=")
        if not separator or not key:
            raise UsageError(f"--data {pair!r}: write it as KEY=VALUE, e.g. deploy_target=docker")
        data[key.strip().replace("-", "_")] = value
    return data


def run_update(
    directory: Path, changes: dict[str, Any], *, pretend: bool, json_output: bool
) -> int:
    from .updating import update

    ask = None
    if interactive():
        from .prompts import ask
    result = update(directory, changes, pretend=pretend, ask=ask)
    with interrupts.held():  # the update is done: report it, even to a Ctrl-C
        return _report_update(result, pretend=pretend, json_output=json_output)


def _report_update(result: "UpdateResult", *, pretend: bool, json_output: bool) -> int:
    if json_output:
        print(
            json.dumps(
                {
                    "project": str(result.project),
                    "from_version": result.from_version,
                    "to_version": result.to_version,
                    "pretend": result.pretend,
                    "changed": result.changed,
                    "conflicts": result.conflicts,
                    "kept": result.kept,
                    "diff": result.diff,
                },
                indent=2,
            )
        )
    elif result.diff:
        print(result.diff)

    def say(line: str) -> None:
        print(line, file=sys.stderr)

    if result.up_to_date:
        say(f"{result.project} is up to date (template {result.to_version}).")
        return 0
    verb = "Would update" if pretend else "Updated"
    if result.from_version == result.to_version:  # only answers changed
        say(f"{verb} {result.project} for the new answers (template {result.to_version}):")
    else:
        say(f"{verb} {result.project} from template {result.from_version} to {result.to_version}:")
    for line in result.changed:
        say(f"  {line}")
    for name in result.kept:
        say(f"  kept {name}: the template no longer makes it, but you edited it")
    if result.conflicts:
        say(
            f"error: {len(result.conflicts)} file(s) {'would have' if pretend else 'have'} "
            f"conflicts: {', '.join(result.conflicts)}; resolve the <<<<<<< markers, "
            "then `git add` them"
        )
        return NEEDS_YOU
    if not pretend:
        say("Review with `git diff`, run the tests, then commit.")
    return 0


def run_check(directory: Path, *, json_output: bool) -> int:
    from .updating import check

    result = check(directory)
    if json_output:
        print(
            json.dumps(
                {
                    "project": str(result.project),
                    "current": result.current,
                    "available": result.available,
                    "update_available": result.update_available,
                }
            )
        )
    if result.update_available:
        print(
            f"Update available for {result.project}: template {result.current} -> "
            f"{result.available}; run `new-app update {shlex.quote(str(result.project))}`",
            file=sys.stderr,
        )
        return NEEDS_YOU
    print(f"{result.project} is up to date (template {result.current}).", file=sys.stderr)
    return 0


def summary(result: CreateResult) -> dict[str, Any]:
    return {
        "destination": str(result.destination),
        "pretend": result.pretend,
        "answers": result.answers,
        "files": result.files,
        "overwritten": result.overwritten,
        "git_commit": result.committed,
    }


def report(result: CreateResult, *, git_init: bool) -> None:
    def say(line: str = "") -> None:
        print(line, file=sys.stderr)

    if result.pretend:
        say(f"Would write {len(result.files)} files in {result.destination}:")
        for name in result.files:
            say(f"  {name}{'  (overwrite)' if name in result.overwritten else ''}")
        say("Nothing was written (--pretend).")
        return
    answers = result.answers
    kind = f"{answers['app_type']} app, {answers['deploy_target']} target"
    say(f"Created {result.destination} ({kind}, {len(result.files)} files).")
    if result.overwritten:
        replaced = ", ".join(result.overwritten)
        say(f"Replaced {len(result.overwritten)} existing file(s) (--force): {replaced}")
    if git_init and not result.committed:
        say("note: no git commit made: the directory already had files, or is in a repository.")
        say("      Commit the project yourself before running template updates.")
    say("\nNext steps (from README.md):")
    if (where := _shell_path(result.destination)) != ".":
        say(f"  cd {where}")
    readme = (result.destination / "README.md").read_text(encoding="utf-8")
    for line in [*readme_commands(readme, "Run it"), *readme_commands(readme, "Test")]:
        say(f"  {line}")
    say(f"Deploying ({answers['deploy_target']}): see the Deploy section of README.md.")


def readme_commands(readme: str, section: str) -> list[str]:
    """The lines of the first sh block under `## section` of a generated README: the printed
    next steps are the README's own commands, never a second text to keep in step."""
    body = readme.partition(f"\n## {section}\n")[2].split("\n## ", 1)[0]
    block = body.partition("```sh\n")[2].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def _shell_path(path: Path) -> str:
    try:
        relative = path.relative_to(Path.cwd())
    except ValueError:
        return str(path)
    return str(relative)
