"""What the machine offers: the device to run on and whether bf16 is native there.

torch is imported only when a device is asked about: ONNX Runtime reads without it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qa_index.errors import QAError

if TYPE_CHECKING:
    import torch

PRECISIONS = ("auto", "fp32", "bf16")


def pick_device() -> "torch.device":
    import torch

    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def native_bf16(device: "torch.device | None" = None) -> bool:
    """bf16 pays off on a GPU that has it or a CPU with AVX512-BF16/AMX; elsewhere it is many times slower.

    `device` is where the model runs: by default the one `pick_device` chooses."""
    if (device or pick_device()).type == "cuda":
        import torch

        return torch.cuda.is_bf16_supported()
    flags = _cpu_flags()
    return any(flag in flags for flag in ("avx512_bf16", "amx_bf16"))


def _cpu_flags() -> str:
    """The CPU's feature flags as Linux lists them ("" elsewhere)."""
    try:
        return Path("/proc/cpuinfo").read_text()
    except OSError:
        return ""


def resolve_precision(precision: str, device: "torch.device | None" = None) -> str:
    """A torch model's precision: "auto" is bf16 where `device` (default: `pick_device()`) has it natively,
    else fp32. (Int8 is for ONNX Runtime, per channel: torch's dynamic int8 cost 7 F1 points here.)"""
    if precision not in PRECISIONS:
        raise QAError(f"unknown precision {precision!r}: use one of {', '.join(PRECISIONS)}")
    if precision != "auto":
        return precision
    return "bf16" if native_bf16(device) else "fp32"
