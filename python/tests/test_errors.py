"""Bad input raises a Python exception with a message that says what was wrong; nothing crashes."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest

import mtrl_gym
from mtrl_gym import MTRLError


def test_unknown_task_lists_valid_ones() -> None:
    with pytest.raises(MTRLError, match=r"unknown task 'pick-plcae'; valid tasks: .*pick-place"):
        mtrl_gym.MTRLEnv("pick-plcae")
    with pytest.raises(MTRLError, match="unknown task"):
        mtrl_gym.MTRLVectorEnv(["reach", "nope"])
    with pytest.raises(MTRLError, match="use MTRLVectorEnv for a suite"):
        mtrl_gym.MTRLEnv("mt10")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_actions(bad: float) -> None:
    env = mtrl_gym.MTRLEnv("reach")
    obs, _ = env.reset(seed=0)
    with pytest.raises(MTRLError, match="non-finite component 2"):
        env.step([0.0, 0.0, bad, 0.0])
    again, *_ = env.step([0.0, 0.0, 0.0, 0.0])  # nothing was stepped by the rejected call
    np.testing.assert_array_equal(again[18:36], obs[0:18])
    envs = mtrl_gym.MTRLVectorEnv("mt10")
    envs.reset(seed=0)
    actions = np.zeros((10, 4), dtype=np.float32)
    actions[7, 1] = bad
    with pytest.raises(MTRLError, match=r"row 7 \(task 'peg-insert-side'\)"):
        envs.step(actions)


def test_wrong_shapes() -> None:
    env = mtrl_gym.MTRLEnv("reach")
    env.reset(seed=0)
    with pytest.raises(MTRLError, match=r"action must have shape \(4,\), got \(3,\)"):
        env.step([0.0, 0.0, 0.0])
    with pytest.raises(MTRLError, match=r"observation must have shape \(39,\)"):
        env.expert_action(np.zeros(49))
    envs = mtrl_gym.MTRLVectorEnv("mt10", copies=2)
    with pytest.raises(MTRLError, match=r"actions must have shape \(20, 4\), got \(10, 4\)"):
        envs.step(np.zeros((10, 4)))
    with pytest.raises(MTRLError, match=r"observations must have shape \(20, 49\)"):
        envs.expert_actions(np.zeros((20, 39)))
    with pytest.raises(MTRLError, match="multiple of the suite's 10 tasks"):
        gym.make_vec("mtrl/MT10-v0", num_envs=15)


def test_bad_arguments() -> None:
    with pytest.raises(MTRLError, match="horizon must be a positive integer"):
        mtrl_gym.MTRLEnv("reach", horizon=0)
    with pytest.raises(MTRLError, match="layouts must be 'resampled' or 'fixed'"):
        mtrl_gym.MTRLEnv("reach", layouts="random")
    with pytest.raises(MTRLError, match="not among the task-id tasks"):
        mtrl_gym.MTRLEnv("assembly", task_ids="mt10")
    with pytest.raises(MTRLError, match="autoreset_mode must be"):
        mtrl_gym.MTRLVectorEnv("mt10", autoreset_mode="same_step")
    env = mtrl_gym.MTRLEnv("reach")
    with pytest.raises(MTRLError, match=r"options\['layout'\] must be an integer in 0..49, got 50"):
        env.reset(options={"layout": 50})
    with pytest.raises(MTRLError, match="unknown reset option 'goal'"):
        env.reset(options={"goal": 1})


def test_bad_seeds() -> None:
    envs = mtrl_gym.MTRLVectorEnv(["reach", "push"])
    with pytest.raises(MTRLError, match=r"seed must be an integer in \[0, 2\*\*64 - num_envs\], got -1"):
        envs.reset(seed=-1)
    with pytest.raises(MTRLError, match="seed must be an int or 2 seeds, got 3"):
        envs.reset(seed=[1, 2, 3])
    with pytest.raises(MTRLError, match="seeds must be integers"):
        envs.reset(seed=[1, "x"])
    with pytest.raises(MTRLError, match="seed must be an integer"):
        mtrl_gym.MTRLEnv("reach", seed=-3)


def test_closed_env() -> None:
    env = mtrl_gym.MTRLEnv("reach")
    env.close()
    env.close()
    with pytest.raises(MTRLError, match="the environment is closed"):
        env.step([0.0, 0.0, 0.0, 0.0])
