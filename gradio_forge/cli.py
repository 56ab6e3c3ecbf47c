"""The `new-app` command line. Its question flags are derived from copier.yml at start-up."""

import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from . import _VERSION_LINE
from .errors import GeneratorError, Interrupted, UsageError
from .typer_speedup import coerce_plain_values, skip_coercing_missing_values

if TYPE_CHECKING:  # copier.yml's questions are read for the commands that have them, not doctor
    from .questions import Question


# click's usage error (unknown option, missing value), reached through typer's public API.
_ClickUsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class _ShorthandContext(typer.Context):
    @property
    def command_path(self) -> str:
        # `new-app NAME` is the create command: show it without its hidden name.
        return self.parent.command_path if self.parent else super().command_path


class _Command(TyperCommand):
    """A command that its usage errors name: click leaves a missing option value without one,
    and `see new-app --help` would send the user to the wrong help."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except _ClickUsageError as error:
            error.ctx = error.ctx or ctx
            raise


class _CreateCommand(_Command):
    context_class = _ShorthandContext

    def format_options(self, ctx: typer.Context, formatter: Any) -> None:
        """Options in their help panels, as typer's rich help would group them, in plain text.

        Plain text, because rich's table cuts long option names in an 80-column help.
        """
        sections: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            default = "Arguments" if param.param_type_name == "argument" else "Options"
            sections.setdefault(getattr(param, "rich_help_panel", None) or default, []).append(
                record
            )
        for title, records in sections.items():
            with formatter.section(title):
                formatter.write_dl(records)


class _Group(TyperGroup):
    """Runs `create` unless the first word is another command (`new-app NAME ...`)."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        own_options = {opt for param in self.params for opt in param.opts}
        if not args or (args[0] not in self.commands and args[0] not in own_options):
            args = ["create", *args]
        return super().parse_args(ctx, args)

    # typer turns a Ctrl-C outside a command's own handling into a silent exit 130: say it.
    def make_context(self, *args: Any, **kwargs: Any) -> typer.Context:
        with _interrupt_said():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:
        with _interrupt_said():
            return super().invoke(ctx)


@contextmanager
def _interrupt_said() -> Iterator[None]:
    from . import interrupts

    try:
        yield
    except KeyboardInterrupt:
        _say(interrupts.stopped("nothing changed"))
        raise typer.Exit(interrupts.exit_code()) from None
    except _ClickUsageError as error:  # one line, as every other error: no usage box
        where = error.ctx.command_path if error.ctx else "new-app"
        _say(f"error: {error.format_message().rstrip('.')} (see `{where} --help`)")
        raise typer.Exit(2) from None


def _root() -> None:
    """Generate a production-ready Gradio 6 app."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _show_version(value: bool) -> None:
    if value:
        print(_VERSION_LINE)
        raise typer.Exit()


ANSWERS = "Answers (asked at a terminal when not given)"
WRITING = "Where and how to write"
CHANGES = "Answers to change (the others stay as recorded)"


def _question_option(
    question: "Question", questions: "list[Question]", *, panel: str
) -> inspect.Parameter:
    from .questions import default_text

    choices = [str(choice.value) for choice in question.choices]
    notes = []
    if question.bounds:
        notes.append(f"{question.bounds[0]} to {question.bounds[1]}")
    if panel == ANSWERS and (default := default_text(question, questions)):
        notes.append(f"default: {default}")
    help_text = question.help
    if notes:
        help_text += f"  [{'; '.join(notes)}]"  # as click shows its own defaults

    def complete(incomplete: str) -> list[str]:
        return [choice for choice in choices if choice.startswith(incomplete)]

    option = typer.Option(
        question.flag,
        help=help_text,
        show_default=False,
        metavar="[" + "|".join(choices) + "]" if choices else question.type.upper(),
        autocompletion=complete if choices else None,
        rich_help_panel=panel,
    )
    # Given as text and checked by the Questionnaire, as a prompt's answer is: the same
    # messages for a flag, a data file and a prompt (typer's own would be pydantic's).
    value_type = bool if question.type == "bool" else str
    annotation = Optional[value_type]  # noqa: UP045
    return inspect.Parameter(
        question.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[annotation, option],
    )


def create_command(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="NAME",
            help="Project name: the directory to create ('.' for the current directory, "
            "named after it). Asked for when not given.",
            show_default=False,
        ),
    ] = None,
    defaults: Annotated[
        bool,
        typer.Option(
            "--defaults",
            "-y",
            help="Take the default for every answer not given.",
            rich_help_panel=ANSWERS,
        ),
    ] = False,
    data_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="YAML or JSON file of answers (flags win).",
            rich_help_panel=ANSWERS,
        ),
    ] = None,
    output_dir: Annotated[
        Path,
        typer.Option(
            help="Where to create the project (made when missing).", rich_help_panel=WRITING
        ),
    ] = Path(),
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into an existing non-empty directory: the template's files replace "
            "same-named ones; nothing else is touched.",
            rich_help_panel=WRITING,
        ),
    ] = False,
    pretend: Annotated[
        bool,
        typer.Option(
            "--pretend", help="List what would be written; write nothing.", rich_help_panel=WRITING
        ),
    ] = False,
    git: Annotated[
        bool, typer.Option(help="git init and commit the new project.", rich_help_panel=WRITING)
    ] = True,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print a JSON summary on stdout (messages on stderr).",
            rich_help_panel=WRITING,
        ),
    ] = False,
    version: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
    **answers: Any,
) -> None:
    """Create a new Gradio app in NAME. Questions not answered by flags are asked."""

    def action() -> None:
        from .commands import run_create

        run_create(
            name,
            _given(answers),
            defaults=defaults,
            data_file=data_file,
            output_dir=output_dir,
            force=force,
            pretend=pretend,
            git_init=git,
            json_output=json_output,
        )

    run_reported(action, interrupted="nothing was written")


def update_command(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="The generated project to update."),
    ] = Path(),
    data: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--data", metavar="KEY=VALUE", help="Change an answer (repeatable)."),
    ] = None,
    pretend: Annotated[
        bool,
        typer.Option("--pretend", help="Show the files and diff it would change; write nothing."),
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary on stdout (messages on stderr).")
    ] = False,
    **answers: Any,
) -> None:
    """Bring the installed template's changes into a generated project, keeping your edits.

    Exit codes: 0 updated (or up to date), 2 bad input, 3 conflicts left to resolve.
    """

    def action() -> int:
        from .commands import parse_data, run_update

        changes = {**parse_data(data or []), **_given(answers)}
        return run_update(directory, changes, pretend=pretend, json_output=json_output)

    run_reported(action, interrupted="nothing changed")


def check_command(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="The generated project to check.")
    ] = Path(),
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary on stdout.")
    ] = False,
) -> None:
    """Say whether a template update is available, deciding as `update` does.

    Exit codes: 0 up to date, 2 an update would be refused (the line says why), 3 update
    available.
    """

    def action() -> int:
        from .commands import run_check

        return run_check(directory, json_output=json_output)

    run_reported(action, interrupted="nothing changed")


FORMATS = ("text", "json")


def doctor_command(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(metavar="PATH", help="Files or directories to check (default: .)."),
    ] = None,
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(metavar="CODES", help="Only these rules (comma-separated, repeatable)."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(metavar="CODES", help="Skip these rules (comma-separated, repeatable)."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="[text|json]",
            help="Output format.",
            autocompletion=lambda incomplete: [f for f in FORMATS if f.startswith(incomplete)],
        ),
    ] = "text",
    explain: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(metavar="CODE", help="Explain one rule, e.g. GR001, and exit."),
    ] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe fixes to the files.")] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes", help="With --fix or --diff: also the behaviour-changing ones."
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a diff; write nothing.")
    ] = False,
    respect_gitignore: Annotated[
        bool,
        typer.Option(
            help="Skip files that .gitignore files exclude (named files are always checked)."
        ),
    ] = True,
    cache: Annotated[
        bool, typer.Option(help="Reuse the results of unchanged files (kept in ~/.cache).")
    ] = True,
) -> None:
    """Find Gradio production traps and APIs removed in Gradio 6, statically; fix them with --fix.

    Nothing is imported or run. Exit codes: 0 clean, 1 findings left (with --diff: fixes to
    make), 2 bad input or a file that could not be checked.
    Silence one finding with `# noqa: GR001` on its line.
    """

    def action() -> int:
        from .doctor import run_doctor

        if output_format not in FORMATS:
            raise UsageError(f"--format: {output_format!r} is not one of: {', '.join(FORMATS)}")

        return run_doctor(
            paths or [Path()],
            select=select or [],
            ignore=ignore or [],
            output_format=output_format,
            explain=explain,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            respect_gitignore=respect_gitignore,
            cache=cache,
        )

    run_reported(action, interrupted="nothing changed")


def _given(answers: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in answers.items() if value is not None}


def run_reported(action: Callable[[], int | None], *, interrupted: str) -> None:
    """Run a command's action and report how it ended: one-line errors with their exit codes,
    Ctrl-C (or a failure it caused) as an interrupt, else the action's own exit code."""
    from . import interrupts  # not needed for --help

    message = None
    try:
        with interrupts.watched() as ctrl_c:
            code = action()
    except KeyboardInterrupt:
        message, code = ctrl_c.stopped(interrupted), ctrl_c.exit_code()
    except Exception as error:
        if isinstance(error, Interrupted):
            message, code = error.message, ctrl_c.exit_code()
        elif ctrl_c.heard:
            # The failure came of the Ctrl-C: a clean-up it cut short, or the Ctrl-C itself
            # as another error (Python 3.11 wraps one raised in a __set_name__, as while
            # copier imports pydantic, in a RuntimeError).
            message, code = ctrl_c.stopped(interrupted), ctrl_c.exit_code()
        elif isinstance(error, GeneratorError):
            message, code = f"error: {error.message}", error.exit_code
        else:
            raise
    interrupts.ignore_stopping_signals()
    if message:
        _say(message)
    if code:
        raise typer.Exit(code)


def _with_question_flags(function: Any, questions: "list[Question]", *, panel: str) -> Any:
    """`function` as a command with a flag per question, which reach it as `**answers`."""
    signature = inspect.signature(function)
    fixed = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    flags = [_question_option(q, questions, panel=panel) for q in questions if q.is_flag]

    @functools.wraps(function)
    def command(**arguments: Any) -> Any:
        return function(**arguments)

    command.__signature__ = signature.replace(parameters=[*fixed, *flags])  # type: ignore[attr-defined]
    return command


def _app() -> typer.Typer:
    app = typer.Typer(
        cls=_Group,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_root)
    return app


def build_cli(questions: "list[Question]") -> typer.Typer:
    """The `new-app` command line for these questions (a new one on each call)."""
    app = _app()
    commands = {
        "update": _with_question_flags(update_command, questions, panel=CHANGES),
        "check": check_command,
        "doctor": doctor_command,
    }
    # `new-app --help` is the create command's help: it names the other commands too.
    listed = "\n\n".join(
        f"new-app {name}: {(inspect.getdoc(function) or '').splitlines()[0]}"
        for name, function in commands.items()
    )
    app.command(
        "create",
        cls=_CreateCommand,
        hidden=True,
        epilog=f"Other commands (see `new-app COMMAND --help`):\n\n{listed}",
    )(_with_question_flags(create_command, questions, panel=ANSWERS))
    for name, function in commands.items():
        app.command(name, cls=_Command)(function)
    return app


def build_doctor_cli() -> typer.Typer:
    """`new-app` with its doctor command alone: what `new-app doctor ...` runs.

    The doctor is a linter, run on every commit: it starts without reading copier.yml or
    building the other commands, and coerces its values without typer's pydantic adapters.
    Everything from the word `doctor` on behaves as in the whole command line (same group,
    same command, same help).
    """
    app = _app()
    app.command("doctor", cls=_Command)(doctor_command)
    return app


def _run_doctor_alone() -> None:
    coerce_plain_values()
    try:
        build_doctor_cli()(prog_name="new-app")
    except SystemExit as done:
        if not isinstance(done.code, int | None):
            raise
        # Nothing is left to clean up (the cache is saved, no child runs): leave without
        # tearing the interpreter down, which costs the doctor a tenth of its run (as mypy's
        # hard_exit does). Output that cannot be flushed is left to Python's usual exit.
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            raise done from None
        os._exit(done.code or 0)


def main() -> None:
    skip_coercing_missing_values()
    if sys.argv[1:2] == ["doctor"]:
        _run_doctor_alone()
        return
    from .questions import load_questions

    try:
        questions = load_questions()
    except (OSError, ValueError) as error:
        _say(f"error: cannot read the template's copier.yml: {error} (reinstall gradio-forge)")
        sys.exit(1)
    build_cli(questions)(prog_name="new-app")
