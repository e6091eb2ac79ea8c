"""The layers run one way: index/ (documents, chunks, stores, shared helpers) imports nothing from qa/."""

from __future__ import annotations

import ast
from pathlib import Path

INDEX = Path(__file__).resolve().parents[2] / "index"


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_index_imports_nothing_from_qa():
    files = sorted(INDEX.rglob("*.py"))
    assert files, f"no modules under {INDEX}"
    offending = {
        str(path.relative_to(INDEX.parent)): sorted(m for m in _imported_modules(path) if m == "qa" or m.startswith("qa."))
        for path in files
    }
    assert not {k: v for k, v in offending.items() if v}
