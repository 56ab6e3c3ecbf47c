"""Print each module of the package with its line count and what it imports from the package.

    python scripts/module_map.py [PACKAGE_DIR]

For reviews of the architecture: run it before and after a change and compare.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_imports(path: Path, package_dir: Path) -> list[str]:
    """Modules of the package that `path` imports, relative ones resolved, sorted."""
    package = package_dir.name
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(package_dir.parent).with_suffix("").parts
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                module = ".".join((*base, *filter(None, [node.module])))
                targets = [module] if node.module else [f"{module}.{a.name}" for a in node.names]
            else:
                targets = [node.module or ""]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        names.update(_module(t, package_dir) for t in targets if t.split(".")[0] == package)
    return sorted(names - {path.relative_to(package_dir).with_suffix("").as_posix()})


def _module(dotted: str, package_dir: Path) -> str:
    """The module a dotted name lives in: `gradio_forge.errors.UsageError` -> `errors`."""
    parts = dotted.split(".")[1:]
    while parts and not any(
        (package_dir.joinpath(*parts[:-1]) / f"{parts[-1]}{end}").exists() for end in (".py", "")
    ):
        parts.pop()
    return "/".join(parts) or "__init__"


def main() -> None:
    package_dir = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "gradio_forge"
    total = 0
    for path in sorted(package_dir.rglob("*.py")):
        if "_template" in path.parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        total += lines
        name = path.relative_to(package_dir).as_posix()
        print(f"{lines:5}  {name:28} {', '.join(package_imports(path, package_dir))}")
    print(f"{total:5}  total")


if __name__ == "__main__":
    main()
