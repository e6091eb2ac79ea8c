"""What the machine offers: the device to run on and whether bf16 is native there."""

from __future__ import annotations

from pathlib import Path

import torch


def pick_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def native_bf16() -> bool:
    """bf16 pays off on a GPU that has it or a CPU with AVX512-BF16/AMX; elsewhere it is many times slower."""
    if torch.cuda.is_available():
        return torch.cuda.is_bf16_supported()
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return any(flag in flags for flag in ("avx512_bf16", "amx_bf16"))
