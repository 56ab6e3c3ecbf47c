"""gradio-forge: generate production-ready Gradio 6 apps (`new-app`).

The public API is what `__all__` names: create a project, check it and update it, their
results, and the errors they raise (each with a one-line `message` and an `exit_code`).
"""

from typing import TYPE_CHECKING, Any

from .errors import GeneratorError, Interrupted, UsageError

__version__ = "0.2.0.dev0"
_VERSION_LINE = f"new-app (gradio-forge) {__version__}"

if TYPE_CHECKING:
    from .creation import CreateResult, create
    from .updating import CheckResult, UpdateResult, check, update

__all__ = [
    "CheckResult",
    "CreateResult",
    "GeneratorError",
    "Interrupted",
    "UpdateResult",
    "UsageError",
    "__version__",
    "check",
    "create",
    "update",
]

# The modules of the names that pull in copier, imported on first use: `import gradio_forge`
# (and `new-app --version`) stays light.
_LAZY = {
    "create": "creation",
    "CreateResult": "creation",
    "check": "updating",
    "update": "updating",
    "CheckResult": "updating",
    "UpdateResult": "updating",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
