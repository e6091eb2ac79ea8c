import hashlib
import io
from pathlib import Path

import pypdf
import pytest
from pypdf import PdfWriter
from pypdf.errors import DependencyError, LimitReachedError, ParseError

from qa_index.chunking import ChunkingSettings, chunk_document
from qa_index.documents import BUNDLED_ARTICLE, MAX_DOCUMENT_BYTES, bundled_article, from_path, from_text, load_paths
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


SHARED_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "article"
ARTICLE_SHA256 = "9e4028bdd36ac46ea75848f4cc14f21d451f3c82ff7f83ef1b4b5b627ab9f1b5"


def test_bundled_article_ships_with_the_package_byte_for_byte():
    doc = bundled_article()
    assert doc.id == "japan_germany_defence_2022-11-03.txt"
    assert hashlib.sha256(doc.text.encode("utf-8")).hexdigest() == ARTICLE_SHA256
    assert hashlib.sha256(BUNDLED_ARTICLE.read_bytes()).hexdigest() == ARTICLE_SHA256


def test_bundled_article_matches_the_checksum_the_shared_readme_gives():
    readme = SHARED_ARTICLE / "README.md"
    if not readme.is_file():
        pytest.skip(f"the shared data folder is not beside the checkout ({readme})")
    assert f"sha256 `{ARTICLE_SHA256}`" in readme.read_text()
    assert BUNDLED_ARTICLE.read_bytes() == (SHARED_ARTICLE / BUNDLED_ARTICLE.name).read_bytes()


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
        ("latin.txt", "caf\xe9".encode("latin-1"), "not UTF-8 text .* save it as UTF-8"),  # too little to tell
        ("empty.md", b"  \n ", "no text"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word"),
        ("image.png", b"\x89PNG", "unsupported"),
    ],
)
def test_bad_files_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(QAError, match=message) as info:
        from_path(path)
    assert name in str(info.value)


def test_word_document_paragraphs_and_tables_in_their_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Talks in Munster", level=1)
    document.add_paragraph("Japan and Germany agreed to deepen their defense ties.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Minister", (0, 1): "Country", (1, 0): "Yoshimasa Hayashi", (1, 1): "Japan"}.items():
        table.cell(row, col).text = text
    table.cell(1, 0).merge(table.cell(1, 1))  # a merged cell is read once, not once per column it spans
    document.add_paragraph("Their next meeting will be in Tokyo.")
    document.add_paragraph("   ")  # empty paragraphs make no blank paragraphs
    document.save(tmp_path / "talks.docx")
    assert from_path(tmp_path / "talks.docx").text == (
        "Talks in Munster\n\nJapan and Germany agreed to deepen their defense ties.\n\n"
        "Minister | Country\nYoshimasa Hayashi\nJapan\n\nTheir next meeting will be in Tokyo."
    )


def test_a_word_document_without_text_is_refused(tmp_path):
    import docx

    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(QAError, match="blank.docx: no text"):
        from_path(tmp_path / "blank.docx")


def test_empty_string_document_is_refused():
    with pytest.raises(QAError, match="empty"):
        from_text("memo", "   ")


def test_windows_and_old_mac_line_ends_become_paragraphs_with_exact_offsets(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"First line.\r\nSecond line.\r\n\r\nNew paragraph.\rLast line.")
    doc = from_path(tmp_path / "crlf.txt")
    assert doc.text == "First line.\nSecond line.\n\nNew paragraph.\nLast line."
    assert from_text("memo", "A.\r\n\r\nB.").text == "A.\r\n\r\nB."  # a string is kept as given: offsets slice it
    chunks = chunk_document(doc, ChunkingSettings(max_words=4, overlap=0))
    assert [c.text for c in chunks] == ["First line.\nSecond line.", "New paragraph.\nLast line."]
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)


def test_html_block_elements_are_paragraphs_and_inline_ones_are_not(tmp_path):
    page = (
        "<html><head><title>Report</title></head><body>"
        "<h1>Results</h1><div><p>Sales <b>rose</b>\n   by 5%.</p><p>Costs fell.</p></div>"
        "<ul><li>North</li><li>South</li></ul><p>Line one<br>line two</p>"
        "<table><tr><td>a</td><td>b</td></tr></table><pre>x = 1\ny = 2</pre></body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    assert from_path(tmp_path / "page.html").text == (
        "Results\n\nSales rose by 5%.\n\nCosts fell.\n\nNorth\n\nSouth\n\nLine one\nline two\n\na\nb"
        "\n\nx = 1\ny = 2"
    )


def _encrypted_pdf(password: str) -> bytes:
    """A one-page PDF encrypted by pypdf with RC4, which needs no `cryptography` package."""
    writer = PdfWriter(clone_from=io.BytesIO(_minimal_pdf("Secret text.")))
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_is_named_and_the_other_files_still_load(tmp_path):
    (tmp_path / "locked.pdf").write_bytes(_encrypted_pdf("secret"))
    (tmp_path / "open.pdf").write_bytes(_encrypted_pdf(""))  # no user password: readable as it is
    (tmp_path / "notes.txt").write_text("Plain notes.")
    documents, errors = load_paths([tmp_path / "locked.pdf", tmp_path / "open.pdf", tmp_path / "notes.txt"])
    assert [d.id for d in documents] == ["open.pdf", "notes.txt"]
    assert "Secret text." in documents[0].text
    assert len(errors) == 1 and "locked.pdf" in errors[0] and "encrypted PDF" in errors[0]


@pytest.mark.parametrize(
    "error",
    [ParseError("bad xref"), LimitReachedError("too many objects"), DependencyError("cryptography is required")],
    ids=lambda error: type(error).__name__,
)
def test_every_pypdf_failure_is_reported_by_file_name(tmp_path, monkeypatch, error):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(pypdf, "PdfReader", fail)
    (tmp_path / "odd.pdf").write_bytes(_minimal_pdf("Text."))
    (tmp_path / "notes.txt").write_text("Plain notes.")
    documents, errors = load_paths([tmp_path / "odd.pdf", tmp_path / "notes.txt"])
    assert [d.id for d in documents] == ["notes.txt"]
    assert len(errors) == 1 and errors[0].startswith("odd.pdf: ") and str(error) in errors[0]


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Le café crème coûte 3 € à Münster – naïve façade, dit-il.\n\nDeuxième paragraphe.", "cp1252"),
        ("Die Außenministerin begrüßte die Gäste in Münster.\n\nZweiter Absatz über Lambrecht.", "latin-1"),
        ("Zażółć gęślą jaźń – polski tekst o współpracy obronnej.", "cp1250"),
        ("Япония и Германия договорились в четверг об углублении сотрудничества.", "cp1251"),
        ("日本とドイツは木曜日、防衛協力を強化することで合意した。", "shift_jis"),
        ("日本和德国周四同意加强防务合作。", "gb18030"),
    ],
)
def test_text_in_a_legacy_encoding_is_detected(tmp_path, text, encoding):
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding))
    assert from_path(tmp_path / "legacy.txt").text == text


def test_a_page_keeps_its_article_and_drops_navigation_and_footers(tmp_path):
    page = (
        "<html><head><title>Talks</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World news</a> | <a href='/sport'>Sport</a></nav>"
        "<header>Kyodo News: subscribe now for full access</header><article>"
        "<h1>Japan, Germany agree to deepen defense ties</h1>"
        "<p>MUNSTER - Japan and Germany agreed on Thursday to start negotiations on a pact to share supplies.</p>"
        "<p>The defense chiefs, Yasukazu Hamada and Christine <b>Lambrecht</b>, joined online.</p></article>"
        "<aside>Most read: a story about something else entirely</aside>"
        "<footer>Copyright 2022 Kyodo News. All rights reserved. Privacy policy.</footer></body></html>"
    )
    (tmp_path / "news.html").write_text(page)
    assert from_path(tmp_path / "news.html").text == (
        "Japan, Germany agree to deepen defense ties\n\n"
        "MUNSTER - Japan and Germany agreed on Thursday to start negotiations on a pact to share supplies.\n\n"
        "The defense chiefs, Yasukazu Hamada and Christine Lambrecht, joined online."
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    text = "Grüße aus Köln.\n\nZweiter Absatz."
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    (tmp_path / "bom.txt").write_bytes((bom + text).encode(encoding))
    assert from_path(tmp_path / "bom.txt").text == text


def test_size_limit_message_uses_one_unit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_DOCUMENT_BYTES + 2**20)
    with pytest.raises(QAError, match=r"huge.txt: 21.0 MiB is over the 20 MiB limit"):
        from_path(path)
