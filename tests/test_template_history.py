"""The template repository in the cache: rebuilt when what it holds would change, else reused."""

import shutil
from pathlib import Path

import pytest
from packaging.version import Version

from gradio_forge import git, template_history
from gradio_forge.template_history import TemplateSource, record_release, template_repository

from .helpers import REPO


def tags(repository: Path) -> dict[str, str]:
    listed = git.run(
        repository, "for-each-ref", "--format=%(refname:strip=2) %(objectname)", "refs/tags"
    ).split()
    return dict(zip(listed[::2], listed[1::2], strict=True))


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TemplateSource:
    """Template 1.1.0, with 1.0.0 (the same files) released in a history bundle."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    root = tmp_path / "template-root"
    root.mkdir()
    shutil.copy(REPO / "copier.yml", root)
    shutil.copytree(REPO / "template", root / "template")
    history = tmp_path / "history.bundle"
    record_release(history, root, "1.0.0")
    return TemplateSource(root, "1.1.0", history)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The versions snapshotted into the cache, in order."""
    made: list[str] = []
    snapshot = template_history.snapshot

    def counting(repository: Path, root: Path, version: str) -> str:
        made.append(version)
        return snapshot(repository, root, version)

    monkeypatch.setattr(template_history, "snapshot", counting)
    return made


def build(source: TemplateSource) -> Path:
    return Path(built(source)[0]).expanduser()


def built(source: TemplateSource) -> tuple[str, str]:
    """(src_path, vcs_ref) of the cache holding `source`: the tag of a release is its version."""
    with template_repository(source) as (src_path, vcs_ref):
        if not Version(source.version).is_devrelease:
            assert vcs_ref == source.version
        return src_path, vcs_ref


def test_an_unchanged_template_is_not_rebuilt(source: TemplateSource, builds: list[str]) -> None:
    repository = build(source)
    built = tags(repository)
    assert set(built) == {"1.0.0", "1.1.0"}
    build(source)
    assert builds == ["1.1.0"]
    assert tags(repository) == built


def test_a_changed_template_or_version_is_rebuilt(
    source: TemplateSource, builds: list[str]
) -> None:
    repository = build(source)
    before = tags(repository)["1.1.0"]
    readme = source.root / "template" / "README.md.jinja"
    readme.write_text(readme.read_text() + "\nOne more line.\n")
    build(source)
    assert tags(repository)["1.1.0"] != before
    build(TemplateSource(source.root, "1.2.0", source.history))
    assert builds == ["1.1.0", "1.1.0", "1.2.0"]


def test_tags_changed_behind_its_back_are_restored(
    source: TemplateSource, builds: list[str]
) -> None:
    repository = build(source)
    built = tags(repository)
    git.run(repository, "tag", "--delete", "1.0.0")
    build(source)
    assert tags(repository) == built
    assert builds == ["1.1.0", "1.1.0"]


def test_an_interrupted_rebuild_is_redone(
    source: TemplateSource, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = build(source)
    built = tags(repository)
    readme = source.root / "template" / "README.md.jinja"
    readme.write_text(readme.read_text() + "\nOne more line.\n")

    def interrupted(repository: Path, root: Path, version: str) -> None:
        git.run(repository, "read-tree", "--empty")
        raise KeyboardInterrupt

    # Only for this build: the fixtures' HOME and counting snapshot stay in place.
    with monkeypatch.context() as m:
        m.setattr(template_history, "snapshot", interrupted)
        with pytest.raises(KeyboardInterrupt):
            build(source)
    readme.write_text(readme.read_text().removesuffix("\nOne more line.\n"))
    build(source)  # the same template as the stamp named, but the stamp went with the rebuild
    assert builds == ["1.1.0", "1.1.0"]
    assert tags(repository) == built
    assert git.run(repository, "status", "--porcelain") == ""


def edit(source: TemplateSource, line: str) -> None:
    readme = source.root / "template" / "README.md.jinja"
    readme.write_text(readme.read_text() + f"\n{line}\n")


def test_each_tree_of_a_development_version_keeps_a_tag_of_its_own(
    source: TemplateSource,
) -> None:
    dev = TemplateSource(source.root, "1.1.0.dev0", source.history)
    _, first = built(dev)
    repository = build(dev)
    tree = git.run(repository, "rev-parse", f"{first}^{{tree}}")
    assert first == f"1.1.0.dev0+1.g{tree[:12]}"
    edit(dev, "A later change.")
    _, second = built(dev)
    assert second.startswith("1.1.0.dev0+2.g") and second != first
    edit(dev, "And another.")
    _, third = built(dev)
    readme = dev.root / "template" / "README.md.jinja"
    readme.write_text(readme.read_text().removesuffix("\nA later change.\n\nAnd another.\n"))
    assert built(dev)[1] == first  # the same tree: its tag, not a new one
    assert set(tags(repository)) == {"1.0.0", first, second, third}  # none moved or dropped
    # In the order they were made, and all before the release.
    assert Version(first) < Version(second) < Version(third) < Version("1.1.0")
    assert git.run(repository, "rev-parse", f"{first}^{{tree}}") == tree


def test_a_snapshot_made_elsewhere_is_restored_from_its_tree(
    source: TemplateSource, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dev = TemplateSource(source.root, "1.1.0.dev0", source.history)
    edit(dev, "First.")
    build(dev)
    edit(dev, "Second.")
    _, made_elsewhere = built(dev)  # 1.1.0.dev0+2.g...
    commit = git.run(build(dev), "rev-parse", f"{made_elsewhere}^{{commit}}")
    monkeypatch.setenv("HOME", str(tmp_path / "other-machine"))
    _, here = built(dev)
    assert here.startswith("1.1.0.dev0+1.g")  # this cache's first tree
    repository = build(dev)
    assert template_history.restore_snapshot(repository, made_elsewhere)
    assert git.run(repository, "rev-parse", f"{made_elsewhere}^{{commit}}") == commit
    assert not template_history.restore_snapshot(repository, "1.1.0.dev0+9.g0123456789ab")


def test_a_cache_stamped_by_an_older_gradio_forge_still_yields_its_tag(
    source: TemplateSource, builds: list[str]
) -> None:
    repository = build(source)
    stamp = repository / ".git" / "gradio-forge-built-from"
    fingerprint_and_tag, _, tags_listed = stamp.read_text().partition("\n")
    stamp.write_text(f"{fingerprint_and_tag.split(' ')[0]}\n{tags_listed}")  # no tag: 0.1's
    assert built(source)[1] == "1.1.0"
    assert builds == ["1.1.0", "1.1.0"]
