"""`python -m gradio_forge` and the `new-app` command."""

import sys

from . import _VERSION_LINE


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # answered before the command line is built
        print(_VERSION_LINE)
        return
    try:
        from . import interrupts

        interrupts.stop_like_ctrl_c()
        from .cli import main as run

        run()
    except KeyboardInterrupt:  # while loading, before any command started
        from . import interrupts  # again: a Ctrl-C may have cut its import short

        print(interrupts.stopped("nothing changed"), file=sys.stderr)
        interrupts.leave(interrupts.exit_code())
    except SystemExit as done:
        from . import interrupts

        interrupts.leave(done.code)


if __name__ == "__main__":
    main()
