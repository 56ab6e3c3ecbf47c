"""Write into copier.yml the import names of the requirements the template declares.

    python scripts/dependency_imports.py          # rewrite the generated block of copier.yml
    python scripts/dependency_imports.py --check  # exit 1 when copier.yml is out of date

A project whose package has one of these names hides that module from its own dependencies
(`fastapi`, `numpy`, ...), so copier.yml's project_name validator refuses them. The names come
from the metadata (top_level.txt, else RECORD) of the installed distributions: every
requirement of runtime_requirements and of the dev extra, and theirs in turn, so run it where
the template's requirements are installed (tests/test_answers.py does, after installing them).
"""

import re
import sys
from importlib import metadata
from pathlib import Path

from generated_sections import write_or_check
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
COPIER_YML = ROOT / "copier.yml"
PYPROJECT = ROOT / "template" / "pyproject.toml.jinja"
_BLOCK = re.compile(r"(# dependency-imports:start\n).*?(  # dependency-imports:end)", re.S)
# A requirement line of runtime_requirements (a YAML list inside Jinja), and the dev extra.
_RUNTIME = re.compile(r"^\s*- ([A-Za-z0-9][A-Za-z0-9._-]*)", re.M)
_DEV = re.compile(r"^dev = \[(.*)\]$", re.M)


def declared() -> set[str]:
    """Every distribution the template can declare, whatever the answers."""
    config = COPIER_YML.read_text(encoding="utf-8")
    runtime = config.split("\nruntime_requirements:\n", 1)[1].split("\n\n", 1)[0]
    names = set(_RUNTIME.findall(runtime))
    dev = _DEV.search(PYPROJECT.read_text(encoding="utf-8"))
    if dev:
        names |= {Requirement(item.strip().strip('"')).name for item in dev[1].split(",")}
    return {canonicalize_name(name) for name in names}


def closure(names: set[str]) -> set[str]:
    """The distributions `names` need, and theirs; extras are not followed.

    Platform markers are not evaluated: a dependency of another platform (colorama on
    Windows) still counts where it is installed.
    """
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            if name in names:
                raise SystemExit(
                    f"{name} is not installed: install the template's requirements first"
                ) from None
            continue  # a dependency of another platform
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker and "extra" in str(requirement.marker):
                continue
            todo.append(canonicalize_name(requirement.name))
    return seen


def import_names(distributions: set[str]) -> list[str]:
    names = set()
    for module, owners in metadata.packages_distributions().items():
        wanted = any(canonicalize_name(owner) in distributions for owner in owners)
        if wanted and module.isidentifier() and not module.startswith("_"):
            names.add(module.lower())
    return sorted(names)


def block() -> str:
    """The YAML default: a folded list, wrapped to copier.yml's line length."""
    lines, line = [], "    ["
    for name in import_names(closure(declared())):
        item = f"{name}, "
        if len(line) + len(item) > 100:
            lines.append(line.rstrip())
            line = "    "
        line += item
    lines.append(line.rstrip().rstrip(",") + "]")
    return "  default: >-\n" + "\n".join(lines) + "\n"


def render(config: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + block() + m.group(2), config)


def main() -> int:
    return write_or_check(COPIER_YML, render, "dependency_imports.py")


if __name__ == "__main__":
    sys.exit(main())
