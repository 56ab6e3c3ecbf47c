"""new-app doctor: rules fire where the corpus expects them and nowhere else."""

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.doctor.rules import RULES
from generator.doctor.runner import check_paths, check_source

from .helpers import CHAT_BACKENDS, COMBINATIONS, run_cli

CORPUS = Path(__file__).parent / "doctor_corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.py"))
ALL = frozenset(RULES)
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")


def expected(path: Path) -> list[tuple[str, int]]:
    """The corpus is the table: `# expect: GR003[, GR005]` on every line a finding belongs to."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if match := _EXPECT.search(line):
            found += [(code.strip(), number) for code in match.group(1).split(",") if code.strip()]
    return sorted(found)


def findings(path: Path, codes: frozenset[str] = ALL) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in check_source(path.read_text(), str(path), codes))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_findings_are_exactly_the_expected_ones(path: Path) -> None:
    assert findings(path) == expected(path)


def test_the_corpus_covers_every_rule_and_a_clean_app() -> None:
    covered = {code for path in CORPUS_FILES for code, _ in expected(path)}
    assert covered == set(RULES)
    assert expected(CORPUS / "good_app.py") == []


def test_every_rule_has_a_code_message_and_explanation() -> None:
    for code, rule in RULES.items():
        assert re.fullmatch(r"GR\d{3}", code) and rule.code == code
        assert rule.message and "\n" not in rule.message
        assert len(rule.explanation) > len(rule.message)


@pytest.mark.parametrize("combination", COMBINATIONS, ids="-".join)
def test_every_generated_project_is_clean(
    render: Callable[..., Path], combination: tuple[str, str, str]
) -> None:
    app_type, deploy_target, auth = combination
    project = render(app_type=app_type, deploy_target=deploy_target, auth=auth)
    found, errors, files = check_paths([project], ALL)
    assert (found, errors) == ([], [])
    assert files > 5


@pytest.mark.parametrize("backend", CHAT_BACKENDS)
def test_every_chat_backend_is_clean(render: Callable[..., Path], backend: str) -> None:
    found, errors, _ = check_paths([render(app_type="chat", chat_backend=backend)], ALL)
    assert (found, errors) == ([], [])


def test_noqa_silences_one_code_or_all() -> None:
    source = "import gradio as gr\ndemo = gr.Blocks()\ndemo.queue().launch(share=True){}\n"
    codes = {
        "": ["GR001", "GR008"],
        "  # noqa: GR008": ["GR001"],
        "  # noqa: GR001, GR008": [],
        "  # noqa: GR005": ["GR001", "GR008"],
        "  # noqa": [],
    }
    for comment, wanted in codes.items():
        found = check_source(source.format(comment), "app.py", ALL)
        assert [f.code for f in found] == wanted, comment


def test_aliases_are_tracked_and_other_libraries_ignored() -> None:
    source = (
        "import gradio as g\nfrom gradio import Blocks as B\nimport queue\n"
        "q = queue.Queue()\nwith B(css='x') as demo:\n    pass\ng.Blocks(theme='y')\n"
        "class Other:\n    def launch(self, share): ...\nOther().launch(share=False)\n"
    )
    found = check_source(source, "app.py", ALL)
    assert [(f.code, f.line) for f in found] == [("GR014", 5), ("GR014", 7)]
    assert check_source("demo.queue()\nx.launch(share=True)\n", "x.py", ALL) == []
    jobs = "import gradio as gr\nimport celery\nworker = celery.Celery()\nworker.queue()\n"
    assert check_source(jobs, "jobs.py", ALL) == []


def test_select_and_ignore_in_the_api() -> None:
    path = CORPUS / "bad_launch.py"
    assert {c for c, _ in findings(path, frozenset({"GR007"}))} == {"GR007"}
    assert "GR007" not in {c for c, _ in findings(path, ALL - {"GR007"})}


def test_cli_text_output_and_exit_codes(tmp_path: Path) -> None:
    result = run_cli("doctor", str(CORPUS / "bad_launch.py"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{CORPUS / 'bad_launch.py'}:6:1: GR001 {RULES['GR001'].message}")
    assert len(lines) == len(expected(CORPUS / "bad_launch.py"))
    assert "Found 6 problems in 1 file." in result.stderr

    clean = run_cli("doctor", str(CORPUS / "good_app.py"), cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")
    assert "All checks passed" in clean.stderr


def test_cli_defaults_to_the_current_directory_and_skips_venvs(tmp_path: Path) -> None:
    (tmp_path / ".venv" / "lib").mkdir(parents=True)
    bad = (CORPUS / "bad_launch.py").read_text()
    (tmp_path / ".venv" / "lib" / "gradio_app.py").write_text(bad)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "app.py").write_text(bad)
    result = run_cli("doctor", cwd=tmp_path)
    assert result.returncode == 1
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"pkg/app.py"}


def test_cli_select_ignore_and_json(tmp_path: Path) -> None:
    path = str(CORPUS / "bad_launch.py")
    result = run_cli(
        "doctor",
        path,
        "--select",
        "GR007,GR008",
        "--select",
        "GR017",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert [(i["code"], i["line"]) for i in items] == [
        ("GR007", 8),
        ("GR008", 9),
        ("GR017", 10),
        ("GR007", 14),
    ]
    assert set(items[0]) == {"code", "message", "path", "line", "column"}
    assert items[0]["message"] == RULES["GR007"].message

    ignored = run_cli(
        "doctor", path, "--ignore", "GR001,GR007,GR008", "--ignore", "GR017,GR018", cwd=tmp_path
    )
    assert (ignored.returncode, ignored.stdout) == (0, "")


def test_cli_explain(tmp_path: Path) -> None:
    result = run_cli("doctor", "--explain", "gr006", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"GR006: {RULES['GR006'].message}\n\n")
    assert RULES["GR006"].explanation in result.stdout


@pytest.mark.parametrize(
    "args",
    [("--explain", "GR999"), ("--select", "GR001,XY1"), ("--ignore", "nope"), ("missing.py",)],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run_cli("doctor", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert result.stdout == ""


def test_cli_reports_a_file_that_does_not_parse_and_checks_the_rest(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def broken(:\n    pass\n")
    (tmp_path / "app.py").write_text((CORPUS / "bad_uploads.py").read_text())
    result = run_cli("doctor", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "error: broken.py:1:12: cannot parse:" in result.stderr
    assert "app.py:8:1: GR002" in result.stdout


def test_help_lists_doctor_and_the_cli_does_not_load_it_at_start_up(tmp_path: Path) -> None:
    help_text = run_cli("doctor", "--help", cwd=tmp_path).stdout
    assert "Usage: new-app doctor [OPTIONS] [PATH]..." in help_text
    assert "--explain" in help_text
    probe = (
        "import sys, generator.cli; "
        "print(any(m.startswith('generator.doctor') for m in sys.modules), 'ast' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "False"


def test_benchmark(render: Callable[..., Path]) -> None:
    """Prints the time taken; run with -s to see it. Not a timed assertion."""
    app_type, deploy_target, auth = COMBINATIONS[-1]
    project = render(app_type=app_type, deploy_target=deploy_target, auth=auth)
    for name, target in (("corpus", CORPUS), ("multi-step project", project)):
        start = time.perf_counter()
        _, _, files = check_paths([target], ALL)
        print(f"doctor on {name}: {files} files in {time.perf_counter() - start:.3f} s")
