"""Shared fixtures: where the repository and its built ``mtrl`` binary are."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def mtrl_binary() -> Path:
    """The ``mtrl`` executable: ``MTRL_BINARY``, or the repository's release build."""
    path = Path(os.environ.get("MTRL_BINARY", REPOSITORY / ".build" / "release" / "mtrl"))
    if not path.is_file():
        pytest.fail(f"{path} does not exist; run 'swift build -c release' first or set MTRL_BINARY")
    return path


def run_mtrl(binary: Path, *arguments: str) -> str:
    """Runs ``mtrl`` with ``arguments``; returns its standard output, failing the test on a non-zero exit."""
    result = subprocess.run([str(binary), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"mtrl {' '.join(arguments)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout
