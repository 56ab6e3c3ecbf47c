"""The questions of copier.yml as plain data: the CLI's flags and prompts come from here."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .template_files import copier_yml

# copier's question types that a flag or a prompt can take.
PYTHON_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool}
# How copier.yml's validators bound a number: `{% if n < 1 or n > 64 %}`.
_RANGE = re.compile(r"(\w+) < (-?\d+) or \1 > (-?\d+)")


@dataclass(frozen=True)
class Choice:
    label: str
    value: Any


@dataclass(frozen=True)
class Question:
    name: str
    type: str = "str"
    help: str = ""
    default: Any = None
    choices: tuple[Choice, ...] = ()
    validator: str = ""
    when: str | bool = True

    @property
    def computed(self) -> bool:
        """`when: false` marks a value derived from the answers: never asked, never a flag."""
        return self.when is False

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def is_flag(self) -> bool:
        """Answered by a flag: the project name is the NAME argument, computed values no one."""
        return not self.computed and self.name != "project_name"

    @property
    def option(self) -> str:
        """How the user gives this answer on the command line."""
        return "NAME" if self.name == "project_name" else self.flag

    @property
    def bounds(self) -> tuple[int, int] | None:
        """The smallest and largest number the validator accepts, if it bounds one."""
        found = _RANGE.search(self.validator)
        return (int(found[2]), int(found[3])) if found and found[1] == self.name else None


def default_text(question: Question, questions: list[Question]) -> str | None:
    """The default as help shows it, without rendering: a Jinja default names what it follows."""
    default = question.default
    if default is None or default == "":
        return None
    if isinstance(default, str) and "{" in default:
        follows = [
            other.option
            for other in questions
            if other is not question
            and not other.computed
            and re.search(rf"\b{other.name}\b", default)
        ]
        return f"depends on {', '.join(follows)}" if follows else None
    return str(default)


def parse_questions(config: dict[str, Any]) -> list[Question]:
    """Turn copier.yml's mapping into questions, in the order copier asks them."""
    questions = []
    for name, spec in config.items():
        if name.startswith("_"):
            continue  # copier settings, not questions
        if not isinstance(spec, dict):
            spec = {"default": spec}
        choices = spec.get("choices", ())
        if isinstance(choices, dict):
            choices = tuple(Choice(str(label), value) for label, value in choices.items())
        else:
            choices = tuple(Choice(str(value), value) for value in choices)
        questions.append(
            Question(
                name=name,
                type=spec.get("type", "str"),
                help=spec.get("help", ""),
                default=spec.get("default"),
                choices=choices,
                validator=spec.get("validator", ""),
                when=spec.get("when", True),
            )
        )
    return questions


@dataclass(frozen=True)
class JinjaSettings:
    """copier.yml's `_jinja_extensions` and `_envops`: the Jinja copier renders expressions in."""

    extensions: tuple[str, ...] = ()
    envops: tuple[tuple[str, Any], ...] = ()

    @property
    def openers(self) -> tuple[str, ...]:
        """What starts Jinja in a string: without one, copier takes the string as it is."""
        envops = dict(self.envops)
        return tuple(
            envops.get(f"{kind}_start_string", default)
            for kind, default in (("variable", "{{"), ("block", "{%"), ("comment", "{#"))
        )


def parse_jinja_settings(config: dict[str, Any]) -> JinjaSettings:
    return JinjaSettings(
        extensions=tuple(config.get("_jinja_extensions", ())),
        # keep_trailing_newline is copier's own default (copier-org/copier#464).
        envops=tuple(sorted({"keep_trailing_newline": True, **config.get("_envops", {})}.items())),
    )


def read_copier_yml(path: Path | None = None) -> dict[str, Any]:
    text = (path or copier_yml()).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_questions(path: Path | None = None) -> list[Question]:
    return parse_questions(read_copier_yml(path))
