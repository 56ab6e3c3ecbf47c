"""Run the checks over files: parse each once, honour noqa and --select/--ignore, isolate failures.

A file that cannot be read, decoded or parsed (Python 2 code, a NUL byte, a symlink loop, a
tree too deep for the analysis) becomes one FileError and the run goes on. Many files are
checked in parallel, by forked copies of this process (serially where there is no fork).
"""

import ast
import contextlib
import os
import pickle
import re
import signal
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import api as gradio_api
from . import api_checks  # noqa: F401  (registers the API family's check)
from .analysis import analyse
from .checks import CHECKS
from .fixes import Fix, Found
from .rules import RULES
from .sources import Unreadable, python_files, read_source

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*))?", re.I)
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int  # 1-based, in characters
    code: str
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)


@dataclass(frozen=True)
class FileError:
    path: str
    line: int
    column: int
    reason: str


def _silenced(line: str, code: str) -> bool:
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    return codes is None or code in {c.strip().upper() for c in codes.split(",")}


def _location(node: ast.AST) -> tuple[int, int, int, int]:
    """Where a finding is shown: a method call at its method's name, so noqa works there."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        func = node.func
        end_line, end_col = func.end_lineno or func.lineno, func.end_col_offset or 0
        start = end_col - len(func.attr.encode())
        return end_line, start, node.end_lineno or end_line, node.end_col_offset or end_col
    line = getattr(node, "lineno", 1)
    col = getattr(node, "col_offset", 0)
    return (
        line,
        col,
        getattr(node, "end_lineno", None) or line,
        getattr(node, "end_col_offset", None) or col,
    )


def _characters(text: str, byte_column: int) -> int:
    if text.isascii():
        return byte_column
    return len(text.encode()[:byte_column].decode(errors="ignore"))


def check_source(source: str, path: str, codes: frozenset[str]) -> list[Finding]:
    """The findings in one module's source; raises SyntaxError when it does not parse."""
    with warnings.catch_warnings():  # the user's invalid escapes are theirs, not the doctor's
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        tree = ast.parse(source, filename=path)
    if "gradio" not in source:
        return []  # every rule needs an import of gradio or gradio_client
    facts = analyse(tree, source)
    lines = source.splitlines()
    found: dict[tuple, Finding] = {}
    for check, declared in CHECKS:
        if not declared & codes:
            continue
        for item in check(facts):
            if item.code not in declared:
                raise AssertionError(f"{check.__name__} emitted {item.code}, not one of its codes")
            if item.code not in codes:
                continue
            finding = _finding(item, path, lines)
            if finding is not None:
                found.setdefault((finding.line, finding.column, finding.code), finding)
    return sorted(found.values())


def _finding(item: Found, path: str, lines: list[str]) -> Finding | None:
    line, col, end_line, end_col = _location(item.node)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if _silenced(text, item.code):
        return None
    end_text = lines[end_line - 1] if 0 < end_line <= len(lines) else ""
    return Finding(
        path,
        line,
        _characters(text, col) + 1,
        item.code,
        end_line,
        _characters(end_text, end_col) + 1,
        item.message or RULES[item.code].message,
        item.fix,
    )


def check_file(path: Path, codes: frozenset[str]) -> tuple[list[Finding], FileError | None]:
    """One file's findings, or the one error that stopped it: nothing escapes."""
    name = str(path)
    try:
        _, source = read_source(path)
        return check_source(source, name, codes), None
    except Unreadable as error:
        return [], FileError(name, 1, 1, str(error))
    except SyntaxError as error:
        return [], FileError(
            name, error.lineno or 1, error.offset or 1, f"cannot parse: {error.msg}"
        )
    except ValueError as error:  # NUL bytes (Python 3.11)
        return [], FileError(name, 1, 1, f"cannot parse: {error}")
    except RecursionError:
        return [], FileError(name, 1, 1, "cannot analyse: the code is nested too deeply")
    except MemoryError:
        return [], FileError(name, 1, 1, "cannot analyse: out of memory")
    except Exception as error:  # a bug in a check must not cost the other files their findings
        return [], FileError(name, 1, 1, f"internal error ({type(error).__name__}: {error})")


def check_paths(
    paths: Iterable[Path],
    codes: frozenset[str],
    *,
    respect_gitignore: bool = True,
    jobs: int | None = None,
    cache: bool = False,
) -> tuple[list[Finding], list[FileError], int]:
    """Findings and unreadable files under `paths`, and how many files were looked at."""
    files = list(python_files(paths, respect_gitignore=respect_gitignore))
    store = None
    if cache:
        from .cache import Cache

        store = Cache(codes)
    results: list[tuple[list[Finding], FileError | None] | None] = [
        store.get(path) if store is not None else None for path in files
    ]
    todo = [index for index, result in enumerate(results) if result is None]
    for index, result in zip(todo, _check_all([files[i] for i in todo], codes, jobs), strict=True):
        results[index] = result
        if store is not None:
            store.put(files[index], result)
    if store is not None:
        store.save()
    done = [result for result in results if result is not None]
    findings = sorted(f for found, _ in done for f in found)
    errors = [error for _, error in done if error is not None]
    return findings, errors, len(files)


def _check_all(
    files: list[Path], codes: frozenset[str], jobs: int | None
) -> list[tuple[list[Finding], FileError | None]]:
    """Each file's result, in order. Many files are shared among forked copies of this
    process (which start at once, with everything loaded): one share is checked here, every
    other in a child that hands its results back through a pipe."""
    workers = min(jobs or _cores(), max(1, len(files) // (PARALLEL_FROM // 2)))
    if workers <= 1 or len(files) < PARALLEL_FROM or not hasattr(os, "fork"):
        return [check_file(path, codes) for path in files]
    gradio_api.load()  # once, here: every child has it from the start
    shares = [files[i::workers] for i in range(workers)]  # interleaved: alike in size
    children: list[tuple[int, int]] = []
    try:
        for share in shares[1:]:
            children.append(_fork(share, codes))
        results = [[check_file(path, codes) for path in shares[0]]]
        for share in shares[1:]:
            pid, pipe = children.pop(0)
            results.append(_collect(pid, pipe, share, codes))
    finally:
        for pid, pipe in children:  # stopped (Ctrl-C) before a child was heard: it stops too
            with contextlib.suppress(OSError):
                os.close(pipe)
            _stop(pid)
    return [results[i % workers][i // workers] for i in range(len(files))]


def _fork(share: list[Path], codes: frozenset[str]) -> tuple[int, int]:
    """A child process checking `share`; its pid and the pipe its results come through."""
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return pid, read
    code = 1
    try:  # the child: nothing of the parent's (output buffers, exit handlers) runs here
        os.close(read)
        data = pickle.dumps([check_file(path, codes) for path in share], pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as stream:
            stream.write(data)
        code = 0
    finally:
        os._exit(code)


def _collect(
    pid: int, pipe: int, share: list[Path], codes: frozenset[str]
) -> list[tuple[list[Finding], FileError | None]]:
    try:
        with os.fdopen(pipe, "rb") as stream:
            data = stream.read()
    except BaseException:  # stopped while waiting for it: the child stops too
        _stop(pid)
        raise
    _, status = os.waitpid(pid, 0)
    if status == 0:
        return pickle.loads(data)
    # The child died (killed, out of memory): its files are checked here instead.
    return [check_file(path, codes) for path in share]


def _stop(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)


def _cores() -> int:
    """The cores this process may run on (a container's cpuset, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
