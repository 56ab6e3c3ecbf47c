"""new-app doctor: rules fire where the corpus expects them (line and column) and nowhere else."""

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from gradio_forge.doctor import checks
from gradio_forge.doctor.fixer import fix_source
from gradio_forge.doctor.rules import RULES
from gradio_forge.doctor.runner import check_paths, check_source

from .helpers import CHAT_BACKENDS, COMBINATIONS, invoke_cli, run_cli

CORPUS = Path(__file__).parent / "doctor_corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.py"))
FIXED = {"safe": CORPUS / "fixed", "unsafe": CORPUS / "unsafe_fixed"}
ALL = frozenset(RULES)
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9:, ]+)")


def expected(path: Path) -> list[tuple[str, int, int]]:
    """The corpus is the table: `# expect: GR003:13[, GR005:9]` (code:column) on each line."""
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if match := _EXPECT.search(line):
            for item in match.group(1).split(","):
                if item.strip():
                    code, column = item.strip().split(":")
                    found.append((code, number, int(column)))
    return sorted(found)


def findings(path: Path, codes: frozenset[str] = ALL) -> list[tuple[str, int, int]]:
    return sorted(
        (f.code, f.line, f.column) for f in check_source(path.read_text(), str(path), codes)
    )


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_findings_are_exactly_the_expected_ones(path: Path) -> None:
    assert findings(path) == expected(path)


def test_the_corpus_covers_every_rule_and_a_clean_app() -> None:
    covered = {code for path in CORPUS_FILES for code, _, _ in expected(path)}
    # GR103 (arguments that do not fit) is covered by test_arguments_that_do_not_fit.
    assert covered | {"GR103"} == set(RULES)
    assert expected(CORPUS / "good_app.py") == []


def test_the_readme_tables_are_generated_from_the_rules_and_the_migration_table() -> None:
    script = Path(__file__).parent.parent / "scripts" / "doctor_docs.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    for rule in RULES.values():
        assert f"| {rule.code} | {rule.message} |" in readme


def test_every_rule_has_one_check_and_an_explanation_with_known_limits() -> None:
    owners = Counter(code for _, codes in checks.CHECKS for code in codes)
    assert owners == Counter(set(RULES)), "each rule code is emitted by exactly one check"
    for code, rule in RULES.items():
        assert re.fullmatch(r"GR\d{3}", code) and rule.code == code
        assert rule.message and "\n" not in rule.message
        assert len(rule.explanation) > len(rule.message) and rule.limits
        assert "Known limits:" in rule.text


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("mode", ["safe", "unsafe"])
def test_fix_gives_the_reviewed_output_and_only_unfixable_findings_remain(
    path: Path, mode: str
) -> None:
    unsafe = mode == "unsafe"
    data = path.read_bytes()
    result = fix_source(data, str(path), ALL, unsafe=unsafe)
    golden = FIXED[mode] / path.name
    assert result.data == (golden.read_bytes() if golden.exists() else data)
    before = check_source(data.decode(), str(path), ALL)
    fixable = [f for f in before if f.fix is not None and (f.fix.safe or unsafe)]
    left = Counter(f.code for f in before) - Counter(f.code for f in fixable)
    remaining = Counter(f.code for f in result.remaining)
    assert not left - remaining, "a finding without a fix disappeared"
    # A fix may reveal a trap (gr.inputs.Image is an upload component once it is gr.Image).
    assert all(code < "GR100" for code in remaining - left), remaining - left
    assert result.fixed == len(fixable)
    again = fix_source(result.data, str(path), ALL, unsafe=unsafe)
    assert (again.data, again.fixed) == (result.data, 0), "a second run changes nothing"
    compile(result.data, str(path), "exec")


def test_every_fixed_output_is_reviewed_and_parses() -> None:
    for folder in FIXED.values():
        for golden in folder.glob("*.py"):
            assert (CORPUS / golden.name).exists()
            compile(golden.read_bytes(), str(golden), "exec")


@pytest.mark.parametrize(
    ("encoding", "newline", "prefix"),
    [
        ("utf-8", "\r\n", b""),
        ("utf-8-sig", "\n", b""),
        ("latin-1", "\n", b"# -*- coding: latin-1 -*-\n"),
    ],
)
def test_fix_keeps_line_endings_and_encoding(
    tmp_path: Path, encoding: str, newline: str, prefix: bytes
) -> None:
    source = (
        "import gradio as gr\n\n# Caf\u00e9 \u00e0 la carte\nwith gr.Blocks() as demo:\n"
        '    box = gr.Textbox(label="Entr\u00e9e", show_copy_button=True)\n'
        '    box.change(None, None, None, _js="() => 1")\n'
        "demo.queue(max_size=4).launch()\n"
    )
    app = tmp_path / "app.py"
    app.write_bytes(prefix + source.replace("\n", newline).encode(encoding))
    result = invoke_cli("doctor", "--fix", "app.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    data = app.read_bytes()
    assert data.startswith(prefix or (b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"import"))
    text = data[len(prefix) :].decode(encoding)
    assert text.count(newline) == source.count("\n")
    assert newline == "\n" or "\n" not in text.replace(newline, "")
    assert 'gr.Textbox(label="Entr\u00e9e", buttons=["copy"])' in text
    assert 'js="() => 1"' in text and "# Caf\u00e9 \u00e0 la carte" in text


def test_noqa_silences_one_code_or_all_on_the_line_of_the_finding() -> None:
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
    chained = (
        "import gradio as gr\ndemo = gr.Blocks()\n"
        "(\n    demo\n    .queue()  # noqa: GR001\n    .launch()\n)\n"
    )
    assert check_source(chained, "app.py", ALL) == []


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
    pages = "import gradio as gr\nfrom playwright.sync_api import sync_playwright\n"
    pages += "with sync_playwright() as p:\n    p.chromium.launch(headless=True, share=True)\n"
    assert check_source(pages, "pages.py", ALL) == []


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        ("gr.Interface(lambda x: x, 'text', 'text', None, True)", "GR103", "at most 4 positional"),
        ("gr.Interface(lambda x: x, 'text')", "GR103", "needs outputs"),
        ("gr.Textbox('a', value='b')", "GR103", "given twice"),
        ("gr.Textbox(placeholder='x', no_such_option=1)", "GR101", "`no_such_option=` is not"),
        ("gr.Image(sources=['upload', 'canvas'])", "GR104", "'canvas' is not one"),
        ("gr.Textbox().no_such_method()", "GR102", "Textbox.no_such_method"),
        ("gr.NoSuchComponent()", "GR100", "gr.NoSuchComponent is not in Gradio"),
        # Applying an update constructs the output's component again with its keywords.
        ("gr.update(source='upload')", "GR101", "applying this gr.update(...) raises TypeError"),
        ("gr.update(value=1, show_copy_button=True)", "GR101", 'buttons=["copy"]'),
    ],
)
def test_arguments_that_do_not_fit(line: str, code: str, message: str) -> None:
    found = check_source(f"import gradio as gr\n{line}\n", "app.py", ALL)
    assert [f.code for f in found] == [code]
    assert message in found[0].message


@pytest.mark.parametrize(
    "line",
    [
        "gr.Textbox('a', label='b', buttons=['copy'])",
        "gr.Interface(fn=str, inputs='text', outputs='text')",
        "gr.HTML('x', anything_goes=1).custom_event(print)",
        "gr.update(anything=1)",  # perhaps a gr.HTML's or a custom component's property
        "gr.update(height=300, lines=3)",  # height= left Dataframe, not the others
        "gr.Blocks(theme='soft')",  # still accepted by 6.31 (GR014 says where it belongs)
        "gr.themes.Soft(primary_hue='red')",
        "gr.Textbox().change(fn=str, inputs=None, outputs=None, js='() => 1')",
    ],
)
def test_calls_that_gradio_accepts_are_not_api_findings(line: str) -> None:
    found = check_source(f"import gradio as gr\n{line}\n", "app.py", ALL - {"GR014"})
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        # The app is launched in another module: theme= cannot move.
        "def build():\n    with gr.Blocks(theme='soft') as demo:\n        pass\n    return demo\n",
        "gr.Image(source='canvas')\n",  # no Image source draws any more
        "gr.Textbox(show_copy_button=True, buttons=['copy'])\n",  # buttons= is there already
        "gr.Textbox(show_copy_button=flag)\n",  # not a literal
        "gr.Button('Go', label='Run')\n",  # value= is given by position
        "x = gr.Textbox()\nx.style(container=False)\n",  # no constructor call to fold into
        "def f(demo):\n    demo.load(f, None, None, every=1)\n",  # no Blocks around it
        "gr.update(show_copy_button=True)\n",  # the component's other buttons are not known
    ],
)
def test_no_fix_is_offered_where_the_new_code_would_not_mean_the_same(source: str) -> None:
    found = check_source(f"import gradio as gr\nflag = True\n{source}", "app.py", ALL)
    assert found and all(f.fix is None for f in found if f.code >= "GR009"), found


def test_select_and_ignore_in_the_api() -> None:
    path = CORPUS / "bad_launch.py"
    assert {c for c, _, _ in findings(path, frozenset({"GR007"}))} == {"GR007"}
    assert "GR007" not in {c for c, _, _ in findings(path, ALL - {"GR007"})}


def test_cli_text_output_and_exit_codes(tmp_path: Path) -> None:
    result = invoke_cli("doctor", str(CORPUS / "bad_launch.py"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{CORPUS / 'bad_launch.py'}:6:6: GR001 {RULES['GR001'].message}"
    assert len(lines) == len(expected(CORPUS / "bad_launch.py"))
    assert "Found 6 problems in 1 file (1 file checked)." in result.stderr

    clean = invoke_cli("doctor", str(CORPUS / "good_app.py"), cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")
    assert "All checks passed (1 file checked)." in clean.stderr


def test_summary_counts_files_with_findings_and_files_checked(tmp_path: Path) -> None:
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text((CORPUS / "bad_uploads.py").read_text())
    (tmp_path / "c.py").write_text((CORPUS / "good_app.py").read_text())
    (tmp_path / "broken.py").write_text("print 'python 2'\n")
    result = invoke_cli("doctor", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "Found 4 problems in 2 files (3 files checked)." in result.stderr
    assert "1 file could not be checked" in result.stderr
    assert "All checks passed" not in result.stderr


def test_cli_fix_diff_and_exit_status_like_ruff(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    original = (CORPUS / "old_blocks_3x.py").read_bytes()
    app.write_bytes(original)
    shown = invoke_cli("doctor", "--diff", "app.py", cwd=tmp_path)
    assert shown.returncode == 1 and app.read_bytes() == original
    assert shown.stdout.startswith("--- app.py\n+++ app.py\n")
    assert "+    with gr.Group():" in shown.stdout
    fixed = invoke_cli("doctor", "--fix", "app.py", cwd=tmp_path)
    assert fixed.returncode == 1  # findings without a safe fix remain
    assert app.read_bytes() == (FIXED["safe"] / "old_blocks_3x.py").read_bytes()
    assert "(15 fixed, 6 remaining)" in fixed.stderr
    assert "2 more fixable with --fix --unsafe-fixes" in fixed.stderr
    nothing = invoke_cli("doctor", "--diff", "app.py", cwd=tmp_path)
    assert (nothing.returncode, nothing.stdout) == (0, "")
    clean = tmp_path / "clean.py"
    clean.write_text("import gradio as gr\ngr.Textbox(show_copy_button=True)\n")
    assert invoke_cli("doctor", "--fix", "clean.py", cwd=tmp_path).returncode == 0
    assert clean.read_text() == 'import gradio as gr\ngr.Textbox(buttons=["copy"])\n'


def test_cli_defaults_to_the_current_directory_skips_venvs_and_honours_gitignore(
    tmp_path: Path,
) -> None:
    bad = (CORPUS / "bad_launch.py").read_text()
    for folder in (".venv/lib", "env/lib", "generated", "pkg"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "app.py").write_text(bad)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")  # a venv by another name
    (tmp_path / ".gitignore").write_text("generated/\n*_ignored.py\n")
    (tmp_path / "pkg" / "also_ignored.py").write_text(bad)
    (tmp_path / ".git").mkdir()
    result = invoke_cli("doctor", cwd=tmp_path)
    assert result.returncode == 1
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"pkg/app.py"}
    everything = invoke_cli("doctor", "--no-respect-gitignore", cwd=tmp_path)
    assert {line.split(":")[0] for line in everything.stdout.splitlines()} == {
        "pkg/app.py",
        "pkg/also_ignored.py",
        "generated/app.py",
    }
    named = invoke_cli("doctor", "generated/app.py", cwd=tmp_path)  # named files are checked
    assert named.returncode == 1


def test_cli_select_ignore_and_json(tmp_path: Path) -> None:
    path = str(CORPUS / "bad_launch.py")
    result = invoke_cli(
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
    assert [(i["code"], i["line"], i["column"]) for i in items] == [
        ("GR007", 8, 5),
        ("GR008", 9, 5),
        ("GR017", 10, 5),
        ("GR007", 14, 13),
    ]
    assert set(items[0]) == {
        "kind",
        "code",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }
    assert items[0]["message"] == RULES["GR007"].message

    ignored = invoke_cli(
        "doctor", path, "--ignore", "GR001,GR007,GR008", "--ignore", "GR017,GR018", cwd=tmp_path
    )
    assert (ignored.returncode, ignored.stdout) == (0, "")


def test_json_output_carries_file_errors_and_fixes(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def broken(:\n    pass\n")
    (tmp_path / "app.py").write_text("import gradio as gr\ngr.Textbox(show_copy_button=True)\n")
    result = invoke_cli("doctor", "--format", "json", ".", cwd=tmp_path)
    assert result.returncode == 2
    items = json.loads(result.stdout)
    assert [(i["kind"], i["path"], i["code"]) for i in items] == [
        ("finding", "app.py", "GR101"),
        ("error", "broken.py", None),
    ]
    assert items[0]["fix"] == {"applicability": "safe", "message": "show_copy_button -> buttons="}
    assert items[1]["message"].startswith("cannot parse:")


def test_unchanged_files_are_not_checked_again_and_changed_ones_are(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    app = tmp_path / "app.py"
    app.write_text((CORPUS / "bad_uploads.py").read_text())
    first = run_cli("doctor", "app.py", cwd=tmp_path, env=env)
    assert first.returncode == 1 and len(list(cache.rglob("*.pickle"))) == 1
    (entry,) = cache.rglob("*.pickle")
    before = entry.stat().st_mtime_ns
    again = run_cli("doctor", "app.py", cwd=tmp_path, env=env)
    assert (again.stdout, again.returncode) == (first.stdout, 1)
    assert entry.stat().st_mtime_ns == before, "nothing changed: the cache is not rewritten"
    app.write_text((CORPUS / "good_app.py").read_text())
    changed = run_cli("doctor", "app.py", cwd=tmp_path, env=env)
    assert (changed.returncode, changed.stdout) == (0, "")
    other = tmp_path / "other-cache"
    run_cli("doctor", "--no-cache", "app.py", cwd=tmp_path, env={"XDG_CACHE_HOME": str(other)})
    assert not other.exists()


def test_cli_explain(tmp_path: Path) -> None:
    result = invoke_cli("doctor", "--explain", "gr006", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"GR006: {RULES['GR006'].message}\n\n")
    assert RULES["GR006"].explanation in result.stdout and "Known limits:" in result.stdout


@pytest.mark.parametrize(
    "args",
    [("--explain", "GR999"), ("--select", "GR001,XY1"), ("--ignore", "nope"), ("missing.py",)],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = invoke_cli("doctor", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert result.stdout == ""


def test_one_bad_file_is_one_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "deep.py").write_text("x = a" + ".b" * 200_000 + "\n")
    (tmp_path / "nul.py").write_bytes(b"import gradio as gr\x00\n")
    (tmp_path / "python2.py").write_text("print 'hello'\nexec 'x = 1'\n")
    (tmp_path / "loop.py").symlink_to(tmp_path / "loop.py")
    (tmp_path / "bad_cookie.py").write_bytes(b"# -*- coding: klingon -*-\nx = 1\n")
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbfimport gradio as gr\ngr.Box()\n")
    (tmp_path / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nimport gradio as gr\ngr.Markdown('caf\xe9')\ngr.Box()\n"
    )
    (tmp_path / "app.py").write_text((CORPUS / "bad_uploads.py").read_text())
    result = run_cli("doctor", ".", cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("error: "))
    assert [e.split(":")[1].strip() for e in errors] == [
        "bad_cookie.py",
        "deep.py",
        "loop.py",
        "nul.py",
        "python2.py",
    ]
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {
        "app.py",
        "bom.py",
        "latin.py",
    }
    assert "5 files could not be checked" in result.stderr
    assert "(3 files checked)" in result.stderr


def test_help_lists_doctor_and_the_cli_does_not_load_it_at_start_up(tmp_path: Path) -> None:
    help_text = run_cli("doctor", "--help", cwd=tmp_path).stdout
    # typer before 0.2x shows the optional, repeatable argument as its bare metavar.
    assert re.search(r"Usage: new-app doctor \[OPTIONS\] (\[PATH\]\.\.\.|PATH)\n", help_text)
    for option in ("--explain", "--fix", "--unsafe-fixes", "--diff", "--no-respect-gitignore"):
        assert option in help_text
    probe = (
        "import sys, gradio_forge.cli; "
        "print(any(m.startswith('gradio_forge.doctor') for m in sys.modules),"
        " 'libcst' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_checking_never_imports_gradio_or_libcst(tmp_path: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from gradio_forge.doctor.runner import check_paths;"
        "from gradio_forge.doctor.rules import RULES;"
        f"check_paths([Path({str(CORPUS)!r})], frozenset(RULES));"
        "print(sorted(m for m in ('gradio', 'gradio_client', 'libcst') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert out.stdout.strip() == "[]"


def test_pre_commit_hooks_are_valid_for_pre_commit() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(Path(__file__).parent.parent / ".pre-commit-hooks.yaml"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"gradio-doctor", "gradio-doctor-fix"}
    assert by_id["gradio-doctor"]["entry"] == "new-app doctor"
    assert by_id["gradio-doctor-fix"]["entry"] == "new-app doctor --fix"
    assert all(hook["types"] == ["python"] and hook["language"] == "python" for hook in hooks)


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


def test_many_files_are_checked_in_parallel_with_the_same_result(tmp_path: Path) -> None:
    for index, path in enumerate(CORPUS_FILES * 12):
        (tmp_path / f"{index:03}_{path.name}").write_text(path.read_text())
    serial, _, count = check_paths([tmp_path], ALL, jobs=1)
    parallel, _, _ = check_paths([tmp_path], ALL, jobs=2)
    assert count == len(CORPUS_FILES) * 12 and serial == parallel


REALWORLD = Path(__file__).parent / "doctor_realworld"
REPORT = Path(__file__).parent.parent / "scripts" / "doctor_report.py"


def _report(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPORT), *map(str, args)], capture_output=True, text=True
    )


def test_the_real_world_corpus_gives_its_recorded_findings() -> None:
    """tests/doctor_realworld/expected.json holds the reviewed findings: any change shows."""
    result = _report("--check-expected", REALWORLD / "expected.json", REALWORLD)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_recorded_findings_catch_a_finding_lost_or_gained(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text("import gradio as gr\n\ngr.Textbox(show_copy_button=True)\n")
    record = tmp_path / "expected.json"
    assert _report("--write-expected", record, tmp_path).returncode == 0
    assert json.loads(record.read_text()) == {"app.py": [[3, 12, "GR101"]]}
    assert _report("--check-expected", record, tmp_path).returncode == 0

    app.write_text('import gradio as gr\n\ngr.Textbox(buttons=["copy"], source="x")\n')
    result = _report("--check-expected", record, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "app.py:3:12: GR101 no longer reported",
        "app.py:3:30: GR101 newly reported",
    ]


def test_every_real_world_file_has_its_source_license_and_record() -> None:
    files = {p.relative_to(REALWORLD).as_posix() for p in REALWORLD.rglob("*.py")}
    sources = (REALWORLD / "SOURCES.md").read_text()
    assert set(re.findall(r"`((?:gradio-[\d.]+|projects)/[^`]+\.py)`", sources)) == files
    assert set(json.loads((REALWORLD / "expected.json").read_text())) == files
    projects = {tuple(f.split("/")[1:3]) for f in files if f.startswith("projects/")}
    licenses = {p.stem for p in (REALWORLD / "licenses").glob("*.txt")}
    assert {f"{owner}_{name}" for owner, name in projects} | {"gradio-app_gradio"} == licenses


# The corpus's own invalid escape sequences ("\`"), warned about when the files are parsed.
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::SyntaxWarning")
def test_fixing_the_real_world_corpus_twice_changes_nothing_more() -> None:
    for path in sorted(REALWORLD.rglob("*.py")):
        once = fix_source(path.read_bytes(), str(path), ALL, unsafe=True).data
        assert fix_source(once, str(path), ALL, unsafe=True).data == once, path


def _fixed(line: str, *, unsafe: bool) -> str:
    source = f"import gradio as gr\n\n{line}\n"
    return fix_source(source.encode(), "app.py", ALL, unsafe=unsafe).data.decode().splitlines()[2]


def test_crop_size_is_reported_and_only_an_unsafe_fix_removes_it() -> None:
    # Gradio 4.44.1's demo/image_editor: a ratio, which canvas_size= (pixels) cannot take.
    line = 'gr.ImageEditor(type="numpy", crop_size="1:1")'
    [found] = check_source(f"import gradio as gr\n{line}\n", "app.py", ALL)
    assert (found.code, found.column) == ("GR101", 30)
    assert "canvas_size=(width, height)" in found.message
    assert _fixed(line, unsafe=False) == line
    assert _fixed(line, unsafe=True) == 'gr.ImageEditor(type="numpy")'


def test_a_lost_keyword_of_an_update_gets_the_constructors_fix() -> None:
    assert _fixed("gr.update(source='upload')", unsafe=False) == "gr.update(sources=['upload'])"
    old = "gr.Image.update(source='webcam', value=None)"
    assert _fixed(old, unsafe=False) == "gr.update(sources=['webcam'], value=None)"
    # buttons= would replace the component's whole list; show_copy_button= added one button.
    old = "gr.Textbox.update(show_copy_button=True, lines=3)"
    assert _fixed(old, unsafe=False) == "gr.update(show_copy_button=True, lines=3)"
    assert _fixed(old, unsafe=True) == 'gr.update(buttons=["copy"], lines=3)'


def test_canvas_size_is_not_reported() -> None:
    line = "gr.ImageEditor(canvas_size=(512, 512))"
    assert check_source(f"import gradio as gr\n{line}\n", "app.py", ALL) == []
    assert _fixed(line, unsafe=True) == line


def test_show_controls_false_is_removed_without_hiding_the_waveform() -> None:
    # Gradio 4.44.1's demo/reverse_audio: False was the default, the waveform stayed on.
    line = "gr.WaveformOptions(skip_length=2, show_controls=False)"
    assert _fixed(line, unsafe=False) == "gr.WaveformOptions(skip_length=2)"
    on = "gr.WaveformOptions(show_controls=True)"
    assert _fixed(on, unsafe=False) == on  # the browser's player was asked for: review it
    assert _fixed(on, unsafe=True) == "gr.WaveformOptions()"


def test_show_recording_waveform_is_not_reported() -> None:
    line = "gr.WaveformOptions(show_recording_waveform=False)"
    assert check_source(f"import gradio as gr\n{line}\n", "app.py", ALL) == []


_TUPLE_HANDLERS = """import gradio as gr


def respond(message, history):
    return "", history + [[message, "Echo: " + message]]


def attach(history, path):
    history += [((path,), None)]
    return history


def reset():
    return [[None, "Cleared"]]


with gr.Blocks() as demo:
    chatbot = gr.Chatbot().style(height=500)
    msg = gr.Textbox()
    msg.submit(respond, [msg, chatbot], [msg, chatbot])
    msg.change(attach, inputs=[chatbot, msg], outputs=chatbot)
    msg.blur(reset, None, [chatbot])


def rebinds(chatbot):
    chatbot = chatbot + [[None, "local"]]  # another function's own name: not reported
    return chatbot
"""

_MESSAGE_HANDLERS = """import gradio as gr


def note(history):
    history = history + [{"role": "assistant", "content": "noted"}]
    return history


def table(rows, message):
    return rows + [[message, len(message)]], [["a", 1]]


with gr.Blocks() as demo:
    chatbot = gr.Chatbot()
    rows = gr.Dataframe()
    msg = gr.Textbox()
    msg.focus(note, chatbot, chatbot)
    msg.input(table, [rows, msg], [rows, gr.JSON()])
"""


def _tuple_histories(source: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in check_source(source, "app.py", ALL) if f.code == "GR023"]


def test_tuple_histories_grown_or_returned_by_chat_handlers_are_reported() -> None:
    # The Gradio 3/4 idiom of Langchain-Chatchat's and MiniGPT-4's handlers (real-world corpus);
    # `chatbot = chatbot + [...]` in another function no longer hides the gr.Chatbot.
    assert _tuple_histories(_TUPLE_HANDLERS) == [(5, 16), (9, 16), (14, 12)]


def test_message_histories_and_other_tables_of_pairs_are_not_tuple_histories() -> None:
    assert _tuple_histories(_MESSAGE_HANDLERS) == []


def _codes_at(source: str) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.line, f.column) for f in check_source(source, "app.py", ALL))


def test_a_chain_on_another_library_stays_silent() -> None:
    source = (
        "import gradio as gr\n"
        "import numpy as np\n"
        "data = np.load('x.npy').astype(float, casting='unsafe')\n"
        "table = np.load('x.npy').tolist(label='not gradio')\n"
    )
    assert _codes_at(source) == []


def test_the_users_own_syntax_warnings_are_not_printed_or_fatal(tmp_path: Path) -> None:
    """An invalid escape warns while Python parses: under `-W error` the doctor still reports."""
    app = tmp_path / "app.py"
    app.write_text(
        'import gradio as gr\npattern = "\\d+"\n'
        'gr.Interface(lambda x: x, "text", "text", allow_flagging="never")\n'
    )
    result = subprocess.run(
        [
            sys.executable,
            "-W",
            "error:invalid escape sequence",
            "-m",
            "gradio_forge",
            "doctor",
            "--no-cache",
            str(app),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert result.returncode == 1, result.stderr
    assert "GR101" in result.stdout and "Warning" not in result.stderr, result.stderr
