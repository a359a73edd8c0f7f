"""``log_tensorboard: true`` writes an event file that TensorBoard's own reader understands, holding
eval.csv's and train.csv's values, and a resumed run continues it without logging a step twice."""

from __future__ import annotations

import csv
import struct
from pathlib import Path

import pytest
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto.event_pb2 import Event
from tensorboard.compat.tensorflow_stub.pywrap_tensorflow import masked_crc32c

import mtrl_gym

from conftest import run_mtrl

TINY = ["--suite", "mt10", "--steps", "300", "--eval-every", "150", "--eval-episodes", "1",
        "--set", "warmup_steps=150", "--set", "checkpoint_every=150", "--set", "log_every=150",
        "--set", "hidden_sizes=[8]", "--set", "batch_size_per_task=4", "--set", "replay_capacity_per_task=500",
        "--set", "log_tensorboard=true"]


def read_events(folder: Path) -> EventAccumulator:
    files = sorted(folder.glob("events.out.tfevents.*"))
    assert len(files) == 1, f"expected one event file in {folder}, found {files}"
    accumulator = EventAccumulator(str(folder), size_guidance={"scalars": 0})
    accumulator.Reload()
    return accumulator


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open() as file:
        return list(csv.DictReader(file))


def scalar(accumulator: EventAccumulator, tag: str) -> dict[int, float]:
    events = accumulator.Scalars(tag)
    steps = [event.step for event in events]
    assert len(steps) == len(set(steps)), f"{tag} logs a step twice: {steps}"
    return {event.step: event.value for event in events}


def check_against_csv(folder: Path) -> None:
    accumulator = read_events(folder)
    tags = set(accumulator.Tags()["scalars"])
    evaluations = csv_rows(folder / "eval.csv")
    assert {row["task"] for row in evaluations} == set(mtrl_gym.MT10_TASKS) | {"mean"}
    for column in ("success_rate", "mean_return"):
        for task in [*mtrl_gym.MT10_TASKS, "mean"]:
            expected = {int(r["step"]): float(r[column]) for r in evaluations if r["task"] == task}
            logged = scalar(accumulator, f"eval/{column}/{task}")
            assert logged.keys() == expected.keys()
            for step, value in expected.items():
                assert logged[step] == pytest.approx(value, rel=1e-5, abs=1e-6)
    training = csv_rows(folder / "train.csv")
    for column in ("critic_loss", "actor_loss", "temperature", "entropy", "episodes", "episode_success_rate"):
        for task in mtrl_gym.MT10_TASKS:
            expected = {int(r["step"]): float(r[column]) for r in training if r["task"] == task and r[column] != ""}
            logged = scalar(accumulator, f"train/{column}/{task}")
            assert logged.keys() == expected.keys() and expected
            for step, value in expected.items():
                assert logged[step] == pytest.approx(value, rel=1e-5, abs=1e-6)
        assert f"train/{column}/mean" in tags
    for column in ("actor_conflict_fraction", "actor_mean_cosine", "critic_conflict_fraction", "critic_mean_cosine"):
        expected = {int(r["step"]): float(r[column]) for r in training if r["task"] == "reach" and r[column] != ""}
        logged = scalar(accumulator, f"train/{column}")
        assert logged.keys() == expected.keys() and expected
        for step, value in expected.items():
            assert logged[step] == pytest.approx(value, rel=1e-5, abs=1e-6)


def append_record(path: Path, step: int, value: float, cut: int = 0) -> None:
    """Appends one scalar event (as a process killed after its checkpoint would have), or, with ``cut``,
    all but the last ``cut`` bytes of it (as a process killed mid-write would have)."""
    event = Event(wall_time=1.0, step=step)
    event.summary.value.add(tag="eval/success_rate/mean", simple_value=value)
    data = event.SerializeToString()
    header = struct.pack("<Q", len(data))
    record = header + struct.pack("<I", masked_crc32c(header)) + data + struct.pack("<I", masked_crc32c(data))
    with path.open("ab") as file:
        file.write(record[: len(record) - cut])


def test_train_writes_the_csv_scalars(mtrl_binary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    run_mtrl(mtrl_binary, "train", *TINY, "--run-dir", str(folder))
    check_against_csv(folder)
    assert sorted(scalar(read_events(folder), "eval/success_rate/mean")) == [150, 300]


def test_resumed_run_continues_without_duplicate_steps(mtrl_binary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "run"
    run_mtrl(mtrl_binary, "train", *TINY, "--run-dir", str(folder))
    events = next(folder.glob("events.out.tfevents.*"))
    append_record(events, 450, 0.123)  # logged after the last checkpoint, then the process died
    append_record(events, 600, 0.456, cut=5)  # half-written
    config = folder / "config.yaml"
    config.write_text(config.read_text().replace("steps: 300", "steps: 600"))
    run_mtrl(mtrl_binary, "train", "--resume", str(folder))
    assert list(folder.glob("events.out.tfevents.*")) == [events]
    check_against_csv(folder)
    logged = scalar(read_events(folder), "eval/success_rate/mean")
    assert sorted(logged) == [150, 300, 450, 600]
    assert logged[450] != pytest.approx(0.123)
