"""Every release of the template, available offline, at a path that means the same everywhere.

copier updates a project by rendering the template version the project was made from (`_commit`
in .copier-answers.yml) from the source it recorded (`_src_path`), then merging. So new-app
records `~/.cache/gradio-forge/template` (copier expands the `~`) and, before each render,
rebuilds that repository from the git bundle shipped in the package (one snapshot per release)
plus the installed template, tagged with the installed version. A project copied to another
machine therefore updates there too.

A development version (0.2.0.dev0, what a clone installs) names no single template: it changes
with every edit. Each of its trees gets a tag of its own, a PEP 440 local version such as
`0.2.0.dev0+3.g1a2b3c4d5e6f` (the 3rd tree this cache saw for 0.2.0.dev0, then the tree's hash),
and every such tag is kept. PEP 440 orders them by that sequence number, in the order they were
made, and all before 0.2.0: a project made at any of them updates to a later one, or to the
release, like from a release. Only this cache holds them; `restore_snapshot` rebuilds one on
another machine from a template with the same tree.
"""

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from . import __version__, git
from .errors import GeneratorError
from .questions import read_copier_yml
from .template_files import template_root

TEMPLATE_URL = "~/.cache/gradio-forge/template"
HISTORY_BUNDLE = Path(__file__).resolve().parent / "template-history.bundle"

# Snapshot commits have a fixed author, date and no parent, so one template tree always makes
# the same commit on every machine: a tag rebuilt from the bundle is the tag that was released.
_SNAPSHOT_IDENTITY = {
    "GIT_AUTHOR_NAME": "gradio-forge",
    "GIT_AUTHOR_EMAIL": "gradio-forge@localhost",
    "GIT_AUTHOR_DATE": "2000-01-01T00:00:00+0000",
    "GIT_COMMITTER_NAME": "gradio-forge",
    "GIT_COMMITTER_EMAIL": "gradio-forge@localhost",
    "GIT_COMMITTER_DATE": "2000-01-01T00:00:00+0000",
}
_NO_SIGNING = ("-c", "commit.gpgSign=false", "-c", "tag.gpgSign=false")
# The local part of a development snapshot's tag: its sequence number, then its tree's hash.
_SNAPSHOT_LOCAL = re.compile(r"(\d+)\.g([0-9a-f]{12,40})")
# In the repository's .git: what it was last built from, and the tags that build left.
_STAMP = "gradio-forge-built-from"


@dataclass(frozen=True)
class TemplateSource:
    """A template tree (copier.yml and template/), its version, and the released history."""

    root: Path
    version: str
    history: Path | None = None


def installed_source() -> TemplateSource:
    return TemplateSource(
        template_root(), __version__, HISTORY_BUNDLE if HISTORY_BUNDLE.is_file() else None
    )


@contextmanager
def template_repository(source: TemplateSource) -> Iterator[tuple[str, str]]:
    """Yield (src_path, vcs_ref) for copier, with every released version and `source` in it.

    `vcs_ref` is the tag of `source`: its version, or for a development version the snapshot
    of its tree (see the module's docstring).

    The repository stays locked while the caller renders, so concurrent runs of new-app with
    different templates of the same version cannot swap the tag under each other.
    """
    repository = Path(TEMPLATE_URL).expanduser()
    try:
        repository.parent.mkdir(parents=True, exist_ok=True)
        lock = (repository.parent / "template.lock").open("w")
    except OSError as error:
        raise GeneratorError(
            f"cannot write {repository.parent}: {error.strerror} "
            "(new-app keeps the template history there; check HOME and its permissions)"
        ) from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (repository / ".git").is_dir():
            git.run(repository.parent, "init", "--quiet", repository.name)
        # Only new-app uses this repository, and only under this lock: a git lock file found
        # now was left by a run stopped mid-way, and would block every later run.
        for stale in (repository / ".git").rglob("*.lock"):
            stale.unlink(missing_ok=True)
        yield TEMPLATE_URL, _build(repository, source)


def _build(repository: Path, source: TemplateSource) -> str:
    """Put the bundle's releases and `source` in the repository, unless it holds them already.

    A rebuild costs about 0.1 s of git work. It is skipped when the stamp names the same
    template, version and bundle, and git still shows the tags the last rebuild left. The stamp
    goes before a rebuild starts and comes back after it ends, so an interrupted one is redone.
    """
    stamp = repository / ".git" / _STAMP
    built_from = _fingerprint(source)
    try:
        recorded = stamp.read_text(encoding="utf-8")
    except OSError:
        recorded = ""
    first_line = recorded.partition("\n")[0]
    fingerprint, _, tag = first_line.partition(" ")
    # A stamp without the tag is gradio-forge 0.1's: rebuild, which finds the tag.
    if tag and fingerprint == built_from and recorded == _stamp(repository, first_line):
        return tag
    stamp.unlink(missing_ok=True)
    if source.history:
        # The bundle is authoritative for released versions; the development snapshots, which
        # it never holds, stay.
        git.run(
            repository, "fetch", "--quiet", "--force", source.history, "refs/tags/*:refs/tags/*"
        )
    tag = snapshot(repository, source.root, source.version)
    stamp.write_text(_stamp(repository, f"{built_from} {tag}"), encoding="utf-8")
    return tag


def _stamp(repository: Path, built_from: str) -> str:
    tags = git.run(repository, "for-each-ref", "--format=%(refname) %(objectname)", "refs/tags")
    return f"{built_from}\n{tags}"


def _rendered_folder(root: Path) -> str:
    """The folder of the template's files: copier.yml's `_subdirectory`."""
    return read_copier_yml(root / "copier.yml").get("_subdirectory", ".")


def _fingerprint(source: TemplateSource) -> str:
    """A digest of everything a rebuild reads: the template's files, its version, the bundle."""
    digest = hashlib.sha256(source.version.encode())
    root = source.root
    folder = root / _rendered_folder(root)
    candidates = [root / ".gitignore", root / "copier.yml", *sorted(folder.rglob("*"))]
    files = [path for path in candidates if path.is_file()]
    if source.history:
        files.append(source.history)
    for path in files:
        name = path.relative_to(root) if path.is_relative_to(root) else path.name
        kind = "link" if path.is_symlink() else "exec" if os.access(path, os.X_OK) else "file"
        digest.update(f"\0{name}\0{kind}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def snapshot(repository: Path, root: Path, version: str) -> str:
    """Tag a commit of the template files under `root`, unless a tag holds them already; its tag.

    A release is tagged `version`. A development version gets a tag per tree, never moved:
    the one holding this tree, or a new one after the last (see the module's docstring).
    Leaves the repository's work tree clean at that tag: copier refuses, or commits, dirt.
    """
    git.run(repository, "read-tree", "--empty")
    git_dir, work_tree = f"--git-dir={repository / '.git'}", f"--work-tree={root}"
    git.run(root, git_dir, work_tree, "add", "--", "copier.yml", _rendered_folder(root))
    tree = git.run(repository, "write-tree")
    if Version(version).is_devrelease:
        snapshots = development_snapshots(repository, version)
        last = max((_snapshot_parts(name)[0] for name in snapshots), default=0)
        # The newest of its tags, should it have several (see retag_after).
        held = [name for name, tagged in snapshots.items() if tagged == tree]
        tag = held[-1] if held else f"{version}+{last + 1}.g{tree[:12]}"
    else:
        tag = version
    tagged = git.run(
        repository, "rev-parse", "--quiet", "--verify", f"refs/tags/{tag}^{{tree}}", check=False
    )
    if tagged != tree:
        _tag_tree(repository, tag, tree)
    git.run(repository, "reset", "--quiet", "--hard", f"refs/tags/{tag}")
    git.run(repository, "clean", "--quiet", "-d", "--force", "-x")
    return tag


def _tag_tree(repository: Path, tag: str, tree: str) -> None:
    identity = {**os.environ, **_SNAPSHOT_IDENTITY}
    message = f"gradio-forge {tag}"
    commit = git.run(repository, *_NO_SIGNING, "commit-tree", tree, "-m", message, env=identity)
    git.run(repository, *_NO_SIGNING, "tag", "--force", tag, commit)


def _snapshot_parts(tag: str) -> tuple[int, str]:
    """(sequence number, tree hash) of a development snapshot's tag, or (0, "")."""
    try:
        local = Version(tag).local or ""
    except InvalidVersion:
        return 0, ""
    match = _SNAPSHOT_LOCAL.fullmatch(local)
    return (int(match[1]), match[2]) if match else (0, "")


def development_snapshots(repository: Path, version: str) -> dict[str, str]:
    """The snapshot tags of development version `version`, oldest first, with their trees."""
    listed = git.run(
        repository, "for-each-ref", "--format=%(refname:strip=2) %(tree)", f"refs/tags/{version}+*"
    )
    tags = dict(line.split(" ", 1) for line in listed.splitlines())
    return {
        name: tags[name] for name in sorted(tags, key=_snapshot_parts) if _snapshot_parts(name)[1]
    }


def retag_after(repository: Path, tag: str, earlier: str) -> str:
    """A new tag for the tree of snapshot `tag`, ordered after snapshot `earlier`; the tag.

    Sequence numbers are each cache's own: a project's snapshot restored from another machine
    can sort after the installed tree's tag here, although the installed tree is the one to
    update to. Tags are added, never moved.
    """
    version = str(Version(tag).public)
    tree = git.run(repository, "rev-parse", f"refs/tags/{tag}^{{tree}}")
    last = max(
        [_snapshot_parts(name)[0] for name in development_snapshots(repository, version)]
        + [_snapshot_parts(earlier)[0]]
    )
    new = f"{version}+{last + 1}.g{tree[:12]}"
    _tag_tree(repository, new, tree)
    git.run(repository, "reset", "--quiet", "--hard", f"refs/tags/{new}")
    return new


def restore_snapshot(repository: Path, tag: str) -> bool:
    """Tag a development snapshot made on another machine, if this cache holds its tree.

    The tag names the tree by its hash; the commit comes out the same as the original one.
    """
    tree_hash = _snapshot_parts(tag)[1]
    if not tree_hash:
        return False
    tree = git.run(
        repository, "rev-parse", "--quiet", "--verify", f"{tree_hash}^{{tree}}", check=False
    )
    if not tree.startswith(tree_hash):
        return False
    _tag_tree(repository, tag, tree)
    return True


def record_release(bundle: Path, root: Path, version: str) -> None:
    """Add the template under `root` to the history bundle as release `version`."""
    with tempfile.TemporaryDirectory(prefix="gradio-forge-history-") as scratch:
        repository = Path(scratch) / "history"
        git.run(Path(scratch), "init", "--quiet", repository.name)
        if bundle.is_file():
            git.run(repository, "fetch", "--quiet", bundle, "refs/tags/*:refs/tags/*")
            if git.run(repository, "tag", "--list", version):
                raise GeneratorError(f"{version} is already in {bundle}: bump the version first")
        snapshot(repository, root, version)
        new_bundle = Path(scratch) / bundle.name
        git.run(repository, "bundle", "create", "--quiet", new_bundle, "--tags")
        shutil.copyfile(new_bundle, bundle)
