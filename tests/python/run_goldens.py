"""Imports every module of every golden package, then runs every ``python``
example of their READMEs up to the point where it would connect (the
coroutine given to ``asyncio.run`` is closed unrun), with every warning an
error: what a user on this interpreter and these package versions meets
first. Run by test_python_versions.py with each interpreter under test."""

import asyncio
import importlib
import sys
import warnings
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def not_connecting(main: Coroutine[Any, Any, Any], **_: Any) -> None:
    main.close()


def main() -> None:
    warnings.simplefilter("error")
    sys.path.insert(0, str(GOLDEN))
    modules = 0
    for path in sorted(GOLDEN.rglob("*.py")):
        parts = list(path.relative_to(GOLDEN).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "test_examples":
            continue
        importlib.import_module(".".join(parts))
        modules += 1
    asyncio.run = not_connecting  # type: ignore[assignment]
    examples = 0
    for readme in sorted(GOLDEN.glob("*/README.md")):
        for block in readme.read_text().split("```python\n")[1:]:
            code = block.split("```")[0]
            exec(compile(code, f"{readme}:example", "exec"), {"__name__": "__main__"})  # noqa: S102
            examples += 1
    print(f"{modules} modules imported, {examples} README examples run")


if __name__ == "__main__":
    main()
