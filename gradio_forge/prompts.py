"""Ask a question at the terminal with questionary, the way copier itself would."""

from collections.abc import Callable
from typing import Any

import questionary

from .questions import Question


def ask(question: Question, default: Any, validate: Callable[[Any], str | None]) -> Any:
    """Show one question with its help, default and inline validation; return the answer."""
    message = question.help or question.name.replace("_", " ").capitalize()
    if question.choices:
        choices = [questionary.Choice(c.label, value=c.value) for c in question.choices]
        selected = next((c for c in choices if c.value == default), None)
        return questionary.select(message, choices=choices, default=selected).unsafe_ask()
    if question.type == "bool":
        return questionary.confirm(message, default=bool(default)).unsafe_ask()

    def check(text: str) -> bool | str:
        return validate(text) or True

    return questionary.text(
        message, default="" if default is None else str(default), validate=check
    ).unsafe_ask()
