"""Where the copier template lives: inside the wheel, or at the root of a source checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def template_root() -> Path:
    """The directory holding copier.yml (the wheel bundles it as `gradio_forge/_template`)."""
    bundled = _PACKAGE / "_template"
    return bundled if (bundled / "copier.yml").is_file() else _PACKAGE.parent


def copier_yml() -> Path:
    return template_root() / "copier.yml"
