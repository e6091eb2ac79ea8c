"""Writing a folder safely (a model, an index): build it in a temp folder beside its destination, then swap it in.

A failure or crash while writing leaves the old folder in place. The old one is moved
aside, not deleted, just before the new one is renamed in, and removed only once the new
one is there (a crash between those two renames leaves it in a hidden `.NAME.*.tmp/old`
beside the destination). A destination that holds something else (a mistyped path, a
folder of runs) is refused, never wiped: a folder counts as replaceable when it holds
one of its `markers` (config.json for a model; any of an index's files, even a damaged one).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from qa_index.errors import QAError


MODEL_MARKERS = ("config.json",)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read a MiB at a time (indexes and model weights run to hundreds of MiB)."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_identity(path: Path) -> str:
    """A file's identity without reading it: its resolved path, size and modification time (OSError if absent).
    Cheap enough for every start; a file rewritten in place gets a new one."""
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def default_cache_dir() -> Path:
    """Where indexes and checks are kept: $QA_CACHE_DIR, else ~/.cache/qa-chatbot."""
    return Path(os.environ.get("QA_CACHE_DIR") or Path.home() / ".cache" / "qa-chatbot")


def check_replaceable(dest: Path, markers: tuple[str, ...] = MODEL_MARKERS) -> None:
    """Refuse a destination that is not absent, an empty folder or a folder holding one of `markers`."""
    if not dest.exists():
        return
    if not dest.is_dir():
        raise QAError(f"{dest} is a file, not a folder to replace: choose another destination")
    if any(dest.iterdir()) and not any((dest / name).is_file() for name in markers):
        raise QAError(
            f"{dest} is not empty and has no {' or '.join(markers)}: it is not ours to replace; choose another destination"
        )


def _swap(new: Path, dest: Path, aside: Path) -> None:
    """Put `new` at `dest`, moving an existing `dest` to `aside` first; back in place if that fails."""
    if dest.exists():
        dest.rename(aside)
    try:
        new.rename(dest)
    except OSError:
        if aside.exists():
            aside.rename(dest)
        raise


@contextmanager
def staged_folder(dest: Path, markers: tuple[str, ...] = MODEL_MARKERS) -> Iterator[Path]:
    """Yield an empty folder beside `dest` to write into; when the block ends without error it replaces `dest`.

    On an error nothing of the new folder is left and `dest` is as it was.
    """
    check_replaceable(dest, markers)
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    new = work / "new"
    try:
        new.mkdir()  # made by mkdir, not mkdtemp: the usual permissions, not owner-only ones
        yield new
        _swap(new, dest, work / "old")
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        with suppress(OSError):
            work.rmdir()  # left only if it still holds the old model, which could not be put back
        raise
    shutil.rmtree(work, ignore_errors=True)  # the old folder, now replaced: the swap has succeeded whatever happens here
