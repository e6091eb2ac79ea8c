"""Loading documents: the bundled article, files (.txt .md .pdf .docx .html) and raw strings."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from qa_index.errors import QAError

BUNDLED_ARTICLE = Path(__file__).parent / "data" / "japan_germany_defence_2022-11-03.txt"
SUFFIXES = (".txt", ".md", ".pdf", ".docx", ".html", ".htm")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# byte-order marks and the codec that reads past them; UTF-32's marks start with UTF-16's, so they come first
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# HTML elements that start a paragraph of their own, and those that start a line
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "title", "tr", "ul",
)
LINE_TAGS = ("br", "td", "th")
_BLOCK, _LINE = "\f", "\v"  # markers put into the parsed page; plain text rarely holds either
MIN_UNRECOGNISED_EVIDENCE = 16  # non-ASCII bytes needed to trust an encoding when no language is recognised


@dataclass(frozen=True)
class Document:
    """A document's id (its file name, or the name given) and its full text."""

    id: str
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.id}\0{self.text}".encode()).hexdigest()


def bundled_article() -> Document:
    """The news article that ships with the project, byte for byte: Kyodo's report of the Japan-Germany
    "two-plus-two" talks in Munster, 3 November 2022. Decoded without newline translation, so offsets
    into the text are offsets into the file."""
    return Document(BUNDLED_ARTICLE.name, BUNDLED_ARTICLE.read_bytes().decode("utf-8"))


def _unix_newlines(text: str) -> str:
    """CRLF and CR line ends of a file as LF (as Python's text mode reads them), so paragraph breaks are "\\n\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def from_text(doc_id: str, text: str) -> Document:
    """A document from a string, kept exactly as given so answer offsets slice it; empty text is refused."""
    if not isinstance(text, str) or not text.strip():
        raise QAError(f"document {doc_id!r} is empty")
    return Document(doc_id, text)


def _pdf_text(path: Path) -> str:
    """The text of every page; any failure of pypdf is a QAError naming the file and the reason."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        return "\n\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except FileNotDecryptedError as exc:
        raise QAError(f"{path.name}: encrypted PDF: save it without a password and try again") from exc
    except DependencyError as exc:  # e.g. AES encryption without the `cryptography` package
        raise QAError(f"{path.name}: this PDF needs a package that is not installed ({exc})") from exc
    except (PyPdfError, ValueError, OSError) as exc:
        raise QAError(f"{path.name}: not a readable PDF ({exc})") from exc


def _docx_text(path: Path) -> str:
    """A Word document's paragraphs and tables in the order they come, a table's rows one line each
    (cells apart by " | "); a file python-docx cannot open is a QAError naming the file."""
    from zipfile import BadZipFile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        blocks = docx.Document(str(path)).iter_inner_content()
        parts = [
            "\n".join(" | ".join(dict.fromkeys(c.text.strip() for c in row.cells)) for row in block.rows)
            if isinstance(block, Table) else block.text
            for block in blocks
        ]
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise QAError(f"{path.name}: not a readable Word (.docx) file ({exc})") from exc
    return "\n\n".join(part.strip() for part in parts if part.strip())


def _html_text(raw: str) -> str:
    """The main text of a page (`_visible_paragraphs`, less what trafilatura finds is navigation, headers,
    footers, sidebars and other boilerplate), as paragraphs with blank lines between."""
    import trafilatura

    paragraphs = _visible_paragraphs(raw)
    main = trafilatura.extract(raw, include_comments=False, include_tables=True)
    if main:  # trafilatura's own text flattens inline markup into lines; its choice of what is content is kept
        content = " ".join(main.split())
        kept = [p for p in paragraphs if " ".join(p.split()) in content]
        paragraphs = kept or paragraphs
    return "\n\n".join(paragraphs)


def _visible_paragraphs(raw: str) -> list[str]:
    """The visible text of a page: block elements become paragraphs, <br> and table cells lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup(LINE_TAGS):
        tag.insert_after(_LINE)
    for text in (t for pre in soup("pre") for t in pre.find_all(string=True)):
        text.replace_with(text.replace("\n", _LINE))  # preformatted text keeps its lines
    for tag in soup(BLOCK_TAGS):
        tag.insert_before(_BLOCK)
        tag.insert_after(_BLOCK)
    paragraphs = (_collapse_lines(p) for p in soup.get_text().split(_BLOCK))
    return [p for p in paragraphs if p]


def _collapse_lines(paragraph: str) -> str:
    """HTML white space: each run of it is one space; only the line markers break lines."""
    lines = (" ".join(line.split()) for line in paragraph.split(_LINE))
    return "\n".join(line for line in lines if line)


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8/16/32 by their byte-order mark, else UTF-8, else the legacy encoding charset-normalizer
    finds (`_detected`); bytes that read as none of them are refused with a reason."""
    encoding = next((codec for bom, codec in BOMS if raw.startswith(bom)), None)
    if encoding is None and b"\x00" in raw[:8192]:
        raise QAError(f"{path.name}: looks like a binary file, not text")
    try:
        return raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding is None and (text := _detected(raw)) is not None:
            return text
        label = (encoding or "utf-8").removesuffix("-sig").upper()
        raise QAError(
            f"{path.name}: not {label} text ({exc.reason} at byte {exc.start}), and no other encoding reads it "
            "with confidence: save it as UTF-8"
        ) from exc


def _detected(raw: bytes) -> str | None:
    """The text of bytes in a legacy encoding (Windows-1252, Shift JIS, GB18030, ...), by charset-normalizer.

    Guarded where it guesses from little evidence: UTF-16/32 without a byte-order mark is
    never taken (a few Latin-1 bytes pass for two Chinese characters); a handful of
    non-ASCII bytes in which it recognises no language is refused, not guessed ("Ça va?" in
    Windows-1252 reads as Big5 as well); and among the encodings that read the bytes equally
    well Windows-1252 wins, the legacy encoding of most Western text (charset-normalizer may
    otherwise pick Windows-1250 and turn "crème" into "crčme")."""
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(raw) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    best = matches[0]
    if not best.coherence and sum(byte >= 0x80 for byte in raw) < MIN_UNRECOGNISED_EVIDENCE:
        return None
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and (m.coherence >= best.coherence - 0.05 or not best.coherence)]
    return str(next((m for m in tied if m.encoding == "cp1252"), best))


def from_path(path: str | Path, doc_id: str | None = None) -> Document:
    """Read a .txt, .md, .pdf, .docx or .html file (line ends made Unix); errors name the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise QAError(f"{path.name}: unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}")
    if not path.is_file():
        raise QAError(f"{path.name}: file not found")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise QAError(f"{path.name}: {size / 2**20:.1f} MiB is over the {MAX_DOCUMENT_BYTES / 2**20:g} MiB limit")
    if suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix == ".docx":
        text = _docx_text(path)
    else:
        text = _decode(path, path.read_bytes())
        if suffix in (".html", ".htm"):
            text = _html_text(text)
    if not text.strip():
        raise QAError(f"{path.name}: no text in this file")
    return Document(doc_id or path.name, _unix_newlines(text))


def load_paths(paths: Iterable[str | Path]) -> tuple[list[Document], list[str]]:
    """Load every readable file; returns the documents and one error message per file that failed."""
    documents, errors = [], []
    for path in paths:
        try:
            documents.append(from_path(path))
        except QAError as exc:
            errors.append(str(exc))
    return documents, errors
