"""`new-app doctor`: find Gradio production traps in any app by static analysis (ast only).

The user's code is parsed, never imported or run.
"""

import sys
from pathlib import Path

from ..errors import UsageError
from .rules import RULES

__all__ = ["RULES", "run_doctor"]


def _codes(values: list[str]) -> set[str]:
    codes = {c.strip().upper() for value in values for c in value.split(",") if c.strip()}
    unknown = sorted(codes - RULES.keys())
    if unknown:
        raise UsageError(
            f"unknown rule code {', '.join(unknown)}: the rules are GR001 to {max(RULES)}"
        )
    return codes


def run_doctor(
    paths: list[Path],
    *,
    select: list[str],
    ignore: list[str],
    output_format: str,
    explain: str | None,
) -> int:
    """Check `paths`; 0 clean, 1 findings, 2 bad input or a file that does not parse."""
    if explain is not None:
        rule = RULES.get(explain.strip().upper())
        if rule is None:
            raise UsageError(f"unknown rule code {explain}: the rules are GR001 to {max(RULES)}")
        print(f"{rule.code}: {rule.message}\n\n{rule.explanation}")
        return 0
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    codes = frozenset((_codes(select) or set(RULES)) - _codes(ignore))

    from . import output
    from .runner import check_paths

    findings, errors, files = check_paths(paths, codes)
    sys.stdout.write(output.as_json(findings) if output_format == "json" else output.text(findings))
    for error in errors:
        print(
            f"error: {error.path}:{error.line}:{error.column}: cannot parse: {error.reason}"
            " (file not checked)",
            file=sys.stderr,
        )
    print(output.summary(findings, files), file=sys.stderr)
    if errors:
        return 2
    return 1 if findings else 0
