"""gradio-forge: generate production-ready Gradio 6 apps (`new-app`)."""

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0.dev0"
VERSION_LINE = f"new-app (gradio-forge) {__version__}"

if TYPE_CHECKING:
    from .project import Result, create

__all__ = ["VERSION_LINE", "Result", "__version__", "create"]


def __getattr__(name: str) -> Any:
    # `create` pulls in copier; keep `import generator` (and `new-app --version`) light.
    if name in {"create", "Result"}:
        from . import project as module

        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
