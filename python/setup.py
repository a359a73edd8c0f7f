"""Build step of ``pip install ./python``: put libMTRLEnvironmentsC inside the package.

The library comes from ``MTRL_ENVIRONMENTS_LIB`` when that names a file; otherwise it is built with
``swift build -c release --product MTRLEnvironmentsC`` in the repository this folder belongs to, in
its own build folder ``.build-python`` and, on Linux, with the Swift runtime linked in statically
(``-static-stdlib``), so the installed package needs no Swift toolchain at run time. The wheel is
platform-specific because it carries the library.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

LIBRARY = "libMTRLEnvironmentsC.dylib" if sys.platform == "darwin" else "libMTRLEnvironmentsC.so"
REPOSITORY = Path(__file__).resolve().parent.parent


def swift_library() -> Path:
    """The built library: the file MTRL_ENVIRONMENTS_LIB names, or a fresh release build."""
    override = os.environ.get("MTRL_ENVIRONMENTS_LIB")
    if override:
        path = Path(override)
        if not path.is_file():
            sys.exit(f"MTRL_ENVIRONMENTS_LIB={override} is not a file")
        return path
    if not (REPOSITORY / "Package.swift").is_file():
        sys.exit(f"cannot build {LIBRARY}: {REPOSITORY} holds no Package.swift; set MTRL_ENVIRONMENTS_LIB to a built library")
    command = ["swift", "build", "-c", "release", "--product", "MTRLEnvironmentsC", "--scratch-path", str(REPOSITORY / ".build-python")]
    if sys.platform.startswith("linux"):
        command += ["-Xswiftc", "-static-stdlib"]
    try:
        subprocess.run(command, cwd=REPOSITORY, check=True)
        binary = subprocess.run([*command, "--show-bin-path"], cwd=REPOSITORY, check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"'{' '.join(command)}' failed in {REPOSITORY}: {error}")
    return Path(binary) / LIBRARY


class BuildWithLibrary(build_py):
    """Copies the Swift library into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "mtrl_gym" / LIBRARY
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(swift_library(), target)


class BinaryDistribution(Distribution):
    """Marks the wheel as platform-specific."""

    def has_ext_modules(self) -> bool:
        return True


setup(cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution)
