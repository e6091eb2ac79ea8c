"""Loading documents: the bundled article, files (.txt .md .pdf .html) and raw strings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from qa.errors import QAError

BUNDLED_ARTICLE = Path(__file__).parent / "data" / "japan_germany_defence.txt"
SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A document's id (its file name, or the name given) and its full text."""

    id: str
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.id}\0{self.text}".encode()).hexdigest()


def bundled_article() -> Document:
    """The news article that ships with the project: Japan and Germany on defence, November 2022."""
    return Document(BUNDLED_ARTICLE.name, BUNDLED_ARTICLE.read_text(encoding="utf-8"))


def from_text(doc_id: str, text: str) -> Document:
    """A document from a string; empty text is refused."""
    if not isinstance(text, str) or not text.strip():
        raise QAError(f"document {doc_id!r} is empty")
    return Document(doc_id, text)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return "\n\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except (PdfReadError, ValueError, OSError) as exc:
        raise QAError(f"{path.name}: not a readable PDF ({exc})") from exc


def _html_text(raw: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return soup.get_text("\n", strip=True)


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise QAError(f"{path.name}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QAError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def from_path(path: str | Path, doc_id: str | None = None) -> Document:
    """Read a .txt, .md, .pdf or .html file; errors name the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise QAError(f"{path.name}: unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise QAError(f"{path.name}: file not found")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise QAError(f"{path.name}: {size / 1e6:.1f} MB is over the {MAX_DOCUMENT_BYTES // 2**20} MiB limit")
    if suffix == ".pdf":
        text = _pdf_text(path)
    else:
        text = _decode(path, path.read_bytes())
        if suffix in (".html", ".htm"):
            text = _html_text(text)
    if not text.strip():
        raise QAError(f"{path.name}: no text in this file")
    return Document(doc_id or path.name, text)


def load_paths(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Load every readable file; returns the documents and one error message per file that failed."""
    documents, errors = [], []
    for path in paths:
        try:
            documents.append(from_path(path))
        except QAError as exc:
            errors.append(str(exc))
    return documents, errors
