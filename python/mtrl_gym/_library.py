"""Loading ``libMTRLEnvironmentsC`` and declaring its C functions for ctypes.

The library is looked up in this order: the file named by the ``MTRL_ENVIRONMENTS_LIB`` environment
variable, the copy installed inside this package by ``pip install ./python``, and the repository's
``.build-python/release`` and ``.build/release`` folders (for running from a checkout). The C functions
are declared in ``Sources/MTRLEnvironmentsC/mtrl_environments.h``.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

LIBRARY_NAME = "libMTRLEnvironmentsC.dylib" if sys.platform == "darwin" else "libMTRLEnvironmentsC.so"

_pointer = ctypes.c_void_p
_int32 = ctypes.c_int32
_int64 = ctypes.c_int64

_SIGNATURES: dict[str, tuple[type | None, list[type]]] = {
    "mtrl_create": (_int32, [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint64, _int32, _int64, _int64, ctypes.POINTER(_pointer)]),
    "mtrl_close": (_int32, [_pointer]),
    "mtrl_shape": (_int32, [_pointer, _pointer]),
    "mtrl_task_name": (_int32, [_pointer, _int64, ctypes.c_char_p, _int64]),
    "mtrl_list_tasks": (_int32, [ctypes.c_char_p, ctypes.c_char_p, _int64, ctypes.POINTER(_int64)]),
    "mtrl_reset": (_int32, [_pointer, _pointer, _pointer, _int64, _pointer]),
    "mtrl_reset_layout": (_int32, [_pointer, _int64, _int64, _pointer]),
    "mtrl_step": (_int32, [_pointer, _pointer, _pointer, _int64, _pointer, _pointer, _pointer, _pointer]),
    "mtrl_expert_actions": (_int32, [_pointer, _pointer, _int64, _pointer]),
    "mtrl_last_error": (_int64, [ctypes.c_char_p, _int64]),
}


class MTRLError(ValueError):
    """A call into the environments failed: an unknown task, a wrong size, a NaN action, a closed env."""


def _candidates() -> list[Path]:
    paths = []
    override = os.environ.get("MTRL_ENVIRONMENTS_LIB")
    if override:
        paths.append(Path(override))
    package = Path(__file__).resolve().parent
    paths.append(package / LIBRARY_NAME)
    repository = package.parent.parent
    paths += [repository / ".build-python" / "release" / LIBRARY_NAME, repository / ".build" / "release" / LIBRARY_NAME]
    return paths


def _load() -> ctypes.CDLL:
    tried = _candidates()
    for path in tried:
        if path.is_file():
            library = ctypes.CDLL(str(path))
            for name, (result, arguments) in _SIGNATURES.items():
                function = getattr(library, name)
                function.restype = result
                function.argtypes = arguments
            return library
    raise ImportError(
        f"cannot find {LIBRARY_NAME}; looked at: {', '.join(str(p) for p in tried)}. Build it with "
        "'swift build -c release --product MTRLEnvironmentsC' in the repository and reinstall with "
        "'pip install ./python', or set MTRL_ENVIRONMENTS_LIB to the library's path."
    )


library = _load()


def last_error() -> str:
    """The message of the last failed call."""
    length = library.mtrl_last_error(None, 0)
    buffer = ctypes.create_string_buffer(int(length) + 1)
    library.mtrl_last_error(buffer, len(buffer))
    return buffer.value.decode("utf-8", "replace")


def check(status: int) -> None:
    """Raises :class:`MTRLError` with the library's message when ``status`` is not 0."""
    if status != 0:
        raise MTRLError(last_error())


def list_tasks(selection: str) -> list[str]:
    """The task names ``selection`` stands for (``"mt10"``, ``"mt50"``, ``"all"``, names with commas)."""
    length = _int64(0)
    check(library.mtrl_list_tasks(selection.encode(), None, 0, ctypes.byref(length)))
    buffer = ctypes.create_string_buffer(length.value + 1)
    check(library.mtrl_list_tasks(selection.encode(), buffer, len(buffer), ctypes.byref(length)))
    text = buffer.value.decode()
    return text.split(",") if text else []
