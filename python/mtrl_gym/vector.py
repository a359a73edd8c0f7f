"""``MTRLVectorEnv``: a whole suite (MT10, MT50, or any task list) as one ``gymnasium.vector.VectorEnv``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
import numpy.typing as npt
from gymnasium.vector import AutoresetMode
from gymnasium.vector.utils import batch_space

from ._library import MTRLError, list_tasks
from .batch import ACTION_SIZE, LayoutChoice, TaskBatch, observation_bounds


class MTRLVectorEnv(gym.vector.VectorEnv):
    """K tasks x N copies stepped in one call into the Swift environments.

    Sub-env ``i`` is copy ``i // K`` of task ``i % K``: the first K sub-envs are the suite's tasks in
    Meta-World's one-hot order (:attr:`task_names`), and so is every further block of K. Observations
    carry the one-hot task id over the suite (49 floats on MT10, 89 on MT50) unless ``one_hot`` is False.
    Every copy of a task has the same 50 layouts (fixed by ``seed``) and draws its own resets.

    Autoreset follows gymnasium's vector API: ``"next_step"`` (the default: the step after a truncation
    resets that sub-env, ignoring its action, and returns its first observation with reward 0) or
    ``"disabled"`` (reset finished sub-envs yourself with ``reset(options={"reset_mask": mask})``).
    ``infos["success"]`` holds the step's success flags.

    Args:
        suite: ``"mt10"``, ``"mt50"``, a task name, or a list of task names (their order is the one-hot order).
        num_envs: Total sub-envs, a multiple of K (``gymnasium.make_vec``'s default 1 means one copy).
        copies: Copies per task, instead of ``num_envs``.
        seed: The layout seed (``mtrl --seed``).
        layouts: ``"resampled"`` or ``"fixed"``.
        horizon: Steps per episode before truncation.
        one_hot: Whether observations end with the one-hot task id.
        autoreset_mode: ``"next_step"`` or ``"disabled"`` (or the ``AutoresetMode`` members).
        copy: Whether ``step`` and ``reset`` return copies of the observation buffer (True, as
            gymnasium's vector envs do) or the buffer itself, overwritten by the next call.
    """

    metadata: dict[str, Any] = {"render_modes": [], "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(
        self,
        suite: str | Sequence[str] = "mt10",
        num_envs: int | None = None,
        copies: int | None = None,
        seed: int = 0,
        layouts: LayoutChoice = "resampled",
        horizon: int = 150,
        one_hot: bool = True,
        autoreset_mode: str | AutoresetMode = AutoresetMode.NEXT_STEP,
        copy: bool = True,
    ) -> None:
        modes = {"next_step": AutoresetMode.NEXT_STEP, "NextStep": AutoresetMode.NEXT_STEP,
                 "disabled": AutoresetMode.DISABLED, "Disabled": AutoresetMode.DISABLED}
        mode = autoreset_mode if isinstance(autoreset_mode, AutoresetMode) else modes.get(autoreset_mode)
        if mode not in (AutoresetMode.NEXT_STEP, AutoresetMode.DISABLED):
            raise MTRLError(f"autoreset_mode must be 'next_step' or 'disabled' (AutoresetMode.NEXT_STEP or DISABLED), got {autoreset_mode!r}")
        task_count = len(list_tasks(suite if isinstance(suite, str) else ",".join(suite)))
        copies = self._copies(task_count, num_envs, copies)
        self._batch = TaskBatch(suite, task_ids=suite if one_hot else None, seed=seed, layouts=layouts, horizon=horizon, copies=copies)
        self.task_names: list[str] = self._batch.task_names
        """The suite's tasks in one-hot order (sub-env ``i`` runs ``task_names[i % K]``)."""
        self.horizon: int = self._batch.horizon
        """Steps per episode before truncation."""
        self.num_envs = self._batch.rows
        self.single_observation_space = gym.spaces.Box(*observation_bounds(self._batch.observation_size), dtype=np.float32)
        self.single_action_space = gym.spaces.Box(-1.0, 1.0, shape=(ACTION_SIZE,), dtype=np.float32)
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self.metadata = {**self.metadata, "autoreset_mode": mode}
        self.autoreset_mode = mode
        self.render_mode = None
        self.copy = copy
        self._autoreset = np.zeros(self.num_envs, dtype=np.bool_)
        self._terminations = np.zeros(self.num_envs, dtype=np.bool_)
        self._all = np.ones(self.num_envs, dtype=np.bool_)
        self._seeded = False

    @staticmethod
    def _copies(task_count: int, num_envs: int | None, copies: int | None) -> int:
        if copies is not None and num_envs not in (None, 1, task_count * copies):
            raise MTRLError(f"num_envs={num_envs} disagrees with copies={copies} x {task_count} tasks; give one of them")
        if copies is not None:
            return copies
        if num_envs is None or num_envs == 1:
            return 1
        if not isinstance(num_envs, (int, np.integer)) or num_envs < 1 or num_envs % task_count:
            raise MTRLError(f"num_envs must be a multiple of the suite's {task_count} tasks, got {num_envs!r}")
        return int(num_envs) // task_count

    def reset(
        self, *, seed: int | Sequence[int | None] | None = None, options: dict[str, Any] | None = None
    ) -> tuple[npt.NDArray[np.float32], dict[str, Any]]:
        """Resets every sub-env (or those in ``options["reset_mask"]``, a bool array of ``num_envs``).

        ``seed`` is an int (sub-env ``i`` is seeded with ``seed + i``) or one seed per sub-env (``None``
        entries keep their generator). Without a seed the first reset draws seeds from entropy.
        """
        options = dict(options or {})
        mask = options.pop("reset_mask", None)
        if options:
            raise MTRLError(f"unknown reset options {sorted(options)}; the only option is 'reset_mask'")
        if mask is not None:
            mask = np.asarray(mask)
            if mask.shape != (self.num_envs,) or mask.dtype != np.bool_ or not mask.any():
                raise MTRLError(f"options['reset_mask'] must be a bool array of shape ({self.num_envs},) with a True entry")
        seeds, seeded = self._row_seeds(seed)
        if isinstance(seed, (int, np.integer)):
            super().reset(seed=int(seed))
        rows = self._all if mask is None else mask
        if (rows & seeded).any():
            self._batch.reset(seeds=seeds, mask=rows & seeded)
        if (rows & ~seeded).any():
            self._batch.reset(mask=rows & ~seeded)
        self._seeded = True
        self._autoreset[rows] = False
        return self._observations(), {}

    def _row_seeds(self, seed: int | Sequence[int | None] | None) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]:
        """One seed per row, and which rows are reseeded (the others continue their layout draws)."""
        none = np.zeros(self.num_envs, dtype=np.bool_)
        if seed is None:
            if self._seeded:
                return np.zeros(self.num_envs, dtype=np.uint64), none
            return self.np_random.integers(0, 2**63, size=self.num_envs).astype(np.uint64), ~none
        if isinstance(seed, (int, np.integer)):
            if not 0 <= int(seed) <= 2**64 - self.num_envs:
                raise MTRLError(f"seed must be an integer in [0, 2**64 - num_envs], got {seed!r}")
            return np.array([int(seed) + i for i in range(self.num_envs)], dtype=np.uint64), ~none
        seeds = list(seed)
        if len(seeds) != self.num_envs:
            raise MTRLError(f"seed must be an int or {self.num_envs} seeds, got {len(seeds)}")
        for value in seeds:
            if value is not None and (not isinstance(value, (int, np.integer)) or not 0 <= int(value) < 2**64):
                raise MTRLError(f"seeds must be integers in [0, 2**64) or None, got {value!r}")
        values = np.array([0 if s is None else int(s) for s in seeds], dtype=np.uint64)
        return values, np.array([s is not None for s in seeds], dtype=np.bool_)

    def step(
        self, actions: npt.ArrayLike
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_], dict[str, Any]]:
        """Steps every sub-env with its action (num_envs x 4); returns observations, rewards,
        terminations (always False), truncations and ``{"success": flags, "_success": all True}``."""
        batch = self._batch
        checked = batch.checked_actions(actions)
        pending = self._autoreset
        if self.autoreset_mode == AutoresetMode.NEXT_STEP and pending.any():
            if not pending.all():
                batch.step(checked, skip=pending)
            batch.reset(mask=pending)
            batch.rewards[pending] = 0.0
            batch.successes[pending] = False
            batch.truncated[pending] = False
        else:
            batch.step(checked)
        np.copyto(self._autoreset, batch.truncated)
        infos = {"success": batch.successes.copy(), "_success": self._all.copy()}
        return self._observations(), batch.rewards.copy(), self._terminations.copy(), batch.truncated.copy(), infos

    def expert_actions(self, observations: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """Every sub-env's scripted expert action (num_envs x 4) for observations (num_envs x size)."""
        return self._batch.expert_actions(observations)

    def _observations(self) -> npt.NDArray[np.float32]:
        return self._batch.observations.copy() if self.copy else self._batch.observations

    def close_extras(self, **kwargs: Any) -> None:
        """Frees the Swift environments (``close()`` calls this once)."""
        self._batch.close()
