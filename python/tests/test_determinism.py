"""Seeded determinism: the same seeds give the same episodes, other seeds other ones."""

from __future__ import annotations

import numpy as np

import mtrl_gym


def rollout(env: mtrl_gym.MTRLEnv, seed: int, steps: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """Observations (resets included) and (reward, success, truncated) per step of random actions."""
    actions = np.random.default_rng(7).uniform(-1, 1, size=(steps, 4)).astype(np.float32)
    obs, _ = env.reset(seed=seed)
    observations, outcomes = [obs], []
    for action in actions:
        obs, reward, _, truncated, info = env.step(action)
        observations.append(obs)
        outcomes.append((reward, info["success"], truncated))
        if truncated:
            observations.append(env.reset()[0])
    return np.stack(observations), np.array(outcomes, dtype=np.float64)


def test_single_env_same_seed_same_episodes() -> None:
    first = rollout(mtrl_gym.MTRLEnv("pick-place", horizon=100), seed=11)
    again = rollout(mtrl_gym.MTRLEnv("pick-place", horizon=100), seed=11)
    other = rollout(mtrl_gym.MTRLEnv("pick-place", horizon=100), seed=12)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert first[1][:, 2].sum() == 4  # four episodes truncated, each followed by a reset
    assert not np.array_equal(first[0], other[0])


def test_seed_with_layout_option_restarts_the_draws() -> None:
    env = mtrl_gym.MTRLEnv("reach")
    env.reset(seed=8, options={"layout": 3})
    after_layout = env.reset()[0]
    env.reset(seed=8)
    np.testing.assert_array_equal(after_layout, env.reset()[0])


def test_layout_seed_changes_layouts() -> None:
    a = mtrl_gym.MTRLEnv("reach", seed=0).reset(options={"layout": 0})[0]
    b = mtrl_gym.MTRLEnv("reach", seed=1).reset(options={"layout": 0})[0]
    assert not np.array_equal(a[36:39], b[36:39])


def test_vector_env_same_seed_same_trajectories() -> None:
    def trajectory(seed: int) -> list[np.ndarray]:
        envs = mtrl_gym.MTRLVectorEnv("mt10", copies=3, horizon=20)
        rng = np.random.default_rng(0)
        out = [envs.reset(seed=seed)[0]]
        for _ in range(50):
            obs, rewards, _, truncations, infos = envs.step(rng.uniform(-1, 1, (30, 4)).astype(np.float32))
            out += [obs, rewards, truncations, infos["success"]]
        return out

    first, again, other = trajectory(4), trajectory(4), trajectory(5)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert any(not np.array_equal(a, b) for a, b in zip(first, other))


def test_vector_seed_i_matches_single_env_seed() -> None:
    envs = mtrl_gym.MTRLVectorEnv(["reach", "push"])
    obs, _ = envs.reset(seed=[21, 22])
    np.testing.assert_array_equal(obs[0, :39], mtrl_gym.MTRLEnv("reach").reset(seed=21)[0])
    np.testing.assert_array_equal(obs[1, :39], mtrl_gym.MTRLEnv("push").reset(seed=22)[0])


def test_vector_none_seed_entries_continue_their_draws() -> None:
    first = mtrl_gym.MTRLVectorEnv(["reach", "push"], horizon=5)
    second = mtrl_gym.MTRLVectorEnv(["reach", "push"], horizon=5)
    first.reset(seed=[1, 2])
    second.reset(seed=[1, 2])
    a, _ = first.reset(seed=[None, 7])
    b, _ = second.reset()
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1, :39], mtrl_gym.MTRLEnv("push").reset(seed=7)[0])
