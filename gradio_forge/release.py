"""Cut a release: `python -m gradio_forge.release VERSION`, then commit and tag.

It records the template as release VERSION in the history bundle shipped in the package, so
every later release can update projects made from this one, offline; sets the package version;
and dates the CHANGELOG's Unreleased section. Template changes after a release go under a
`.dev` version (e.g. 0.2.0.dev0): the test suite refuses a released version whose template
differs from its recorded snapshot.
"""

import re
import sys
from datetime import date
from pathlib import Path

from packaging.version import InvalidVersion, Version

from . import __version__
from .errors import GeneratorError
from .template_files import template_root
from .template_history import HISTORY_BUNDLE, record_release

PACKAGE = Path(__file__).resolve().parent


def release(version: str, *, today: date | None = None) -> None:
    try:
        parsed = Version(version)
    except InvalidVersion:
        raise GeneratorError(f"{version!r} is not a PEP 440 version, e.g. 0.2.0") from None
    if parsed.is_devrelease or parsed.local:
        raise GeneratorError(f"{version} is a development version: release a final one")
    if parsed < Version(__version__):
        raise GeneratorError(f"{version} is older than the current version {__version__}")
    root = template_root()
    if root == PACKAGE / "_template":
        raise GeneratorError("release from a source checkout, not from an installed wheel")
    record_release(HISTORY_BUNDLE, root, version)
    init = PACKAGE / "__init__.py"
    init.write_text(
        re.sub(r'__version__ = "[^"]*"', f'__version__ = "{version}"', init.read_text())
    )
    changelog = root / "CHANGELOG.md"
    stamp = (today or date.today()).isoformat()
    changelog.write_text(
        changelog.read_text().replace(
            "## [Unreleased]\n", f"## [Unreleased]\n\n## [{version}] - {stamp}\n", 1
        )
    )


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python -m gradio_forge.release VERSION")
    try:
        release(sys.argv[1])
    except GeneratorError as error:
        sys.exit(f"error: {error.message}")
    print(
        f"Recorded template {sys.argv[1]}. Now: git commit -am 'Release {sys.argv[1]}' "
        f"&& git tag v{sys.argv[1]}"
    )


if __name__ == "__main__":
    main()
