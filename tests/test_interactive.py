"""The prompts, driven through a pseudo-terminal with the keys a person would press."""

import io
import os
import re
import sys
from pathlib import Path

import pexpect
import yaml

from .helpers import QUEUE_RANGE, REPO

DOWN = "\x1b[B"
ENTER = "\r"


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable,
        ["-m", "gradio_forge", *args],
        cwd=str(cwd),
        env={**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm"},
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
    )


def test_prompts_with_arrow_keys_and_inline_validation(tmp_path: Path) -> None:
    child = spawn("shop", "--no-git", cwd=tmp_path)
    child.expect("What title should the app show")
    child.send("\x15" + "My Shop" + ENTER)  # Ctrl-U clears the pre-filled default
    child.expect("What does the app do")
    child.send(ENTER)
    child.expect("Who is the author")
    child.send(ENTER)
    child.expect("the author's email")
    child.send("\x15" + "not-an-email" + ENTER)
    child.expect("Enter an email address like you@example.com")  # refused inline
    child.send("\x15" + "me@example.com" + ENTER)
    child.expect("Which license")
    child.send(DOWN + ENTER)  # Apache-2.0
    child.expect("What kind of app")
    child.send(ENTER)
    child.expect("Where will it run")
    child.send(DOWN + DOWN + ENTER)  # docker
    child.expect("Who may use the app")
    child.send(DOWN + ENTER)  # password
    child.expect("Under which URL path")
    child.send(ENTER)  # the default, /shop
    child.expect("How many requests may one event")
    child.send(ENTER)
    child.expect("How many requests may wait")
    child.send("\x15" + "0" + ENTER)
    child.expect(f"Use a number {QUEUE_RANGE}")
    child.send("\x15" + "16" + ENTER)
    child.expect("Which Python version")
    child.send(ENTER)
    child.expect("Next steps")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    answers = yaml.safe_load((tmp_path / "shop" / ".copier-answers.yml").read_text())
    assert answers["title"] == "My Shop"
    assert answers["author_email"] == "me@example.com"
    assert answers["license"] == "Apache-2.0"
    assert answers["deploy_target"] == "docker"
    assert answers["auth"] == "password"
    assert answers["root_path"] == "/shop"
    assert answers["max_queue_size"] == 16
    assert "domain" not in answers  # asked only for the server target


def test_flags_are_not_asked_again(tmp_path: Path) -> None:
    child = spawn("quick", "--no-git", "--title", "Quick", "--deploy-target", "local", cwd=tmp_path)
    child.logfile_read = transcript = io.StringIO()
    for prompt in (
        "What does the app do",
        "Who is the author",
        "the author's email",
        "Which license",
        "What kind of app",
        "Who may use the app",
        "How many requests may one event",
        "How many requests may wait",
        "Which Python version",
    ):
        child.expect(prompt)
        child.send(ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "What title should" not in transcript.getvalue()
    assert "Where will it run" not in transcript.getvalue()
    assert "largest upload" not in transcript.getvalue()  # a single-function app takes no files


def test_ctrl_c_writes_nothing(tmp_path: Path) -> None:
    child = spawn("halted", cwd=tmp_path)
    child.expect("What title should")
    child.sendintr()
    child.expect("interrupted: nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def _prompt(name: str) -> str:
    """How the prompt of a copier.yml question starts."""
    from gradio_forge.questions import load_questions

    question = next(q for q in load_questions() if q.name == name)
    return re.escape(question.help[:24])


def test_non_empty_destination_is_refused_before_any_question(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "notes.txt").write_text("mine\n")
    child = spawn("shop", cwd=tmp_path)
    child.logfile_read = transcript = io.StringIO()
    child.expect("already exists and is not empty")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert not re.search(_prompt("title"), transcript.getvalue())  # not one question was asked
    assert (tmp_path / "shop" / "notes.txt").read_text() == "mine\n"


def test_a_typed_name_is_checked_as_it_is_typed(tmp_path: Path) -> None:
    """Without NAME the name is asked, and refused inline with its reason."""
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine\n")
    child = spawn("--no-git", cwd=tmp_path)
    child.expect(_prompt("project_name"))
    for typed, reason in (
        # Short phrases: the terminal draws long lines with cursor moves in place of spaces.
        ("numpy", "depends on"),
        ("my-app-", "letter or digit"),
        ("taken", "not empty"),
    ):
        child.send("\x15" + typed + ENTER)
        child.expect(reason)
    child.send("\x15" + "shop" + ENTER)
    child.expect(_prompt("title"))  # accepted: on to the next question
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert sorted(path.name for path in tmp_path.iterdir()) == ["taken"]
