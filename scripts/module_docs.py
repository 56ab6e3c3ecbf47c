"""Write README.md's module map from each module's docstring, its one definition.

    python scripts/module_docs.py [--check]

Every module of the package, of its subpackages and of scripts/, with the first paragraph of
its docstring: a module without one fails here, so the map never has a gap.
"""

import ast
import re
import sys
from pathlib import Path

from generated_sections import write_or_check

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"(<!-- modules:start -->\n).*?(<!-- modules:end -->)", re.S)
FOLDERS = ("gradio_forge", "generator", "scripts")


def summary(path: Path) -> str:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if not docstring:
        raise SystemExit(f"{path.relative_to(ROOT)} has no docstring: say what the module holds")
    return " ".join(docstring.split("\n\n", 1)[0].split())


def module_table() -> str:
    lines = ["| module | what it holds |", "| --- | --- |"]
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "_template" in path.parts or "__pycache__" in path.parts:
                continue
            text = summary(path).replace("|", "\\|")
            lines.append(f"| `{path.relative_to(ROOT).as_posix()}` | {text} |")
    return "\n".join(lines) + "\n"


def render(readme: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + module_table() + m.group(2), readme)


def main() -> int:
    return write_or_check(README, render, "module_docs.py")


if __name__ == "__main__":
    sys.exit(main())
