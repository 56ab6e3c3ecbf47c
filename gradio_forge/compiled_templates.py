"""Compiled Jinja templates kept between runs, for the questionnaire and for copier.

Compiling is about a quarter of a run: copier compiles every template file and every copier.yml
expression, nearly 400 of them, each time. Jinja's own bytecode cache cannot serve copier: it
covers only templates loaded by name, keyed by file path, and copier loads its files from a
fresh clone each run. So compiled code is keyed by what decides it instead: the source, the
template's name and the environment's settings.

Jinja also runs filters and tests whose arguments are constants while compiling, and writes
their results into the code: kept code would keep `'%Y' | strftime` at the year it was compiled
in. So in an environment whose code is kept, every filter and test runs when rendering.

Jinja checks each entry against its source, its own format and Python's version. A cache that
cannot be read or written is simply not used; deleting it only costs the next run the compiling.
"""

import atexit
import functools
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import Environment, pass_context, pass_environment, pass_eval_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context

from . import interrupts
from .template_history import TEMPLATE_URL

DIRECTORY = str(Path(TEMPLATE_URL).parent / "jinja")  # beside the template cache, `~` unexpanded
# How Jinja's public decorators mark what a filter takes (its `jinja_pass_arg` attribute). A
# Jinja that marks them otherwise finds None here: then nothing is kept, and it compiles as ever.
_CONTEXT, _EVAL_CONTEXT, _ENVIRONMENT = (
    getattr(mark(lambda value: value), "jinja_pass_arg", None)
    for mark in (pass_context, pass_eval_context, pass_environment)
)
_LIMIT = 2000  # entries in one file; a template version needs a few hundred


class BytecodeCache(jinja2.BytecodeCache):
    """Compiled templates of one kind of environment, in one file: it is read at the first
    lookup and, if anything was added, written back once as the process exits (one file, not
    one per template: creating files is what a first run would otherwise spend its time on)."""

    def __init__(self, kind: str) -> None:
        self.path = Path(DIRECTORY).expanduser() / f"{kind}.cache"
        self._entries: dict[str, bytes] | None = None
        self._used: set[str] = set()
        self._changed = False
        # copier compiles many sources several times a run: each is unpacked once.
        self.in_memory: dict[str, CodeType] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._stored().get(bucket.key)
        if isinstance(data, bytes):
            self._used.add(bucket.key)
            try:
                bucket.bytecode_from_string(data)  # left empty if stale
            except Exception:  # damaged: Jinja only expects a truncated entry
                bucket.reset()
            if not isinstance(bucket.code, CodeType | None):
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._stored()[bucket.key] = bucket.bytecode_to_string()
        self._used.add(bucket.key)
        if not self._changed:
            self._changed = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the entries back, keeping only this run's once there are more than
        `_LIMIT` (each template version adds some), and remove the one-file-per-template
        entries of gradio-forge 0.1."""
        if not self._changed or self._entries is None:
            return
        self._changed = False
        entries = self._entries
        if len(entries) > _LIMIT:
            entries = {key: data for key, data in entries.items() if key in self._used}
        # Written aside, then renamed: a concurrent run reads the old file or the new one.
        with interrupts.held(), suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name)
            try:
                with os.fdopen(descriptor, "wb") as file:
                    file.write(marshal.dumps(entries))
                os.replace(temporary, self.path)
            finally:
                with suppress(FileNotFoundError):
                    os.unlink(temporary)
            for legacy in self.path.parent.glob(f"{self.path.stem}-*.cache"):
                legacy.unlink(missing_ok=True)

    def _stored(self) -> dict[str, bytes]:
        if self._entries is None:
            self._entries = {}
            with suppress(OSError, EOFError, ValueError, TypeError):
                stored = marshal.loads(self.path.read_bytes())
                if isinstance(stored, dict):
                    self._entries = stored
        return self._entries


def keep_compiled(environment: Environment, cache: BytecodeCache) -> None:
    """Make `environment` compile each template once, into `cache`, and reuse it afterwards.

    At its first compile, its filters and tests are replaced by ones Jinja only runs when
    rendering (see above); called directly, they work as before. It cannot be overlaid: an
    overlay would compile with its parent's settings.
    """
    if None in (_CONTEXT, _EVAL_CONTEXT, _ENVIRONMENT):
        return
    compile_now = environment.compile
    settings = ""

    def compile(
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        nonlocal settings
        if raw or defer_init or not isinstance(source, str):
            return compile_now(source, name, filename, raw, defer_init)
        # Read at the first compile: Jinja leaves changing an environment after that undefined.
        if not settings:
            for table in (environment.filters, environment.tests):
                table.update({key: _at_render_time(value) for key, value in table.items()})
            settings = _settings(environment)
        escaping = autoescape(name) if callable(autoescape := environment.autoescape) else None
        key = repr((settings, name, escaping, source))
        code = cache.in_memory.get(key)
        if code is None:
            bucket = cache.get_bucket(environment, key, None, source)
            if bucket.code is None:
                code = cache.in_memory[key] = compile_now(source, name, filename)
                bucket.code = code
                cache.set_bucket(bucket)
                return code
            code = cache.in_memory[key] = bucket.code
        # Extensions see each source before it is parsed; copier's yield tag resets its state
        # there, so that runs even when the parse does not.
        environment.preprocess(source, name, filename)
        return _located(code, filename or "<template>")

    def overlay(**_: Any) -> Environment:
        raise TypeError("an environment whose compiled templates are kept cannot be overlaid")

    environment.compile = compile  # type: ignore[method-assign]
    environment.overlay = overlay  # type: ignore[method-assign]


def _at_render_time(function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` as a filter or test Jinja never runs while compiling: one taking the context."""
    passed = getattr(function, "jinja_pass_arg", None)
    if passed is _CONTEXT:
        return function

    @pass_context
    @functools.wraps(function)
    def deferred(context: Context, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(context, Context):  # called directly, not from a template
            return function(context, *args, **kwargs)
        if passed is _EVAL_CONTEXT:
            return function(context.eval_ctx, *args, **kwargs)
        if passed is _ENVIRONMENT:
            return function(context.environment, *args, **kwargs)
        return function(*args, **kwargs)

    return deferred


def _settings(environment: Environment) -> str:
    """A digest of everything besides source and name that shapes the compiled code: Jinja's
    version, the syntax, the extensions' code, `finalize` (applied to constants while compiling)
    and which filters and tests exist (all take the context by now)."""
    e = environment
    settings = (
        jinja2.__version__,
        f"{type(e).__module__}.{type(e).__qualname__}",
        (e.block_start_string, e.block_end_string, e.variable_start_string),
        (e.variable_end_string, e.comment_start_string, e.comment_end_string),
        (e.line_statement_prefix, e.line_comment_prefix, e.newline_sequence),
        (e.trim_blocks, e.lstrip_blocks, e.keep_trailing_newline, e.optimized, e.is_async),
        # A function's repr names its address: such settings are never matched, only missed.
        (e.autoescape if not callable(e.autoescape) else "callable", repr(e.finalize)),
        sorted((name, _code_of(type(extension))) for name, extension in e.extensions.items()),
        sorted(e.filters),
        sorted(e.tests),
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()


def _code_of(kind: type) -> tuple[str, int, int]:
    """Which code a class has: its module file's path, size and time (an upgrade changes them)."""
    path = getattr(sys.modules.get(kind.__module__), "__file__", None) or ""
    try:
        status = os.stat(path)
    except OSError:
        return (path, 0, 0)
    return (path, status.st_size, status.st_mtime_ns)


def _located(code: CodeType, filename: str) -> CodeType:
    """`code` as if compiled from `filename`: Jinja names a template's file after it."""
    if code.co_filename == filename:
        return code
    constants = tuple(
        _located(constant, filename) if isinstance(constant, CodeType) else constant
        for constant in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=constants)
