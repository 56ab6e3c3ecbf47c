"""How fast `new-app doctor` is beside `ruff check --select E,F` on the same files.

    python scripts/bench_doctor.py PATH... [--runs N]

Both run as commands, as a user runs them (start-up included), on the same paths; ruff without
its cache so that both do the whole work each time. Prints the median of N runs of each, the
ratio, and the doctor's own time per file measured in-process (start-up excluded).
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _time(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    paths = [str(p) for p in args.paths]
    doctor = [sys.executable, "-m", "generator", "doctor", *paths]
    ruff_command = [ruff, "check", "--no-cache", "--select", "E,F", "--quiet", *paths]

    from generator.doctor.rules import RULES
    from generator.doctor.runner import check_paths

    start = time.perf_counter()
    _, _, files = check_paths(args.paths, frozenset(RULES))
    in_process = time.perf_counter() - start

    doctor_time = _time(doctor, args.runs)
    ruff_time = _time(ruff_command, args.runs)
    startup = _time([sys.executable, "-m", "generator", "doctor", "--explain", "GR001"], args.runs)
    print(f"files: {files}")
    print(f"new-app doctor:           {doctor_time:.3f} s (median of {args.runs})")
    print(f"ruff check --select E,F:  {ruff_time:.3f} s (--no-cache)")
    print(f"ratio doctor/ruff:        {doctor_time / ruff_time:.1f}x")
    print(f"doctor start-up alone:    {startup:.3f} s (`new-app doctor --explain GR001`)")
    print(f"ratio without start-up:   {max(doctor_time - startup, 0.0) / ruff_time:.1f}x")
    print(
        f"doctor in-process:        {in_process:.3f} s, {1000 * in_process / files:.2f} ms per file"
    )


if __name__ == "__main__":
    main()
