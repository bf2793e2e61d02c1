"""Compares two chanx binaries on the same documents, for a change that
must not move speed or memory (a restructuring): `generate-client` into a
new folder, and `check` of an up-to-date client, on synthetic documents
(bench/synth.py). Runs of the two binaries alternate, so that a slow spell
of the machine falls on both; prints medians, peak RSS and the ratio
after/before.

    .venv/bin/python bench/compare.py BEFORE AFTER [--runs 9] [--sizes 1000x10,5000x10]

Build each binary with `cargo build --release` in its own checkout.
CHANX_BENCH_DIR=/dev/shm/chanx-compare measures on tmpfs.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench import run  # bench/, the script's own folder

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("CHANX_BENCH_DIR", ROOT / "target" / "bench-compare"))


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run."""
    return run(argv, repeat=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--sizes", default="1000x10,5000x10")
    args = parser.parse_args()
    binaries = {"before": args.before.resolve(), "after": args.after.resolve()}
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    print(f"{'document':<10} {'command':<16} {'before':>16} {'after':>16} {'ratio':>6}")
    for size in args.sizes.split(","):
        channels, messages = size.split("x")
        schema = WORK / f"synth_{size}.json"
        with schema.open("w") as handle:
            subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), channels, messages], stdout=handle, check=True)
        results: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for which, binary in binaries.items():
            # The client `check` compares with, written once by each binary.
            subprocess.run([str(binary), "-q", "generate-client", "--no-format", "-s", str(schema), "-o", str(WORK / f"{which}_{size}_checked" / "client")], check=True)
        for number in range(args.runs):
            order = list(binaries.items()) if number % 2 == 0 else list(reversed(binaries.items()))
            for which, binary in order:
                fresh = WORK / f"{which}_{size}_{number}" / "client"
                generate = [str(binary), "-q", "generate-client", "--no-format", "-s", str(schema), "-o", str(fresh)]
                check = [str(binary), "-q", "check", "--no-format", "-s", str(schema), "-o", str(WORK / f"{which}_{size}_checked" / "client")]
                results.setdefault((which, "generate-client"), []).append(timed(generate))
                results.setdefault((which, "check"), []).append(timed(check))
        for command in ("generate-client", "check"):
            row = {}
            for which in binaries:
                samples = results[(which, command)]
                row[which] = (statistics.median(s for s, _ in samples), max(m for _, m in samples))
            ratio = row["after"][0] / row["before"][0]
            cells = [f"{row[w][0] * 1000:7.1f} ms {row[w][1]:4.0f} MiB" for w in binaries]
            print(f"{size:<10} {command:<16} {cells[0]:>16} {cells[1]:>16} {ratio:6.3f}")
        for path in WORK.glob(f"*_{size}_*"):
            shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
