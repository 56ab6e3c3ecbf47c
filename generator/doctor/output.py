"""The two output formats: ruff-style lines, and JSON for tools."""

import json

from .runner import Finding


def text(findings: list[Finding]) -> str:
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in findings)


def as_json(findings: list[Finding]) -> str:
    items = [
        {"code": f.code, "message": f.message, "path": f.path, "line": f.line, "column": f.column}
        for f in findings
    ]
    return json.dumps(items, indent=2) + "\n"


def summary(findings: list[Finding], files: int) -> str:
    if not findings:
        return f"All checks passed ({files} file{'s' if files != 1 else ''} checked)."
    plural = "s" if len(findings) != 1 else ""
    return f"Found {len(findings)} problem{plural} in {files} file{'s' if files != 1 else ''}."
