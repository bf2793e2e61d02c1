"""Times whole-process runs of `chanx generate-client` and `chanx check`
against the Python chanx generator and the cost of copying and hashing the
same files, on synthetic chanx-style documents. Prints medians, peak RSS and
ratios. Run it through `bench/run`.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from hostile import SHAPES  # bench/, the script's own folder

ROOT = Path(__file__).resolve().parent.parent
# CHANX_BENCH_DIR=/dev/shm/chanx-bench measures on tmpfs, without the disk.
WORK = Path(os.environ.get("CHANX_BENCH_DIR", ROOT / "target" / "bench"))
CHANX = ROOT / "target" / "release" / "chanx"
PYTHON_CHANX = Path(sys.executable).parent / "chanx"
SIZES = [(10, 10), (100, 10), (1000, 10), (5000, 10)]
# The Python generator grows faster than linearly; its 5000x10 run takes minutes.
PYTHON_LIMIT = int(os.environ.get("CHANX_BENCH_PYTHON_LIMIT", "1000"))


def run(command, repeat: int = 5) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MiB) over `repeat` runs; `command`
    is a list, or a function of the run's number that returns one."""
    times, peaks = [], []
    for number in range(repeat):
        argv = command(number) if callable(command) else command
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{argv} failed")
    return statistics.median(times), max(peaks)


def fresh(folder: Path, command):
    """`command` writing into a folder never used before on each run:
    deleting thousands of files just before a run slows the next one's file
    creation several times over on some file systems, so the folders are
    removed only after all runs."""
    return lambda number: command(folder.with_name(f"{folder.name}_{number}"))


def remove_runs(folder: Path) -> None:
    for path in folder.parent.glob(f"{folder.name}_*"):
        shutil.rmtree(path, ignore_errors=True)


def measure(name: str, schema: Path, python: bool, repeat: int) -> dict:
    # A folder name that is an importable package name, so no run warns.
    out = WORK / f"client_{name}"
    result: dict = {"name": name}
    shutil.rmtree(out, ignore_errors=True)

    def generate(folder: Path) -> list[str]:
        return [str(CHANX), "-q", "generate-client", "--schema", str(schema), "--output", str(folder), "--no-format"]

    result["generate"] = run(fresh(out, generate), repeat)
    remove_runs(out)
    subprocess.run(generate(out), check=True)
    result["regenerate"] = run(generate(out), repeat)
    check = [str(CHANX), "check", "--schema", str(schema), "--output", str(out), "--no-format", "--name-only"]
    result["check"] = run(check, repeat)
    copy = WORK / f"{name}_copy"
    result["copy"] = run(fresh(copy, lambda folder: ["cp", "-r", str(out), str(folder)]), repeat)
    remove_runs(copy)
    hash_command = ["sh", "-c", f"find '{out}' -type f -print0 | xargs -0 sha256sum > /dev/null"]
    result["hash"] = run(hash_command, repeat)
    if python:
        theirs = WORK / f"{name}_python"

        def python_generate(folder: Path) -> list[str]:
            return [str(PYTHON_CHANX), "generate-client", "--schema", str(schema), "--output", str(folder), "--no-format"]

        result["python"] = run(fresh(theirs, python_generate), max(1, repeat // 2))
        remove_runs(theirs)
    files = [path for path in out.rglob("*") if path.is_file()]
    result["files"] = len(files)
    result["bytes"] = sum(path.stat().st_size for path in files)
    return result


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    inputs = [("showcase", ROOT / "fixtures" / "chanx" / "showcase.json")]
    for channels, messages in SIZES:
        path = WORK / f"synthetic_{channels}x{messages}.json"
        with open(path, "w") as handle:
            subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(channels), str(messages)], stdout=handle, check=True)
        inputs.append((f"{channels}x{messages}", path))
    results = []
    for name, path in inputs:
        channels = 7 if name == "showcase" else int(name.split("x")[0])
        repeat = 5 if channels <= 1000 else 3
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results.append(measure(name, path, channels <= PYTHON_LIMIT, repeat))

    def cell(pair) -> str:
        return f"{pair[0] * 1000:.0f} ms / {pair[1]:.0f} MiB"

    print("| input | files | Python generator | generate-client | ratio | rerun (unchanged) | check | check ÷ (read + hash) | cp -r | read + hash |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for result in results:
        python = result.get("python")
        ratio = f"{python[0] / result['generate'][0]:.0f}×" if python else "–"
        check_ratio = result["check"][0] / result["hash"][0]
        print(
            f"| {result['name']} | {result['files']} | {cell(python) if python else 'skipped'} | {cell(result['generate'])} | {ratio} | "
            f"{cell(result['regenerate'])} | {cell(result['check'])} | {check_ratio:.1f} | {result['copy'][0] * 1000:.0f} ms | {result['hash'][0] * 1000:.0f} ms |"
        )
    by_name = {result["name"]: result for result in results}
    if "100x10" in by_name and "5000x10" in by_name:
        small, large = by_name["100x10"], by_name["5000x10"]
        for key in ("generate", "check"):
            time_exponent = math.log(large[key][0] / small[key][0]) / math.log(50)
            memory_exponent = math.log(large[key][1] / small[key][1]) / math.log(50)
            print(f"{key}: time grows as n^{time_exponent:.2f}, peak RSS as n^{memory_exponent:.2f} from 100x10 to 5000x10")
    hostile_growth()
    (WORK / "results.json").write_text(json.dumps(results))


def hostile_growth(n: int = 1000) -> None:
    """Times `check` of a generated client for each hostile shape at n and
    4n: all the generation work, without the disk's file creation."""
    print()
    print(f"| hostile shape (check) | n = {n} | n = {4 * n} | growth |")
    print("| --- | --- | --- | --- |")
    for name, shape in SHAPES.items():
        seconds = []
        for size in (n, 4 * n):
            path = WORK / f"hostile_{size}.json"
            path.write_text(json.dumps(shape(size)))
            out = WORK / f"hostile_{size}"
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([str(CHANX), "-q", "generate-client", "--schema", str(path), "--output", str(out)], check=True)
            seconds.append(run([str(CHANX), "check", "--schema", str(path), "--output", str(out), "--name-only"], 3)[0])
            shutil.rmtree(out, ignore_errors=True)
        exponent = math.log(seconds[1] / seconds[0]) / math.log(4)
        print(f"| {name} | {seconds[0] * 1000:.0f} ms | {seconds[1] * 1000:.0f} ms | n^{exponent:.2f} |")


if __name__ == "__main__":
    main()
