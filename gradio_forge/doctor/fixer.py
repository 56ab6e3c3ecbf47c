"""Apply fixes with libcst: comments, formatting, line endings and the encoding survive.

Fixing runs in passes, like ruff: check, apply every fix that does not touch what another one
touches, check again, until nothing is left to fix. A pass whose result would not parse is
dropped (and the file keeps the last good text), so a fixed file always parses.
"""

import ast
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from .fixes import (
    AddKeyword,
    Edit,
    Fix,
    PositionalToKeyword,
    RemoveKeyword,
    RenameKeyword,
    ReplaceExpression,
    Span,
    Unwrap,
    slot,
)
from .runner import Finding, check_source
from .sources import decode

MAX_PASSES = 10


@dataclass
class FixResult:
    data: bytes  # the new file contents (the old ones when nothing was fixed)
    fixed: int  # findings whose fix was applied
    remaining: list[Finding]


def applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def fix_source(data: bytes, path: str, codes: frozenset[str], *, unsafe: bool) -> FixResult:
    """Fix one file's contents; raises SyntaxError/Unreadable when it does not parse at all."""
    findings = check_source(decode(data), path, codes)
    fixed = 0
    for _ in range(MAX_PASSES):
        chosen, taken, seen = [], set(), set()
        for finding in applicable(findings, unsafe):
            fix = finding.fix
            assert fix is not None
            if fix in seen:  # one fix shared by several findings (the buttons of one call)
                fixed += 1
                continue
            slots = {slot(edit) for edit in fix.edits}
            if slots & taken:
                continue
            taken |= slots
            seen.add(fix)
            chosen.append(fix)
            fixed += 1
        if not chosen:
            break
        new = apply(data, chosen)
        try:
            text = decode(new)
            ast.parse(text)
        except (SyntaxError, ValueError, Exception):  # keep the last text that parses
            fixed -= len(chosen)
            break
        if new == data:
            break
        data = new
        findings = check_source(text, path, codes)
    return FixResult(data, fixed, findings)


def apply(data: bytes, fixes: list[Fix]) -> bytes:
    module = cst.parse_module(data)
    lines = module.code.splitlines(keepends=True)

    def characters(line: int, column: int) -> int:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return column if text.isascii() else len(text.encode()[:column].decode(errors="ignore"))

    def key(span: Span) -> tuple[int, int, int, int]:
        return (
            span.line,
            characters(span.line, span.col),
            span.end_line,
            characters(span.end_line, span.end_col),
        )

    calls: dict[tuple, list[Edit]] = {}
    expressions: dict[tuple, str] = {}
    for fix in fixes:
        for edit in fix.edits:
            if isinstance(edit, ReplaceExpression):
                expressions[key(edit.span)] = edit.code
            else:
                calls.setdefault(key(edit.call), []).append(edit)
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    new = wrapper.visit(_Apply(calls, expressions))
    return new.bytes


class _Apply(cst.CSTTransformer):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, calls: dict[tuple, list[Edit]], expressions: dict[tuple, str]) -> None:
        super().__init__()
        self.calls = calls
        self.expressions = expressions

    def _key(self, node: cst.CSTNode) -> tuple[int, int, int, int]:
        where = self.get_metadata(PositionProvider, node)
        return (where.start.line, where.start.column, where.end.line, where.end.column)

    def _replace(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        code = self.expressions.get(self._key(original))
        return (
            _expression(code).with_changes(lpar=updated.lpar, rpar=updated.rpar)
            if code
            else updated
        )

    def leave_Attribute(
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        return self._replace(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._replace(original_node, updated_node)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        edits = self.calls.get(self._key(original_node.func))
        if not edits:
            return updated_node
        args = list(updated_node.args)
        for edit in edits:
            if isinstance(edit, PositionalToKeyword):
                args = _positional_to_keywords(args, edit.names)
        for edit in edits:
            if isinstance(edit, RenameKeyword):
                args = [_rename(arg, edit) for arg in args]
        removed = {edit.name for edit in edits if isinstance(edit, RemoveKeyword)}
        for index in reversed(range(len(args))):
            keyword = args[index].keyword
            if keyword is not None and keyword.value in removed:
                args = _remove(args, index)
        for edit in edits:
            if isinstance(edit, AddKeyword) and not any(
                a.keyword is not None and a.keyword.value == edit.name for a in args
            ):
                args = _append(args, _keyword_arg(edit.name, edit.value), updated_node)
        call = updated_node.with_changes(args=args)
        if not args:
            call = call.with_changes(whitespace_before_args=cst.SimpleWhitespace(""))
        if any(isinstance(edit, Unwrap) for edit in edits):
            func = call.func
            if isinstance(func, cst.Attribute):
                return func.value
        return call


def _expression(code: str) -> cst.BaseExpression:
    try:
        return cst.parse_expression(code)
    except cst.ParserSyntaxError:
        return cst.parse_expression(f"({code})")


def _no_space() -> cst.AssignEqual:
    return cst.AssignEqual(
        whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
    )


def _keyword_arg(name: str, code: str) -> cst.Arg:
    return cst.Arg(value=_expression(code), keyword=cst.Name(name), equal=_no_space())


def _positional_to_keywords(args: list[cst.Arg], names: tuple[str, ...]) -> list[cst.Arg]:
    result, index = [], 0
    for arg in args:
        if arg.keyword is None and not arg.star and index < len(names):
            arg = arg.with_changes(keyword=cst.Name(names[index]), equal=_no_space())
            index += 1
        result.append(arg)
    return result


def _rename(arg: cst.Arg, edit: RenameKeyword) -> cst.Arg:
    if arg.keyword is None or arg.keyword.value != edit.name:
        return arg
    arg = arg.with_changes(keyword=arg.keyword.with_changes(value=edit.to))
    if edit.value is not None:
        arg = arg.with_changes(value=_expression(edit.value))
    return arg


def _remove(args: list[cst.Arg], index: int) -> list[cst.Arg]:
    """Drop one argument; the one before it takes over the trailing comma and the whitespace."""
    removed = args[index]
    rest = args[:index] + args[index + 1 :]
    if index == len(args) - 1 and rest:
        previous = rest[-1]
        comma = removed.comma
        own = previous.comma
        if (
            isinstance(comma, cst.Comma)
            and isinstance(own, cst.Comma)
            and isinstance(comma.whitespace_after, cst.ParenthesizedWhitespace)
            and isinstance(own.whitespace_after, cst.ParenthesizedWhitespace)
        ):
            # Keep the previous line's own comment; take the indentation of the closing bracket.
            comma = comma.with_changes(
                whitespace_after=comma.whitespace_after.with_changes(
                    first_line=own.whitespace_after.first_line
                )
            )
        rest[-1] = previous.with_changes(
            comma=comma, whitespace_after_arg=removed.whitespace_after_arg
        )
    return rest


def _append(args: list[cst.Arg], new: cst.Arg, call: cst.Call) -> list[cst.Arg]:
    if not args:
        return [new]
    last = args[-1]
    before_last = (
        args[-2].comma.whitespace_after
        if len(args) > 1 and isinstance(args[-2].comma, cst.Comma)
        else call.whitespace_before_args
    )
    if isinstance(last.comma, cst.Comma):  # a trailing comma: one argument per line
        trailing = last.comma
        separator = before_last
        if isinstance(trailing.whitespace_after, cst.ParenthesizedWhitespace) and isinstance(
            separator, cst.ParenthesizedWhitespace
        ):
            separator = separator.with_changes(first_line=trailing.whitespace_after.first_line)
        last = last.with_changes(comma=trailing.with_changes(whitespace_after=separator))
        closing = trailing.whitespace_after
        if isinstance(closing, cst.ParenthesizedWhitespace):  # the comment stays on its line
            closing = closing.with_changes(first_line=cst.TrailingWhitespace())
        new = new.with_changes(
            comma=trailing.with_changes(whitespace_after=closing),
            whitespace_after_arg=last.whitespace_after_arg,
        )
        last = last.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))
    else:
        separator = (
            before_last
            if isinstance(before_last, cst.ParenthesizedWhitespace)
            else cst.SimpleWhitespace(" ")
        )
        new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
        last = last.with_changes(
            comma=cst.Comma(whitespace_after=separator),
            whitespace_after_arg=cst.SimpleWhitespace(""),
        )
    return [*args[:-1], last, new]
