"""Errors the user can fix: each carries one line that names the fix, and an exit code."""


class GeneratorError(Exception):
    """A failure explained in one line; `exit_code` follows the shell's conventions."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(GeneratorError):
    """Bad input: a wrong answer, a missing flag, a destination we must not touch."""

    exit_code = 2


# Said on Ctrl-C before a command started its work.
INTERRUPTED_EARLY = "interrupted: nothing changed"


class Interrupted(GeneratorError):
    """Ctrl-C, after cleaning up: the message says in what state things were left."""

    exit_code = 130
