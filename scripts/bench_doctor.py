"""How fast `new-app doctor` is beside `ruff check --select E,F` on the same files.

    python scripts/bench_doctor.py PATH... [--runs N]

Both run as commands, as a user runs them (start-up included), on the same paths: cold (ruff
--no-cache, doctor --no-cache: both do the whole work) and warm (both reuse their caches of
unchanged files). Prints the medians of N runs, the ratios, the doctor's start-up alone, its
own time per file measured in-process, and the machine's load before and after (the figures
mean little on a busy machine: ruff's threads and the doctor's processes compete for cores).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


# As a user runs it: with bytecode caches (a first run writes them and is not counted), and
# both tools' result caches in a scratch directory rather than the user's.
SCRATCH = tempfile.mkdtemp(prefix="bench-doctor-")
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENVIRONMENT["XDG_CACHE_HOME"] = SCRATCH


def _time(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, env=ENVIRONMENT, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=ENVIRONMENT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    paths = [str(p) for p in args.paths]
    doctor = [sys.executable, "-m", "gradio_forge", "doctor", *paths]
    ruff_command = [ruff, "check", "--no-cache", "--select", "E,F", "--quiet", *paths]

    load_before = os.getloadavg()[0]
    from gradio_forge.doctor.rules import RULES
    from gradio_forge.doctor.runner import check_paths

    start = time.perf_counter()
    _, _, files = check_paths(args.paths, frozenset(RULES))
    in_process = time.perf_counter() - start

    cold = _time([*doctor[:4], "--no-cache", *paths], args.runs)
    ruff_cold = _time(ruff_command, args.runs)
    warm = _time(doctor, args.runs)  # its first run fills the cache
    ruff_cached = [c for c in ruff_command if c != "--no-cache"]
    ruff_warm = _time(
        [*ruff_cached[:2], "--cache-dir", f"{SCRATCH}/ruff", *ruff_cached[2:]], args.runs
    )
    startup = _time(
        [sys.executable, "-m", "gradio_forge", "doctor", "--explain", "GR001"], args.runs
    )
    load = f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after"
    print(f"files: {files}; medians of {args.runs} runs, start-up included; {load}")
    print(f"cold (no caches): doctor {cold:.3f} s, ruff {ruff_cold:.3f} s: {cold / ruff_cold:.1f}x")
    print(f"warm (caches):    doctor {warm:.3f} s, ruff {ruff_warm:.3f} s: {warm / ruff_warm:.1f}x")
    print(f"doctor start-up alone (`new-app doctor --explain GR001`): {startup:.3f} s")
    print(
        f"doctor in-process, cold: {in_process:.3f} s, {1000 * in_process / files:.2f} ms per file"
    )
    shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
