"""The suite as one gymnasium VectorEnv: order, one-hot ids, copies, spaces and autoreset."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.vector import AutoresetMode

import mtrl_gym


def test_make_vec_mt10_copies_in_task_order() -> None:
    envs = gym.make_vec("mtrl/MT10-v0", num_envs=30)
    assert envs.num_envs == 30 and envs.unwrapped.task_names == mtrl_gym.MT10_TASKS
    assert envs.single_observation_space.shape == (49,)
    assert envs.observation_space.shape == (30, 49) and envs.action_space.shape == (30, 4)
    assert envs.metadata["autoreset_mode"] == AutoresetMode.NEXT_STEP
    obs, info = envs.reset(seed=1)
    assert obs.shape == (30, 49) and obs.dtype == np.float32 and obs in envs.observation_space
    np.testing.assert_array_equal(obs[:, 39:], np.tile(np.eye(10, dtype=np.float32), (3, 1)))
    obs, rewards, terminations, truncations, infos = envs.step(envs.action_space.sample())
    assert rewards.shape == (30,) and rewards.dtype == np.float64
    assert terminations.dtype == np.bool_ and not terminations.any() and not truncations.any()
    assert infos["success"].shape == (30,) and infos["_success"].all()
    envs.close()
    envs.close()


def test_mt50_order_and_default_one_copy() -> None:
    envs = gym.make_vec("mtrl/MT50-v0")
    assert envs.num_envs == 50 and envs.unwrapped.task_names == mtrl_gym.MT50_TASKS
    assert envs.single_observation_space.shape == (89,)
    envs.close()


def test_copies_share_layouts_but_draw_their_own_resets() -> None:
    envs = mtrl_gym.MTRLVectorEnv(["reach", "push"], copies=8)
    obs, _ = envs.reset(seed=3)
    reach_goals = obs[0::2, 36:39]
    assert len({tuple(g) for g in reach_goals}) > 1
    single = mtrl_gym.MTRLEnv("reach")
    layout_goals = {tuple(single.reset(options={"layout": i})[0][36:39]) for i in range(50)}
    assert all(tuple(g) in layout_goals for g in reach_goals)


def test_next_step_autoreset() -> None:
    horizon = 4
    envs = mtrl_gym.MTRLVectorEnv("mt10", horizon=horizon)
    envs.reset(seed=0)
    actions = np.full((10, 4), 0.5, dtype=np.float32)
    for step in range(1, horizon + 1):
        final, rewards, _, truncations, _ = envs.step(actions)
        assert truncations.all() == (step == horizon) and truncations.any() == (step == horizon)
    assert (rewards > 0).any()
    # the step after truncation resets: first observations (previous frame equals current), reward 0
    obs, rewards, terminations, truncations, infos = envs.step(np.full((10, 4), np.nan, dtype=np.float32))
    np.testing.assert_array_equal(obs[:, 18:36], obs[:, 0:18])
    assert not np.array_equal(obs, final)
    assert (rewards == 0).all() and not truncations.any() and not infos["success"].any()
    obs, rewards, _, truncations, _ = envs.step(actions)
    assert not truncations.any() and (obs[:, 0:3] != obs[:, 18:21]).any()


def test_partial_reset_mask_and_disabled_mode() -> None:
    envs = mtrl_gym.MTRLVectorEnv(["reach", "push", "door-open"], horizon=3, autoreset_mode="disabled")
    assert envs.metadata["autoreset_mode"] == AutoresetMode.DISABLED
    start, _ = envs.reset(seed=2)
    for _ in range(3):
        obs, _, _, truncations, _ = envs.step(np.ones((3, 4), dtype=np.float32))
    assert truncations.all()
    mask = np.array([True, False, True])
    reset, _ = envs.reset(options={"reset_mask": mask})
    np.testing.assert_array_equal(reset[1], obs[1])
    np.testing.assert_array_equal(reset[[0, 2], 18:36], reset[[0, 2], 0:18])
    _, _, _, truncations, _ = envs.step(np.zeros((3, 4), dtype=np.float32))
    assert truncations.tolist() == [False, True, False]


def test_expert_policy_on_the_vector_env() -> None:
    envs = mtrl_gym.MTRLVectorEnv("mt10", copies=2, horizon=150)
    expert = mtrl_gym.ExpertPolicy(envs)
    obs, _ = envs.reset(seed=0)
    succeeded = np.zeros(20, dtype=bool)
    for _ in range(150):
        obs, _, _, _, infos = envs.step(expert(obs))
        succeeded |= infos["success"]
    assert succeeded.mean() >= 0.8


@pytest.mark.parametrize("copy", [True, False])
def test_copy_flag(copy: bool) -> None:
    envs = mtrl_gym.MTRLVectorEnv("reach", copies=2, copy=copy)
    first, _ = envs.reset(seed=0)
    second, *_ = envs.step(np.ones((2, 4), dtype=np.float32))
    assert (first is second) == (not copy)
