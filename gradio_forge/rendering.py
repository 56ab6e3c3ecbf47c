"""Every call into copier and its internals: render the template, update a project, copier's
errors in words, and the hook that keeps the Jinja code copier compiles between runs.

Each call runs in new-app's template repository (template_history.py), with the Jinja code
copier compiles kept between runs (compiled_templates.py), and with copier's temporary files
(its clone of the template, its renders) in a scratch directory of new-app's, removed whatever
happens, so that a Ctrl-C never leaves them behind. copier takes no such directory as an
option: the standard `tempfile.tempdir` points there while it runs.
"""

import functools
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from . import compiled_templates, interrupts
from .errors import GeneratorError
from .template_history import TemplateSource, template_repository


def render(
    destination: Path,
    answers: Mapping[str, Any],
    source: TemplateSource,
    *,
    version: str | None = None,
) -> list[str]:
    """Render `source` (or its released `version`) with `answers` into `destination`.

    Returns the paths of the files written, relative to `destination`, sorted.
    """
    import copier
    from copier.errors import CopierError
    from plumbum import ProcessExecutionError

    with _copier_session(source) as (src_path, installed_tag):
        try:
            copier.run_copy(
                src_path,
                destination,
                data=dict(answers),
                defaults=True,
                quiet=True,
                vcs_ref=version or installed_tag,
            )
        except (CopierError, ProcessExecutionError) as error:
            raise GeneratorError(
                f"copier could not render the template: {_in_one_line(error)}; nothing was"
                f" changed{_space_hint(error)}"
            ) from None
    return sorted(
        path.relative_to(destination).as_posix()
        for path in destination.rglob("*")
        if path.is_file()
    )


def update(
    project: Path, changes: Mapping[str, Any], source: TemplateSource, *, version: str
) -> None:
    """copier's 3-way update of `project` to `version` with changed answers `changes`.

    Conflicts are left in the files, marked inline; copier reports them as a success.
    """
    import copier
    from copier.errors import CopierError
    from plumbum import ProcessExecutionError

    with _copier_session(source):
        try:
            copier.run_update(
                project,
                data=dict(changes),
                vcs_ref=version,
                overwrite=True,
                defaults=True,
                skip_answered=True,
                conflict="inline",
                quiet=True,
            )
        except (CopierError, ProcessExecutionError) as error:
            raise GeneratorError(
                f"the update failed: {_in_one_line(error)}{_space_hint(error)}"
            ) from None
        except OSError as error:
            raise GeneratorError(f"the update failed: {error.strerror or error}") from None


def _in_one_line(error: Exception) -> str:
    """copier's error in one line. When git failed under copier, plumbum's message spans the
    exit code, the command line and all of git's output: git's own last line says why."""
    stderr = getattr(error, "stderr", None)
    if isinstance(stderr, str) and hasattr(error, "retcode"):
        said = [line.strip() for line in stderr.splitlines() if line.strip()]
        return f"git: {said[-1]}" if said else f"git exited with {error.retcode}"
    return " ".join(str(error).split())


def _space_hint(error: Exception) -> str:
    # copier's clone and renders live in the temporary directory, not in the destination.
    if "No space left on device" in _in_one_line(error):
        return f" (free some space in {tempfile.gettempdir()})"
    return ""


@contextmanager
def _copier_session(source: TemplateSource) -> Iterator[tuple[str, str]]:
    """What each copier call runs in: new-app's template repository (its path and the installed
    tree's tag), the kept compiled code, and a scratch directory as the temporary one."""
    with (
        template_repository(source) as (src_path, tag),
        kept_for_copier(),
        interrupts.scratch_directory() as scratch,
    ):
        previous, tempfile.tempdir = tempfile.tempdir, str(scratch)
        try:
            yield src_path, tag
        finally:
            tempfile.tempdir = previous


@contextmanager
def kept_for_copier() -> Iterator[None]:
    """Within the block, copier reuses the code it compiled in earlier runs.

    copier builds an environment per Worker (an update makes several), so the hook is its
    Worker's `jinja_env`. A copier built otherwise compiles as it always has.
    """
    worker = copier_worker()
    if worker is None:
        yield
        return
    original = worker.__dict__["jinja_env"]
    cache = copier_cache()

    def jinja_env(worker: Any) -> jinja2.Environment:
        environment = original.func(worker)
        compiled_templates.keep_compiled(environment, cache)
        return environment

    kept = cached_property(jinja_env)
    kept.__set_name__(worker, "jinja_env")
    worker.jinja_env = kept  # type: ignore[attr-defined]
    try:
        yield
    finally:
        worker.jinja_env = original  # type: ignore[attr-defined]


def copier_worker() -> type | None:
    """copier's Worker class if it has the shape the hook relies on, else None.

    Worker lives in the internal `copier._main` from copier 9.7 (`copier.main` before), and
    `jinja_env` must be a cached_property; with any other copier, nothing is kept, nothing breaks.
    """
    try:
        from copier._main import Worker
    except ImportError:
        return None
    if not isinstance(Worker.__dict__.get("jinja_env"), cached_property):
        return None
    return Worker


@functools.cache
def copier_cache() -> compiled_templates.BytecodeCache:
    return compiled_templates.BytecodeCache("copier")
