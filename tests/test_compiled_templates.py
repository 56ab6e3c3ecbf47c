"""Compiled templates kept between runs: copier's reuse must never change what it renders."""

import itertools
import marshal
import shutil
import time
import traceback
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import bc_magic
from jinja2.sandbox import SandboxedEnvironment
from packaging.version import Version

from gradio_forge.compiled_templates import BytecodeCache, keep_compiled
from gradio_forge.creation import create
from gradio_forge.rendering import copier_cache, copier_worker

from .helpers import worktree

HEADER = len(bc_magic)
# copier's Worker moved to the internal `copier._main` in 9.7, and its yield tag came with it:
# with an older copier (the lowest pyproject allows) new-app keeps no code for copier.
COPIER_HOOKED = Version(version("copier")) >= Version("9.7")
needs_the_hook = pytest.mark.skipif(not COPIER_HOOKED, reason="copier < 9.7: nothing is kept")


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty HOME, and no compiled templates kept in memory by earlier tests."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    copier_cache.cache_clear()
    yield home
    copier_cache.cache_clear()


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The template sources Jinja really compiles (a kept one is not compiled again)."""
    seen: list[str] = []
    compile_now = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        if isinstance(source, str) and not raw:
            seen.append(source)
        return compile_now(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


@needs_the_hook
def test_a_second_create_compiles_nothing_and_renders_the_same(
    fresh_home: Path, tmp_path: Path, compiles: list[str]
) -> None:
    answers = {"app_type": "chat", "deploy_target": "server", "auth": "password"}
    for place in ("first", "second"):
        (tmp_path / place).mkdir()
    create(tmp_path / "first" / "demo", answers, git_init=False)
    assert len(compiles) > 100  # copier.yml's expressions and the template's files
    copier_cache().save()  # as the process would at exit
    copier_cache.cache_clear()  # the next create is another process
    compiles.clear()
    create(tmp_path / "second" / "demo", answers, git_init=False)
    assert compiles == []
    assert worktree(tmp_path / "second" / "demo") == worktree(tmp_path / "first" / "demo")


def environment(cache: BytecodeCache, **settings) -> SandboxedEnvironment:
    result = SandboxedEnvironment(**settings)
    keep_compiled(result, cache)
    return result


def test_environments_with_other_settings_do_not_share_code(fresh_home: Path) -> None:
    cache = BytecodeCache("test")
    source = "[[ x ]] {{ x }}"
    assert environment(cache).from_string(source).render(x=1) == "[[ x ]] 1"
    square = {"variable_start_string": "[[", "variable_end_string": "]]"}
    assert environment(cache, **square).from_string(source).render(x=1) == "1 {{ x }}"
    assert environment(cache).from_string(source).render(x=2) == "[[ x ]] 2"

    shouting = environment(cache)
    shouting.filters["shout"] = str.upper
    assert shouting.from_string("{{ x | shout }}").render(x="a") == "A"
    with pytest.raises(jinja2.TemplateAssertionError, match="No filter named 'shout'"):
        environment(cache).from_string("{{ x | shout }}")


def test_errors_in_kept_templates_name_the_current_file(fresh_home: Path, tmp_path: Path) -> None:
    cache = BytecodeCache("test")
    for place in ("old", "new"):
        (tmp_path / place).mkdir()
        (tmp_path / place / "page.jinja").write_text("line one\n{{ 1 // x }}\n")
    shutil.copy(tmp_path / "old" / "page.jinja", tmp_path / "new" / "page.jinja")
    for place in ("old", "new"):
        loaded = environment(cache, loader=jinja2.FileSystemLoader(tmp_path / place))
        template = loaded.get_template("page.jinja")
        assert template.filename == str(tmp_path / place / "page.jinja")
        with pytest.raises(ZeroDivisionError) as raised:
            template.render(x=0)
        last = traceback.extract_tb(raised.value.__traceback__)[-1]
        assert (last.filename, last.lineno) == (str(tmp_path / place / "page.jinja"), 2)


@needs_the_hook
def test_copiers_yield_state_is_reset_for_a_kept_template(fresh_home: Path) -> None:
    from copier._jinja_ext import YieldExtension, get_yield_context

    cache = BytecodeCache("test")
    env = environment(cache, extensions=[YieldExtension])
    env.from_string("plain")  # compiled and kept
    env.from_string("{% yield x from xs %}{{ x }}{% endyield %}").render(xs=[1])
    assert get_yield_context(env).yield_name == "x"
    env.from_string("plain")  # kept: not parsed, yet the tag's state must be reset
    assert get_yield_context(env).yield_name is None


def test_one_file_holds_a_run_and_the_next_run_reads_it(
    fresh_home: Path, compiles: list[str]
) -> None:
    first = BytecodeCache("test")
    sources = [f"{{{{ {n} * x }}}}" for n in range(50)]
    assert [environment(first).from_string(s).render(x=2) for s in sources[:40]][-1] == "78"
    first.save()
    assert [p.name for p in first.path.parent.iterdir()] == ["test.cache"]
    compiles.clear()
    second = BytecodeCache("test")
    assert [environment(second).from_string(s).render(x=3) for s in sources][-1] == "147"
    assert compiles == sources[40:]


def test_a_new_year_is_not_written_with_last_years_code(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LICENSE says `{% set year = '%Y' | strftime %}`: Jinja would compute that while compiling."""
    for year in ("2025", "2026"):
        monkeypatch.setattr(time, "strftime", lambda form, *_, y=year: form.replace("%Y", y))
        (tmp_path / year).mkdir()
        create(tmp_path / year / "demo", {}, git_init=False)
        assert f"Copyright (c) {year}" in (tmp_path / year / "demo" / "LICENSE").read_text()
        copier_cache().save()
        copier_cache.cache_clear()


def test_filters_and_tests_run_at_each_render(fresh_home: Path) -> None:
    """Constant arguments: Jinja would run these once, while compiling, and keep the result."""
    calls = itertools.count()

    def counted(*_: object) -> int:
        return next(calls)

    source = (
        "{{ 'a' | plain }} {{ 'a' | evaluated }} {{ 'a' | environmental }} {{ 'a' is odd_call }}"
    )
    seen = []
    for _ in range(2):  # as two runs would
        env = SandboxedEnvironment()
        env.filters.update(
            plain=counted,
            evaluated=jinja2.pass_eval_context(counted),
            environmental=jinja2.pass_environment(counted),
        )
        env.tests["odd_call"] = lambda _: next(calls) % 2 == 1
        cache = BytecodeCache("test")
        keep_compiled(env, cache)
        seen.append(env.from_string(source).render())
        cache.save()
    assert seen == ["0 1 2 True", "4 5 6 True"]


def test_a_kept_environments_filters_still_work_when_called_directly(fresh_home: Path) -> None:
    env = environment(BytecodeCache("test"))
    assert env.from_string("{{ 'a' | upper }} {{ [1, 2, 3] | select('odd') | list }}").render() == (
        "A [1, 3]"
    )
    assert env.filters["upper"]("a") == "A"
    assert env.filters["default"](jinja2.Undefined(), "b") == "b"
    assert env.tests["odd"](3)
    with pytest.raises(TypeError, match="cannot be overlaid"):
        env.overlay(variable_start_string="[[", variable_end_string="]]")


@pytest.mark.parametrize(
    "damage",
    [
        lambda entries: b"\x00not marshal data",
        lambda entries: marshal.dumps({key: "not bytes" for key in entries}),
        lambda entries: marshal.dumps(  # the pickled checksum after Jinja's header
            {key: data[:HEADER] + b"\xff" + data[HEADER + 1 :] for key, data in entries.items()}
        ),
        lambda entries: marshal.dumps({key: data[:-9] for key, data in entries.items()}),
        lambda entries: marshal.dumps(  # Jinja's header and checksum, then not code
            {
                key: data[: data.index(b".", HEADER) + 1] + marshal.dumps(5)
                for key, data in entries.items()
            }
        ),
    ],
    ids=["not-marshal", "not-bytes", "bad-checksum", "truncated", "not-code"],
)
def test_a_damaged_file_is_recompiled_over(
    fresh_home: Path, compiles: list[str], damage: Callable[[dict[str, bytes]], bytes]
) -> None:
    cache = BytecodeCache("test")
    assert environment(cache).from_string("{{ 6 * 7 }}").render() == "42"
    cache.save()
    cache.path.write_bytes(damage(marshal.loads(cache.path.read_bytes())))
    compiles.clear()
    cache = BytecodeCache("test")
    assert environment(cache).from_string("{{ 6 * 7 }}").render() == "42"
    assert compiles == ["{{ 6 * 7 }}"]
    cache.save()
    compiles.clear()
    assert environment(BytecodeCache("test")).from_string("{{ 6 * 7 }}").render() == "42"
    assert compiles == []


def test_saving_leaves_one_file_and_removes_the_old_per_template_ones(fresh_home: Path) -> None:
    cache = BytecodeCache("questions-sandboxed")
    cache.path.parent.mkdir(parents=True)
    for legacy in ("questions-sandboxed-0a1b.cache", "questions-sandboxed-9f8e.cache"):
        (cache.path.parent / legacy).write_bytes(b"gradio-forge 0.1")
    (cache.path.parent / "copier.cache").write_bytes(b"another kind")
    environment(cache).from_string("{{ 1 }}")
    cache.save()
    assert sorted(p.name for p in cache.path.parent.iterdir()) == [
        "copier.cache",
        "questions-sandboxed.cache",
    ]


def test_an_unusable_cache_is_not_used(fresh_home: Path, compiles: list[str]) -> None:
    (fresh_home / ".cache").write_text("a file where the cache directory would go\n")
    for _ in range(2):  # as two runs would
        cache = BytecodeCache("test")
        assert environment(cache).from_string("{{ 6 * 7 }}").render() == "42"
        cache.save()
    assert compiles == ["{{ 6 * 7 }}", "{{ 6 * 7 }}"]


def test_the_copier_and_jinja_internals_the_hook_needs_are_there() -> None:
    """Fails when an upgrade moves them: the hook then silently stops saving time, so look."""
    from gradio_forge import compiled_templates

    if COPIER_HOOKED:
        assert copier_worker() is not None, "copier's Worker.jinja_env moved or changed shape"
    else:
        assert copier_worker() is None
    marks = (
        compiled_templates._CONTEXT,
        compiled_templates._EVAL_CONTEXT,
        compiled_templates._ENVIRONMENT,
    )
    assert None not in marks and len(set(marks)) == 3, "Jinja marks filters differently now"
    filters = jinja2.Environment().filters
    assert getattr(filters["sum"], "jinja_pass_arg", None) is compiled_templates._ENVIRONMENT


def test_a_jinja_that_marks_filters_otherwise_still_renders(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    """Without the marks the hook reads, nothing is kept: every template compiles as ever."""
    from gradio_forge import compiled_templates

    monkeypatch.setattr(compiled_templates, "_CONTEXT", None)
    for _ in range(2):
        env = environment(BytecodeCache("unmarked"))
        assert env.from_string("{{ [6, 7] | join('*') }}").render() == "6*7"
    assert compiles == ["{{ [6, 7] | join('*') }}"] * 2


def test_a_copier_without_the_internal_still_renders(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    """copier before 9.7 has no `copier._main`: new-app must render, only without keeping code."""
    import sys

    for parent in ("kept", "plain"):
        (tmp_path / parent).mkdir()
    kept = create(tmp_path / "kept" / "demo", {}, git_init=False)
    monkeypatch.setitem(sys.modules, "copier._main", None)  # the import now fails
    assert copier_worker() is None
    compiles.clear()
    plain = create(tmp_path / "plain" / "demo", {}, git_init=False)
    assert plain.files == kept.files
    for name in kept.files:
        assert (plain.destination / name).read_bytes() == (kept.destination / name).read_bytes(), (
            name
        )
    assert compiles, "with the hook off, copier compiles every template as it always has"
