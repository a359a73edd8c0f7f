"""mtrl_gym: the mtrl-swift tabletop tasks (Meta-World's 50 tasks, stand-ins on a fast Swift simulator)
as gymnasium environments.

Registered ids (``gymnasium.make`` / ``gymnasium.make_vec``):

- ``mtrl/<task>-v0`` for every task, e.g. ``mtrl/reach-v0``: an :class:`MTRLEnv` (39 floats);
- ``mtrl/MT10-v0`` and ``mtrl/MT50-v0``: an :class:`MTRLVectorEnv` over the suite in Meta-World's
  one-hot order, through ``gymnasium.make_vec`` (``num_envs`` a multiple of 10 or 50, or ``copies=N``).
"""

from __future__ import annotations

import gymnasium as gym

from ._library import MTRLError, list_tasks
from .batch import TaskBatch
from .env import MTRLEnv
from .expert import ExpertPolicy
from .vector import MTRLVectorEnv

__all__ = ["MTRLEnv", "MTRLVectorEnv", "ExpertPolicy", "MTRLError", "TaskBatch", "ALL_TASKS", "MT10_TASKS", "MT50_TASKS"]

ALL_TASKS: list[str] = list_tasks("all")
"""Every implemented task, in MT50 order."""
MT10_TASKS: list[str] = list_tasks("mt10")
"""MT10's tasks in Meta-World's one-hot order."""
MT50_TASKS: list[str] = list_tasks("mt50")
"""MT50's tasks in Meta-World's one-hot order."""


def _register() -> None:
    for task in ALL_TASKS:
        env_id = f"mtrl/{task}-v0"
        if env_id not in gym.registry:
            gym.register(id=env_id, entry_point="mtrl_gym.env:MTRLEnv", kwargs={"task": task})
    for suite in ("MT10", "MT50"):
        env_id = f"mtrl/{suite}-v0"
        if env_id not in gym.registry:
            gym.register(id=env_id, vector_entry_point="mtrl_gym.vector:MTRLVectorEnv", kwargs={"suite": suite.lower()})


_register()
