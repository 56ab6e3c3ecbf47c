"""The import name gradio-forge had before 0.2, kept working for the 0.2 releases only.

`generator` is another project's name on the package index; import `gradio_forge` instead.
"""

import warnings
from typing import Any

import gradio_forge

warnings.warn(
    "the `generator` module is now `gradio_forge`: change `import generator` to"
    " `import gradio_forge` (the old name goes in gradio-forge 0.3)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = gradio_forge.__all__


def __getattr__(name: str) -> Any:
    return getattr(gradio_forge, name)
