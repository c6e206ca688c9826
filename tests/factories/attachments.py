"""Small files of each type an attachment may be, and some it may not, for the attachment tests: enough of
each format that its content says what it is (a real workbook from openpyxl, a DOCX as the zip archive of
entries Word writes)."""

import zipfile
from io import BytesIO
from typing import Final

from openpyxl import Workbook

PDF: Final = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG: Final = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG: Final = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
GIF: Final = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00;"
WEBP: Final = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
)
CSV: Final = "\ufeffactie;status\nAudit naaiatelier Dhaka;afgerond\n".encode()
HTML: Final = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
SVG: Final = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE: Final = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"

_DOCX_ENTRIES: Final = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
    "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Auditrapport</w:t></w:r></w:p></w:body>'
    "</w:document>",
}


ENTRY_TIME: Final = (2027, 1, 1, 0, 0, 0)


def zip_of(entries: dict[str, str | bytes]) -> bytes:
    """A zip archive of these entries (deflated), the same bytes on every call: each entry has a fixed
    time, where the clock's would differ between two calls a second apart."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            entry = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
            archive.writestr(entry, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def xlsx() -> bytes:
    """A workbook with one sheet of two rows, as openpyxl writes it."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["actie", "status"])
    sheet.append(["Audit naaiatelier Dhaka", "afgerond"])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx() -> bytes:
    """A document of one paragraph: the entries Word needs, zipped."""
    return zip_of(dict(_DOCX_ENTRIES))


def zip_bomb(*, unpacked: int) -> bytes:
    """A DOCX-shaped archive with an entry of `unpacked` zero bytes, small when packed."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in _DOCX_ENTRIES.items():
            archive.writestr(name, content)
        chunk = bytes(1024 * 1024)
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry:
            for _ in range(unpacked // len(chunk)):
                entry.write(chunk)
            entry.write(bytes(unpacked % len(chunk)))
    return buffer.getvalue()
