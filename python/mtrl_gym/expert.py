"""``ExpertPolicy``: the Swift tasks' scripted experts as a Python callable."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

import gymnasium as gym

from ._library import MTRLError
from .env import MTRLEnv
from .vector import MTRLVectorEnv


class ExpertPolicy:
    """Calls the scripted expert of each task on observations; it reads only the observation.

    ``ExpertPolicy(env)`` for an :class:`MTRLEnv` maps one observation to one action (4 floats); for an
    :class:`MTRLVectorEnv` it maps ``num_envs`` observation rows to ``num_envs`` actions, each sub-env's
    row going to its own task's expert. Wrapped envs (``gymnasium.make``) are unwrapped.
    """

    def __init__(self, env: gym.Env | gym.vector.VectorEnv) -> None:
        target = env.unwrapped if isinstance(env, (gym.Env, gym.vector.VectorEnv)) else env
        if not isinstance(target, (MTRLEnv, MTRLVectorEnv)):
            raise MTRLError(f"ExpertPolicy needs an MTRLEnv or MTRLVectorEnv, got {type(env).__name__}")
        self._env = target

    def __call__(self, observation: npt.ArrayLike) -> npt.NDArray[np.float32]:
        """The expert action(s) for ``observation`` (one observation or ``num_envs`` rows)."""
        if isinstance(self._env, MTRLEnv):
            return self._env.expert_action(observation)
        return self._env.expert_actions(observation)
