"""`new-app update` and `check` with real git and real template versions built here.

Version 1.0.0 is this repository's template; 1.1.0 changes a line of app.py, adds a file and
drops none. Each test gets its own HOME, so its template cache is its own "machine".
"""

import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from gradio_forge.commands import run_check, run_update
from gradio_forge.creation import create
from gradio_forge.errors import UsageError
from gradio_forge.template_history import TemplateSource, record_release
from gradio_forge.updating import check, update

from .helpers import QUESTIONS, REPO, invoke_cli, manifest, require_tool, run_cli, worktree

OLD_DOCSTRING = '"""Entry point: `python app.py` starts the app here'
NEW_DOCSTRING = '"""Entry point (1.1.0): `python app.py` starts the app'


def commit(project: Path, message: str) -> None:
    git = ["git", "-c", "user.name=Owner", "-c", "user.email=owner@example.com"]
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", message], cwd=project, check=True)


def git_status(project: Path) -> list[str]:
    result = subprocess.run(
        ["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


@pytest.fixture
def versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TemplateSource, ...]:
    """Template 1.0.0 (released: in the history bundle) and 1.1.0 (installed)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    old, new = tmp_path / "1.0.0", tmp_path / "1.1.0"
    for root in (old, new):
        root.mkdir()
        shutil.copy(REPO / "copier.yml", root)
        shutil.copytree(REPO / "template", root / "template")
    app = new / "template" / "app.py.jinja"
    app.write_text(app.read_text().replace(OLD_DOCSTRING, NEW_DOCSTRING))
    assert NEW_DOCSTRING in app.read_text()
    (new / "template" / "CONTRIBUTING.md.jinja").write_text("Run `pytest` before a pull request.\n")
    history = tmp_path / "history.bundle"
    record_release(history, old, "1.0.0")
    return TemplateSource(old, "1.0.0", history), TemplateSource(new, "1.1.0", history)


@pytest.fixture
def project(tmp_path: Path, versions: tuple[TemplateSource, ...]) -> Path:
    """A project made at 1.0.0 and committed, as its owner would have it."""
    destination = tmp_path / "shop"
    create(destination, {"deploy_target": "docker"}, source=versions[0])
    assert git_status(destination) == []
    return destination


def test_update_keeps_edits_brings_changes_and_reports_the_clash(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "\n## Our notes\n\nSomething only we know.\n")
    app = project / "app.py"
    app.write_text(app.read_text().replace(OLD_DOCSTRING, '"""Our own entry point'))
    commit(project, "Owner's edits")
    readme_before = readme.read_bytes()

    result = update(project, source=versions[1])

    assert readme.read_bytes() == readme_before  # a region the template does not change
    assert (project / "CONTRIBUTING.md").read_text() == "Run `pytest` before a pull request.\n"
    assert result.conflicts == ["app.py"]
    assert "UU app.py" in git_status(project)
    text = app.read_text()
    assert "<<<<<<< before updating" in text and '"""Our own entry point' in text
    assert NEW_DOCSTRING in text  # both sides kept: nothing dropped silently
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == "1.1.0"
    assert answers["_src_path"] == "~/.cache/gradio-forge/template"


def test_conflicts_exit_with_their_own_code(
    project: Path, versions: tuple[TemplateSource, ...], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    app = project / "app.py"
    app.write_text(app.read_text().replace(OLD_DOCSTRING, '"""Our own entry point'))
    commit(project, "Owner's edit")
    monkeypatch.setattr("gradio_forge.updating.installed_source", lambda: versions[1])
    assert run_update(project, {}, pretend=False, json_output=False) == 3
    assert "conflicts: app.py" in capsys.readouterr().err


def test_clean_update_without_edits(project: Path, versions: tuple[TemplateSource, ...]) -> None:
    result = update(project, source=versions[1])
    assert result.conflicts == []
    assert NEW_DOCSTRING in (project / "app.py").read_text()
    assert sorted(result.changed) == [" M .copier-answers.yml", " M app.py", "?? CONTRIBUTING.md"]


def test_deleted_file_stays_deleted(project: Path, versions: tuple[TemplateSource, ...]) -> None:
    (project / "tests" / "test_settings.py").unlink()
    commit(project, "We do not want this test")
    update(project, source=versions[1])
    assert not (project / "tests" / "test_settings.py").exists()


def test_changing_an_answer_adds_and_removes_files(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    (project / "compose.yaml").write_text("# ours now\n" + (project / "compose.yaml").read_text())
    commit(project, "Edit compose")
    result = update(project, {"deploy_target": "server"}, source=versions[1])
    files = manifest(project)
    assert {"deploy/Caddyfile", "deploy/shop.service", "deploy/nginx.conf"} <= set(files)
    assert "Dockerfile" not in files and ".dockerignore" not in files  # untouched: removed
    assert (project / "compose.yaml").read_text().startswith("# ours now")  # edited: kept
    assert result.kept == ["compose.yaml"]
    assert yaml.safe_load((project / ".copier-answers.yml").read_text())["deploy_target"] == (
        "server"
    )
    assert result.conflicts == []


def test_answer_change_is_validated_like_creation(project: Path, versions) -> None:
    before = manifest(project)
    with pytest.raises(UsageError, match="--deploy-target: 'mars' is not one of"):
        update(project, {"deploy_target": "mars"}, source=versions[1])
    with pytest.raises(UsageError, match="project name cannot change"):
        update(project, {"project_name": "other"}, source=versions[1])
    assert manifest(project) == before


def test_dirty_tree_is_refused_and_nothing_changes(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    (project / "app.py").write_text("# work in progress\n")
    (project / "scratch.txt").write_text("untracked\n")
    before = manifest(project)
    with pytest.raises(UsageError, match="uncommitted changes: commit or stash them"):
        update(project, source=versions[1])
    assert manifest(project) == before


def test_pretend_shows_the_change_and_writes_nothing(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    before = manifest(project)
    result = update(project, pretend=True, source=versions[1])
    assert manifest(project) == before
    assert git_status(project) == []
    assert " M app.py" in result.changed and "?? CONTRIBUTING.md" in result.changed
    assert f"+{NEW_DOCSTRING}" in result.diff


def test_update_works_from_a_copy_on_another_machine(
    project: Path, versions: tuple[TemplateSource, ...], tmp_path: Path, monkeypatch
) -> None:
    elsewhere = tmp_path / "other-machine" / "shop"
    shutil.copytree(project, elsewhere, symlinks=True)
    monkeypatch.setenv("HOME", str(tmp_path / "other-home"))  # an empty template cache
    result = update(elsewhere, source=versions[1])
    assert result.conflicts == []
    assert NEW_DOCSTRING in (elsewhere / "app.py").read_text()


def test_unreleased_old_version_is_a_clear_error(
    tmp_path: Path, versions: tuple[TemplateSource, ...], monkeypatch
) -> None:
    unreleased = TemplateSource(versions[0].root, "1.0.1")
    destination = tmp_path / "early"
    create(destination, {}, source=unreleased)
    monkeypatch.setenv("HOME", str(tmp_path / "fresh-home"))
    with pytest.raises(UsageError, match=r"1\.0\.1, which made this project, is not among"):
        update(destination, source=versions[1])


def test_up_to_date_project_is_left_alone(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    result = update(project, source=versions[0])
    assert result.up_to_date
    assert git_status(project) == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: (p / ".copier-answers.yml").unlink(), ".copier-answers.yml is missing"),
        (lambda p: (p / ".copier-answers.yml").write_text("- [broken"), "is corrupted"),
        (lambda p: (p / ".copier-answers.yml").write_text("title: x\n"), "lacks _commit"),
    ],
)
def test_not_a_generated_project_is_refused(
    project: Path, versions: tuple[TemplateSource, ...], setup, message: str
) -> None:
    setup(project)
    with pytest.raises(UsageError, match=message):
        update(project, source=versions[1])


def test_check_says_whether_an_update_exists(
    project: Path, versions: tuple[TemplateSource, ...], monkeypatch, capsys
) -> None:
    assert check(project, versions[1]).update_available
    assert not check(project, versions[0]).update_available
    monkeypatch.setattr("gradio_forge.updating.installed_source", lambda: versions[1])
    assert run_check(project, json_output=True) == 3
    out = capsys.readouterr()
    assert '"update_available": true' in out.out and "1.0.0 -> 1.1.0" in out.err
    update(project, source=versions[1])
    commit(project, "Update")
    assert run_check(project, json_output=False) == 0


def test_a_release_is_recorded_once(tmp_path: Path, versions: tuple[TemplateSource, ...]) -> None:
    from gradio_forge.errors import GeneratorError

    with pytest.raises(GeneratorError, match="already in"):
        record_release(versions[0].history, versions[0].root, "1.0.0")


def test_a_released_version_ships_exactly_its_template(tmp_path: Path) -> None:
    """Template edits after a release need a .dev version, or old projects would mis-update."""
    from packaging.version import Version

    from gradio_forge import __version__
    from gradio_forge.template_files import template_root
    from gradio_forge.template_history import HISTORY_BUNDLE, snapshot

    if Version(__version__).is_devrelease:
        return
    assert HISTORY_BUNDLE.is_file(), "release with `python -m gradio_forge.release VERSION`"

    def git(*args: str | Path) -> str:
        result = subprocess.run(
            ["git", *map(str, args)], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return result.stdout.strip()

    git("init", "--quiet")
    git("fetch", "--quiet", HISTORY_BUNDLE, "refs/tags/*:refs/tags/*")
    released = git("rev-parse", "--verify", f"refs/tags/{__version__}")
    snapshot(tmp_path, template_root(), __version__)  # commits are deterministic
    assert git("rev-parse", f"refs/tags/{__version__}") == released, (
        f"the template changed since release {__version__}: set a .dev version"
    )


# A clone installs a development version (0.2.0.dev0): each of its template trees is a version.


def edit_template(root: Path, old: str, new: str) -> None:
    app = root / "template" / "app.py.jinja"
    text = app.read_text()
    assert old in text
    app.write_text(text.replace(old, new))


def test_a_dev_project_gets_the_later_changes_of_its_dev_template(
    tmp_path: Path, versions: tuple[TemplateSource, ...]
) -> None:
    root, history = versions[1].root, versions[1].history
    dev = TemplateSource(root, "1.2.0.dev0", history)
    destination = tmp_path / "early"
    create(destination, {}, source=dev)
    made_at = yaml.safe_load((destination / ".copier-answers.yml").read_text())["_commit"]
    assert made_at.startswith("1.2.0.dev0+1.g")
    assert not check(destination, dev).update_available

    edit_template(root, NEW_DOCSTRING, '"""Entry point (dev edit): `python app.py` starts the app')
    decision = check(destination, dev)  # the same version number, another template
    assert decision.update_available and decision.available.startswith("1.2.0.dev0+2.g")
    result = update(destination, source=dev)
    assert "(dev edit)" in (destination / "app.py").read_text()
    assert result.from_version == made_at and result.to_version == decision.available
    commit(destination, "Update to the dev edit")

    # Released as 1.2.0 after one more edit: the update from the dev snapshot brings that edit.
    edit_template(root, "(dev edit)", "(1.2.0)")
    record_release(history, root, "1.2.0")
    released = TemplateSource(root, "1.2.0", history)
    assert check(destination, released).update_available
    update(destination, source=released)
    assert "(1.2.0)" in (destination / "app.py").read_text()
    answers = yaml.safe_load((destination / ".copier-answers.yml").read_text())
    assert answers["_commit"] == "1.2.0"


def test_a_dev_project_on_a_machine_without_its_snapshot_is_refused_until_it_has_it(
    tmp_path: Path, versions: tuple[TemplateSource, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, history = versions[1].root, versions[1].history
    dev = TemplateSource(root, "1.2.0.dev0", history)
    destination = tmp_path / "early"
    create(destination, {}, source=dev)
    before = manifest(destination)
    original = (root / "template" / "app.py.jinja").read_text()
    edit_template(root, NEW_DOCSTRING, '"""Entry point (elsewhere)')
    monkeypatch.setenv("HOME", str(tmp_path / "fresh-home"))
    for attempt in (lambda: check(destination, dev), lambda: update(destination, source=dev)):
        with pytest.raises(UsageError, match="development snapshot this machine's template cache"):
            attempt()
    for command in ("check", "update"):  # the same through the command line: one line, exit 2
        said = invoke_cli(command, str(destination), cwd=tmp_path)
        assert said.returncode == 2, said.stderr
        assert said.stderr.count("\n") == 1 and "development snapshot" in said.stderr
    assert manifest(destination) == before
    # With the template it was made with installed, the snapshot comes back and updates work.
    (root / "template" / "app.py.jinja").write_text(original)
    assert not check(destination, dev).update_available
    edit_template(root, NEW_DOCSTRING, '"""Entry point (elsewhere)')
    update(destination, source=dev)
    assert "(elsewhere)" in (destination / "app.py").read_text()


def _tree_tag(root: Path, scratch: Path) -> str:
    """The hash part of the snapshot tag a template tree gets, from a scratch cache."""
    from gradio_forge import git
    from gradio_forge.template_history import snapshot

    git.run(scratch.parent, "init", "--quiet", scratch.name)
    return snapshot(scratch, root, "9.9.9.dev0").rpartition(".g")[2]


def test_a_restored_snapshot_that_sorts_after_the_installed_tag_still_updates(
    tmp_path: Path, versions: tuple[TemplateSource, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sequence numbers are each cache's: here the installed tree is tagged +1 before the
    project's own +1 snapshot is restored, and when the project's tree hash sorts after the
    installed one, PEP 440 calls the project newer. It must update all the same."""
    root, history = versions[1].root, versions[1].history
    dev = TemplateSource(root, "1.2.0.dev0", history)
    made_at = _tree_tag(root, tmp_path / "scratch-0")
    original = (root / "template" / "app.py.jinja").read_text()
    # A later edit whose tree hash sorts before the project's: the order that went wrong.
    for attempt in range(1, 200):
        edit_template(root, NEW_DOCSTRING, f'"""Entry point (elsewhere {attempt})')
        if _tree_tag(root, tmp_path / f"scratch-{attempt}") < made_at:
            break
        (root / "template" / "app.py.jinja").write_text(original)
    edited = (root / "template" / "app.py.jinja").read_text()
    (root / "template" / "app.py.jinja").write_text(original)
    destination = tmp_path / "early"
    create(destination, {}, source=dev)
    monkeypatch.setenv("HOME", str(tmp_path / "fresh-home"))
    (root / "template" / "app.py.jinja").write_text(edited)
    with pytest.raises(UsageError, match="development snapshot"):
        check(destination, dev)  # the installed tree is tagged +1 in this fresh cache
    (root / "template" / "app.py.jinja").write_text(original)
    assert not check(destination, dev).update_available  # restores the project's +1
    (root / "template" / "app.py.jinja").write_text(edited)
    assert check(destination, dev).update_available
    update(destination, source=dev)
    assert "(elsewhere " in (destination / "app.py").read_text()


# check and update decide alike: what check calls an update, update makes; what update refuses,
# check refuses with the same words.


def refusals(project: Path, source: TemplateSource) -> list[str]:
    messages = []
    for attempt in (lambda: check(project, source), lambda: update(project, source=source)):
        with pytest.raises(UsageError) as error:
            attempt()
        messages.append(error.value.message)
    return messages


def test_unresolved_conflicts_are_not_up_to_date(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    app = project / "app.py"
    app.write_text(app.read_text().replace(OLD_DOCSTRING, '"""Our own entry point'))
    commit(project, "Owner's edit")
    assert update(project, source=versions[1]).conflicts == ["app.py"]
    first, second = refusals(project, versions[1])
    assert first == second and "conflicts left from the last update in app.py" in first
    commit(project, "Committed with the markers still in")  # committed, still unresolved
    assert refusals(project, versions[1])[0] == first


def test_a_project_newer_than_the_installed_template_is_refused(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    update(project, source=versions[1])
    commit(project, "Update")
    first, second = refusals(project, versions[0])
    assert first == second
    assert first == (
        f"{project} was made by template 1.1.0, newer than the installed 1.0.0: "
        "upgrade gradio-forge to 1.1.0 or later, then update"
    )


def test_an_available_update_on_a_dirty_tree_is_refused_by_both(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    (project / "app.py").write_text("# work in progress\n")
    first, second = refusals(project, versions[1])
    assert first == second
    assert first.startswith(f"template 1.1.0 is available, but {project} has uncommitted changes")
    assert not check(project, versions[0]).update_available  # nothing to update: no refusal


def test_check_names_the_project_by_its_absolute_path(
    project: Path, versions, monkeypatch, capsys
) -> None:
    monkeypatch.setattr("gradio_forge.updating.installed_source", lambda: versions[1])
    monkeypatch.chdir(project.parent)
    assert run_check(Path("shop"), json_output=True) == 3
    out = capsys.readouterr()
    assert f'"project": "{project}"' in out.out
    assert f"Update available for {project}:" in out.err
    assert f"run `new-app update {project}`" in out.err


def test_pretend_accepts_untracked_files(
    project: Path, versions: tuple[TemplateSource, ...]
) -> None:
    (project / "scratch.txt").write_text("untracked\n")
    before = manifest(project)
    result = update(project, pretend=True, source=versions[1])
    assert " M app.py" in result.changed and "?? scratch.txt" not in result.changed
    assert manifest(project) == before
    with pytest.raises(UsageError, match="uncommitted changes"):
        update(project, source=versions[1])  # a real update still wants a clean tree
    assert manifest(project) == before


def test_an_answer_only_change_does_not_claim_a_template_change(
    project: Path, versions: tuple[TemplateSource, ...], monkeypatch, capsys
) -> None:
    monkeypatch.setattr("gradio_forge.updating.installed_source", lambda: versions[0])
    assert run_update(project, {"deploy_target": "server"}, pretend=False, json_output=False) == 0
    err = capsys.readouterr().err
    assert "from template 1.0.0 to 1.0.0" not in err
    assert f"Updated {project} for the new answers (template 1.0.0):" in err


# A project in a subdirectory of a larger repository (a monorepo).


@pytest.fixture
def monorepo(tmp_path: Path, versions: tuple[TemplateSource, ...]) -> Path:
    """A repository with its own files, holding a project made at 1.0.0 in apps/shop."""
    top = tmp_path / "mono"
    (top / "apps").mkdir(parents=True)
    (top / "README.md").write_text("Our monorepo.\n")
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main"], cwd=top, check=True)
    create(top / "apps" / "shop", {"deploy_target": "docker"}, source=versions[0])
    commit(top, "Monorepo with the shop")
    return top / "apps" / "shop"


def test_update_in_a_monorepo_removes_keeps_and_reports_paths_in_the_project(
    monorepo: Path, versions: tuple[TemplateSource, ...]
) -> None:
    top = monorepo.parent.parent
    (monorepo / "compose.yaml").write_text("# ours\n" + (monorepo / "compose.yaml").read_text())
    app = monorepo / "app.py"
    app.write_text(app.read_text().replace(OLD_DOCSTRING, '"""Our own entry point'))
    commit(top, "Edits")
    pretended = update(monorepo, {"deploy_target": "server"}, pretend=True, source=versions[1])
    assert pretended.conflicts == ["app.py"] and pretended.kept == ["compose.yaml"]
    assert "+++ b/CONTRIBUTING.md" in pretended.diff  # paths in the project, new files too
    assert "--- a/Dockerfile" in pretended.diff
    assert git_status(top) == []

    result = update(monorepo, {"deploy_target": "server"}, source=versions[1])
    assert result.kept == ["compose.yaml"] and result.conflicts == ["app.py"]
    assert " D Dockerfile" in result.changed and "?? CONTRIBUTING.md" in result.changed
    assert not (monorepo / "Dockerfile").exists()
    assert (monorepo / "compose.yaml").read_text().startswith("# ours")
    assert (top / "README.md").read_text() == "Our monorepo.\n"


def test_a_failed_update_in_a_monorepo_restores_only_the_project(
    monorepo: Path, versions: tuple[TemplateSource, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gradio_forge import rendering

    top = monorepo.parent.parent
    before = worktree(top)
    copier_update = rendering.update

    def fail_after_writing(*args: Any, **options: Any) -> None:
        copier_update(*args, **options)
        raise UsageError("stopped by the test")

    monkeypatch.setattr(rendering, "update", fail_after_writing)
    with pytest.raises(UsageError) as error:
        update(monorepo, {"deploy_target": "server"}, source=versions[1])
    assert error.value.message == f"stopped by the test; {monorepo} is as it was"
    assert worktree(top) == before
    assert git_status(top) == []


def test_update_at_a_terminal_asks_what_an_answer_change_makes_relevant(tmp_path: Path) -> None:
    import pexpect

    from .test_interactive import spawn

    create(tmp_path / "shop", {})  # local: no root path asked or recorded
    child = spawn("update", "shop", "--deploy-target", "docker", cwd=tmp_path)
    child.logfile_read = transcript = io.StringIO()
    child.expect(re.escape(QUESTIONS.by_name("root_path").help))
    child.send("\x15" + "/store" + "\r")  # Ctrl-U clears the pre-filled default
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, transcript.getvalue()
    answers = yaml.safe_load((tmp_path / "shop" / ".copier-answers.yml").read_text())
    assert answers["deploy_target"] == "docker" and answers["root_path"] == "/store"
    assert "Title shown" not in transcript.getvalue()  # answered already: not asked again
    assert "for the new answers" in transcript.getvalue()
    assert "/store" in (tmp_path / "shop" / "Dockerfile").read_text()


def test_plain_copier_updates_once_new_app_has_run_on_the_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the README promises for `copier update`, in a HOME where new-app never ran."""
    copier = require_tool("copier")
    create(tmp_path / "shop", {})
    project = tmp_path / "shop"
    fresh = {**os.environ, "HOME": str(tmp_path / "fresh-home")}

    def plain_copier(*flags: str) -> subprocess.CompletedProcess[str]:
        command = [copier, "update", "--defaults", *flags]
        return subprocess.run(command, cwd=project, env=fresh, capture_output=True, text=True)

    assert "Local template must be a directory" in plain_copier("--prereleases").stderr
    assert run_cli("check", str(project), cwd=tmp_path, env=fresh).returncode == 0
    before = worktree(project)
    result = plain_copier("--prereleases")  # this checkout is a .dev version
    assert result.returncode == 0, result.stderr
    assert worktree(project) == before and git_status(project) == []
