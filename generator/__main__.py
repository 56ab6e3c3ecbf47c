"""`python -m generator` and the `new-app` command."""

import sys

from . import VERSION_LINE
from .errors import INTERRUPTED_EARLY


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # answered before the command line is built
        print(VERSION_LINE)
        return
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:  # while loading, before any command started
        print(INTERRUPTED_EARLY, file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":
    main()
