"""The output formats: ruff-style lines, JSON for tools, unified diffs, and the summary."""

import difflib
import json
from dataclasses import dataclass

from .runner import FileError, Finding


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def text(findings: list[Finding], *, unsafe: bool) -> str:
    """`path:line:col: CODE [*] message`; [*] marks what --fix would fix (as ruff does)."""
    lines = []
    for f in findings:
        marker = " [*]" if f.fix is not None and (f.fix.safe or unsafe) else ""
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.code}{marker} {f.message}\n")
    return "".join(lines)


def errors_text(errors: list[FileError]) -> str:
    return "".join(
        f"error: {e.path}:{e.line}:{e.column}: {e.reason} (file not checked)\n" for e in errors
    )


def as_json(findings: list[Finding], errors: list[FileError]) -> str:
    items: list[dict] = [
        {
            "kind": "finding",
            "code": f.code,
            "message": f.message,
            "path": f.path,
            "line": f.line,
            "column": f.column,
            "end_line": f.end_line,
            "end_column": f.end_column,
            "fix": None
            if f.fix is None
            else {
                "applicability": "safe" if f.fix.safe else "unsafe",
                "message": f.fix.description,
            },
        }
        for f in findings
    ]
    items += [
        {
            "kind": "error",
            "code": None,
            "message": e.reason,
            "path": e.path,
            "line": e.line,
            "column": e.column,
            "end_line": e.line,
            "end_column": e.column,
            "fix": None,
        }
        for e in errors
    ]
    items.sort(key=lambda i: (i["path"], i["line"], i["column"], i["code"] or ""))
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def diff(path: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), path, path
        )
    )


@dataclass
class Counts:
    files: int  # files looked at
    errors: int  # files that could not be checked
    with_findings: int  # files with findings left
    findings: int  # findings left
    fixed: int = 0
    fixable: int = 0  # left, and fixable with the current --unsafe-fixes setting
    hidden: int = 0  # left, fixable only with --unsafe-fixes


def summary(counts: Counts, *, fixing: bool) -> str:
    checked = _plural(counts.files - counts.errors, "file") + " checked"
    lines = []
    if counts.findings:
        problems = _plural(counts.findings, "problem")
        where = _plural(counts.with_findings, "file")
        if fixing:
            lines.append(
                f"Found {counts.findings + counts.fixed} problems ({counts.fixed} fixed,"
                f" {counts.findings} remaining) in {checked}."
            )
        else:
            lines.append(f"Found {problems} in {where} ({checked}).")
    elif fixing and counts.fixed:
        lines.append(
            f"Found {_plural(counts.fixed, 'problem')} ({counts.fixed} fixed, 0 remaining)"
            f" in {checked}."
        )
    elif counts.errors:
        lines.append(f"No problems found in {checked}.")
    else:
        lines.append(f"All checks passed ({checked}).")
    if counts.errors:
        lines.append(
            f"{_plural(counts.errors, 'file')} could not be checked (see the errors above)."
        )
    if not fixing and counts.fixable:
        lines.append(f"[*] {counts.fixable} fixable with the --fix option.")
    if counts.hidden:
        lines.append(
            f"{counts.hidden} more fixable with --fix --unsafe-fixes (they change behaviour:"
            " review them)."
        )
    return "\n".join(lines)
