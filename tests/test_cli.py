"""`new-app` as scripts and CI use it: flags, data files, --pretend, --json, every error path."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .helpers import QUESTIONS, QUEUE_RANGE, cli_command, invoke_cli, manifest, max_length, run_cli

# copier.yml's limit for every target (the server target's Unix user name allows fewer).
NAME_LIMIT = max_length("project_name")


def test_version_and_help(tmp_path: Path) -> None:
    from gradio_forge import __version__

    version = run_cli("--version", cwd=tmp_path)
    assert version.returncode == 0
    assert __version__ in version.stdout
    help_text = run_cli("--help", cwd=tmp_path)
    assert help_text.returncode == 0
    for flag in ("--app-type", "--deploy-target", "--auth", "--max-queue-size", "--defaults"):
        assert flag in help_text.stdout


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_load_only_the_command_line(tmp_path: Path, flag: str) -> None:
    """Start-up stays fast: copier, Jinja, questionary and pydantic wait until they are needed."""
    probe = (
        f"import sys; sys.argv = ['new-app', {flag!r}]\n"
        "from gradio_forge.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = {name.partition('.')[0] for name in sys.modules}\n"
        "print(sorted(loaded & {'copier', 'jinja2', 'questionary', 'pydantic'}), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=cli_command()[1],  # what runs this checkout's generator
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stderr.strip() == "[]"


def test_shell_completion_offers_the_choices(tmp_path: Path) -> None:
    completion = run_cli(
        cwd=tmp_path,
        env={
            "_NEW_APP_COMPLETE": "complete_bash",
            "COMP_WORDS": "new-app shop --deploy-target ",
            "COMP_CWORD": "3",
        },
    )
    assert completion.stdout.split() == ["local", "spaces", "docker", "server"]


def test_defaults_create_a_committed_project(tmp_path: Path) -> None:
    result = invoke_cli("demo", "--defaults", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "demo"
    assert (project / "app.py").is_file()
    assert (project / "demo" / "ui.py").is_file()
    assert "Next steps" in result.stderr and "python app.py" in result.stderr
    assert result.stdout == ""  # humans read stderr; stdout is for --json
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=project, capture_output=True, text=True, check=True
    )
    assert log.stdout.startswith("Create demo with gradio-forge")
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True
    )
    assert status.stdout == ""  # everything committed, ready for template updates


def test_flags_become_answers(tmp_path: Path) -> None:
    result = invoke_cli(
        "shop-front",
        "-y",
        "--no-git",
        "--deploy-target",
        "server",
        "--auth",
        "password",
        "--max-queue-size",
        "32",
        "--root-path",
        "/shop",
        "--title",
        'Bob\'s "Shop"',
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((tmp_path / "shop-front" / ".copier-answers.yml").read_text())
    assert answers["deploy_target"] == "server"
    assert answers["auth"] == "password"
    assert answers["max_queue_size"] == 32
    assert answers["root_path"] == "/shop"
    assert answers["title"] == 'Bob\'s "Shop"'
    assert not (tmp_path / "shop-front" / ".git").exists()


def test_data_file_supplies_answers_and_flags_win(tmp_path: Path) -> None:
    data = tmp_path / "answers.json"
    data.write_text(
        json.dumps(
            {
                "app_type": "multi-step",
                "deploy_target": "docker",
                "max_upload_mb": 50,
                "auth": "none",
            }
        )
    )
    result = invoke_cli(
        "boxed", "-y", "--no-git", "--data-file", str(data), "--max-upload-mb", "5", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((tmp_path / "boxed" / ".copier-answers.yml").read_text())
    assert answers["deploy_target"] == "docker"
    assert answers["max_upload_mb"] == 5
    assert (tmp_path / "boxed" / "Dockerfile").is_file()


def test_json_summary_on_stdout(tmp_path: Path) -> None:
    result = invoke_cli("scripted", "-y", "--no-git", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["destination"] == str(tmp_path / "scripted")
    assert summary["answers"]["project_name"] == "scripted"
    assert "app.py" in summary["files"]
    assert sorted(summary["files"]) == sorted(manifest(tmp_path / "scripted"))


def test_pretend_writes_nothing(tmp_path: Path) -> None:
    result = invoke_cli("ghost", "-y", "--pretend", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "app.py" in json.loads(result.stdout)["files"]
    assert "Would write" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../escape", "no spaces or path separators"),
        ("a/b", "no spaces or path separators"),
        ("my app", "no spaces or path separators"),
        ("9lives", "starting with a letter"),
        ("class", "Python keyword"),
        # `new-app doctor` runs the command; the check still refuses the name in any case.
        ("Doctor", "new-app command"),
        ("app", "clash"),
        ("x" * (NAME_LIMIT + 1), f"at most {NAME_LIMIT}"),
    ],
)
def test_invalid_names_are_refused(tmp_path: Path, name: str, message: str) -> None:
    result = invoke_cli(name, "-y", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1  # one line, no traceback
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--max-queue-size", "0"], f"--max-queue-size: Use a number {QUEUE_RANGE}"),
        (["--max-queue-size", "many"], "--max-queue-size"),
        (["--deploy-target", "mars"], "mars"),
        (["--deploy-target", "server", "--root-path", "/a/"], "--root-path: Use a path like"),
        (["--author-email", "not-an-email"], "--author-email: Enter an email address"),
        (["--title", "two\nlines"], "--title: Keep the title on one line"),
    ],
)
def test_invalid_answers_are_refused(tmp_path: Path, flags: list[str], message: str) -> None:
    result = invoke_cli("demo", "-y", *flags, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_answers_without_a_terminal_list_the_flags(tmp_path: Path) -> None:
    result = invoke_cli("demo", "--auth", "none", cwd=tmp_path)
    assert result.returncode == 2
    assert "--deploy-target" in result.stderr and "--defaults" in result.stderr
    listed = result.stderr.split("missing answers for ", 1)[1].split(":", 1)[0].split(", ")
    assert "--deploy-target" in listed
    assert "--auth" not in listed  # given as a flag
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("deploy_target: [unclosed", "not valid YAML or JSON at line 1"),
        ("- a list\n- not a mapping\n", "expected a mapping"),
        ("colour: blue\n", "unknown question(s) colour"),
        ("deploy_target: mars\n", "answers.yml: deploy_target: 'mars' is not one of"),
    ],
)
def test_broken_data_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    data = tmp_path / "answers.yml"
    data.write_text(content)
    result = invoke_cli("demo", "-y", "--data-file", str(data), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.yml"]


def test_missing_data_file_is_refused(tmp_path: Path) -> None:
    result = invoke_cli("demo", "-y", "--data-file", "nope.yml", cwd=tmp_path)
    assert result.returncode == 2
    assert "nope.yml" in result.stderr


def test_non_empty_destination_needs_force(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    project.mkdir()
    (project / "notes.txt").write_text("mine\n")
    (project / "app.py").write_text("print('my old app')\n")
    before = manifest(tmp_path)

    refused = invoke_cli("demo", "-y", cwd=tmp_path)
    assert refused.returncode == 2
    assert "--force" in refused.stderr
    assert manifest(tmp_path) == before

    forced = invoke_cli("demo", "-y", "--force", "--json", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["overwritten"] == ["app.py"]
    after = manifest(tmp_path)
    assert after["demo/notes.txt"] == before["demo/notes.txt"]  # not the template's: untouched
    assert after["demo/app.py"] != before["demo/app.py"]
    assert not (project / ".git").exists()  # the user's directory: no repository forced on it


def test_destination_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "demo").write_text("a file\n")
    result = invoke_cli("demo", "-y", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert "is a file" in result.stderr
    assert (tmp_path / "demo").read_text() == "a file\n"


def test_disk_full_while_writing_leaves_everything_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure half-way through moving the project in; test_safety fills a real disk."""
    import errno
    import os

    from gradio_forge.creation import create
    from gradio_forge.errors import GeneratorError

    project = tmp_path / "demo"
    project.mkdir()
    (project / "notes.txt").write_text("mine\n")
    (project / "README.md").write_text("my readme\n")  # the template writes one too
    before = manifest(tmp_path)
    real_rename = os.rename
    moves = 0

    def rename_until_the_disk_is_full(source: Path, destination: Path) -> None:
        nonlocal moves
        if ".new-app-" in str(source) and ".new-app-" not in str(destination):  # moving in
            moves += 1
            if moves == 6:  # README.md, the user's copy parked in the staging directory
                raise OSError(errno.ENOSPC, "No space left on device")
        real_rename(source, destination)

    monkeypatch.setattr("gradio_forge.creation.os.rename", rename_until_the_disk_is_full)
    with pytest.raises(GeneratorError, match="No space left on device; nothing was changed"):
        create(project, {}, force=True, git_init=False)
    assert moves > 6  # the user's README.md went back
    assert manifest(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]  # no staging directory left


def test_inside_a_repository_the_project_is_left_to_it_unless_ignored(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "--quiet"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("/scratch/\n")
    tracked = invoke_cli("tracked", "-y", cwd=tmp_path)
    assert tracked.returncode == 0, tracked.stderr
    assert not (tmp_path / "tracked" / ".git").exists()  # the monorepo commits it
    assert "Commit the project yourself" in tracked.stderr
    (tmp_path / "scratch").mkdir()
    ignored = invoke_cli("demo", "-y", "--output-dir", "scratch", cwd=tmp_path)
    assert ignored.returncode == 0, ignored.stderr
    assert (tmp_path / "scratch" / "demo" / ".git").is_dir()


def test_help_lists_the_commands_defaults_ranges_and_groups(tmp_path: Path) -> None:
    from gradio_forge.questions import load_questions

    result = run_cli("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    # One line per option: an entry starts at "  -", its wrapped help is indented further.
    entries = " ".join(
        "\n" + line.strip() if line.startswith("  -") else line.strip()
        for line in text.splitlines()
    ).splitlines()
    for command in ("new-app update", "new-app check", "new-app doctor"):
        assert command in text
    for panel in ("Answers (asked at a terminal when not given)", "Where and how to write"):
        assert panel in text
    # Every bounded number shows its range, every plain default shows itself.
    for question in load_questions():
        if not question.is_flag:
            continue
        line = next(entry for entry in entries if entry.startswith(f"{question.flag} "))
        if question.bounds:
            assert f"{question.bounds[0]} to {question.bounds[1]}" in line, line
        if question.default not in (None, "") and "{" not in str(question.default):
            # Compared without spaces: click wraps long words at their hyphens.
            assert f"default:{question.default}".replace(" ", "") in line.replace(" ", ""), line
    low, high = QUESTIONS.by_name("concurrency_limit").bounds or ()
    assert f"[{low} to {high}; default: depends on --app-type]" in " ".join(entries)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["demo", "-y", "--license", "GPL"], "error: --license: 'GPL' is not one of: MIT,"),
        (
            ["demo", "-y", "--concurrency-limit", "abc"],
            "error: --concurrency-limit: expected a whole number, got 'abc'",
        ),
        (["demo", "--bogus"], "error: No such option: --bogus (see `new-app --help`)"),
        (["update", "--bogus"], "error: No such option: --bogus (see `new-app update --help`)"),
        (["doctor", "--format", "xml"], "error: --format: 'xml' is not one of: text, json"),
        (["demo", "-y", "--data-file", "."], "error: --data-file .: Is a directory"),
    ],
)
def test_errors_are_one_line_in_one_style(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    # click's own words, which its versions spell "No such option: --x" or "No such option '--x'".
    said = re.sub(r"No such option '(--[\w-]+)'", r"No such option: \1", result.stderr)
    lines = said.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr
    for wording in ("Value error", "Input should be", "Usage:", "╭"):
        assert wording not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_dot_creates_the_project_in_the_empty_current_directory(tmp_path: Path) -> None:
    here = tmp_path / "shop"
    here.mkdir()
    result = invoke_cli(".", "-y", cwd=here)
    assert result.returncode == 0, result.stderr
    assert (here / "shop" / "ui.py").is_file()  # the package is named after the directory
    assert yaml.safe_load((here / ".copier-answers.yml").read_text())["project_name"] == "shop"
    again = invoke_cli(".", "-y", cwd=here)  # no longer empty
    assert again.returncode == 2
    assert "already exists and is not empty" in again.stderr


def test_missing_output_dir_is_created(tmp_path: Path) -> None:
    pretended = invoke_cli("demo", "-y", "--pretend", "--output-dir", "a/b", cwd=tmp_path)
    assert pretended.returncode == 0, pretended.stderr
    assert list(tmp_path.iterdir()) == []  # --pretend leaves nothing, not even the directory
    result = invoke_cli("demo", "-y", "--output-dir", "a/b", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a" / "b" / "demo" / "app.py").is_file()


def test_no_name_without_a_terminal_says_how_to_give_one(tmp_path: Path) -> None:
    result = invoke_cli("-y", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: give the project a NAME: `new-app NAME`, or `new-app .` for the current directory"
    )


def test_the_command_line_is_built_anew_for_each_use(tmp_path: Path) -> None:
    """Built by a factory, not by rewriting module functions: a second one in one process
    works as the first (in-process tests, embedding)."""
    first, second = (invoke_cli("demo", "-y", "--pretend", cwd=tmp_path) for _ in range(2))
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stderr == second.stderr and "Would write" in first.stderr


def test_the_typer_speed_up_engages_wherever_typer_builds_pydantic_adapters() -> None:
    """gradio_forge/typer_speedup.py patches typer internals and steps aside if they are missing:
    this fails when a typer that still builds adapters has moved them (then fix the patch)."""
    import importlib.util

    from typer import core

    from gradio_forge.typer_speedup import skip_coercing_missing_values

    skip_coercing_missing_values()
    builds_adapters = importlib.util.find_spec("typer._adapters") is not None
    patched = getattr(getattr(core, "_TyperParameter", None), "process_value", None)
    assert not builds_adapters or getattr(patched, "skips_missing", False)


def test_the_names_copier_yml_refuses_as_commands_are_the_commands() -> None:
    """copier.yml (which plain copier reads too) lists new-app's commands as names it refuses:
    the list must follow the commands the CLI registers."""
    import re

    from typer.main import get_group

    from gradio_forge.cli import build_cli
    from gradio_forge.questions import load_questions

    validator = next(q for q in load_questions() if q.name == "project_name").validator
    listed = re.search(r"project_name \| lower in \[([^\]]*)\]", validator or "")
    assert listed, "copier.yml's project_name validator no longer lists the commands"
    refused = set(re.findall(r"'([^']+)'", listed.group(1)))
    commands = get_group(build_cli(load_questions())).commands
    # `create` too, though hidden: `new-app create` runs it rather than making "create".
    assert refused == set(commands)
