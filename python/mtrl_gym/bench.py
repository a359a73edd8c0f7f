"""Steps per second from Python next to ``mtrl bench env``, in one run: ``python -m mtrl_gym.bench``.

Measures, in ``--rounds`` rounds that each take every figure once (after one untimed warm-up; random
actions drawn before timing), and reports each figure's median and its median ratio to the Swift figure
of the same round:

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


def timed_rate(steps: int, body: Callable[[], None]) -> float:
    """Steps per second of one run of ``body``."""
    start = time.perf_counter()
    body()
    return steps / (time.perf_counter() - start)


def single_env_runner(env: gym.Env, steps: int) -> Callable[[], float]:
    """A measurement of ``env.step`` with random actions, resetting when an episode is truncated."""
    table = list(np.random.default_rng(1).uniform(-1, 1, size=(4096, 4)).astype(np.float32))
    env.reset(seed=0)

    def body() -> None:
        step, reset = env.step, env.reset
        for i in range(steps):
            if step(table[i & 4095])[3]:
                reset()

    return lambda: timed_rate(steps, body)


def vector_env_runner(copies: int, steps: int) -> Callable[[], float]:
    """A measurement of an MT10 vector env with ``copies`` copies per task (10 x copies steps per call)."""
    envs = MTRLVectorEnv("mt10", copies=copies)
    envs.reset(seed=0)
    table = np.random.default_rng(1).uniform(-1, 1, size=(64, envs.num_envs, 4)).astype(np.float32)
    calls = max(1, steps // envs.num_envs)

    def body() -> None:
        step = envs.step
        for i in range(calls):
            step(table[i & 63])

    return lambda: timed_rate(calls * envs.num_envs, body)


def swift_runner(binary: Path, steps: int) -> Callable[[], float]:
    """A measurement by ``mtrl bench env --suite mt10`` (one timed repeat after its warm-up)."""
    command = [str(binary), "bench", "env", "--suite", "mt10", "--rounds", str(max(1, steps // 10)), "--repeats", "1", "--json"]
    return lambda: float(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)["stepsPerSecond"])


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
    parser.add_argument("--rounds", type=int, default=7, help="rounds; each measures every figure once, the median is reported")
    parser.add_argument("--single-steps", type=int, default=100_000, help="single-env steps per measurement")
    parser.add_argument("--vector-steps", type=int, default=1_000_000, help="vector-env and Swift steps per measurement")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100], help="copies per MT10 task for the vector env")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    arguments = parser.parse_args()
    swift_name = "mtrl bench env --suite mt10 (Swift)"
    runners = {swift_name: swift_runner(find_mtrl(arguments.mtrl), arguments.vector_steps)}
    runners["MTRLEnv('reach'), 1 step per call"] = single_env_runner(MTRLEnv("reach"), arguments.single_steps)
    runners["gym.make('mtrl/reach-v0'), 1 step per call"] = single_env_runner(gym.make("mtrl/reach-v0"), arguments.single_steps)
    for copies in arguments.copies:
        runners[f"MTRLVectorEnv MT10 x {copies}, {10 * copies} steps per call"] = vector_env_runner(copies, arguments.vector_steps)
    for run in runners.values():
        run()  # warm-up
    # Rounds interleave the figures, so a change in the machine's load hits them alike; each round's
    # ratio to the Swift figure of the same round is kept too.
    rates: dict[str, list[float]] = {name: [] for name in runners}
    ratios: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(max(1, arguments.rounds)):
        measured = {name: run() for name, run in runners.items()}
        for name, rate in measured.items():
            rates[name].append(rate)
            ratios[name].append(rate / measured[swift_name])
    report = {name: {"steps_per_second": statistics.median(rates[name]), "min": min(rates[name]), "max": max(rates[name]),
                     "ratio_to_swift": statistics.median(ratios[name])} for name in runners}
    if arguments.json:
        print(json.dumps(report, indent=2))
        return
    width = max(len(name) for name in report)
    print(f"{'':{width}}  {'median steps/s':>14}  {'min-max':>21}  vs Swift")
    for name, row in report.items():
        print(f"{name:{width}}  {row['steps_per_second']:14,.0f}  {row['min']:10,.0f}-{row['max']:<10,.0f}  {row['ratio_to_swift']:8.2f}")


if __name__ == "__main__":
    main()
