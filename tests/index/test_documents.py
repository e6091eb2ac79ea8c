import pytest

from index.documents import bundled_article, from_path, from_text
from qa import QAError


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of text, built by hand so the test needs no PDF writer."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_bundled_article_ships_with_the_package():
    doc = bundled_article()
    assert "Yasukazu Hamada and Christine Lambrecht" in doc.text


def test_text_markdown_html_and_pdf(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text here.")
    (tmp_path / "b.md").write_text("# Title\n\nSome *markdown*.")
    (tmp_path / "c.html").write_text("<html><head><style>p{}</style><script>var x;</script></head><body><p>Visible words.</p></body></html>")
    (tmp_path / "d.pdf").write_bytes(_minimal_pdf("Text inside a PDF."))
    assert from_path(tmp_path / "a.txt").text == "Plain text here."
    assert "markdown" in from_path(tmp_path / "b.md").text
    html = from_path(tmp_path / "c.html").text
    assert html == "Visible words." and "var x" not in html
    assert "Text inside a PDF." in from_path(tmp_path / "d.pdf").text


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("blob.txt", b"\x00\x01\x02\x03", "binary"),
        ("latin.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("empty.md", b"  \n ", "no text"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("image.png", b"\x89PNG", "unsupported"),
    ],
)
def test_bad_files_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(QAError, match=message) as info:
        from_path(path)
    assert name in str(info.value)


def test_empty_string_document_is_refused():
    with pytest.raises(QAError, match="empty"):
        from_text("memo", "   ")
