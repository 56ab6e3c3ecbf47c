"""`new-app doctor`: find Gradio production traps and the APIs Gradio 6 removed, and fix them.

The user's code is parsed (ast, and libcst for --fix), never imported or run; neither is Gradio:
its API comes from gradio_api.json, generated from the pinned Gradio.
"""

import os
import sys
import tempfile
from pathlib import Path

from ..errors import UsageError
from .rules import RULES

__all__ = ["RULES", "run_doctor"]


def _codes(values: list[str]) -> set[str]:
    codes = {c.strip().upper() for value in values for c in value.split(",") if c.strip()}
    unknown = sorted(codes - RULES.keys())
    if unknown:
        raise UsageError(
            f"unknown rule code {', '.join(unknown)}: see `new-app doctor --explain CODE`; the"
            f" rules are {', '.join(sorted(RULES))}"
        )
    return codes


def run_doctor(
    paths: list[Path],
    *,
    select: list[str],
    ignore: list[str],
    output_format: str,
    explain: str | None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    respect_gitignore: bool = True,
    cache: bool = False,
) -> int:
    """Check (and fix) `paths`; 0 clean, 1 findings left, 2 bad input or a file not checked."""
    if explain is not None:
        rule = RULES.get(explain.strip().upper())
        if rule is None:
            raise UsageError(
                f"unknown rule code {explain}: the rules are {', '.join(sorted(RULES))}"
            )
        print(f"{rule.code}: {rule.message}\n\n{rule.text}")
        return 0
    missing = [str(path) for path in paths if not path.exists() and not path.is_symlink()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    if diff and output_format == "json":
        raise UsageError("--diff prints a diff, not JSON: drop --format json")
    codes = frozenset((_codes(select) or set(RULES)) - _codes(ignore))

    from . import output
    from .runner import check_paths

    findings, errors, files = check_paths(
        paths, codes, respect_gitignore=respect_gitignore, cache=cache
    )
    fixed = 0
    if fix or diff:
        findings, fixed, diffs = _fix(findings, codes, unsafe=unsafe_fixes, write=not diff)
        sys.stdout.write("".join(diffs))
    if output_format == "json":
        sys.stdout.write(output.as_json(findings, errors))
    elif not diff:
        sys.stdout.write(output.text(findings, unsafe=unsafe_fixes))
    sys.stderr.write(output.errors_text(errors))
    fixable = sum(1 for f in findings if f.fix is not None and (f.fix.safe or unsafe_fixes))
    counts = output.Counts(
        files=files,
        errors=len(errors),
        with_findings=len({f.path for f in findings}),
        findings=len(findings),
        fixed=fixed,
        fixable=fixable,
        hidden=sum(
            1 for f in findings if f.fix is not None and not f.fix.safe and not unsafe_fixes
        ),
    )
    print(output.summary(counts, fixing=fix or diff), file=sys.stderr)
    if errors:
        return 2
    if diff:
        return 1 if fixed else 0
    return 1 if findings else 0


def _fix(
    findings: list, codes: frozenset[str], *, unsafe: bool, write: bool
) -> tuple[list, int, list[str]]:
    """Fix every file with a fixable finding; the findings left, how many were fixed, diffs."""
    from . import output
    from .fixer import applicable, fix_source
    from .sources import decode

    by_path: dict[str, list] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    left, fixed, diffs = [], 0, []
    for path, found in by_path.items():
        if not applicable(found, unsafe):
            left += found
            continue
        data = Path(path).read_bytes()
        result = fix_source(data, path, codes, unsafe=unsafe)
        left += result.remaining
        fixed += result.fixed
        if result.data == data:
            continue
        if write:
            _write(Path(path), result.data)
        else:
            diffs.append(output.diff(path, decode(data), decode(result.data)))
    return sorted(left), fixed, diffs


def _write(path: Path, data: bytes) -> None:
    """Replace a file's contents atomically, keeping its mode (and writing through symlinks)."""
    target = path.resolve()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
