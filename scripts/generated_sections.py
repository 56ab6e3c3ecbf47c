"""The shared end of the scripts that write a generated section of a file (between markers).

python scripts/NAME.py            # rewrite the section
python scripts/NAME.py --check    # exit 1 if it is out of date (the tests run this)
"""

import sys
from collections.abc import Callable
from pathlib import Path


def write_or_check(path: Path, render: Callable[[str], str], script: str) -> int:
    current = path.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in sys.argv[1:]:
        if current != wanted:
            print(f"{path.name} is out of date: python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    path.write_text(wanted, encoding="utf-8")
    return 0
