"""Hostile answers: refused with a clear message, or written into every file exactly as given.

Every free-text answer of copier.yml is drawn from strings built of quotes, backslashes, line
breaks, Jinja, YAML/TOML/.env/systemd/nginx syntax, right-to-left text, emoji and plain
arbitrary text. The property: `new-app` refuses the value in one clear line, or the project it
renders parses (Python, YAML, TOML, .env, systemd), lints clean, and shows the value literally
wherever it is displayed.

The many-example tests render the template in memory (`render_in_memory`, milliseconds); the
create() test renders a few examples for real through copier, for every app type and deploy
target, and checks that copier writes exactly what `render_in_memory` predicts.
"""

import ast
import io
import keyword
import re
import sys
import tomllib
from collections.abc import Mapping
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from dotenv import dotenv_values
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from jinja2 import FileSystemLoader, Template
from jinja2.sandbox import SandboxedEnvironment

from gradio_forge import create
from gradio_forge.answers import InvalidAnswer, Resolution
from gradio_forge.errors import UsageError

from .helpers import (
    CHOICES,
    COMBINATIONS,
    QUESTIONS,
    REPO,
    assert_caddy_accepts,
    assert_lints_clean,
    assert_nginx_accepts,
    invoke_cli,
    max_length,
)


def hostile(max_examples: int) -> settings:
    """Reproducible in CI and on every machine; rendering is slow and noisy, so no deadline."""
    return settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow "explain"
    )


# Named nasties: the building blocks of every hostile string below.
QUOTES = ["'", '"', "`", "'''", '"""', "\u2018", "\u2019", "\u201c", "\u201d", "«", "»"]
QUOTES += ["\\'", '\\"']
BACKSLASHES = ["\\", "\\\\", "\\n", "\\x00", "\\u0041", "\\N{BULLET}", "C:\\new\\table"]
LINE_BREAKS = ["\n", "\r", "\r\n", "\x00", "\t", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029"]
JINJA = ["{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{#", "#}", "${{ secrets.HF_TOKEN }}"]
YAML_SPECIALS = [": ", " #", "- ", "? ", "&a", "*a", "!tag", "|", ">", "%", "@", "---", "..."]
YAML_WORDS = ["yes", "no", "null", "~", "1e3", "0x1F", "True", "-1", "[a]", "{a: 1}"]
CONFIG_SYNTAX = ["$", "$HOME", "${HOME}", "$$", "%i", "%%", ";", "{}", "[Service]", "a=b", "\\\n"]
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # joined by zero-width joiners
UNICODE = ["é", "ß", "😀", FAMILY, "שלום", "مرحبا", "\u202e", "\u200f", "\u2066", "\u200b"]
UNICODE += ["\ufeff", "\u00a0", "\u3000", "\U0001d54f", "Ω", "\ufffd", "\ufffe"]
NASTY = [*QUOTES, *BACKSLASHES, *LINE_BREAKS, *JINJA, *YAML_SPECIALS, *YAML_WORDS]
NASTY += [*CONFIG_SYNTAX, *UNICODE]

# What copier.yml refuses in one-line text: control characters, line and paragraph separators,
# and noncharacters. Read from its computed `one_line_refused`, the one place that says it
# (test_answers pins the value, so a change to it does not pass unnoticed).
REFUSED = re.compile(QUESTIONS.by_name("one_line_refused").default)
# The most characters copier.yml's validators allow in each free-text answer (author_name: any).
LIMITS = {name: max_length(name) for name in ("title", "description", "system_prompt")}
KITCHEN_SINK = "".join(s for s in NASTY if not REFUSED.search(s))  # 230 characters of everything
FREE_TEXT = ["title", "description", "author_name", "system_prompt"]


def hostile_text(*, allow_refused: bool = True) -> st.SearchStrategy[str]:
    """Named nasties and arbitrary text, glued together; sometimes one repeated at length."""
    nasty = NASTY if allow_refused else [s for s in NASTY if not REFUSED.search(s)]
    characters = (
        st.characters(codec="utf-8")
        if allow_refused
        else st.characters(
            codec="utf-8", exclude_categories=["Cc"], exclude_characters="\u2028\u2029\ufffe\uffff"
        )
    )
    piece = st.one_of(st.sampled_from(nasty), st.text(characters, max_size=6))
    glued = st.lists(piece, max_size=10).map("".join)
    long = st.builds(lambda s, n: s * n, st.sampled_from(nasty), st.integers(20, 400))
    return st.one_of(glued, glued, glued, long)


def email() -> st.SearchStrategy[str]:
    """Addresses with hostile parts, minus what no address may hold."""
    part = hostile_text(allow_refused=False).map(lambda text: re.sub(r'[@\s<>"]', "", text))
    part = part.filter(bool)
    return st.one_of(st.just(""), st.builds(lambda a, b: f"{a}@{b}", part, part))


# --- Rendering -------------------------------------------------------------------------------

_ENV = SandboxedEnvironment(
    loader=FileSystemLoader(REPO),
    extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"],
    keep_trailing_newline=True,
)


# What the templates import and copier never renders on its own.
_EXCLUDED = yaml.safe_load((REPO / "copier.yml").read_text())["_exclude"]


@cache
def _compiled(source: str) -> Template:
    return _ENV.from_string(source)


def resolve(answers: Mapping[str, Any]) -> Resolution:
    return QUESTIONS.resolve({"project_name": "proj", **answers}, use_defaults=True)


def render_in_memory(resolution: Resolution) -> dict[str, str]:
    """Every file of the template rendered as copier renders it, without writing anything."""
    context = {
        **resolution.answers,
        **resolution.computed,
        "_copier_answers": resolution.answers,
        "_copier_conf": {"answers_file": ".copier-answers.yml"},
    }
    files = {}
    for source in sorted((REPO / "template").rglob("*")):
        relative = source.relative_to(REPO / "template").as_posix()
        if not source.is_file() or any(fnmatch(relative, pattern) for pattern in _EXCLUDED):
            continue
        path = _compiled(relative).render(context).removesuffix(".jinja")
        if "" in path.split("/"):
            continue  # a name that renders empty: copier skips the file
        text = source.read_text(encoding="utf-8")
        files[path] = _compiled(text).render(context) if relative.endswith(".jinja") else text
    return files


def read_project(project: Path) -> dict[str, str]:
    return {
        path.relative_to(project).as_posix(): path.read_text(encoding="utf-8")
        for path in project.rglob("*")
        if path.is_file() and ".git" not in path.parts
    }


def write_project(files: Mapping[str, str], root: Path) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@cache
def baseline(app_type: str, deploy_target: str, auth: str) -> dict[str, str]:
    """The files as rendered with the default answers: the structure hostile ones must keep."""
    return render_in_memory(resolve(_combination(app_type, deploy_target, auth)))


def _combination(app_type: str, deploy_target: str, auth: str) -> dict[str, str]:
    combination = {"app_type": app_type, "deploy_target": deploy_target, "auth": auth}
    if app_type == "chat":  # a backend with a model: the echo one asks no system prompt
        combination["chat_backend"] = "openai-compatible"
    return combination


# --- What "written exactly as given" means, file by file -------------------------------------


def python_constant(source: str, name: str) -> Any:
    """The value of the module-level `name = "..."` or class-level `name: str = "..."`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == name:
            assert node.value is not None
            return ast.literal_eval(node.value)
    raise AssertionError(f"no {name} in the source")


def systemd_unit(text: str) -> list[tuple[str, str, str]]:
    """(section, key, value) of each setting, read the way systemd reads a unit file."""
    settings_: list[tuple[str, str, str]] = []
    section, pending = "", ""
    for raw in text.split("\n"):
        line = pending + raw
        # An odd run of trailing backslashes continues the line (systemd's conf-parser.c).
        trailing = len(line) - len(line.rstrip("\\"))
        if trailing % 2:
            pending = line[:-1] + " "
            continue
        pending = ""
        line = line.strip(" \t\r")
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, separator, value = line.partition("=")
        assert separator, f"not a key=value line: {line!r}"
        settings_.append((section, key.strip(" \t"), value.strip(" \t")))
    assert not pending, "the unit ends inside a continued line"
    return settings_


def truncated(text: str, length: int = 60) -> str:
    """Jinja's `truncate(length, true, '…', 0)`, as the Space card's short_description uses."""
    return text if len(text) <= length else text[: length - 1] + "…"


def check_files(files: Mapping[str, str], answers: Mapping[str, Any]) -> None:
    """Every file parses and shows each answer literally; the structure is the default one."""
    app_type, target, auth = (answers[k] for k in ("app_type", "deploy_target", "auth"))
    reference = baseline(app_type, target, auth)
    assert files.keys() == reference.keys()
    for name, text in files.items():
        suffix = Path(name).suffix
        if suffix == ".py":
            ast.parse(text, filename=name)
        elif suffix in {".yml", ".yaml"}:
            yaml.safe_load(text)
        elif suffix == ".toml":
            tomllib.loads(text)

    ui = files["proj/ui.py"]
    assert python_constant(ui, "TITLE") == answers["title"]
    assert python_constant(ui, "DESCRIPTION") == answers["description"]
    if auth == "password":
        assert python_constant(files["proj/login.py"], "TITLE") == answers["title"]

    project = tomllib.loads(files["pyproject.toml"])["project"]
    assert project["description"] == answers["description"]
    author = {"name": answers["author_name"], "email": answers["author_email"]}
    assert project.get("authors", [{}]) == [{k: v for k, v in author.items() if v}]

    readme = files["README.md"]
    if target == "spaces":
        _, front_matter, readme = readme.split("---\n", 2)
        card = yaml.safe_load(front_matter)
        assert card["title"] == answers["title"]
        assert card["short_description"] == truncated(answers["description"])
    description = f"{answers['description']}\n\n" if answers["description"] else ""
    assert readme.lstrip("\n").startswith(f"# {answers['title']}\n\n{description}Generated")

    holder = answers["author_name"] or f"The {answers['title']} authors"
    assert holder in files["LICENSE"]

    env = dotenv_values(stream=io.StringIO(files[".env.example"]))
    assert env.keys() == dotenv_values(stream=io.StringIO(reference[".env.example"])).keys()
    if app_type == "chat":
        assert (
            python_constant(files["proj/settings.py"], "system_prompt") == answers["system_prompt"]
        )
        assert env["APP_SYSTEM_PROMPT"] == answers["system_prompt"]
    if app_type == "gpu-inference":
        assert env["APP_MODEL_ID"] == answers["model_id"]
    if target == "docker":
        compose = yaml.safe_load(files["compose.yaml"])
        assert compose["services"]["app"]["environment"]["GRADIO_ROOT_PATH"] == answers["root_path"]
    if target == "server":
        assert env["APP_DOMAIN"] == answers["domain"]
        assert f"GRADIO_ROOT_PATH={answers['root_path']}" in files["deploy/proj.service"].split()

    if target == "server":
        unit = systemd_unit(files["deploy/proj.service"])
        keys = [(section, key) for section, key, _ in unit]
        assert keys == [
            (section, key) for section, key, _ in systemd_unit(reference["deploy/proj.service"])
        ]
        description = dict((key, value) for _, key, value in unit)["Description"]
        assert description == answers["title"].rstrip("\\").strip(" \t").replace("%", "%%")


def assert_refused_cleanly(error: InvalidAnswer | UsageError) -> None:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


# --- The many-example tests: validators and in-memory rendering -------------------------------


@st.composite
def hostile_answers(
    draw: st.DrawFn, combination: tuple[str, str, str] | None = None
) -> dict[str, Any]:
    """Hostile answers copier.yml accepts, for one combination (drawn when not given).

    Free text within the limits copier.yml sets (the refusal test covers what lies beyond), and
    valid values for the answers it constrains to a pattern.
    """
    app_type, deploy_target, auth = combination or draw(st.sampled_from(COMBINATIONS))
    text = hostile_text(allow_refused=False)
    answers: dict[str, Any] = {
        **_combination(app_type, deploy_target, auth),
        "title": draw(text.filter(str.strip))[: LIMITS["title"]],
        "description": draw(text)[: LIMITS["description"]],
        "author_name": draw(text),
        "author_email": draw(email()),
    }
    if app_type == "chat":
        answers["system_prompt"] = draw(text).replace("${", "$ {")[: LIMITS["system_prompt"]]
    if app_type == "gpu-inference":
        answers["model_id"] = draw(MODEL_ID)
    if deploy_target in {"docker", "server"}:
        answers["root_path"] = draw(ROOT_PATH)
    if deploy_target == "server":
        answers["domain"] = draw(DOMAIN)
    return answers


# Valid values of the answers copier.yml constrains to a pattern.
ROOT_PATH = st.from_regex(r"(/[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,12}){1,3}", fullmatch=True)
DOMAIN = st.from_regex(
    r"[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?){0,3}",
    fullmatch=True,
)
MODEL_ID = st.from_regex(
    r"([A-Za-z0-9][A-Za-z0-9_]{0,10}/)?[A-Za-z0-9][A-Za-z0-9_]{0,20}", fullmatch=True
)


@pytest.mark.parametrize("question", FREE_TEXT)
@hostile(200)
@given(value=hostile_text())
@example(value=KITCHEN_SINK)
def test_free_text_is_refused_only_for_what_copier_yml_refuses(question: str, value: str) -> None:
    answers = {"app_type": "chat", "chat_backend": "openai-compatible", question: value}
    try:
        resolved = resolve(answers).answers
    except InvalidAnswer as error:
        assert_refused_cleanly(error)
        assert error.question.name == question
        limit = LIMITS.get(question, 10**9)
        assert (
            REFUSED.search(value)
            or len(value) > limit
            or (question == "title" and not value.strip())
            or (question == "system_prompt" and "${" in value)
        ), str(error)
    else:
        assert resolved[question] == value
        assert not REFUSED.search(value)


@hostile(150)
@given(answers=hostile_answers())
@example(
    answers={**_combination("chat", "server", "password"), "title": KITCHEN_SINK[: LIMITS["title"]]}
)
@example(answers={**_combination("chat", "spaces", "none"), "system_prompt": "it's C:\\dir\\"})
@example(answers={**_combination("chat", "docker", "none"), "system_prompt": "\\"})
@example(answers={**_combination("single-function", "server", "none"), "title": "Ends in \\"})
@example(answers={**_combination("multi-step", "spaces", "none"), "title": 'Say "hi" 😀'})
# Python strings whose line ruff format would wrap in parentheses.
@example(answers={**_combination("single-function", "local", "none"), "title": "\\" * 46})
@example(answers={**_combination("chat", "local", "none"), "system_prompt": "x" * 80})
@example(answers={**_combination("gpu-inference", "spaces", "none"), "description": "😀" * 70})
def test_accepted_answers_render_into_valid_files(
    answers: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    resolution = resolve(answers)
    files = render_in_memory(resolution)
    check_files(files, resolution.answers)
    assert_lints_clean(write_project(files, tmp_path_factory.mktemp("hostile")))


# --- A few examples through copier itself, for every app type and deploy target ---------------

# Each app type with each target; auth alternates so that each app type and each target is seen
# with both. Auth only adds the login files, whose one piece of free text (the title as the
# login message) check_files reads.
CREATE_CASES = [
    (app_type, target, CHOICES["auth"][(i + j) % 2])
    for i, app_type in enumerate(CHOICES["app_type"])
    for j, target in enumerate(CHOICES["deploy_target"])
]


@pytest.mark.parametrize(
    ("app_type", "deploy_target", "auth"),
    CREATE_CASES,
    ids=["-".join(case) for case in CREATE_CASES],
)
def test_created_projects_keep_hostile_answers(
    app_type: str, deploy_target: str, auth: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    @hostile(1)
    @given(answers=hostile_answers((app_type, deploy_target, auth)))
    @example(
        answers={
            **_combination(app_type, deploy_target, auth),
            "title": KITCHEN_SINK[: LIMITS["title"]],
            "description": KITCHEN_SINK[-LIMITS["description"] :],
            "author_name": KITCHEN_SINK,
            "system_prompt": KITCHEN_SINK.replace("${", "$ {"),
        }
    )
    def check(answers: dict[str, Any]) -> None:
        resolution = resolve(answers)
        project = tmp_path_factory.mktemp("created") / "proj"
        create(project, answers, git_init=False)
        files = read_project(project)
        recorded = yaml.safe_load(files[".copier-answers.yml"])  # what `new-app update` reads
        assert {name: recorded[name] for name in resolution.answers} == resolution.answers
        expected = render_in_memory(resolution)
        # copier wrote what check_files checks (its answers file adds the template's origin).
        assert {**files, ".copier-answers.yml": ""} == {**expected, ".copier-answers.yml": ""}
        check_files(files, resolution.answers)
        assert_lints_clean(project)
        if deploy_target in {"docker", "server"}:
            assert_nginx_accepts(files["deploy/nginx.conf"], tmp_path_factory.mktemp("nginx"))
        if deploy_target == "server":
            assert_caddy_accepts(project / "deploy" / "Caddyfile")

    check()


# --- The project name ----------------------------------------------------------------------


@hostile(300)
@given(
    name=st.one_of(hostile_text(), st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,45}", fullmatch=True))
)
@example(name="abc\n")
@example(name="None")
def test_accepted_project_names_make_an_importable_package(name: str) -> None:
    try:
        resolution = QUESTIONS.resolve({"project_name": name, "title": "T"}, use_defaults=True)
    except InvalidAnswer as error:
        assert_refused_cleanly(error)
        return
    package = resolution.computed["package_name"]
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,39}", name)
    assert package.isidentifier() and not keyword.iskeyword(package)
    assert package not in sys.stdlib_module_names


def test_standard_library_names_are_refused() -> None:
    # Run from the project directory, the package would hide the module from Gradio itself.
    question = QUESTIONS.by_name("project_name")
    for module in sorted(sys.stdlib_module_names):
        if re.fullmatch(r"[a-z][a-z0-9_]*", module):
            problem = QUESTIONS.problem(question, module.replace("_", "-"), {})
            assert problem and "standard library" in problem, module


@hostile(40)
@given(
    name=st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{39}", fullmatch=True),
    app_type=st.sampled_from(CHOICES["app_type"]),
)
def test_names_at_the_length_cap_lint_clean(
    name: str, app_type: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    answers = {"project_name": name, **_combination(app_type, "docker", "password")}
    try:
        resolution = QUESTIONS.resolve(answers, use_defaults=True)
    except InvalidAnswer as error:
        # A reserved name, or no distribution name (a trailing - or _): refused on purpose.
        assert "choose another name" in str(error) or "End the name with a letter" in str(error)
        return
    assert_lints_clean(write_project(render_in_memory(resolution), tmp_path_factory.mktemp("long")))


# --- Through the command line ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["..", "-y"], "no spaces or path separators"),
        (["/abs", "-y"], "no spaces or path separators"),
        (["abc\n", "-y", "--title", "T"], "no spaces or path separators"),
        (["a\nb", "-y"], "no spaces or path separators"),
        (["", "-y"], "Give the project a name"),
        (["import", "-y"], "Python keyword"),
        (["demo", "-y", "--title", ""], "--title: Give the app a title"),
        (["demo", "-y", "--title", "a\x1b[31mb"], "--title: Keep the title on one line"),
        (["demo", "-y", "--description", "a\rb"], "--description: Keep the description on one"),
        (["demo", "-y", "--author-name", "a\tb"], "--author-name: Keep the name on one line"),
        (["demo", "-y", "--author-email", "a@b\n"], "--author-email: Enter an email address"),
        (
            [
                "demo",
                "-y",
                "--app-type",
                "chat",
                "--chat-backend",
                "openai-compatible",
                "--system-prompt",
                "${HOME}",
            ],
            "Leave out '${'",
        ),
        (["demo", "-y", "--deploy-target", "docker", "--root-path", ""], "--root-path: Use a path"),
        (["demo", "-y", "--deploy-target", "docker", "--root-path", "/.."], "no part starting"),
        (["demo", "-y", "--deploy-target", "server", "--domain", ""], "--domain: Enter a host"),
        (["demo", "-y", "--app-type", "gpu-inference", "--model-id", ""], "--model-id: Enter a"),
        (["demo", "-y", "--title", "caf\udce9"], "--title: not valid UTF-8 text"),  # byte 0xe9
    ],
    ids=repr,
)
def test_invalid_answers_are_refused_on_the_command_line(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke_cli(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert result.stderr.count("\n") == 1  # one line, no traceback
    assert list(tmp_path.iterdir()) == []


def test_a_data_file_cannot_smuggle_control_characters(tmp_path: Path) -> None:
    data = tmp_path / "answers.json"
    data.write_text('{"title": "a\\u0000b", "description": "ok"}')
    result = invoke_cli("demo", "-y", "--data-file", str(data), cwd=tmp_path)
    assert result.returncode == 2
    # Blamed on the file and its key, not on a flag that was never given.
    assert "answers.json: title: Keep the title on one line, without control" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]


def test_jinja_in_answers_is_text_not_template(tmp_path: Path) -> None:
    result = invoke_cli("demo", "-y", "--no-git", "--title", "{{ 7*7 }}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "demo"
    assert python_constant((project / "demo" / "ui.py").read_text(), "TITLE") == "{{ 7*7 }}"
    assert "49" not in (project / "README.md").read_text().split("\n", 1)[0]
