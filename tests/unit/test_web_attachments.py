"""What an attachment is, by its content only (web.services.attachments.sniffed_media_type), and the name
it is downloaded under (safe_filename)."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import attachments as files
from tests.factories.zipbombs import MEBIBYTE, measured
from web.services.attachments import (
    CSV,
    DOCX,
    EXTENSIONS,
    GIF,
    JPEG,
    MAX_UNPACKED_BYTES,
    PDF,
    PNG,
    TEXT,
    WEBP,
    XLSX,
    content_disposition,
    safe_filename,
    sniffed_media_type,
)


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (files.PDF, PDF),
        (files.PNG, PNG),
        (files.JPEG, JPEG),
        (files.GIF, GIF),
        (b"GIF87a\x01\x00\x01\x00", GIF),
        (files.WEBP, WEBP),
        (files.CSV, CSV),
        (b"id,name\n1,Werkkleding BV\n", CSV),
        ("naam;land\nNaaiatelier Dhaka — één;Bangladesh\n".encode(), CSV),
    ],
)
def test_each_accepted_type_is_known_by_its_content(content: bytes, media_type: str) -> None:
    assert sniffed_media_type(content, "lijst.csv") == media_type


def test_text_is_csv_only_when_named_so_and_otherwise_plain_text_kept_as_txt() -> None:
    # A statement saved as .txt was accepted as CSV and renamed .csv; it stays a text file now.
    text = b"Verklaring van de leverancier\nGeen kinderarbeid aangetroffen.\n"
    for name in ("verklaring.txt", "verklaring", "verklaring.TXT", "verklaring.doc"):
        assert sniffed_media_type(text, name) == TEXT
        assert safe_filename(name, TEXT).endswith(".txt")
    assert sniffed_media_type(text, "Lijst.CSV") == CSV
    assert safe_filename("verklaring.txt", TEXT) == "verklaring.txt"
    assert sniffed_media_type(files.PDF, "verklaring.txt") == PDF  # the content decides the kind of file
    assert sniffed_media_type(b"<html>hallo</html>", "pagina.txt") is None


def test_a_workbook_and_a_document_are_told_apart_by_their_entries() -> None:
    assert sniffed_media_type(files.xlsx()) == XLSX
    assert sniffed_media_type(files.docx()) == DOCX


@pytest.mark.parametrize(
    "content",
    [
        files.HTML,
        b"  \n<html><p>hallo</p></html>",
        files.SVG,
        b'<?xml version="1.0"?><svg/>',
        b"naam\n<script>alert(1)</script>\n",
        files.EXE,
        b"\x7fELF\x02\x01\x01\x00",
        b"",
        b"   \n\t",
        b"a,b\n\x00\x01",
        b"a,b\n\x1b[31m,x\n",
        "naam\ncaf\xe9\n".encode("latin-1"),  # not UTF-8
        b"RIFF\x1a\x00\x00\x00WAVEfmt ",
        files.zip_of({"readme.txt": "geen kantoorbestand"}),
        files.zip_of({"xl/workbook.xml": "<workbook/>"}),  # no [Content_Types].xml
        files.zip_of(  # a macro-enabled workbook
            {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/vbaProject.bin": "x"}
        ),
        files.zip_of(  # the same, its macro project named in capitals
            {"[Content_Types].xml": "<Types/>", "word/document.xml": "<d/>", "word/VBAPROJECT.BIN": "x"}
        ),
        b"PK\x03\x04 not really a zip archive",
    ],
)
def test_everything_else_is_refused(content: bytes) -> None:
    assert sniffed_media_type(content) is None


def test_an_archive_declaring_too_much_unpacked_is_refused_without_unpacking_it() -> None:
    bomb = files.zip_bomb(unpacked=MAX_UNPACKED_BYTES + 1)
    assert len(bomb) < MAX_UNPACKED_BYTES // 100
    assert sniffed_media_type(bomb) is None
    assert sniffed_media_type(files.zip_bomb(unpacked=1024)) == DOCX


GLUED = files.zip_of({"leesmij.txt": "voorwerk"})  # a zip archive in front: the file starts as one


@pytest.mark.parametrize("prefix", [b"\x00", b"MZ" + bytes(4094), GLUED], ids=["one-byte", "4-kB", "zip"])
def test_an_office_file_with_data_in_front_of_it_is_refused(prefix: bytes) -> None:
    assert sniffed_media_type(files.docx()) == DOCX
    assert sniffed_media_type(prefix + files.docx()) is None
    assert sniffed_media_type(prefix + files.xlsx()) is None


@pytest.mark.parametrize("prefix", [b"", b"\x00", GLUED], ids=["none", "one-byte", "zip"])
def test_a_4_gib_bomb_is_refused_at_once_whatever_is_in_front_of_it(docx_bomb: bytes, prefix: bytes) -> None:
    media_type, cost = measured(lambda: sniffed_media_type(prefix + docx_bomb))
    assert media_type is None
    assert cost.seconds < 0.5
    assert cost.peak_bytes < 16 * MEBIBYTE  # the file itself is 5 MB


@pytest.mark.parametrize(
    ("name", "media_type", "safe"),
    [
        ("jaarverslag.pdf", PDF, "jaarverslag.pdf"),
        ("../../etc/passwd", PDF, "passwd.pdf"),
        ("C:\\Users\\inkoop\\Audit rapport.PDF", PDF, "Audit rapport.pdf"),
        ('rap"port\x00\r\n(1).docx', PDF, "rapport1.pdf"),  # the content decides the extension
        ("foto.jpeg", JPEG, "foto.jpeg"),
        ("foto.png", JPEG, "foto.jpg"),
        ("lijst", CSV, "lijst.csv"),
        ("versie 2.0 definitief", XLSX, "versie 2.0 definitief.xlsx"),
        ("Naaiatelier Dhaka — één.docx", DOCX, "Naaiatelier Dhaka één.docx"),
        ("", PNG, "file.png"),
        ("...", GIF, "file.gif"),
        ("<script>.html", WEBP, "script.webp"),
        (".htaccess", CSV, "htaccess.csv"),
    ],
)
def test_a_filename_is_kept_sanitised_with_the_extension_of_its_content(
    name: str, media_type: str, safe: str
) -> None:
    assert safe_filename(name, media_type) == safe


def test_a_long_filename_is_cut_to_255_characters_and_keeps_its_extension() -> None:
    safe = safe_filename("a" * 400 + ".xlsx", XLSX)
    assert len(safe) == 255 and safe.endswith("a.xlsx")


@given(name=st.text(max_size=400), media_type=st.sampled_from(sorted(EXTENSIONS)))
def test_a_safe_filename_never_holds_a_path_or_a_control_character(name: str, media_type: str) -> None:
    safe = safe_filename(name, media_type)
    assert "/" not in safe and "\\" not in safe
    assert not any(unicodedata.category(character).startswith("C") for character in safe)
    assert not re.search(r"[\"'<>:*?|;]", safe)
    assert 0 < len(safe) <= 255
    stem, _, extension = safe.rpartition(".")
    assert stem and not stem.startswith(".") and extension.lower() in EXTENSIONS[media_type]


def test_a_non_ascii_name_is_sent_as_rfc_5987_with_an_ascii_stand_in() -> None:
    assert content_disposition("rapport.pdf") == 'attachment; filename="rapport.pdf"'
    assert content_disposition("één rapport.pdf") == (
        "attachment; filename=\"__n rapport.pdf\"; filename*=UTF-8''%C3%A9%C3%A9n%20rapport.pdf"
    )
