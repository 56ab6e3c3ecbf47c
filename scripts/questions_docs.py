"""Write README.md's table of questions from copier.yml, their one definition.

    python scripts/questions_docs.py          # rewrite the generated block of README.md
    python scripts/questions_docs.py --check  # exit 1 when README.md is out of date

tests/test_instructions.py runs the check, so the table cannot drift from copier.yml.
"""

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generated_sections import write_or_check

from gradio_forge.answers import Questionnaire, questionnaire
from gradio_forge.questions import Question

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"(<!-- questions:start -->\n).*?(<!-- questions:end -->)", re.S)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _choices(question: Question) -> str:
    items = []
    for choice in question.choices:
        label = choice.label.removeprefix(f"{choice.value}:").strip()
        about = f": {label}" if label and label != str(choice.value) else ""
        items.append(f"`{choice.value}`{about}")
    return "<br>".join(items)


def _default(questionnaire: Questionnaire, question: Question) -> str:
    """The default, and how it changes with the choices it depends on."""
    raw = question.default
    if raw is None or raw == "":
        return "empty"
    if not (isinstance(raw, str) and "{" in raw):
        return f"`{raw}`"
    base = {"project_name": "NAME"}
    depends = [
        other
        for other in questionnaire.questions
        if other.choices and other is not question and re.search(rf"\b{other.name}\b", raw)
    ]
    if not depends:
        value = questionnaire.default(question, _context(questionnaire, base))
        if "NAME" in str(value):
            return f"`{value}`"
        example = questionnaire.default(
            question, _context(questionnaire, {"project_name": "my-app"})
        )
        return f"from NAME (`my-app`: `{example}`)"
    values: dict[str, Any] = {}
    for other in depends:  # copier.yml's templated defaults follow one choice each
        for choice in other.choices:
            context = {**_context(questionnaire, base), other.name: choice.value}
            values[choice.value] = questionnaire.default(question, context)
    usual, _ = Counter(values.values()).most_common(1)[0]
    special = [f"`{value}` for {choice}" for choice, value in values.items() if value != usual]
    return ", ".join([f"`{usual}`", *special])


def _context(questionnaire: Questionnaire, given: dict[str, Any]) -> dict[str, Any]:
    resolution = questionnaire.resolve(given, use_defaults=True)
    return {**resolution.computed, **resolution.answers}


def _asked(question: Question) -> str:
    when = question.when
    if when is True:
        return "always"
    return "when " + str(when).removeprefix("{{").removesuffix("}}").strip()


def questions_table() -> str:
    questions = questionnaire()
    lines = [
        "| question | flag | choices | default | asked |",
        "| --- | --- | --- | --- | --- |",
    ]
    for question in questions.questions:
        if not question.is_flag:
            continue
        values = _choices(question)
        if question.bounds:
            values = f"{question.bounds[0]} to {question.bounds[1]}"
        cells = [
            question.help,
            f"`{question.flag}`",
            values or "text",
            _default(questions, question),
            _asked(question),
        ]
        lines.append("| " + " | ".join(map(_cell, cells)) + " |")
    return "\n".join(lines) + "\n"


def render(readme: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + questions_table() + m.group(2), readme)


def main() -> int:
    return write_or_check(README, render, "questions_docs.py")


if __name__ == "__main__":
    sys.exit(main())
