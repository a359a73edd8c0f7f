"""``MTRLEnv``: one tabletop task as a ``gymnasium.Env`` with Meta-World's interface."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, SupportsFloat

import gymnasium as gym
import numpy as np
import numpy.typing as npt

from ._library import MTRLError
from .batch import ACTION_SIZE, LayoutChoice, TaskBatch, observation_bounds


class MTRLEnv(gym.Env[npt.NDArray[np.float32], npt.NDArray[np.float32]]):
    """One task of the Swift tabletop suite, with Meta-World's observation, action and success.

    Observations are Meta-World's 39 floats (hand, gripper, two object poses, the previous frame, the
    goal), followed by a one-hot task id over ``task_ids`` when given (``task_ids="mt10"`` gives reach
    the 49 floats it has inside MT10). Actions are 4 floats in [-1, 1]: hand motion (0.01 m per unit)
    and the gripper (+1 closes). ``info["success"]`` is the step's success flag (it does not latch: an
    episode succeeded if any step did). The env never terminates; ``truncated`` is True at ``horizon``.

    ``reset(seed=s)`` makes the layout draws (one of the 50 layouts per reset) reproducible;
    ``reset(options={"layout": i})`` starts on layout ``i`` (0..49), as ``mtrl expert`` and ``mtrl eval``
    do for episode ``i``. The layouts themselves are fixed by ``seed`` given to the constructor, as in
    ``mtrl`` (the same seed gives the same 50 layouts in Swift and Python).

    Args:
        task: Meta-World task name, such as ``"reach"`` or ``"pick-place-v3"``.
        task_ids: ``None`` (39 floats), ``"mt10"``, ``"mt50"`` or a list of task names for the one-hot id.
        seed: The layout seed (``mtrl --seed``).
        layouts: ``"resampled"`` (a layout drawn at each reset) or ``"fixed"`` (always layout 0).
        horizon: Steps per episode (150 as in the PCGrad/CAGrad setup; Meta-World v3 uses 500).
        render_mode: Only ``None``: the environments do not render to images.
    """

    metadata: dict[str, Any] = {"render_modes": []}

    def __init__(
        self,
        task: str,
        task_ids: str | Sequence[str] | None = None,
        seed: int = 0,
        layouts: LayoutChoice = "resampled",
        horizon: int = 150,
        render_mode: str | None = None,
    ) -> None:
        if render_mode is not None:
            raise MTRLError(f"render_mode must be None (the environments do not render images), got {render_mode!r}")
        if not isinstance(task, str):
            raise MTRLError(f"task must be one task name, got {task!r}")
        self._batch = TaskBatch(task, task_ids=task_ids, seed=seed, layouts=layouts, horizon=horizon)
        if self._batch.rows != 1:
            self._batch.close()
            raise MTRLError(f"task must be one task name, got {task!r} ({self._batch.rows} tasks); use MTRLVectorEnv for a suite")
        self.task_name: str = self._batch.task_names[0]
        """The task's Meta-World name (without version suffix)."""
        self.horizon: int = self._batch.horizon
        """Steps per episode before truncation."""
        size = self._batch.observation_size
        self.observation_space = gym.spaces.Box(*observation_bounds(size), dtype=np.float32)
        self.action_space = gym.spaces.Box(-1.0, 1.0, shape=(ACTION_SIZE,), dtype=np.float32)
        self.render_mode = None
        self._seeded = False
        batch = self._batch
        self._observation = batch.observations[0]
        self._action = batch.actions
        self._action_row = batch.actions[0]

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
        """Starts an episode; returns the first observation and an empty info dict.

        With ``seed``, the layout draws restart from that seed (the same seed gives the same episode
        starts). Without one, the first reset draws a seed from entropy and later ones continue the
        sequence. ``options={"layout": i}`` starts on layout ``i`` instead of drawing one (a ``seed``
        given with it still restarts the draws of later resets).
        """
        super().reset(seed=seed)
        layout = None
        for key, value in (options or {}).items():
            if key != "layout":
                raise MTRLError(f"unknown reset option {key!r}; the only option is 'layout' (0..49)")
            layout = value
        if layout is not None and (not isinstance(layout, (int, np.integer)) or isinstance(layout, bool) or not 0 <= layout < self._batch.layout_count):
            raise MTRLError(f"options['layout'] must be an integer in 0..{self._batch.layout_count - 1}, got {layout!r}")
        if seed is not None or not self._seeded:
            row_seed = seed if seed is not None else int(self.np_random.integers(0, 2**63))
            self._batch.reset(seeds=np.array([row_seed], dtype=np.uint64))
            self._seeded = True
        elif layout is None:
            self._batch.reset()
        if layout is not None:
            self._batch.reset_layout(0, int(layout))
        return self._observation.copy(), {}

    def step(self, action: npt.ArrayLike) -> tuple[npt.NDArray[np.float32], SupportsFloat, bool, bool, dict[str, Any]]:
        """Advances one step; returns observation, reward in [0, 10], ``False`` (the task never
        terminates), whether the horizon was reached, and ``{"success": bool}``.

        Raises :class:`~mtrl_gym.MTRLError` for an action that is not 4 finite numbers."""
        if np.shape(action) != (ACTION_SIZE,):
            raise MTRLError(f"action must have shape ({ACTION_SIZE},), got {np.shape(action)}")
        self._action_row[:] = action
        batch = self._batch
        batch.step(self._action)
        return self._observation.copy(), float(batch.rewards[0]), False, bool(batch.truncated[0]), {"success": bool(batch.successes[0])}

    def expert_action(self, observation: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """The task's scripted expert action (4 floats) for ``observation``."""
        array = np.asarray(observation, dtype=np.float32)
        if array.shape != self.observation_space.shape:
            raise MTRLError(f"observation must have shape {self.observation_space.shape}, got {array.shape}")
        return self._batch.expert_actions(array[None, :])[0]

    def close(self) -> None:
        """Frees the Swift environment; closing twice is allowed."""
        self._batch.close()
