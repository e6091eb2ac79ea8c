"""Precision follows the device a model runs on, not merely whether the machine has a GPU."""

from __future__ import annotations

import pytest
import torch

from qa_index import hardware
from qa import QAError


@pytest.fixture
def gpu_with_bf16(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *args, **kwargs: True)


def test_a_cpu_without_bf16_runs_fp32_beside_a_gpu_that_has_it(monkeypatch, gpu_with_bf16):
    monkeypatch.setattr(hardware, "_cpu_flags", lambda: "flags: fpu sse2 avx2 avx512f")
    assert hardware.resolve_precision("auto", torch.device("cpu")) == "fp32"
    assert hardware.resolve_precision("auto", torch.device("cuda")) == "bf16"
    assert hardware.resolve_precision("auto") == "bf16"  # the default device is the GPU


def test_a_cpu_with_native_bf16_runs_bf16(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(hardware, "_cpu_flags", lambda: "flags: fpu avx512f avx512_bf16")
    assert hardware.resolve_precision("auto") == "bf16"
    monkeypatch.setattr(hardware, "_cpu_flags", lambda: "")
    assert hardware.resolve_precision("auto") == "fp32"


def test_an_explicit_precision_is_kept_and_an_unknown_one_refused():
    assert hardware.resolve_precision("fp32", torch.device("cpu")) == "fp32"
    with pytest.raises(QAError, match="unknown precision"):
        hardware.resolve_precision("int4")
