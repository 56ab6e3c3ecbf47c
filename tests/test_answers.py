"""copier.yml read as data, and answers resolved exactly as copier resolves them."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import copier
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.requirements import InvalidRequirement, Requirement

from gradio_forge.answers import (
    InvalidAnswer,
    MissingAnswers,
    Questionnaire,
    jinja_environment,
    questionnaire,
)
from gradio_forge.errors import UsageError
from gradio_forge.questions import Question, load_questions, parse_jinja_settings, parse_questions

from .helpers import GRADIO_PIN, QUEUE_RANGE, REPO, cli_command, max_length

QUESTIONNAIRE = questionnaire()


def resolve(**given: Any) -> dict[str, Any]:
    return QUESTIONNAIRE.resolve({"project_name": "demo", **given}, use_defaults=True).answers


def test_questions_come_from_copier_yml_in_order() -> None:
    names = [question.name for question in load_questions()]
    # The import names come first: project_name's validator reads them.
    assert names[:5] == [
        "dependency_imports",
        "project_name",
        "package_name",
        "one_line_refused",
        "title",
    ]
    assert {"app_type", "deploy_target", "auth", "max_queue_size", "python_version"} <= set(names)
    deploy = QUESTIONNAIRE.by_name("deploy_target")
    assert [c.value for c in deploy.choices] == ["local", "spaces", "docker", "server"]
    assert deploy.flag == "--deploy-target"
    assert QUESTIONNAIRE.by_name("package_name").computed
    assert QUESTIONNAIRE.by_name("one_line_refused").computed


def test_parse_accepts_list_and_mapping_choices() -> None:
    questions = parse_questions(
        {"_subdirectory": "template", "a": {"choices": ["x", "y"]}, "b": {"choices": {"X": 1}}}
    )
    assert [q.name for q in questions] == ["a", "b"]
    assert questions[0].choices[1].value == "y"
    assert (questions[1].choices[0].label, questions[1].choices[0].value) == ("X", 1)


def test_defaults_are_rendered_from_earlier_answers() -> None:
    answers = resolve()
    assert answers["title"] == "Demo"
    assert answers["concurrency_limit"] == 4
    assert answers["max_queue_size"] == 64
    assert "root_path" not in answers  # only for docker and server
    assert resolve(deploy_target="server")["root_path"] == "/demo"
    computed = QUESTIONNAIRE.resolve({"project_name": "my-app"}, use_defaults=True).computed
    assert {"fastapi", "numpy", "pydantic", "requests"} <= set(computed.pop("dependency_imports"))
    # The questions these answers do not ask render their defaults, unrecorded, as copier's do.
    assert computed.pop("max_upload_mb") == 10
    assert computed.pop("root_path") == "/my-app"
    assert computed.pop("chat_backend") == "echo"
    assert computed.pop("max_request_kb") == 1024  # a few MiB for multi-step's pasted text
    skipped = ("system_prompt", "openai_base_url", "chat_model", "domain", "model_id")
    for name in (*skipped, "space_hardware"):
        assert computed.pop(name) == QUESTIONNAIRE.default(QUESTIONNAIRE.by_name(name), {}), name
    assert computed == {
        "package_name": "my_app",
        "one_line_refused": r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]",
        "python_distribution": "Debian 12",
        "gradio_version": GRADIO_PIN,
        "runtime_requirements": [
            f"gradio>={GRADIO_PIN},<{int(GRADIO_PIN.split('.')[0]) + 1}",
            "pydantic-settings>=2.7,<3",
            "fastapi>=0.115",
            "uvicorn>=0.30",
        ],
        "security_headers": {
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "SAMEORIGIN",
            "Content-Security-Policy": "frame-ancestors 'self'",
            "Referrer-Policy": "same-origin",
            "Strict-Transport-Security": "max-age=31536000",
        },
    }


def test_values_are_cast_to_the_question_type() -> None:
    assert resolve(max_queue_size="32")["max_queue_size"] == 32
    with pytest.raises(InvalidAnswer, match="--max-queue-size: expected a whole number"):
        resolve(max_queue_size="lots")
    with pytest.raises(InvalidAnswer, match="--max-queue-size: expected a whole number"):
        resolve(max_queue_size=True)


def test_answers_that_do_not_apply_are_reported_not_used() -> None:
    resolution = QUESTIONNAIRE.resolve(
        {"project_name": "demo", "deploy_target": "local", "domain": "x.org"}, use_defaults=True
    )
    assert "domain" not in resolution.answers
    assert [q.name for q in resolution.ignored] == ["domain"]


def test_unknown_answers_are_refused() -> None:
    with pytest.raises(UsageError, match="unknown question"):
        resolve(colour="blue")


def test_missing_answers_name_their_flags() -> None:
    with pytest.raises(MissingAnswers) as error:
        QUESTIONNAIRE.resolve({"project_name": "demo", "auth": "none"}, use_defaults=False)
    missing = [question.name for question in error.value.questions]
    assert "deploy_target" in missing and "auth" not in missing
    assert "--deploy-target" in error.value.message


def test_asker_gets_default_and_inline_validator() -> None:
    seen: list[tuple[str, Any, str | None]] = []

    def ask(question: Question, default: Any, validate: Any) -> Any:
        seen.append((question.name, default, validate("0")))
        return default

    QUESTIONNAIRE.resolve({"project_name": "demo"}, use_defaults=False, ask=ask)
    asked = {name: (default, problem) for name, default, problem in seen}
    assert "project_name" not in asked
    assert asked["max_queue_size"] == (
        64,
        f"Use a number {QUEUE_RANGE} (the queue is always bounded)",
    )
    assert asked["deploy_target"][1] == "'0' is not one of: local, spaces, docker, server"


BAD_ANSWERS = [
    {"project_name": "../x"},
    {"project_name": "def"},
    {"project_name": "check"},
    {"title": "   "},
    {"description": "x" * (max_length("description") + 1)},
    {"author_email": "nobody"},
    {"max_queue_size": 0},
    {"app_type": "multi-step", "max_upload_mb": 5000},
    {"concurrency_limit": 65},
    {"deploy_target": "docker", "root_path": "no-slash"},
    {"deploy_target": "server", "domain": "bad domain"},
    {"project_name": "a" * 33, "deploy_target": "server"},
    {"project_name": "email"},
    {"title": "tab\there"},
    {"deploy_target": "docker", "root_path": "/.."},
]


@pytest.mark.parametrize("bad", BAD_ANSWERS, ids=lambda bad: "-".join(map(str, bad.values())))
def test_copier_refuses_what_the_cli_refuses(tmp_path: Path, bad: dict[str, Any]) -> None:
    with pytest.raises(InvalidAnswer):
        resolve(**bad)
    # copier evaluates the same copier.yml; its refusal proves the rules are one definition.
    with pytest.raises(ValueError, match="Validation error"):
        copier.run_copy(
            str(REPO),
            tmp_path / "out",
            data={"project_name": "demo", **bad},
            defaults=True,
            quiet=True,
            vcs_ref="HEAD",
        )


def test_compiled_expressions_are_kept_and_a_broken_cache_is_no_error(tmp_path: Path) -> None:
    """Two processes: the first compiles copier.yml's expressions and keeps them as it exits."""
    script = (
        "from gradio_forge.answers import questionnaire; print(questionnaire().resolve("
        "{'project_name': 'demo',"
        " 'app_type': 'chat'}, use_defaults=True).answers)"
    )
    expected = str(resolve(app_type="chat"))
    for home, kept in ((tmp_path / "home", True), (tmp_path / "not-a-directory", False)):
        if not kept:
            home.write_text("HOME is a file: nothing can be written below it")
        for _ in range(2):
            result = subprocess.run(
                [sys.executable, "-c", script],
                env=cli_command(env={"HOME": str(home)})[1],  # this checkout, this HOME
                capture_output=True,
                text=True,
            )
            assert (result.returncode, result.stdout.strip(), result.stderr) == (0, expected, "")
        cached = home / ".cache/gradio-forge/jinja/questions-sandboxed.cache"
        assert cached.is_file() == kept


@pytest.mark.parametrize("name", ["fastapi", "numpy", "pydantic", "requests", "Gradio"])
def test_names_of_the_projects_own_dependencies_are_refused(name: str) -> None:
    """A package named after a dependency would hide it: ImportError at start."""
    with pytest.raises(InvalidAnswer, match="is a module the project depends on"):
        QUESTIONNAIRE.resolve({"project_name": name}, use_defaults=True)


def test_plain_copier_refuses_them_too(tmp_path: Path) -> None:
    """The rule lives in copier.yml, so copier itself applies it."""
    with pytest.raises(ValueError, match="is a module the project depends on"):
        copier.run_copy(
            str(REPO),
            tmp_path / "numpy",
            data={"project_name": "numpy"},
            defaults=True,
            quiet=True,
            vcs_ref="HEAD",
        )
    assert not (tmp_path / "numpy").exists()


def test_dependency_imports_follow_the_installed_metadata(project_env: str) -> None:
    """copier.yml's list is what the requirements' metadata says, once they are installed."""
    script = REPO / "scripts" / "dependency_imports.py"
    result = subprocess.run([project_env, str(script), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@given(st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,39}", fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_accepted_names_are_valid_distribution_names(name: str) -> None:
    """The name check agrees with packaging: what it accepts, pip can install."""
    try:  # PEP 508's name, as packaging parses it (every packaging version this allows)
        valid = Requirement(name).name == name
    except InvalidRequirement:
        valid = False
    problem = QUESTIONNAIRE.problem(QUESTIONNAIRE.by_name("project_name"), name, {})
    if not valid:
        assert problem, f"{name!r} is not a valid distribution name but was accepted"


@pytest.mark.parametrize("name", ["my-app-", "my_app_", "a-"])
def test_names_that_are_not_distribution_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidAnswer, match="End the name with a letter or digit"):
        QUESTIONNAIRE.resolve({"project_name": name}, use_defaults=True)


def _asked(**given: Any) -> list[str]:
    """The questions a person at a terminal is asked, given these answers."""
    asked: list[str] = []

    def ask(question: Question, default: Any, validate: Any) -> Any:
        asked.append(question.name)
        return default

    QUESTIONNAIRE.resolve({"project_name": "demo", **given}, use_defaults=False, ask=ask)
    return asked


def test_only_the_questions_that_matter_are_asked() -> None:
    assert "max_upload_mb" not in _asked(app_type="single-function")  # no file input
    assert "max_upload_mb" in _asked(app_type="multi-step")
    echo = _asked(app_type="chat", chat_backend="echo")
    assert "system_prompt" not in echo and "chat_model" not in echo  # no model to instruct
    openai = _asked(app_type="chat", chat_backend="openai-compatible")
    assert {"system_prompt", "openai_base_url", "chat_model"} <= set(openai)
    hf = _asked(app_type="chat", chat_backend="hf-inference")
    assert "chat_model" in hf and "openai_base_url" not in hf


def test_a_question_not_asked_still_renders_its_default() -> None:
    resolution = QUESTIONNAIRE.resolve(
        {"project_name": "demo", "app_type": "chat"}, use_defaults=True
    )
    assert "system_prompt" not in resolution.answers  # not recorded, as copier does not
    assert resolution.computed["system_prompt"] == QUESTIONNAIRE.by_name("system_prompt").default
    assert resolution.computed["max_upload_mb"] == 10


def test_prompts_read_as_questions() -> None:
    for question in QUESTIONNAIRE.questions:
        if not question.computed:
            assert question.help.split(" (")[0].endswith("?"), question.help


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("openai_base_url", "localhost:11434", "Enter a URL like"),
        ("openai_base_url", "http://a b/v1", "Enter a URL like"),
        ("chat_model", "", "Enter a model name"),
        ("chat_model", "it's", "Enter a model name"),
    ],
)
def test_model_server_answers_are_checked(name: str, value: str, message: str) -> None:
    with pytest.raises(InvalidAnswer, match=message):
        resolve(app_type="chat", chat_backend="openai-compatible", **{name: value})


SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "undefined",
    "autoescape",
)


def _copier_environment(config: dict[str, Any], directory: Path) -> Any:
    """copier's own Jinja environment for a template with this copier.yml (an internal: this
    test is the guard that notices when copier builds it differently). copier's subclass of the
    sandbox also hides attributes of paths and pydantic models, which answers never hold."""
    try:
        from copier._main import Worker
    except ImportError:  # copier before 9.7
        from copier.main import Worker  # type: ignore[no-redef]
    directory.mkdir()
    (directory / "copier.yml").write_text(yaml.safe_dump(config))
    return Worker(src_path=str(directory), dst_path=str(directory / "out")).jinja_env


@pytest.mark.parametrize(
    "jinja_settings",
    [
        {},
        {
            "_jinja_extensions": ["jinja2.ext.do", "jinja2.ext.loopcontrols"],
            "_envops": {
                "block_start_string": "[%",
                "block_end_string": "%]",
                "keep_trailing_newline": True,
            },
        },
    ],
    ids=["this-template", "with-settings"],
)
def test_expressions_are_rendered_in_the_environment_copier_builds(
    jinja_settings: dict[str, Any], tmp_path: Path
) -> None:
    config = {**yaml.safe_load((REPO / "copier.yml").read_text()), **jinja_settings}
    copiers = _copier_environment(config, tmp_path / "template")
    ours = jinja_environment(parse_jinja_settings(config))

    def extensions(environment: Any) -> set[str]:
        # copier's YieldExtension handles `{% yield %}` in file names, never in an expression.
        return {name for name in environment.extensions if not name.endswith(".YieldExtension")}

    assert extensions(ours) == extensions(copiers)
    assert set(ours.filters) == set(copiers.filters)
    assert set(ours.tests) == set(copiers.tests)
    assert set(ours.globals) == set(copiers.globals)
    for name in SYNTAX:
        assert getattr(ours, name) == getattr(copiers, name), name
    for mode in ("posix", "windows", "native"):
        call = ("a", "b", "d.txt")  # copier before 9.7 joins without normalising "/"
        assert ours.globals["pathjoin"](*call, mode=mode) == copiers.globals["pathjoin"](
            *call, mode=mode
        )
    start, end = ("[%", "%]") if jinja_settings else ("{%", "%}")
    source = (
        f"{start} set x = ['a', 'b'] {end}{{{{ x | to_json }}}} {{{{ 'gradio' | b64encode }}}}"
        f" {{{{ pathjoin('a', 'b') }}}} {{{{ 'x' is string }}}}"
        " {{ 'a-b' | regex_replace('-', '_') }}"
    )
    assert ours.from_string(source).render() == copiers.from_string(source).render()


def test_defaults_in_other_delimiters_are_rendered_as_copier_renders_them() -> None:
    config = {
        "_envops": {"variable_start_string": "[[", "variable_end_string": "]]"},
        "a": {"default": "x"},
        "b": {"default": "[[ a ]]-y"},
        "c": {"default": "{{ a }}"},  # plain text with these delimiters
    }
    questions = Questionnaire(parse_questions(config), parse_jinja_settings(config))
    answers = questions.resolve({}, use_defaults=True).answers
    assert answers == {"a": "x", "b": "x-y", "c": "{{ a }}"}
