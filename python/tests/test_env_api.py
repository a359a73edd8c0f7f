"""Every task passes gymnasium's own environment checker, with its warnings treated as errors."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import mtrl_gym


def test_catalog_is_metaworlds() -> None:
    assert len(mtrl_gym.MT50_TASKS) == 50
    assert mtrl_gym.MT10_TASKS == ["reach", "push", "pick-place", "door-open", "drawer-open", "drawer-close",
                                   "button-press-topdown", "peg-insert-side", "window-open", "window-close"]
    assert mtrl_gym.MT50_TASKS[:3] == ["assembly", "basketball", "bin-picking"]
    assert mtrl_gym.MT50_TASKS[-2:] == ["window-open", "window-close"]


@pytest.mark.parametrize("task", mtrl_gym.ALL_TASKS)
def test_check_env(task: str) -> None:
    env = gym.make(f"mtrl/{task}-v0").unwrapped
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env)
    env.close()


def test_spaces_and_step_contract() -> None:
    env = gym.make("mtrl/pick-place-v0", horizon=7)
    assert env.observation_space.shape == (39,) and env.observation_space.dtype == np.float32
    assert env.action_space == gym.spaces.Box(-1.0, 1.0, (4,), np.float32)
    obs, info = env.reset(seed=0)
    assert obs.dtype == np.float32 and info == {}
    np.testing.assert_array_equal(obs[18:36], obs[0:18])  # the previous frame equals the current one after reset
    assert obs[3] == 1.0  # gripper fully open
    for step in range(1, 8):
        obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
        assert isinstance(reward, float) and 0.0 <= reward <= 10.0
        assert terminated is False and truncated is (step == 7)
        assert isinstance(info["success"], bool)
    env.close()


def test_one_hot_of_a_task_inside_a_suite() -> None:
    env = mtrl_gym.MTRLEnv("door-open", task_ids="mt10")
    obs, _ = env.reset(seed=0)
    assert obs.shape == (49,)
    np.testing.assert_array_equal(obs[39:], np.eye(10, dtype=np.float32)[3])
    assert mtrl_gym.MTRLEnv("door-open", task_ids="mt50").reset(seed=0)[0].shape == (89,)


def test_reset_layout_option_matches_fixed_layouts() -> None:
    fixed = mtrl_gym.MTRLEnv("push", layouts="fixed")
    resampled = mtrl_gym.MTRLEnv("push")
    first, _ = fixed.reset(seed=5)
    np.testing.assert_array_equal(first, fixed.reset(seed=6)[0])
    np.testing.assert_array_equal(first, resampled.reset(options={"layout": 0})[0])
    assert not np.array_equal(first[36:39], resampled.reset(options={"layout": 1})[0][36:39])
