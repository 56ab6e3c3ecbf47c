"""Resolve answers the way copier will: `when` conditions, Jinja defaults, validators.

The rules are copier.yml's own Jinja expressions, rendered in an environment like copier's, so
the CLI refuses exactly what the template refuses, before anything is written.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any, Literal

from jinja2 import StrictUndefined, Template, Undefined
from jinja2.sandbox import SandboxedEnvironment

from .compiled_templates import BytecodeCache, keep_compiled
from .errors import UsageError
from .questions import (
    PYTHON_TYPES,
    JinjaSettings,
    Question,
    parse_jinja_settings,
    parse_questions,
    read_copier_yml,
)

# Asks one question: (question, default, validate) -> answer. validate returns an error or None.
Asker = Callable[[Question, Any, Callable[[Any], str | None]], Any]

_TRUE = {"true", "yes", "y", "on", "1"}
_FALSE = {"false", "no", "n", "off", "0"}


class InvalidAnswer(UsageError):
    def __init__(self, question: Question, reason: str, source: str | None = None) -> None:
        # An answer from a file is that file's fault, not its flag's.
        where = f"{source}: {question.name}" if source else question.option
        super().__init__(f"{where}: {reason}")
        self.question = question
        self.reason = reason


class MissingAnswers(UsageError):
    def __init__(self, questions: list[Question]) -> None:
        flags = ", ".join(question.option for question in questions)
        super().__init__(
            f"missing answers for {flags}: pass them as flags or in --data-file, "
            "or add --defaults (-y) to take the defaults"
        )
        self.questions = questions


@dataclass
class Resolution:
    answers: dict[str, Any]
    """What the user chose (or accepted), for every question that applies."""
    computed: dict[str, Any] = field(default_factory=dict)
    """Values rendered but not recorded: copier.yml's derived values (`when: false`), such as
    package_name, and the defaults of questions these answers do not ask."""
    ignored: list[Question] = field(default_factory=list)
    """Questions answered by the user that do not apply to the other answers."""


# copier's own extensions that act in expressions (its YieldExtension acts in file names only).
COPIER_EXTENSIONS = ("jinja2_ansible_filters.AnsibleCoreFiltersExtension",)
_UNDEFINED = {"jinja2.Undefined": Undefined, "jinja2.StrictUndefined": StrictUndefined}


@cache
def _compiled(template: str, settings: JinjaSettings) -> Template:
    return jinja_environment(settings).from_string(template)


@cache
def jinja_environment(settings: JinjaSettings) -> SandboxedEnvironment:
    """Built as copier builds its environment from the same copier.yml settings (a test compares
    the two), so an expression means here what it means to copier."""
    envops = dict(settings.envops)
    if "undefined" in envops:  # the only two classes copier accepts
        envops["undefined"] = _UNDEFINED[envops["undefined"]]
    environment = SandboxedEnvironment(
        extensions=[*COPIER_EXTENSIONS, *settings.extensions], **envops
    )
    environment.globals["pathjoin"] = _pathjoin
    keep_compiled(environment, BytecodeCache("questions-sandboxed"))
    return environment


def _pathjoin(*path: str, mode: Literal["posix", "windows", "native"] = "posix") -> str:
    flavour = {"posix": PurePosixPath, "windows": PureWindowsPath, "native": PurePath}[mode]
    return str(flavour(*path))


class Questionnaire:
    def __init__(self, questions: list[Question], jinja: JinjaSettings | None = None) -> None:
        self.questions = questions
        self.jinja = jinja or JinjaSettings()

    def by_name(self, name: str) -> Question:
        return next(question for question in self.questions if question.name == name)

    def _render(self, template: Any, context: Mapping[str, Any]) -> Any:
        if not isinstance(template, str) or not any(o in template for o in self.jinja.openers):
            return template
        return _compiled(template, self.jinja).render(context)

    def applies(self, question: Question, context: Mapping[str, Any]) -> bool:
        when = self._render(question.when, context)
        return when if isinstance(when, bool) else str(when).strip().lower() in _TRUE

    def default(self, question: Question, context: Mapping[str, Any]) -> Any:
        if question.type == "yaml":
            import yaml

            return yaml.safe_load(self._render(question.default, context))
        return self.cast(question, self._render(question.default, context))

    def cast(self, question: Question, raw: Any) -> Any:
        """Convert a flag, file or prompt value to the question's type, or say what is wrong."""
        target = PYTHON_TYPES.get(question.type)
        # bool is an int subclass: True must not pass as a number, nor 1 as a yes.
        if target is None or (
            isinstance(raw, target) and isinstance(raw, bool) == (target is bool)
        ):
            return raw
        if raw is None:
            return "" if target is str else raw
        if target is bool:
            text = str(raw).strip().lower()
            if text in _TRUE | _FALSE:
                return text in _TRUE
            raise InvalidAnswer(question, f"expected yes or no, got {raw!r}")
        try:
            return target(str(raw).strip() if target is not str else raw)
        except ValueError:
            kind = {int: "a whole number", float: "a number"}.get(target, target.__name__)
            raise InvalidAnswer(question, f"expected {kind}, got {raw!r}") from None

    def problem(self, question: Question, value: Any, context: Mapping[str, Any]) -> str | None:
        """Why `value` is not an acceptable answer, or None when it is."""
        if isinstance(value, str):
            try:
                value.encode()
            except UnicodeEncodeError:  # undecodable command-line bytes arrive as lone surrogates
                return "not valid UTF-8 text; retype it"
        allowed = [choice.value for choice in question.choices]
        if allowed and value not in allowed:
            return f"{value!r} is not one of: {', '.join(map(str, allowed))}"
        message = self._render(question.validator, {**context, question.name: value}).strip()
        return message or None

    def resolve(
        self,
        given: Mapping[str, Any],
        *,
        use_defaults: bool,
        ask: Asker | None = None,
        default_overrides: Mapping[str, Any] | None = None,
        sources: Mapping[str, str] | None = None,
        checks: Mapping[str, Callable[[Any], str | None]] | None = None,
    ) -> Resolution:
        """Answer every question that applies, in copier's order.

        `given` answers win; the rest come from `ask` (a person at a terminal) or, with
        `use_defaults`, from the defaults. `sources` names the file a given answer came from,
        when not from its flag, for the error message; `checks` adds checks of the
        caller's to an answer's own (the destination a name makes), run as soon as it is
        given or typed. Raises InvalidAnswer or MissingAnswers.
        """
        sources = sources or {}
        checks = checks or {}
        unknown = sorted(set(given) - {question.name for question in self.questions})
        if unknown:
            known = ", ".join(q.name for q in self.questions if not q.computed)
            files = sorted({sources[name] for name in unknown if name in sources})
            where = "".join(f"{file}: " for file in files)
            raise UsageError(f"{where}unknown question(s) {', '.join(unknown)}; known: {known}")
        overrides = default_overrides or {}
        context: dict[str, Any] = {}
        answers: dict[str, Any] = {}
        computed: dict[str, Any] = {}
        ignored: list[Question] = []
        missing: list[Question] = []
        for question in self.questions:
            if question.computed:
                context[question.name] = computed[question.name] = self.default(question, context)
                continue
            if not self.applies(question, context):
                if question.name in given:
                    ignored.append(question)
                if question.default is not None:
                    # As copier does: a question that is not asked still renders its default,
                    # which the answers file does not record.
                    context[question.name] = computed[question.name] = self.default(
                        question, context
                    )
                continue
            where = sources.get(question.name)
            if question.name in given:
                try:
                    value = self.cast(question, given[question.name])
                except InvalidAnswer as error:
                    raise InvalidAnswer(question, error.reason, where) from None
            else:
                value = (
                    self.cast(question, overrides[question.name])
                    if question.name in overrides
                    else self.default(question, context)
                )
                if ask is not None and not use_defaults:
                    validate = self._validator(question, context, checks.get(question.name))
                    value = self.cast(question, ask(question, value, validate))
                elif not use_defaults:
                    missing.append(question)
            if question not in missing and (
                reason := self.problem(question, value, context)
                or (question.name in checks and checks[question.name](value))
            ):
                raise InvalidAnswer(question, reason, where)
            answers[question.name] = context[question.name] = value
        if missing:
            raise MissingAnswers(missing)
        return Resolution(answers, computed, ignored)

    def _validator(
        self,
        question: Question,
        context: Mapping[str, Any],
        check: Callable[[Any], str | None] | None,
    ) -> Callable[[Any], str | None]:
        def validate(raw: Any) -> str | None:
            try:
                value = self.cast(question, raw)
            except InvalidAnswer as error:
                return error.reason
            return self.problem(question, value, context) or (check(value) if check else None)

        return validate


def questionnaire(path: Path | None = None) -> Questionnaire:
    """The questions of a copier.yml (this template's by default), with its Jinja settings."""
    config = read_copier_yml(path)
    return Questionnaire(parse_questions(config), parse_jinja_settings(config))
