"""Steps per second from Python next to ``mtrl bench env``, in one run: ``python -m mtrl_gym.bench``.

Measures (each as the median of ``--repeats`` timed repeats after one untimed warm-up, random actions
drawn before timing):

- ``mtrl bench env --suite mt10``: the Swift suite stepping itself (no Python);
- a single :class:`MTRLEnv` (reach) stepped one action per ``step`` call, resetting at the horizon,
  both as constructed directly and through ``gymnasium.make`` (which adds gymnasium's checking wrappers);
- :class:`MTRLVectorEnv` over MT10 with N copies per task: 10 x N steps per ``step`` call.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import gymnasium as gym
import numpy as np

from .env import MTRLEnv
from .vector import MTRLVectorEnv


def median_rate(steps: int, repeats: int, body: Callable[[], None]) -> float:
    """Steps per second at the median of ``repeats`` timed runs of ``body`` (after one warm-up)."""
    body()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return steps / statistics.median(times)


def single_env_rate(env: gym.Env, steps: int, repeats: int) -> float:
    """Steps/s of ``env.step`` with random actions, resetting when an episode is truncated."""
    table = list(np.random.default_rng(1).uniform(-1, 1, size=(4096, 4)).astype(np.float32))
    env.reset(seed=0)

    def body() -> None:
        step, reset = env.step, env.reset
        for i in range(steps):
            if step(table[i & 4095])[3]:
                reset()

    return median_rate(steps, repeats, body)


def vector_env_rate(copies: int, calls: int, repeats: int) -> float:
    """Steps/s of an MT10 vector env with ``copies`` copies per task (10 x copies steps per call)."""
    envs = MTRLVectorEnv("mt10", copies=copies)
    envs.reset(seed=0)
    table = np.random.default_rng(1).uniform(-1, 1, size=(64, envs.num_envs, 4)).astype(np.float32)

    def body() -> None:
        step = envs.step
        for i in range(calls):
            step(table[i & 63])

    rate = median_rate(calls * envs.num_envs, repeats, body)
    envs.close()
    return rate


def swift_rate(binary: Path, rounds: int, repeats: int) -> float:
    """``mtrl bench env --suite mt10``'s steps/s."""
    output = subprocess.run([str(binary), "bench", "env", "--suite", "mt10", "--rounds", str(rounds), "--repeats", str(repeats), "--json"],
                            check=True, capture_output=True, text=True).stdout
    return float(json.loads(output)["stepsPerSecond"])


def find_mtrl(given: str | None) -> Path:
    """The ``mtrl`` binary: ``--mtrl``, ``MTRL_BINARY``, the checkout's release build, or ``PATH``."""
    candidates = [given, os.environ.get("MTRL_BINARY"), str(Path(__file__).resolve().parents[2] / ".build" / "release" / "mtrl"), shutil.which("mtrl")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise SystemExit("cannot find the mtrl binary; build it with 'swift build -c release' and pass --mtrl PATH")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mtrl", help="path of the mtrl binary (default: MTRL_BINARY, .build/release/mtrl, PATH)")
    parser.add_argument("--repeats", type=int, default=7, help="timed repeats per figure (the median is reported)")
    parser.add_argument("--single-steps", type=int, default=100_000, help="single-env steps per repeat")
    parser.add_argument("--vector-steps", type=int, default=1_000_000, help="vector-env steps per repeat (rounded to whole calls)")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100], help="copies per MT10 task for the vector env")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    arguments = parser.parse_args()
    binary = find_mtrl(arguments.mtrl)
    results: dict[str, float] = {"mtrl bench env (Swift, MT10)": swift_rate(binary, arguments.vector_steps // 10, arguments.repeats)}
    results["Python MTRLEnv reach, 1 step per call"] = single_env_rate(MTRLEnv("reach"), arguments.single_steps, arguments.repeats)
    results["Python gymnasium.make('mtrl/reach-v0'), 1 step per call"] = single_env_rate(gym.make("mtrl/reach-v0"), arguments.single_steps, arguments.repeats)
    for copies in arguments.copies:
        calls = max(1, arguments.vector_steps // (10 * copies))
        results[f"Python MTRLVectorEnv MT10 x {copies}, {10 * copies} steps per call"] = vector_env_rate(copies, calls, arguments.repeats)
    if arguments.json:
        print(json.dumps(results, indent=2))
        return
    swift = results["mtrl bench env (Swift, MT10)"]
    width = max(len(name) for name in results)
    print(f"{'':{width}}  {'steps/s':>12}  of Swift")
    for name, rate in results.items():
        print(f"{name:{width}}  {rate:12,.0f}  {rate / swift:7.2f}")


if __name__ == "__main__":
    main()
