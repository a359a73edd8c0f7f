"""``TaskBatch``: rows of task environments behind one C handle, with numpy buffers it owns.

Both the single-task :class:`~mtrl_gym.env.MTRLEnv` and the suite-wide
:class:`~mtrl_gym.vector.MTRLVectorEnv` are thin gymnasium layers over this class. Each call passes the
buffers' addresses to the library, which writes into them in place: nothing is copied on the way.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Literal

import numpy as np
import numpy.typing as npt

from ._library import MTRLError, check, library

ACTION_SIZE = 4
"""Floats per action: hand motion x, y, z and the gripper (+1 closes, -1 opens)."""

BASE_OBSERVATION_SIZE = 39
"""Meta-World's observation floats before any one-hot task id."""

LayoutChoice = Literal["resampled", "fixed"]


POSITION_LIMIT = 2.0
"""Bound of every position coordinate in the observation space, metres (the hand stays within about 1 m)."""


def observation_bounds(size: int) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Low and high of a ``size``-float observation: positions within +-2 m, the gripper opening in [0, 1],
    quaternion components and the one-hot id in [-1, 1] and [0, 1]."""
    low = np.full(size, -POSITION_LIMIT, dtype=np.float32)
    high = np.full(size, POSITION_LIMIT, dtype=np.float32)
    for frame in (0, 18):
        low[frame + 3], high[frame + 3] = 0.0, 1.0
        for quaternion in (7, 14):
            low[frame + quaternion : frame + quaternion + 4], high[frame + quaternion : frame + quaternion + 4] = -1.0, 1.0
    low[BASE_OBSERVATION_SIZE:], high[BASE_OBSERVATION_SIZE:] = 0.0, 1.0
    return low, high


def _address(array: np.ndarray) -> int:
    return array.ctypes.data


class TaskBatch:
    """``copies`` rows of each task in ``tasks``, stepped together in one call.

    Rows are copy-major: with K tasks, row ``c * K + k`` is copy ``c`` of task ``k``, so the first K rows
    are the tasks in the order given (Meta-World's one-hot order for ``"mt10"`` and ``"mt50"``).

    Args:
        tasks: ``"mt10"``, ``"mt50"``, a task name (``"reach"``; a ``-v3`` suffix is accepted), or a list
            of task names.
        task_ids: The one-hot vocabulary appended to each observation (``"mt10"``, ``"mt50"``, a list of
            names) or ``None`` for the bare 39 floats.
        seed: Fixes each task's 50 layouts, exactly as ``mtrl --seed`` does.
        layouts: ``"resampled"`` draws a layout at every reset; ``"fixed"`` always uses layout 0.
        horizon: Steps per episode before truncation (150 as in the papers' setup; Meta-World v3: 500).
        copies: Rows per task.
    """

    def __init__(
        self,
        tasks: str | Sequence[str],
        task_ids: str | Sequence[str] | None = None,
        seed: int = 0,
        layouts: LayoutChoice = "resampled",
        horizon: int = 150,
        copies: int = 1,
    ) -> None:
        self._handle: int | None = None
        if layouts not in ("resampled", "fixed"):
            raise MTRLError(f"layouts must be 'resampled' or 'fixed', got {layouts!r}")
        if not isinstance(seed, (int, np.integer)) or not 0 <= int(seed) < 2**64:
            raise MTRLError(f"seed must be an integer in [0, 2**64), got {seed!r}")
        for name, value in (("horizon", horizon), ("copies", copies)):
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
                raise MTRLError(f"{name} must be a positive integer, got {value!r}")
        handle = ctypes.c_void_p()
        ids = None if task_ids is None else _joined(task_ids).encode()
        check(library.mtrl_create(_joined(tasks).encode(), ids, int(seed), int(layouts == "fixed"), int(horizon), int(copies), ctypes.byref(handle)))
        self._handle = handle.value
        counts = np.zeros(5, dtype=np.int64)
        check(library.mtrl_shape(self._handle, _address(counts)))
        self.rows, self.observation_size, self.task_count, self.horizon, self.layout_count = (int(c) for c in counts)
        self.copies = self.rows // self.task_count
        self.layouts: LayoutChoice = layouts
        self.seed = int(seed)
        name = ctypes.create_string_buffer(128)
        self.task_names: list[str] = []
        for row in range(self.task_count):
            check(library.mtrl_task_name(self._handle, row, name, len(name)))
            self.task_names.append(name.value.decode())
        self.observations = np.zeros((self.rows, self.observation_size), dtype=np.float32)
        """The observation rows the last reset or step wrote."""
        self.actions = np.zeros((self.rows, ACTION_SIZE), dtype=np.float32)
        """A staging buffer for actions."""
        self.rewards = np.zeros(self.rows, dtype=np.float64)
        """The rewards of the last step."""
        self.successes = np.zeros(self.rows, dtype=np.bool_)
        """The success flags of the last step (they do not latch)."""
        self.truncated = np.zeros(self.rows, dtype=np.bool_)
        """The truncation flags of the last step (the horizon was reached)."""
        self._step = library.mtrl_step
        self._pointers = tuple(_address(a) for a in (self.observations, self.rewards, self.successes, self.truncated))
        self._actions_pointer = _address(self.actions)
        self.reset()

    @property
    def row_task_names(self) -> list[str]:
        """The task name of every row, copy-major."""
        return self.task_names * self.copies

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._handle is None

    def _live_handle(self) -> int:
        if self._handle is None:
            raise MTRLError("the environment is closed")
        return self._handle

    def reset(self, seeds: npt.NDArray[np.uint64] | None = None, mask: npt.NDArray[np.bool_] | None = None) -> None:
        """Resets the rows in ``mask`` (all when ``None``) into :attr:`observations`; with ``seeds``
        (one per row) the reset rows' layout generators are reseeded first."""
        seeds = None if seeds is None else self._row_array(seeds, np.uint64, "seeds")
        mask = None if mask is None else self._row_array(mask, np.bool_, "mask")
        check(library.mtrl_reset(self._live_handle(), None if seeds is None else _address(seeds), None if mask is None else _address(mask), self.rows, self._pointers[0]))

    def reset_layout(self, row: int, layout: int) -> None:
        """Resets row ``row`` onto layout ``layout`` (0..49), writing its row of :attr:`observations`."""
        if not 0 <= int(row) < self.rows:
            raise MTRLError(f"row {row} is outside 0..{self.rows - 1}")
        check(library.mtrl_reset_layout(self._live_handle(), int(row), int(layout), _address(self.observations[int(row)])))

    def step(self, actions: npt.NDArray[np.float32], skip: npt.NDArray[np.bool_] | None = None) -> None:
        """Steps every row not in ``skip`` with its row of ``actions`` (rows x 4, C-contiguous float32),
        writing :attr:`observations`, :attr:`rewards`, :attr:`successes` and :attr:`truncated`."""
        status = self._step(self._live_handle(), _address(actions), None if skip is None else _address(skip), self.rows, *self._pointers)
        if status:
            check(status)

    def checked_actions(self, actions: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """``actions`` as a C-contiguous float32 array of shape (rows, 4), or a clear error."""
        array = np.ascontiguousarray(actions, dtype=np.float32)
        if array.shape != (self.rows, ACTION_SIZE):
            raise MTRLError(f"actions must have shape ({self.rows}, {ACTION_SIZE}), got {array.shape}")
        return array

    def expert_actions(self, observations: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """Each row's scripted expert action (rows x 4) for observation rows (rows x observation size)."""
        array = np.ascontiguousarray(observations, dtype=np.float32)
        if array.shape != (self.rows, self.observation_size):
            raise MTRLError(f"observations must have shape ({self.rows}, {self.observation_size}), got {array.shape}")
        actions = np.empty((self.rows, ACTION_SIZE), dtype=np.float32)
        check(library.mtrl_expert_actions(self._live_handle(), _address(array), self.rows, _address(actions)))
        return actions

    def close(self) -> None:
        """Frees the environments; closing twice is allowed."""
        if self._handle is not None:
            library.mtrl_close(self._handle)
            self._handle = None

    def __del__(self) -> None:
        self.close()

    def _row_array(self, values: npt.ArrayLike, dtype: type, name: str) -> np.ndarray:
        array = np.ascontiguousarray(values, dtype=dtype)
        if array.shape != (self.rows,):
            raise MTRLError(f"{name} must have shape ({self.rows},), got {array.shape}")
        return array


def _joined(tasks: str | Sequence[str]) -> str:
    if isinstance(tasks, str):
        return tasks
    names = list(tasks)
    if not names or not all(isinstance(n, str) for n in names):
        raise MTRLError(f"tasks must be a suite name, a task name or a non-empty list of task names, got {tasks!r}")
    return ",".join(names)
