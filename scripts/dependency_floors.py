"""Print pip constraints pinning each runtime dependency to the lowest version pyproject allows.

`pip install -e '.[test]' -c <(python scripts/dependency_floors.py)` then tests the floors that
pyproject.toml promises, so they stay true (the CI's lowest-versions job, .ci/run).
"""

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def floors(dependencies: list[str]) -> list[str]:
    """`name==X` for every requirement with a `>=X` bound; a dependency without one is refused."""
    pins = []
    for line in dependencies:
        requirement = Requirement(line)
        lowest = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lowest) != 1:
            raise SystemExit(f"pyproject.toml: give {requirement.name} one >= floor to test")
        pins.append(f"{requirement.name}=={lowest[0]}")
    return pins


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    sys.stdout.write("".join(f"{pin}\n" for pin in floors(project["dependencies"])))


if __name__ == "__main__":
    main()
