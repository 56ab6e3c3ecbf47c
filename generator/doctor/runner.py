"""Run the checks over files: walk directories, parse, honour noqa and --select/--ignore."""

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .checks import CHECKS
from .module import analyse
from .rules import RULES

SKIPPED_DIRS = frozenset({".venv", "venv", ".git", "__pycache__", "node_modules", "build", "dist"})
_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*))?", re.I)


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    code: str

    @property
    def message(self) -> str:
        return RULES[self.code].message


@dataclass(frozen=True)
class ParseError:
    path: str
    line: int
    column: int
    reason: str


def python_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file():
            yield path
            continue
        for child in sorted(path.rglob("*.py")):
            relative = child.relative_to(path).parts[:-1]
            if not SKIPPED_DIRS.intersection(relative) and child.is_file():
                yield child


def _silenced(line: str, code: str) -> bool:
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    return codes is None or code in {c.strip().upper() for c in codes.split(",")}


def check_source(source: str, path: str, codes: frozenset[str]) -> list[Finding]:
    """The findings in one module's source; raises SyntaxError when it does not parse."""
    tree = ast.parse(source, filename=path)
    module = analyse(tree)
    lines = source.splitlines()
    found = set()
    for check in CHECKS:
        for code, node in check(module):
            line = getattr(node, "lineno", 1)
            text = lines[line - 1] if line <= len(lines) else ""
            if code in codes and not _silenced(text, code):
                found.add(Finding(path, line, getattr(node, "col_offset", 0) + 1, code))
    return sorted(found)


def check_paths(
    paths: Iterable[Path], codes: frozenset[str]
) -> tuple[list[Finding], list[ParseError], int]:
    """Findings and unparsable files under `paths`, and how many files were checked."""
    findings: list[Finding] = []
    errors: list[ParseError] = []
    count = 0
    for file in python_files(paths):
        count += 1
        try:
            findings.extend(check_source(file.read_text(encoding="utf-8"), str(file), codes))
        except SyntaxError as error:
            errors.append(
                ParseError(str(file), error.lineno or 1, error.offset or 1, error.msg or "invalid")
            )
        except (UnicodeDecodeError, ValueError) as error:
            errors.append(ParseError(str(file), 1, 1, f"cannot read as UTF-8 Python: {error}"))
    return findings, errors, count
