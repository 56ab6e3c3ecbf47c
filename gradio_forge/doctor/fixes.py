"""What a finding reports and what its fix would change, as data (fixer.py applies fixes).

Edits address the code by the extent of an ast node (1-based lines, UTF-8 byte columns, as
ast reports them); a call is addressed by the extent of its callee (`gr.Image`, `demo.launch`),
which no other call shares.
"""

import ast
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    line: int
    col: int
    end_line: int
    end_col: int

    @classmethod
    def of(cls, node: ast.AST) -> "Span":
        return cls(
            node.lineno,  # type: ignore[attr-defined]
            node.col_offset,  # type: ignore[attr-defined]
            node.end_lineno or node.lineno,  # type: ignore[attr-defined]
            node.end_col_offset or 0,  # type: ignore[attr-defined]
        )

    @classmethod
    def callee(cls, call: ast.Call) -> "Span":
        return cls.of(call.func)


@dataclass(frozen=True)
class RenameKeyword:
    call: Span
    name: str
    to: str
    value: str | None = None  # new Python code for the value; None keeps it


@dataclass(frozen=True)
class RemoveKeyword:
    call: Span
    name: str


@dataclass(frozen=True)
class AddKeyword:
    call: Span
    name: str
    value: str  # Python code


@dataclass(frozen=True)
class PositionalToKeyword:
    """Give the call's positional arguments these names (all of them, so the order holds)."""

    call: Span
    names: tuple[str, ...]


@dataclass(frozen=True)
class ReplaceExpression:
    span: Span  # of a Name or Attribute
    code: str


@dataclass(frozen=True)
class Unwrap:
    """`receiver.method(...)` becomes `receiver`: the call at `call` is removed."""

    call: Span


Edit = RenameKeyword | RemoveKeyword | AddKeyword | PositionalToKeyword | ReplaceExpression | Unwrap


def slot(edit: Edit) -> tuple:
    """What an edit changes; two fixes that change one thing are not applied in one pass."""
    if isinstance(edit, RenameKeyword | RemoveKeyword | AddKeyword):
        return (edit.call, "keyword", edit.name)
    if isinstance(edit, PositionalToKeyword):
        return (edit.call, "positional")
    if isinstance(edit, ReplaceExpression):
        return (edit.span, "expression")
    return (edit.call, "call")


@dataclass(frozen=True)
class Fix:
    safe: bool
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Found:
    """One finding of a check, before noqa and --select/--ignore apply."""

    code: str
    node: ast.AST  # where it is reported
    message: str | None = None  # replaces the rule's general message
    fix: Fix | None = None
