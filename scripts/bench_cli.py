"""Time `new-app` against plain copier doing the same work, on this machine.

    /tmp/v/bin/python scripts/bench_cli.py [--runs 7]

It measures the code of the checkout it lives in: `new-app` runs as `python -m generator` with
PYTHONPATH set to this checkout (an installed `new-app` script may be an editable install of
another one). copier, git and python come from the interpreter running this script (its bin
directory must hold `copier`). HOME is a throwaway directory, so the user's template cache and
git identity are untouched.

Fair baselines, the same work for both sides:
- start-up: `python -c pass` (the floor) and `copier --help`;
- create: `copier copy` of new-app's own template repository (~/.cache/gradio-forge/template,
  which new-app rebuilds from the history bundle on every run) at the same tag with the same
  answers (read from new-app's .copier-answers.yml); with git, followed by
  `git init && git add -A && git commit`;
- update: `copier update` of the same project (made at the oldest released tag) to the same tag
  new-app targets, with new-app's settings (--defaults --skip-answered --conflict inline); the
  copier API in a bare `python -c` is shown too, as the floor without copier's CLI.
The outputs of both sides are compared once, so a faster new-app cannot be doing less.
Figures are medians of interleaved runs; expect noise on a busy machine.
"""

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

CHECKOUT = Path(__file__).resolve().parent.parent
TEMPLATE_URL = "~/.cache/gradio-forge/template"  # passed unexpanded: copier records it as given
STARTUP_TARGET = 0.15  # seconds, for --help and --version
RATIO_TARGET = 1.05  # new-app / plain copier on the same work

Step = Callable[[int], Sequence[Sequence[str | Path]]]


class Bench:
    def __init__(self, scratch: Path, bin_dir: Path) -> None:
        self.scratch = scratch
        self.python = str(bin_dir / "python")
        self.copier_bin = str(bin_dir / "copier")
        self.home = home = scratch / "home"
        home.mkdir()
        self.version = ""  # the template version new-app renders, known after prepare()
        self.answers = scratch / "answers.yml"
        # Both sides commit with this identity and offer it as the author default.
        (home / ".gitconfig").write_text(
            "[user]\n\tname = Bench\n\temail = bench@example.com\n[init]\n\tdefaultBranch = main\n"
        )
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GIT_", "XDG_", "COPIER_")) and key != "PYTHONPATH"
        }
        self.env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_DATA_HOME=str(home / ".local/share"),
        )
        self.new_app_env = {**self.env, "PYTHONPATH": str(CHECKOUT)}

    def new_app(self, *args: str | Path) -> list[str | Path]:
        return [self.python, "-m", "generator", *args]

    def copier(self, *args: str | Path) -> list[str | Path]:
        return [self.copier_bin, *args]

    def run(self, command: Sequence[str | Path], cwd: Path | None = None) -> float:
        """Run one command; return its wall time in seconds. A failure stops the bench."""
        env = self.new_app_env if command[:3] == self.new_app()[:3] else self.env
        start = time.perf_counter()
        result = subprocess.run(
            [str(part) for part in command],
            cwd=cwd or self.scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(
                f"bench: {' '.join(map(str, command))} failed ({result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        return elapsed

    def output(self, command: Sequence[str | Path]) -> str:
        return subprocess.run(
            command, capture_output=True, text=True, env=self.env, check=True
        ).stdout.strip()

    def place(self, kind: str, i: int) -> Path:
        """A fresh, empty parent directory for run `i` of `kind`."""
        parent = self.scratch / kind / str(i)
        parent.mkdir(parents=True)
        return parent

    def prepare(self) -> None:
        """Run new-app once: it builds the template repository copier renders from, too.

        Its recorded answers become the answers copier is given.
        """
        self.run(self.new_app("demo", "--defaults", "--no-git"), cwd=self.place("warm", 0))
        recorded = yaml.safe_load((self.scratch / "warm/0/demo/.copier-answers.yml").read_text())
        self.version = recorded["_commit"]
        answers = {key: value for key, value in recorded.items() if not key.startswith("_")}
        self.answers.write_text(yaml.safe_dump(answers))

    def copier_copy(self, project: Path, ref: str = "") -> list[str | Path]:
        return self.copier(
            "copy", "--quiet", "--defaults", "--data-file", self.answers,
            "--vcs-ref", ref or self.version, TEMPLATE_URL, project,
        )  # fmt: skip

    def time_all(self, runs: int, steps: dict[str, Step]) -> dict[str, list[float]]:
        """Run each step once per round, interleaved, so load changes hit every step alike.

        A step returns its commands for round i (timed together, e.g. copier + git); a command
        whose first element is "@cwd" runs in the directory given as its second element.
        """
        times: dict[str, list[float]] = {name: [] for name in steps}
        for i in range(runs):
            for name, step in steps.items():
                total = 0.0
                for command in step(i):
                    if command and command[0] == "@cwd":
                        total += self.run(command[2:], cwd=Path(command[1]))
                    else:
                        total += self.run(command)
                times[name].append(total)
        return times


def git_commit_commands(project: Path) -> list[list[str | Path]]:
    return [
        ["@cwd", project, "git", "init", "--quiet"],
        ["@cwd", project, "git", "add", "-A"],
        ["@cwd", project, "git", "commit", "--quiet", "--no-verify", "-m", "Initial commit"],
    ]


def same_tree(left: Path, right: Path) -> bool:
    """Whether two directories hold the same files with the same bytes (.git aside)."""
    comparison = filecmp.dircmp(left, right, ignore=[".git"])
    pending = [comparison]
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
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()


def row(name: str, samples: list[float], baselines: dict[str, float]) -> str:
    median = statistics.median(samples)
    ratios = "  ".join(f"{median / base:5.2f}x {label}" for label, base in baselines.items())
    return f"  {name:<56} {median:7.3f} s  (min {min(samples):.3f})  {ratios}".rstrip()


def startup(bench: Bench, runs: int) -> list[tuple[str, bool]]:
    times = bench.time_all(
        runs,
        {
            "python -c pass": lambda i: [[bench.python, "-c", "pass"]],
            "new-app --help": lambda i: [bench.new_app("--help")],
            "new-app --version": lambda i: [bench.new_app("--version")],
            "copier --help": lambda i: [bench.copier("--help")],
        },
    )
    baselines = {
        "python": statistics.median(times["python -c pass"]),
        "copier --help": statistics.median(times["copier --help"]),
    }
    verdicts = []
    print("start-up")
    for name, samples in times.items():
        ours = name.startswith("new-app")
        print(row(name, samples, baselines if ours else {}))
        if ours:
            verdicts.append(
                (f"{name} < {STARTUP_TARGET} s", statistics.median(samples) < STARTUP_TARGET)
            )
    return verdicts


def create(bench: Bench, runs: int, *, git: bool) -> tuple[str, bool]:
    suffix = "" if git else "-nogit"
    flags = [] if git else ["--no-git"]

    def new_app_step(i: int) -> list[list[str | Path]]:
        return [["@cwd", bench.place(f"new{suffix}", i), *bench.new_app("demo", "-y", *flags)]]

    def copier_step(i: int) -> list[list[str | Path]]:
        project = bench.place(f"copier{suffix}", i) / "demo"
        return [bench.copier_copy(project), *(git_commit_commands(project) if git else [])]

    base_name = "copier copy (same ref, answers)" + (" + git init/add/commit" if git else "")
    times = bench.time_all(
        runs, {base_name: copier_step, f"new-app demo --defaults {' '.join(flags)}": new_app_step}
    )
    (_, base), (_, ours) = times.items()
    same = same_tree(
        bench.scratch / f"new{suffix}/0/demo", bench.scratch / f"copier{suffix}/0/demo"
    )
    title = "create with git" if git else "create"
    print(f"\n{title} (template {bench.version}; same files: {same})")
    for name, samples in times.items():
        print(row(name, samples, {"copier": statistics.median(base)} if samples is ours else {}))
    ratio = statistics.median(ours) / statistics.median(base)
    return f"{title} ratio <= {RATIO_TARGET}", ratio <= RATIO_TARGET and same


def update(bench: Bench, runs: int) -> tuple[str, bool]:
    tags = subprocess.run(
        ["git", "tag", "--list", "--sort=v:refname"],
        cwd=bench.home / ".cache/gradio-forge/template",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    old = next(tag for tag in tags if tag != bench.version)
    made = bench.scratch / "old/demo"
    made.parent.mkdir()
    bench.run(bench.copier_copy(made, old))
    for command in git_commit_commands(made):
        bench.run(command[2:], cwd=made)

    def fresh(kind: str, i: int) -> Path:
        project = bench.place(kind, i) / "demo"
        shutil.copytree(made, project, symlinks=True)
        return project

    api = (
        "import sys, copier; copier.run_update(sys.argv[1], vcs_ref=sys.argv[2], "
        "overwrite=True, defaults=True, skip_answered=True, conflict='inline', quiet=True)"
    )
    cli_flags = ["--quiet", "--defaults", "--skip-answered", "--conflict", "inline"]
    times = bench.time_all(
        runs,
        {
            "copier update (CLI)": lambda i: [
                bench.copier("update", *cli_flags, "--vcs-ref", bench.version, fresh("up-cli", i))
            ],
            "copier.run_update() in python -c": lambda i: [
                [bench.python, "-c", api, fresh("up-api", i), bench.version]
            ],
            "new-app update": lambda i: [bench.new_app("update", fresh("up-new", i))],
        },
    )
    ours, theirs = bench.scratch / "up-new/0/demo", bench.scratch / "up-cli/0/demo"
    same = same_tree(ours, theirs) and git_status(ours) == git_status(theirs)
    baselines = {
        "CLI": statistics.median(times["copier update (CLI)"]),
        "API": statistics.median(times["copier.run_update() in python -c"]),
    }
    print(f"\nupdate {old} -> {bench.version} (same files and git status: {same})")
    for name, samples in times.items():
        print(row(name, samples, baselines if name == "new-app update" else {}))
    ratio = statistics.median(times["new-app update"]) / baselines["CLI"]
    return f"update ratio <= {RATIO_TARGET} (vs copier CLI)", ratio <= RATIO_TARGET and same


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
        copier_version = bench.output(bench.copier("--version"))
        print(f"checkout {CHECKOUT}; {copier_version}; python {sys.version.split()[0]}")
        print(f"medians of {options.runs} runs; new-app = python -m generator, PYTHONPATH=checkout")
        print()
        verdicts = startup(bench, options.runs)
        bench.prepare()
        verdicts += [create(bench, options.runs, git=git) for git in (False, True)]
        if not options.skip_update:
            verdicts.append(update(bench, options.runs))
        print("\nverdict")
        for target, met in verdicts:
            print(f"  {'PASS' if met else 'FAIL'}  {target}")


if __name__ == "__main__":
    main()
