"""Time `new-app` against plain copier doing the same work, on this machine.

    /tmp/v/bin/python scripts/bench_cli.py [--runs 7] [--skip-update]

It measures the code of the checkout it lives in: `new-app` runs as `python -m gradio_forge` with
PYTHONPATH set to this checkout (an installed `new-app` script may be an editable install of
another checkout). copier and python come from the interpreter running this script (its bin
directory must hold `copier`; see --bin). HOME is a throwaway directory, so the user's template
cache and git identity are untouched.

The baselines do the same work as new-app:
- start-up: `python -c pass` (the floor) and `copier --help`;
- create: `copier copy` of new-app's own template repository (~/.cache/gradio-forge/template,
  which new-app keeps in step with the history bundle and the installed template) at the same
  tag with the same answers (read from new-app's .copier-answers.yml); with git, followed by
  `git init && git add -A && git commit`;
- update: `copier update` of the same project (made at the oldest released tag) to the same tag
  new-app targets, with new-app's settings (--defaults --skip-answered --conflict inline); the
  copier API in a bare `python -c` is shown too, as the floor without copier's CLI.
Both sides' outputs are compared, so a faster new-app cannot be doing less.

Figures are medians of interleaved runs: wall time, and CPU time (user + system of the whole
process tree), which a busy machine disturbs less. The verdict judges wall time.
"""

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))  # the generator being measured, not an installed one

from gradio_forge import git  # noqa: E402
from gradio_forge.compiled_templates import DIRECTORY  # noqa: E402
from gradio_forge.template_history import TEMPLATE_URL  # noqa: E402

STARTUP_TARGET = 0.15  # seconds, for --help and --version
RATIO_TARGET = 1.05  # new-app / plain copier on the same work
# new-app keeps compiled templates between runs; a first run compiles them all, as copier does.
FIRST_RUN = "first run (empty compile cache)"


@dataclass(frozen=True)
class Command:
    argv: Sequence[str | Path]
    cwd: Path | None = None


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> tuple[float, float]:
        return statistics.median(self.wall), statistics.median(self.cpu)


WITHOUT_TYPER_SPEEDUP = (
    "import sys, gradio_forge.typer_speedup as speedup;"
    " speedup.skip_coercing_missing_values = lambda: None;"
    " from gradio_forge.__main__ import main; main()"
)

# A step gives the commands of run i, timed together (e.g. copier, then git).
Step = Callable[[int], list[Command]]


class Bench:
    def __init__(self, scratch: Path, bin_dir: Path) -> None:
        self.scratch = scratch
        self.python = str(bin_dir / "python")
        self.copier_bin = str(bin_dir / "copier")
        self.home = scratch / "home"
        self.home.mkdir()
        self.version = ""  # the template version new-app renders, known after prepare()
        self.answers = scratch / "answers.yml"
        # Both sides commit with this identity, and new-app offers it as the author default.
        (self.home / ".gitconfig").write_text(
            "[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n"
        )
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GIT_", "XDG_", "COPIER_")) and key != "PYTHONPATH"
        }
        self.env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
        )

    def new_app(self, *args: str | Path, cwd: Path | None = None) -> Command:
        return Command([self.python, "-m", "gradio_forge", *args], cwd)

    def new_app_without_typer_speedup(self, *args: str) -> Command:
        """What gradio_forge/typer_speedup.py buys: new-app with it turned off."""
        return Command([self.python, "-c", WITHOUT_TYPER_SPEEDUP, *args])

    def copier(self, *args: str | Path) -> Command:
        return Command([self.copier_bin, *args])

    def run(self, command: Command) -> tuple[float, float]:
        """Run one command; return its wall and CPU seconds. A failure stops the bench."""
        env = self.env
        if command.argv[1:3] == ["-m", "gradio_forge"] or command.argv[1:3] == [
            "-c",
            WITHOUT_TYPER_SPEEDUP,
        ]:
            env = {**env, "PYTHONPATH": str(CHECKOUT)}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [str(part) for part in command.argv],
            cwd=command.cwd or self.scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode != 0:
            sys.exit(
                f"bench: {' '.join(map(str, command.argv))} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return wall, cpu

    def place(self, kind: str, i: int) -> Path:
        """A fresh, empty parent directory for run `i` of `kind`."""
        parent = self.scratch / kind / str(i)
        parent.mkdir(parents=True)
        return parent

    def prepare(self) -> None:
        """Run new-app once: it builds the template repository copier renders from, too.

        Its recorded answers become the answers copier is given.
        """
        self.run(self.new_app("demo", "--defaults", "--no-git", cwd=self.place("warm", 0)))
        recorded = yaml.safe_load((self.scratch / "warm/0/demo/.copier-answers.yml").read_text())
        self.version = recorded["_commit"]
        answers = {key: value for key, value in recorded.items() if not key.startswith("_")}
        self.answers.write_text(yaml.safe_dump(answers))

    def forget_compiled_templates(self) -> None:
        """Empty new-app's compile cache, as on a machine where it never ran."""
        shutil.rmtree(DIRECTORY.replace("~", str(self.home), 1), ignore_errors=True)

    def copier_copy(self, project: Path, ref: str = "") -> Command:
        return self.copier(
            "copy", "--quiet", "--defaults", "--data-file", self.answers,
            "--vcs-ref", ref or self.version, TEMPLATE_URL, project,
        )  # fmt: skip

    def time_all(self, runs: int, steps: dict[str, Step]) -> dict[str, Timing]:
        """Run each step once per round, interleaved, so load changes hit every step alike."""
        timings = {name: Timing() for name in steps}
        for i in range(runs):
            for name, step in steps.items():
                measured = [self.run(command) for command in step(i)]
                timings[name].wall.append(sum(wall for wall, _ in measured))
                timings[name].cpu.append(sum(cpu for _, cpu in measured))
        return timings


def git_commit(project: Path) -> list[Command]:
    return [
        Command(["git", "init", "--quiet"], project),
        Command(["git", "add", "-A"], project),
        Command(["git", "commit", "--quiet", "--no-verify", "-m", "Initial commit"], project),
    ]


def same_tree(left: Path, right: Path) -> bool:
    """Whether two directories hold the same files with the same bytes (.git aside).

    tests.helpers.worktree() says the same, but importing it would bring pytest, which the
    bench does not otherwise need.
    """
    pending = [filecmp.dircmp(left, right, ignore=[".git"])]
    while pending:
        current = pending.pop()
        if current.left_only or current.right_only or current.funny_files:
            return False
        _, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        if mismatch or errors:
            return False
        pending.extend(current.subdirs.values())
    return True


def git_status(project: Path) -> list[str]:
    return git.run(project, "status", "--porcelain", "--untracked-files=all").splitlines()


def header() -> str:
    return f"  {'':<56} {'wall':>7}    {'cpu':>7}"


def row(name: str, timing: Timing, baselines: dict[str, Timing]) -> str:
    wall, cpu = timing.median
    ratios = "  ".join(
        f"{wall / base.median[0]:4.2f}x wall, {cpu / base.median[1]:4.2f}x cpu vs {label}"
        for label, base in baselines.items()
    )
    return f"  {name:<56} {wall:7.3f} s  {cpu:7.3f} s  {ratios}".rstrip()


def ratio_verdict(title: str, ours: Timing, base: Timing, same: bool) -> tuple[str, bool]:
    wall = ours.median[0] / base.median[0]
    cpu = ours.median[1] / base.median[1]
    met = wall <= RATIO_TARGET and same
    return f"{title}: {wall:.2f}x wall ({cpu:.2f}x cpu) <= {RATIO_TARGET}", met


def startup(bench: Bench, runs: int) -> list[tuple[str, bool]]:
    timings = bench.time_all(
        runs,
        {
            "python -c pass": lambda i: [Command([bench.python, "-c", "pass"])],
            "new-app --help": lambda i: [bench.new_app("--help")],
            "new-app --help, no typer speed-up": lambda i: [
                bench.new_app_without_typer_speedup("--help")
            ],
            "new-app --version": lambda i: [bench.new_app("--version")],
            "copier --help": lambda i: [bench.copier("--help")],
        },
    )
    baselines = {"python": timings["python -c pass"], "copier --help": timings["copier --help"]}
    verdicts = []
    print("start-up")
    print(header())
    for name, timing in timings.items():
        ours = name.startswith("new-app")
        print(row(name, timing, baselines if ours else {}))
        if ours and "no typer speed-up" not in name:  # that row is for reference only
            wall = timing.median[0]
            verdicts.append((f"{name}: {wall:.3f} s < {STARTUP_TARGET} s", wall < STARTUP_TARGET))
    return verdicts


def create(bench: Bench, runs: int, *, git: bool) -> tuple[str, bool]:
    kind = "git" if git else "nogit"
    flags = [] if git else ["--no-git"]

    def copier_step(i: int) -> list[Command]:
        project = bench.place(f"copier-{kind}", i) / "demo"
        return [bench.copier_copy(project), *(git_commit(project) if git else [])]

    def new_app_step(i: int) -> list[Command]:
        return [bench.new_app("demo", "--defaults", *flags, cwd=bench.place(f"new-{kind}", i))]

    def first_run_step(i: int) -> list[Command]:
        bench.forget_compiled_templates()
        return [bench.new_app("demo", "--defaults", *flags, cwd=bench.place(f"first-{kind}", i))]

    base_name = "copier copy (same ref, answers)" + (" + git init/add/commit" if git else "")
    new_name = " ".join(["new-app demo --defaults", *flags])
    first_name = f"{new_name}, {FIRST_RUN}"
    steps = {base_name: copier_step, new_name: new_app_step, first_name: first_run_step}
    timings = bench.time_all(runs, steps)
    scratch = bench.scratch
    same = all(
        same_tree(scratch / f"{ours}-{kind}/{i}/demo", scratch / f"copier-{kind}/{i}/demo")
        for i in range(runs)
        for ours in ("new", "first")
    )
    title = "create with git" if git else "create"
    print(f"\n{title} (template {bench.version}; same files: {same})")
    print(header())
    print(row(base_name, timings[base_name], {}))
    for name in (new_name, first_name):
        print(row(name, timings[name], {"copier": timings[base_name]}))
    return ratio_verdict(title, timings[new_name], timings[base_name], same)


def update(bench: Bench, runs: int) -> tuple[str, bool]:
    template = Path(TEMPLATE_URL.replace("~", str(bench.home), 1))
    tags = git.run(template, "tag", "--list", "--sort=v:refname").split()
    old = next(tag for tag in tags if tag != bench.version)
    made = bench.scratch / "old/demo"
    made.parent.mkdir()
    for command in [bench.copier_copy(made, old), *git_commit(made)]:
        bench.run(command)

    def fresh(kind: str, i: int) -> Path:
        project = bench.place(kind, i) / "demo"
        shutil.copytree(made, project, symlinks=True)
        return project

    api = (
        "import sys, copier; copier.run_update(sys.argv[1], vcs_ref=sys.argv[2], "
        "overwrite=True, defaults=True, skip_answered=True, conflict='inline', quiet=True)"
    )
    flags = ["--quiet", "--defaults", "--skip-answered", "--conflict", "inline"]
    cli, in_api, ours = "copier update (CLI)", "copier.run_update() in python -c", "new-app update"
    first = f"{ours}, {FIRST_RUN}"

    def first_run_step(i: int) -> list[Command]:
        bench.forget_compiled_templates()
        return [bench.new_app("update", fresh("up-first", i))]

    timings = bench.time_all(
        runs,
        {
            cli: lambda i: [
                bench.copier("update", *flags, "--vcs-ref", bench.version, fresh("up-cli", i))
            ],
            in_api: lambda i: [
                Command([bench.python, "-c", api, fresh("up-api", i), bench.version])
            ],
            ours: lambda i: [bench.new_app("update", fresh("up-new", i))],
            first: first_run_step,
        },
    )
    same = True
    for i in range(runs):
        by_new_app, by_copier = (
            bench.scratch / f"up-new/{i}/demo",
            bench.scratch / f"up-cli/{i}/demo",
        )
        by_first_run = bench.scratch / f"up-first/{i}/demo"
        for ours_made in (by_new_app, by_first_run):
            same = same and same_tree(ours_made, by_copier)
            same = same and git_status(ours_made) == git_status(by_copier)
    print(f"\nupdate {old} -> {bench.version} (same files and git status: {same})")
    print(header())
    for name, timing in timings.items():
        baselines = {"CLI": timings[cli], "API": timings[in_api]} if name in (ours, first) else {}
        print(row(name, timing, baselines))
    return ratio_verdict("update vs copier CLI", timings[ours], timings[cli], same)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument(
        "--bin",
        type=Path,
        default=Path(sys.executable).parent,
        help="directory holding python and copier (default: this interpreter's)",
    )
    parser.add_argument("--skip-update", action="store_true", help="do not time updates")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-new-app-") as scratch:
        bench = Bench(Path(scratch), options.bin)
        copier_version = subprocess.run(
            [bench.copier_bin, "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
        print(f"checkout {CHECKOUT}; {copier_version}; python {sys.version.split()[0]}")
        print(
            f"medians of {options.runs} runs; new-app = python -m gradio_forge, PYTHONPATH=checkout"
        )
        print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}\n")
        verdicts = startup(bench, options.runs)
        bench.prepare()
        verdicts += [create(bench, options.runs, git=git) for git in (False, True)]
        if not options.skip_update:
            verdicts.append(update(bench, options.runs))
        print(f"\nload average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
        print("verdict")
        for target, met in verdicts:
            print(f"  {'PASS' if met else 'FAIL'}  {target}")


if __name__ == "__main__":
    main()
