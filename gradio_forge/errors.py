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


class Interrupted(GeneratorError):
    """Ctrl-C (or SIGTERM, SIGHUP), after cleaning up: the message says in what state things
    were left. The exit code is 128 + the signal's number (see `interrupts.exit_code`)."""

    exit_code = 130
