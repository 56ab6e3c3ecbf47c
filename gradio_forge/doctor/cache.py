"""Results of files that have not changed since the last run, as ruff keeps them.

One cache file per working directory and rule selection, under $XDG_CACHE_HOME (or
~/.cache)/gradio-forge/doctor. An entry is reused while the file's size and modification time
are the same, or its contents hash the same; the doctor's own code and API file are part of
the key, so a new doctor never reads an old doctor's results. Nothing is written into the
project. `--no-cache` turns it off.
"""

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).parent


def _directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gradio-forge" / "doctor"


def _key(codes: frozenset[str]) -> str:
    """Which cache file: this directory, these rules, and this doctor (its code and data)."""
    digest = hashlib.sha256(str(Path.cwd().resolve()).encode())
    digest.update(",".join(sorted(codes)).encode())
    for path in [*sorted(_PACKAGE.glob("*.py")), _PACKAGE / "gradio_api.json"]:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


class Cache:
    def __init__(self, codes: frozenset[str]) -> None:
        self.path = _directory() / f"{_key(codes)}.pickle"
        self.entries: dict[str, tuple[int, int, str, Any]] = {}
        self.changed = False
        try:
            with self.path.open("rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.entries = {}

    def get(self, path: Path) -> Any | None:
        """The stored result for `path`, when the file is as it was (None otherwise)."""
        entry = self.entries.get(str(path))
        if entry is None:
            return None
        size, mtime, digest, result = entry
        try:
            stat = path.stat()
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
            return result
        try:
            same = hashlib.sha256(path.read_bytes()).hexdigest() == digest
        except OSError:
            return None
        if same:
            self.entries[str(path)] = (stat.st_size, stat.st_mtime_ns, digest, result)
            self.changed = True
        return result if same else None

    def put(self, path: Path, result: Any) -> None:
        try:
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return
        self.entries[str(path)] = (stat.st_size, stat.st_mtime_ns, digest, result)
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self.entries, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only home: the run still works, just without a cache
