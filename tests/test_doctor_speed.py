"""new-app doctor's fast paths answer exactly as the ways they replace did.

How fast it is is measured by scripts/bench_doctor.py, never asserted here.
"""

import ast
import importlib.util
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gradio_forge.doctor import analysis, runner
from gradio_forge.doctor.rules import RULES

from .helpers import cli_command, run_cli

CORPUS = Path(__file__).parent / "doctor_corpus"
DOCTOR = Path(analysis.__file__).parent
ALL = frozenset(RULES)
APP = """import gradio as gr

with gr.Blocks(theme="soft") as demo:
    box = gr.Textbox(show_copy_button=True)
demo.queue().launch(share=True)
"""


def test_the_doctor_starts_without_copier_yml_or_pydantic(tmp_path: Path) -> None:
    """`new-app doctor` builds its one command: neither the questions of copier.yml (yaml) nor
    typer's pydantic adapters are loaded, nor a process pool."""
    (tmp_path / "app.py").write_text(APP)
    probe = (
        "import os, sys\n"
        "def report():\n"
        "    names = ('pydantic', 'yaml', 'gradio_forge.questions', 'concurrent.futures')\n"
        "    print('loaded:', sorted(m for m in names if m in sys.modules), file=sys.stderr)\n"
        "    sys.stderr.flush()\n"
        "leave = os._exit\n"
        "os._exit = lambda code: (report(), leave(code))\n"
        "sys.argv = ['new-app', 'doctor', '--no-cache', '--format', 'json', 'app.py']\n"
        "from gradio_forge.__main__ import main\n"
        "try:\n    main()\n"
        "finally:\n    report()\n"
    )
    _, environment = cli_command()
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # the app's findings
    assert result.stderr.splitlines()[-1] == "loaded: []"


DOCTOR_ARGS = [
    ("--help",),
    ("-h",),
    ("--format", "xml"),
    ("--format",),
    ("--bogus",),
    ("missing.py",),
    ("--explain", "gr001"),
    ("--explain", "GR999"),
    ("--select", "GR001,XY1", "app.py"),
    ("--no-cache", "app.py"),
    ("--no-cache", "--select", "GR008,GR101", "--ignore", "GR101", "--format", "json", "."),
    ("--no-cache", "--diff", "--unsafe-fixes", "app.py", "app.py"),
    ("--no-cache", "--no-respect-gitignore", "--format", "json"),
    ("--no-cache", ""),
]


# The whole command line, every command built and typer coercing as usual: what `new-app
# doctor` ran before it had its own entry.
_WHOLE = (
    "from gradio_forge.cli import build_cli\n"
    "from gradio_forge.questions import load_questions\n"
    "from gradio_forge.typer_speedup import skip_coercing_missing_values\n"
    "skip_coercing_missing_values()\n"
    "build_cli(load_questions())(prog_name='new-app')\n"
)


@pytest.mark.parametrize("args", DOCTOR_ARGS, ids=" ".join)
def test_the_doctor_alone_answers_as_the_whole_command_line(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """`new-app doctor ...` (its own small command line, text and paths coerced without
    pydantic) prints and exits exactly as the whole command line with typer's own coercion."""
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / ".gitignore").write_text("ignored.py\n")
    (tmp_path / "ignored.py").write_text(APP)
    alone = run_cli("doctor", *args, cwd=tmp_path)
    _, environment = cli_command()
    whole = subprocess.run(
        [sys.executable, "-c", _WHOLE, "doctor", *args],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (alone.returncode, alone.stdout, alone.stderr) == (
        whole.returncode,
        whole.stdout,
        whole.stderr,
    )
    assert alone.stdout or alone.stderr


_COERCION_PROBE = """
import sys
from pathlib import Path
from typing import Optional

import typer

from gradio_forge.typer_speedup import coerce_plain_values, skip_coercing_missing_values

skip_coercing_missing_values()
if sys.argv[1] == "plain":
    coerce_plain_values()
app = typer.Typer()


@app.command()
def show(
    paths: Optional[list[Path]] = typer.Argument(None),
    name: str = "x",
    many: Optional[list[str]] = typer.Option(None),
    where: Path = Path("."),
    existing: Optional[Path] = typer.Option(None, exists=True, dir_okay=False),
    flag: bool = False,
) -> None:
    print(repr((paths, name, many, where, existing, flag)))


try:
    app(sys.argv[2:], prog_name="show")
finally:
    print("pydantic:", "pydantic" in sys.modules, file=sys.stderr)
"""

COERCED = [
    (),
    ("a.py", "b/c", ""),
    ("--name", "y", "--many", "p", "--many", "q"),
    ("--name", "", "--where", ""),
    ("--where", "sub/dir", "--flag"),
    ("--existing", "missing.py"),
    ("--existing", "./sub//missing.py"),
    ("./a//b.py",),
    ("--existing", "."),
    ("--existing", "present.py"),
]


@pytest.mark.parametrize("args", COERCED, ids=" ".join)
def test_plain_coercion_gives_what_typers_adapters_give(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "present.py").write_text("")
    _, environment = cli_command()
    outputs = {}
    for mode in ("plain", "usual"):
        result = subprocess.run(
            [sys.executable, "-c", _COERCION_PROBE, mode, *args],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        *said, loaded = result.stderr.splitlines()
        outputs[mode] = (result.returncode, result.stdout, said, loaded)
    assert outputs["plain"][:3] == outputs["usual"][:3]
    assert outputs["usual"][0] in (0, 2) and (outputs["usual"][1] or outputs["usual"][2])
    # A typer that still coerces through pydantic but has moved the internals the patch
    # relies on fails here (then fix the patch): the doctor must not pay for pydantic.
    builds_adapters = importlib.util.find_spec("typer._adapters") is not None
    if outputs["plain"][0] == 0 and builds_adapters:
        assert outputs["plain"][3] == "pydantic: False"  # (an error is worded by typer's own)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="checked serially where there is no fork")
def test_a_worker_that_dies_costs_no_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index, path in enumerate(sorted(CORPUS.glob("*.py")) * 8):
        (tmp_path / f"{index:03}_{path.name}").write_text(path.read_text())
    serial = runner.check_paths([tmp_path], ALL, jobs=1)
    parent, check_file = os.getpid(), runner.check_file

    def dies_in_a_child(path: Path, codes: frozenset[str]) -> object:
        if os.getpid() != parent:
            os._exit(3)  # as a worker killed by the OOM killer would
        return check_file(path, codes)

    monkeypatch.setattr(runner, "check_file", dies_in_a_child)
    assert runner.check_paths([tmp_path], ALL, jobs=2) == serial


def _own_nodes_walked(function: ast.AST) -> list[ast.AST]:
    """A function's own nodes found by walking it alone: its body, less nested functions,
    classes and lambdas, but with their decorators, defaults and bases (they run here)."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    skipped = [function.args, *function.decorator_list, function.returns]  # type: ignore[attr-defined]
    stack = [n for n in ast.iter_child_nodes(function) if all(n is not s for s in skipped)]
    found = []
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, scopes):
            stack += getattr(node, "decorator_list", [])
            stack += [*getattr(node, "bases", []), *getattr(node, "keywords", [])]
            if isinstance(args := getattr(node, "args", None), ast.arguments):
                stack += [d for d in (*args.defaults, *args.kw_defaults) if d is not None]
        else:
            stack += ast.iter_child_nodes(node)
    # ctx markers and import aliases say nothing the checks look at; the walk leaves them.
    return [n for n in found if not isinstance(n, ast.expr_context | ast.alias)]


def test_a_functions_own_nodes_come_from_the_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """analyse() walks a module once: the nodes the checks read per function are gathered on
    the way, and they are the ones a walk of each function would find."""
    sources = [p.read_text() for p in sorted([*CORPUS.glob("*.py"), *DOCTOR.glob("*.py")])]
    trees = [ast.parse(source) for source in sources]
    walked = {
        id(node): Counter(map(id, _own_nodes_walked(node)))
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    assert len(walked) > 200

    def no_second_walk(node: ast.AST) -> None:
        raise AssertionError("a second walk of the tree")

    gathered = {}
    with monkeypatch.context() as patched:  # (undone before pytest reads the test's code)
        patched.setattr(ast, "iter_child_nodes", no_second_walk)
        patched.setattr(ast, "walk", no_second_walk)
        for tree, source in zip(trees, sources, strict=True):
            facts = analysis.analyse(tree, source)
            for functions in facts.functions.values():
                for function in functions:
                    gathered[id(function)] = Counter(map(id, facts.own_nodes(function)))
    assert gathered == walked
