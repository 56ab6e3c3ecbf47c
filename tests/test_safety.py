"""new-app never loses a file: refused destinations, a full disk, Ctrl-C, corrupted answers.

Each case compares a manifest of the directories around the project before and after. The
conditions are real where this machine allows it: permission bits enforced on root by dropping
the capabilities that override them (setpriv), a full disk from a small tmpfs (mount), SIGINT
sent to the process group as a terminal's Ctrl-C is, or to new-app alone.
"""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gradio_forge.creation import create
from gradio_forge.errors import GeneratorError
from gradio_forge.git import run as git
from gradio_forge.template_history import HISTORY_BUNDLE, TemplateSource

from .helpers import REPO, cli_command, invoke_cli, manifest, require_tool, run_cli, worktree


def one_line(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The single stderr line of a refused command."""
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # no traceback, no usage block
    return lines[0]


def leftovers(directory: Path) -> list[str]:
    return [name for name in os.listdir(directory) if name.startswith(".new-app-")]


# Destinations new-app must refuse, or write into without losing what is there.


def test_force_replaces_only_the_templates_files_and_says_which(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    (project / "tests").mkdir(parents=True)
    (project / "demo").mkdir()
    (project / "README.md").write_text("my readme\n")  # the template makes one: replaced
    (project / ".env").write_text("APP_SECRET=mine\n")
    (project / "tests" / "test_mine.py").write_text("def test_mine(): ...\n")
    (project / "demo" / "extra.py").write_text("EXTRA = 1\n")  # inside the package directory
    before = manifest(tmp_path)

    result = invoke_cli("demo", "-y", "--force", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "Replaced 1 existing file(s) (--force): README.md" in result.stderr
    after = manifest(tmp_path)
    assert after["demo/README.md"] != before["demo/README.md"]
    assert {name: after[name] for name in before if name != "demo/README.md"} == {
        name: digest for name, digest in before.items() if name != "demo/README.md"
    }
    assert (project / "app.py").is_file() and (project / "demo" / "ui.py").is_file()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("in_the_way", "kind"),
    [("app.py/keep.txt", "file"), ("tests", "directory")],
    ids=["directory-where-a-file-goes", "file-where-a-directory-goes"],
)
def test_force_refuses_what_is_in_the_way(tmp_path: Path, in_the_way: str, kind: str) -> None:
    blocker = tmp_path / "demo" / in_the_way
    blocker.parent.mkdir(parents=True)
    blocker.write_text("mine\n")
    (tmp_path / "demo" / "README.md").write_text("my readme\n")  # renamed away, then back
    before = manifest(tmp_path)
    line = one_line(invoke_cli("demo", "-y", "--force", cwd=tmp_path))
    assert f"is in the way of a {kind} the template makes: move it away" in line
    assert manifest(tmp_path) == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("output_dir", "message"),
    [
        ("file", "file is a file, not a directory: choose another place"),
        ("file/child", "file is a file, not a directory: choose another place"),
    ],
)
def test_destination_below_a_file_is_refused(tmp_path: Path, output_dir: str, message: str) -> None:
    (tmp_path / "file").write_text("a file\n")
    before = manifest(tmp_path)
    line = one_line(invoke_cli("demo", "-y", "--output-dir", output_dir, cwd=tmp_path))
    assert message in line
    assert manifest(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == ["file"]


def test_broken_symlink_destination_is_refused(tmp_path: Path) -> None:
    (tmp_path / "demo").symlink_to(tmp_path / "gone")
    line = one_line(invoke_cli("demo", "-y", "--force", cwd=tmp_path))
    assert "is a broken symbolic link: remove it" in line
    assert os.listdir(tmp_path) == ["demo"]


def unprivileged() -> list[str]:
    """A command prefix under which permission bits bind, as for any user.

    Root keeps its uid (so the interpreter under /root stays reachable) but loses the
    capabilities that override permission bits; others are bound by them anyway.
    """
    if os.geteuid() != 0:
        return []
    return [require_tool("setpriv"), "--bounding-set=-dac_override,-dac_read_search,-fowner"]


@pytest.mark.parametrize(
    ("locked", "mode", "flags"),
    [(".", 0o555, []), ("demo", 0o555, ["--force"]), ("demo", 0o000, ["--force"])],
    ids=["parent-read-only", "destination-read-only", "destination-unreadable"],
)
def test_directory_without_permission_is_refused(
    tmp_path: Path, locked: str, mode: int, flags: list[str]
) -> None:
    place = tmp_path / "place"
    (place / "demo").mkdir(parents=True)
    (place / "demo" / "notes.txt").write_text("mine\n")
    before = manifest(place)
    (place / locked).chmod(mode)
    try:
        result = run_cli(
            "demo", "-y", "--output-dir", str(place), *flags, cwd=tmp_path, prefix=unprivileged()
        )
    finally:
        (place / locked).chmod(0o755)
    line = one_line(result)
    assert f"cannot write in {(place / locked).resolve()}: pick a directory you can write" in line
    assert manifest(place) == before
    assert leftovers(place) == []


# A full disk: a real one, a small tmpfs, where mounting is permitted.


@dataclass
class Disk:
    root: Path
    real: bool

    def mount(self, options: str) -> None:
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", self.root], check=True)

    def unmount(self) -> None:
        subprocess.run(["umount", self.root], check=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    """A mount point for small tmpfs file systems, or `real=False` where mounting is refused."""
    root = tmp_path / "disk"
    root.mkdir()
    trial = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", root], capture_output=True, text=True
    )
    real = trial.returncode == 0
    if real:
        subprocess.run(["umount", root], check=True)
    yield Disk(root, real)
    if os.path.ismount(root):
        subprocess.run(["umount", "--lazy", root], check=False)


def fill_and_create(disk: Disk, options: str, *, force: bool) -> str:
    """Create a project on a fresh tmpfs mounted with `options`; what happened, in a word."""
    disk.mount(options)
    try:
        (disk.root / "notes.txt").write_text("mine\n")
        if force:
            (disk.root / "demo").mkdir()
            (disk.root / "demo" / "README.md").write_text("my readme\n")
        before = manifest(disk.root)
        try:
            create(disk.root / "demo", {}, force=force, git_init=not force)
        except GeneratorError as error:
            assert "No space left on device" in error.message, error.message
            assert "; nothing was" in error.message
            assert manifest(disk.root) == before
            assert leftovers(disk.root) == []
            return (
                "moving"
                if "could not write " + str(disk.root / "demo") in error.message
                else ("git" if "git " in error.message else "rendering")
            )
        assert (disk.root / "demo" / "app.py").is_file()
        assert (disk.root / "notes.txt").read_text() == "mine\n"
        if not force:
            assert git(disk.root / "demo", "status", "--porcelain") == ""
        return "complete"
    finally:
        disk.unmount()


def test_full_disk_leaves_everything_as_it_was(disk: Disk, monkeypatch) -> None:
    """Fill the disk at every stage: rendering, the first commit, moving into a directory."""
    if not disk.real:
        # No permission to mount (an unprivileged container): test_cli's simulated full disk
        # covers the move, and this fails a write part way through the render.
        simulate_full_disk_while_rendering(disk.root, monkeypatch)
        return
    outcomes: dict[str, str] = {}
    for kilobytes in range(0, 1024, 40):  # by size: the render, then git, run out of space
        outcomes[f"size={4 + kilobytes}k"] = outcome = fill_and_create(
            disk, f"size={4 + kilobytes}k", force=False
        )
        if outcome == "complete":
            break
    for inodes in range(20, 60):  # by inodes, with --force: the move runs out last
        outcomes[f"nr_inodes={inodes}"] = outcome = fill_and_create(
            disk, f"nr_inodes={inodes}", force=True
        )
        if outcome == "complete":
            break
    print("\n".join(f"{options}: {outcome}" for options, outcome in outcomes.items()))
    assert {"rendering", "git", "moving", "complete"} <= set(outcomes.values())
    disk.mount("size=4k")  # and what the user sees
    try:
        line = one_line(run_cli("demo", "-y", cwd=disk.root), code=1)
        assert os.listdir(disk.root) == []
    finally:
        disk.unmount()
    assert line.startswith("error: ") and "No space left on device; nothing was" in line


def simulate_full_disk_while_rendering(root: Path, monkeypatch) -> None:
    import errno

    real_write = Path.write_bytes
    written = 0

    def write_until_full(self: Path, data: bytes) -> int:
        nonlocal written
        written += 1
        if written > 5 and str(self).startswith(str(root)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, data)

    (root / "notes.txt").write_text("mine\n")
    before = manifest(root)
    monkeypatch.setattr(Path, "write_bytes", write_until_full)
    with pytest.raises(GeneratorError, match="No space left on device; nothing was changed"):
        create(root / "demo", {})
    monkeypatch.undo()
    assert manifest(root) == before
    assert leftovers(root) == []


# Ctrl-C at many moments of a run, as a terminal sends it (to the process group) or as
# `kill -INT` does (to new-app alone). Each run is classified by what an observer saw just before
# the signal; the sweep adds moments inside the busy phase until enough landed there.


@dataclass
class Outcome:
    delay: float
    phase: str
    returncode: int
    stderr: str


def interrupt(
    args: list[str],
    cwd: Path,
    delay: float,
    *,
    group: bool,
    watch: Callable[[], str],
    env=None,
    signum: int = signal.SIGINT,
) -> Outcome:
    command, environment = cli_command(*args, env=env)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a job in a shell
    )
    time.sleep(max(0.0, start + delay - time.monotonic()))
    phase = "exited" if process.poll() is not None else watch()
    if phase != "exited":
        if group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    return Outcome(delay, phase, process.returncode, stderr)


def calibrate(args: list[str], cwd: Path, watch: Callable[[], str], env=None) -> dict[str, float]:
    """When each phase starts, seen from outside, in one uninterrupted run."""
    command, environment = cli_command(*args, env=env)
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: dict[str, float] = {}
    while process.poll() is None:
        seen.setdefault(watch(), time.monotonic() - start)
        time.sleep(0.002)
    assert process.wait() == 0, process.stderr.read() if process.stderr else ""
    seen["exited"] = time.monotonic() - start
    return seen


def assert_stopped_cleanly(result: Outcome, *messages: str, signum: int = signal.SIGINT) -> None:
    """Exit 128 + `signum` with one of `messages` last; or Python's own exit when the
    interpreter was still starting, before new-app's entry point could catch anything
    (a KeyboardInterrupt traceback, or for SIGTERM and SIGHUP death by the signal, silently)."""
    early = result.stderr.rstrip().endswith("KeyboardInterrupt") or (
        signum != signal.SIGINT and result.returncode == -signum and not result.stderr.strip()
    )
    if result.returncode != 128 + signum and early:
        assert str(REPO / "gradio_forge" / "__main__.py") not in result.stderr, result.stderr
        result.phase = "interpreter"
        return
    assert "Traceback" not in result.stderr, result.stderr
    # Killed by the signal after saying its last word is 128 + N to a shell too: seen once in
    # ~50 runs of SIGINT.
    assert result.returncode in (128 + signum, -signum), result
    assert result.stderr.strip().splitlines()[-1] in messages, result


def sweep(
    run: Callable[[float, bool], Outcome],
    timings: dict[str, float],
    busy: tuple[str, str],
    check: Callable[[Outcome], None],
) -> list[Outcome]:
    """15 moments from 0.05 s to just past the end of a run, then more inside `busy` until 4
    landed there."""
    total = timings["exited"] * 1.2
    delays = [0.05 + (total - 0.05) * step / 14 for step in range(15)]
    start, end = timings.get(busy[0], 0.0), timings.get(busy[1], total)
    runs: list[Outcome] = []
    extra = 0
    while delays:
        result = run(delays.pop(0), len(runs) % 2 == 0)
        check(result)
        runs.append(result)
        inside = sum(r.phase == busy[0] for r in runs)
        if not delays and inside < 4 and extra < 12:
            extra += 1
            delays.append(start + (end - start) * (extra % 4 + 0.5) / 4)
    summary = ", ".join(
        f"{phase}: {sum(r.phase == phase for r in runs)}"
        for phase in dict.fromkeys(r.phase for r in runs)
    )
    print(f"\nphases (s): {timings}\n{len(runs)} interrupts: {summary}")
    for r in runs:
        print(f"  {r.delay:5.2f}s {r.phase:9} exit {r.returncode}: {r.stderr.strip()[-90:]!r}")
    assert inside >= 4, f"only {inside} interrupts landed while {busy[0]}"
    return runs


def test_ctrl_c_while_creating_leaves_nothing_or_everything(tmp_path: Path) -> None:
    place = tmp_path / "place"
    place.mkdir()
    (place / "notes.txt").write_text("mine\n")
    target = place / "demo"
    before = manifest(place)

    def watch() -> str:
        names = os.listdir(place)
        if "demo" in names:
            return "landed"
        return "rendering" if any(n.startswith(".new-app-") for n in names) else "starting"

    timings = calibrate(["demo", "--defaults"], place, watch)
    reference = worktree(target)
    shutil.rmtree(target)

    def run(delay: float, group: bool) -> Outcome:
        return interrupt(["demo", "--defaults"], place, delay, group=group, watch=watch)

    def check(result: Outcome) -> None:
        assert leftovers(place) == [], result
        if result.returncode == 0:
            assert "Traceback" not in result.stderr, result.stderr
            assert worktree(target) == reference, result
            assert git(target, "status", "--porcelain") == ""
            assert git(target, "rev-list", "--count", "HEAD").strip() == "1"
            shutil.rmtree(target)
        else:
            assert result.phase not in ("landed", "exited"), result
            assert_stopped_cleanly(
                result, "interrupted: nothing was written", "interrupted: nothing changed"
            )
        assert manifest(place) == before, result

    runs = sweep(run, timings, ("rendering", "landed"), check)
    assert any(r.returncode == 130 for r in runs) and any(r.returncode == 0 for r in runs)


@pytest.fixture(scope="module")
def old_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed project from the first released template, with ignored files of its owner."""
    scratch = tmp_path_factory.mktemp("old")
    template = scratch / "template-0.1.0"
    clone = ["-c", "advice.detachedHead=false", "clone", "--quiet", "--branch", "0.1.0"]
    git(scratch, *clone, HISTORY_BUNDLE, template)
    project = scratch / "shop"
    create(project, {"deploy_target": "docker"}, source=TemplateSource(template, "0.1.0"))
    (project / "NOTES.md").write_text("Our notes.\n")
    git(project, "add", "NOTES.md")
    git(project, "-c", "user.name=O", "-c", "user.email=o@x", "commit", "-qm", "Notes")
    (project / ".env").write_text("APP_SECRET=keep me\n")  # ignored: no git command restores it
    (project / ".venv").mkdir()
    (project / ".venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    assert git(project, "status", "--porcelain") == ""
    return project


def state(project: Path) -> tuple[dict[str, str], str, str]:
    return (
        worktree(project),
        git(project, "status", "--porcelain", "--untracked-files=all"),
        git(project, "rev-parse", "HEAD"),
    )


@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"]
)
def test_a_stopped_update_leaves_the_project_as_it_was_or_updated(
    old_project: Path, tmp_path: Path, signum: int
) -> None:
    """Ctrl-C, a CI cancel (SIGTERM) or a dropped SSH session (SIGHUP), at many moments of an
    update (a new version and a new answer)."""
    said = (
        "interrupted"
        if signum == signal.SIGINT
        else f"interrupted by {signal.Signals(signum).name}"
    )
    update = ["update", "shop", "--deploy-target", "server"]
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {"TMPDIR": str(temporary)}

    def fresh(label: str) -> Path:
        copy = tmp_path / label / "shop"
        shutil.copytree(old_project, copy, symlinks=True)
        return copy.parent

    def watch() -> str:
        return "updating" if os.listdir(temporary) else "outside"

    reference = fresh("reference")
    timings = calibrate(update, reference, watch, env=env)
    old, new = state(old_project), state(reference / "shop")
    places: dict[float, Path] = {}

    def run(delay: float, group: bool) -> Outcome:
        place = places[delay] = fresh(f"run-{len(places)}")
        return interrupt(update, place, delay, group=group, watch=watch, env=env, signum=signum)

    def check(result: Outcome) -> None:
        project = places[result.delay] / "shop"
        assert os.listdir(temporary) == [], result  # no new-app-* scratch directory left
        after = state(project)
        if result.returncode == 0:
            assert "Traceback" not in result.stderr, result.stderr
            assert after == new, result
        else:
            assert_stopped_cleanly(
                result,
                f"{said}: nothing changed",
                f"{said}: {project} is as it was",
                signum=signum,
            )
            assert after == old, result
            answers = (project / ".copier-answers.yml").read_text()
            assert "_commit: 0.1.0\n" in answers, result

    runs = sweep(run, timings, ("updating", "exited"), check)
    assert any(r.returncode == 128 + signum for r in runs)


# A corrupted .copier-answers.yml: refused by update and check, naming the file; nothing changes.


@pytest.fixture(scope="module")
def committed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("answers") / "shop"
    create(project, {})
    return project


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda a: "_commit: [unclosed\n", "is corrupted (not a YAML mapping)"),
        (lambda a: "- a list\n- of things\n", "is corrupted (not a YAML mapping)"),
        (lambda a: "", "is corrupted (not a YAML mapping)"),
        (lambda a: bytes(range(256)) * 4, "is corrupted (not a YAML mapping)"),
        (lambda a: a.replace("_commit:", "_kommit:"), "lacks _commit"),
        (lambda a: a.replace("_src_path:", "_source:"), "lacks _src_path"),
        (lambda a: a.replace("_commit: ", "_commit: [1, 2] #"), "lacks _commit"),
        (lambda a: a.replace("max_queue_size: 64", "max_queue_size: many"), "max_queue_size"),
        (lambda a: a.replace("max_queue_size: 64", "max_queue_size: 0"), "max_queue_size"),
        (lambda a: a.replace("deploy_target: local", "deploy_target: mars"), "deploy_target"),
        (lambda a: a.replace("title: Shop", "title: ''"), "title: Give the app a title"),
    ],
    ids=[
        "invalid-yaml",
        "a-list",
        "empty",
        "binary",
        "no-commit",
        "no-src-path",
        "commit-not-a-string",
        "not-a-number",
        "out-of-range",
        "not-a-choice",
        "fails-its-validator",
    ],
)
@pytest.mark.parametrize("command", ["update", "check"])
def test_corrupted_answers_are_refused_naming_the_file(
    committed_project: Path,
    tmp_path: Path,
    command: str,
    corrupt: Callable[[str], str | bytes],
    message: str,
) -> None:
    project = tmp_path / "shop"
    shutil.copytree(committed_project, project, symlinks=True)
    answers = project / ".copier-answers.yml"
    content = corrupt(answers.read_text())
    assert content != answers.read_text()
    if isinstance(content, bytes):
        answers.write_bytes(content)
    else:
        answers.write_text(content)
    before = manifest(project)
    line = one_line(invoke_cli(command, str(project), cwd=tmp_path))
    assert line.startswith(f"error: {answers}") and message in line, line
    assert "git checkout -- .copier-answers.yml" in line  # how to get it back
    assert manifest(project) == before


@pytest.mark.parametrize("restorable", [True, False], ids=["restored", "by-hand"])
def test_interrupted_update_restores_or_says_how(
    old_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restorable: bool
) -> None:
    """Ctrl-C half-way through copier's work; a stale index.lock makes git refuse to restore."""
    from gradio_forge import rendering, updating
    from gradio_forge.errors import Interrupted

    project = tmp_path / "shop"
    shutil.copytree(old_project, project, symlinks=True)
    before = state(project)

    def half_an_update(project: Path, *args: object, **options: object) -> None:
        (project / "app.py").write_text("# half\n")
        (project / "README.md").unlink()
        (project / "new-dir").mkdir()  # untracked: `git clean -d` removes it
        (project / "new-dir" / "Caddyfile").write_text("half\n")
        if not restorable:
            (project / ".git" / "index.lock").write_text("")
        raise KeyboardInterrupt

    monkeypatch.setattr(rendering, "update", half_an_update)
    with pytest.raises(Interrupted) as raised:
        updating.update(project, {"deploy_target": "server"})
    if restorable:
        assert raised.value.message == f"interrupted: {project} is as it was"
    else:
        message = raised.value.message
        assert "\n" not in message and "index.lock': File exists" in message
        assert message.endswith(
            f"failed (git restore failed in {project}: fatal: Unable to create "
            f"'{project}/.git/index.lock': File exists.): run `{updating.RESTORE_BY_HAND}` in it"
        )
        (project / ".git" / "index.lock").unlink()  # what git's own message asks
        subprocess.run(updating.RESTORE_BY_HAND, shell=True, cwd=project, check=True)
    assert state(project) == before  # .env and .venv/ (ignored) included


# A Ctrl-C that Python drops (raised inside a finalizer, where it is only printed) or a library
# swallows must still stop the command before its point of no return. CI caught the first once:
# a `Popen.__del__` ran as the signal arrived, a traceback was printed, and the project landed.


def ctrl_c_in_a_finalizer() -> None:
    class Collected:
        def __del__(self) -> None:
            signal.raise_signal(signal.SIGINT)
            for _ in range(1000):  # Python runs the handler here, inside the finalizer
                pass

    Collected()


def ctrl_c_swallowed() -> None:
    try:
        signal.raise_signal(signal.SIGINT)
        for _ in range(1000):
            pass
    except KeyboardInterrupt:
        pass


def test_a_dropped_ctrl_c_stops_create_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from gradio_forge import interrupts, rendering

    render = rendering.render

    def render_then_drop_a_ctrl_c(*args: object, **options: Any) -> list[str]:
        files = render(*args, **options)
        ctrl_c_in_a_finalizer()
        return files

    monkeypatch.setattr(rendering, "render", render_then_drop_a_ctrl_c)
    (tmp_path / "notes.txt").write_text("mine\n")
    before = manifest(tmp_path)
    with interrupts.watched(), pytest.raises(KeyboardInterrupt):
        create(tmp_path / "demo", {})
    assert manifest(tmp_path) == before
    assert capfd.readouterr().err == ""


def test_a_swallowed_ctrl_c_stops_update_and_restores(
    old_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gradio_forge import interrupts, rendering, updating
    from gradio_forge.errors import Interrupted

    project = tmp_path / "shop"
    shutil.copytree(old_project, project, symlinks=True)
    before = state(project)
    copier_update = rendering.update

    def update_then_swallow_a_ctrl_c(*args: Any, **options: Any) -> None:
        copier_update(*args, **options)
        ctrl_c_swallowed()

    monkeypatch.setattr(rendering, "update", update_then_swallow_a_ctrl_c)
    with interrupts.watched(), pytest.raises(Interrupted) as raised:
        updating.update(project, {"deploy_target": "server"})
    assert raised.value.message == f"interrupted: {project} is as it was"
    assert state(project) == before


def test_a_failure_that_a_ctrl_c_caused_is_reported_as_the_interrupt(
    old_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in CI: Ctrl-C stopped copier's git, then removing copier's scratch directory, which
    that git child was still writing in, failed with "Directory not empty"."""
    import copier

    from gradio_forge import interrupts, updating
    from gradio_forge.errors import Interrupted

    project = tmp_path / "shop"
    shutil.copytree(old_project, project, symlinks=True)
    before = state(project)

    def cut_short_clean_up(*_: object, **__: object) -> None:
        (project / "app.py").write_text("# half\n")
        try:
            ctrl_c_swallowed()
        finally:
            raise OSError(39, "Directory not empty")

    monkeypatch.setattr(copier, "run_update", cut_short_clean_up)
    with interrupts.watched(), pytest.raises(Interrupted) as raised:
        updating.update(project, {"deploy_target": "server"})
    assert raised.value.message == f"interrupted: {project} is as it was"
    assert state(project) == before


def test_the_cli_reports_a_failure_after_a_ctrl_c_as_the_interrupt(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import typer

    from gradio_forge.cli import run_reported

    def fails() -> None:
        raise GeneratorError("could not write /x: Directory not empty; nothing was changed")

    def fails_after_a_ctrl_c() -> None:
        ctrl_c_swallowed()
        fails()

    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(typer.Exit) as raised:
            run_reported(fails_after_a_ctrl_c, interrupted="nothing was written")
        assert raised.value.exit_code == 130
        assert capsys.readouterr().err == "interrupted: nothing was written\n"
        with pytest.raises(typer.Exit) as raised:  # the next command starts unheard
            run_reported(fails, interrupted="nothing was written")
        assert raised.value.exit_code == 1
        assert capsys.readouterr().err.startswith("error: could not write /x")
    finally:
        signal.signal(signal.SIGINT, previous)  # run_reported ignores Ctrl-C once a command is over


def test_a_ctrl_c_that_python_turns_into_another_error_is_the_interrupt(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """What CI's Ctrl-C sweep saw once: the Ctrl-C landed in a __set_name__ while copier
    imported pydantic, and Python 3.11 raised RuntimeError("Error calling __set_name__")."""
    import typer

    from gradio_forge.cli import run_reported

    class Field:
        def __set_name__(self, owner: type, name: str) -> None:
            signal.raise_signal(signal.SIGINT)

    def imports() -> None:
        type("DecoratorInfos", (), {"field_serializers": Field()})

    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(typer.Exit) as raised:
            run_reported(imports, interrupted="nothing was written")
        assert raised.value.exit_code == 130
        assert capsys.readouterr().err == "interrupted: nothing was written\n"
        # Without a Ctrl-C, an error is not taken for one.
        with pytest.raises(ZeroDivisionError):
            run_reported(lambda: 1 // 0, interrupted="nothing was written")
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_swallowed_while_starting_still_stops_the_command(
    capsys: pytest.CaptureFixture[str], signum: int
) -> None:
    """A signal that arrives while new-app starts, and that something swallows (a blanket
    `except` at import time), is remembered from new-app's first line on: the command stops."""
    import typer

    from gradio_forge import interrupts
    from gradio_forge.cli import run_reported

    done: list[str] = []

    def command() -> None:
        interrupts.raise_if_lost()  # the point of no return
        done.append("changed")

    previous = {s: signal.getsignal(s) for s in interrupts.STOPPING}
    try:
        interrupts.stop_like_ctrl_c()  # what `new-app` does first
        try:
            signal.raise_signal(signum)
            for _ in range(1000):
                pass
        except KeyboardInterrupt:
            pass  # swallowed, as a blanket `except` at import time does
        with pytest.raises(typer.Exit) as raised:
            run_reported(command, interrupted="nothing changed")
        assert raised.value.exit_code == 128 + signum and done == []
        cause = "" if signum == signal.SIGINT else f" by {signal.Signals(signum).name}"
        assert capsys.readouterr().err == f"interrupted{cause}: nothing changed\n"
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


GIT_FULL_DISK = (
    "Cloning into '/tmp/copier._vcs.clone.x'...\n"
    "error: unable to write file app.py.jinja\n"
    "fatal: cannot create directory at 'template': No space left on device\n"
)


@pytest.mark.parametrize("step", ["create", "update"])
def test_git_failing_under_copier_is_one_line_naming_git_and_the_fix(
    step: str, old_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """copier runs git through plumbum, whose error spans the exit code, the command line and
    every line git printed: the user gets git's last line, and where to free space."""
    import copier
    from plumbum import ProcessExecutionError

    from gradio_forge import updating

    def git_fails(*_: object, **__: object) -> None:
        raise ProcessExecutionError(["git", "clone", "x", "y"], 128, "", GIT_FULL_DISK)

    monkeypatch.setattr(copier, "run_copy" if step == "create" else "run_update", git_fails)
    project = tmp_path / "shop"
    if step == "update":
        shutil.copytree(old_project, project, symlinks=True)
    before = state(project) if step == "update" else manifest(tmp_path)
    with pytest.raises(GeneratorError) as raised:
        if step == "create":
            create(project, {})
        else:
            updating.update(project, {"deploy_target": "server"})
    message = raised.value.message
    assert "\n" not in message
    assert "git: fatal: cannot create directory at 'template': No space left on device" in message
    assert "free some space in" in message
    assert (state(project) if step == "update" else manifest(tmp_path)) == before


def test_a_process_still_writing_in_a_scratch_directory_is_stopped_before_it_goes(
    tmp_path: Path,
) -> None:
    """What a Ctrl-C sent to new-app alone (not its process group) leaves behind: copier's git,
    which goes on writing in its clone, and would make the directory again after it was removed."""
    import sys

    from gradio_forge import interrupts

    writes = (
        "import os, sys, time\n"
        "while True:\n"
        "    os.makedirs(os.path.join(sys.argv[1], 'clone', 'objects'), exist_ok=True)\n"
        "    time.sleep(0.002)\n"
    )
    with pytest.raises(KeyboardInterrupt), interrupts.scratch_directory(tmp_path) as scratch:
        writer = subprocess.Popen([sys.executable, "-c", writes, str(scratch)])
        while not (scratch / "clone").exists():
            time.sleep(0.01)
        raise KeyboardInterrupt
    # SIGKILL when it ignores SIGTERM (pytest's process may ignore it after a command ran).
    assert writer.wait(timeout=10) in (-signal.SIGTERM, -signal.SIGKILL)
    time.sleep(0.1)  # time enough for a writer still running to make the directory again
    assert list(tmp_path.iterdir()) == []


def test_every_scratch_directory_of_a_command_is_one_that_survives_a_signal() -> None:
    """tempfile's directories are removed without holding signals or stopping what still
    writes in them: a SIGTERM during an update left its `new-app-old-*` directory behind."""
    import ast

    made_by_tempfile = []
    for path in sorted((REPO / "gradio_forge").rglob("*.py")):
        if path.name == "interrupts.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("TemporaryDirectory", "mkdtemp")
            ):
                made_by_tempfile.append(f"{path.relative_to(REPO)}:{node.lineno}")
    # The one left is the release tooling's (maintainers recording a template release).
    assert [place.split(":")[0] for place in made_by_tempfile] == [
        "gradio_forge/template_history.py"
    ], made_by_tempfile
