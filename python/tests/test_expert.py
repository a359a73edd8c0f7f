"""The Python expert succeeds exactly as often as ``mtrl expert`` with the same seeds and episodes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mtrl_gym

from conftest import run_mtrl


def python_successes(task: str, seed: int, episodes: int, horizon: int) -> int:
    """Episode e starts on layout e mod 50, as ``mtrl expert`` runs it; success if any step succeeded."""
    env = mtrl_gym.MTRLEnv(task, seed=seed, horizon=horizon)
    expert = mtrl_gym.ExpertPolicy(env)
    count = 0
    for episode in range(episodes):
        obs, _ = env.reset(options={"layout": episode % 50})
        succeeded, truncated = False, False
        while not truncated:
            obs, _, _, truncated, info = env.step(expert(obs))
            succeeded |= info["success"]
        count += succeeded
    env.close()
    return count


@pytest.mark.parametrize(("seed", "episodes", "horizon"), [(0, 6, 150), (3, 4, 60)])
def test_expert_success_equals_mtrl_expert(mtrl_binary: Path, seed: int, episodes: int, horizon: int) -> None:
    report = json.loads(run_mtrl(mtrl_binary, "expert", "--suite", "all", "--seed", str(seed), "--episodes", str(episodes),
                                 "--horizon", str(horizon), "--json"))
    swift = {result["task"]: result["successes"] for result in report["tasks"]}
    assert list(swift) == mtrl_gym.ALL_TASKS
    python = {task: python_successes(task, seed, episodes, horizon) for task in mtrl_gym.ALL_TASKS}
    assert python == swift
    assert sum(swift.values()) > 0
