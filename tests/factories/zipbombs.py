"""Zip bombs for the upload tests: workbooks and documents whose zip archive is a few MB and unpacks to
4 GiB, with a prefix in front where a test wants one, built in a fraction of a second.

The entry that unpacks to 4 GiB is deflated by hand: a 1 MiB block of sheet XML is compressed once,
after a full flush (which makes the compressed block independent of what came before), and its
compressed bytes repeated 4,096 times. The archive is written by hand too, with ZIP64 sizes, since
zipfile cannot store data it did not compress itself. Its CRC is not the data's (computing it means
running through 4 GiB): a reader that reached the end would say the archive is damaged, but the
point of these tests is that nothing reads that far.
"""

import functools
import io
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeVar

from chainmap.chain import COLUMNS
from chainmap.chainfile import rows_to_xlsx

MEBIBYTE: Final = 1024 * 1024
BOMB_UNPACKED: Final = 4096 * MEBIBYTE
SHEET_PART: Final = "xl/worksheets/sheet1.xml"
DOCUMENT_PART: Final = "word/document.xml"
_ZIP64_SIZES: Final = 0xFFFFFFFF
_ZIP64_EXTRA: Final = 0x0001
_VERSION: Final = 45  # ZIP64
_DOS_DATE: Final = (2027 - 1980) << 9 | 1 << 5 | 1  # 1 January 2027, 00:00
T = TypeVar("T")


@dataclass(frozen=True)
class RawEntry:
    """An archive entry as stored: its name, its deflated bytes, and the size and CRC it declares."""

    name: str
    packed: bytes
    size: int
    crc: int


def deflated(data: bytes) -> bytes:
    """`data` as a raw deflate stream, as a zip entry holds it."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def repeated_entry(name: str, *, head: bytes, block: bytes, repeats: int, tail: bytes) -> RawEntry:
    """An entry holding `head`, `block` `repeats` times and `tail`, deflated without deflating the
    repeats one by one: the block's compressed bytes after a full flush are the same every time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    packed_block = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH) == packed_block
    end = compressor.compress(tail) + compressor.flush()
    size = len(head) + len(block) * repeats + len(tail)
    return RawEntry(name, start + packed_block * repeats + end, size, crc=0)


def zip_archive(entries: list[RawEntry]) -> bytes:
    """A zip archive of deflated entries, every size in a ZIP64 extra field; its offsets count from its
    own first byte, as a zip written to a file of its own has them (so gluing a prefix in front makes an
    archive that zipfile still reads, behind the prefix)."""
    body = io.BytesIO()
    directory = io.BytesIO()
    for entry in entries:
        name = entry.name.encode()
        offset = body.tell()
        sizes = struct.pack("<HHQQ", _ZIP64_EXTRA, 16, entry.size, len(entry.packed))
        body.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                _VERSION,
                0,
                zipfile.ZIP_DEFLATED,
                0,
                _DOS_DATE,
                entry.crc,
                _ZIP64_SIZES,
                _ZIP64_SIZES,
                len(name),
                len(sizes),
            )
        )
        body.write(name + sizes + entry.packed)
        directory.write(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                _VERSION,
                _VERSION,
                0,
                zipfile.ZIP_DEFLATED,
                0,
                _DOS_DATE,
                entry.crc,
                _ZIP64_SIZES,
                _ZIP64_SIZES,
                len(name),
                len(sizes),
                0,
                0,
                0,
                0,
                offset,
            )
        )
        directory.write(name + sizes)
    start = body.tell()
    central = directory.getvalue()
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return body.getvalue() + central + end


def _rezipped(archive: bytes, replaced: RawEntry) -> bytes:
    """`archive`'s entries as raw entries, `replaced` instead of the entry of its name."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        for info in source.infolist():
            if info.filename == replaced.name:
                entries.append(replaced)
            else:
                data = source.read(info)
                entries.append(RawEntry(info.filename, deflated(data), len(data), zlib.crc32(data)))
    return zip_archive(entries)


def _bomb_entry(name: str, head: bytes, cell: bytes, tail: bytes) -> RawEntry:
    """An entry of `head`, 4 GiB of blocks and `tail`; each 1 MiB block 64 KiB of `cell`s and white
    space after them (white space compresses best, so the whole stays under the upload limit)."""
    cells = cell * (64 * 1024 // len(cell))
    block = cells + b" " * (MEBIBYTE - len(cells))
    return repeated_entry(name, head=head, block=block, repeats=BOMB_UNPACKED // MEBIBYTE, tail=tail)


@functools.cache
def xlsx_bomb() -> bytes:
    """A chain workbook whose sheet unpacks to 4 GiB: the header row, then one row of millions of cells."""
    workbook = rows_to_xlsx([])
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1">'
        + b"".join(f'<c t="inlineStr"><is><t>{column}</t></is></c>'.encode() for column in COLUMNS)
        + b'</row><row r="2">'
    )
    entry = _bomb_entry(SHEET_PART, head, b"<c><v>1</v></c>", b"</row></sheetData></worksheet>")
    with zipfile.ZipFile(io.BytesIO(workbook)) as source:
        assert SHEET_PART in source.namelist()
    return _rezipped(workbook, entry)


@functools.cache
def docx_bomb(document: bytes) -> bytes:
    """The DOCX `document` with its text unpacking to 4 GiB: millions of paragraphs."""
    head = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        b'2006/main"><w:body>'
    )
    entry = _bomb_entry(DOCUMENT_PART, head, b"<w:p><w:r><w:t>a</w:t></w:r></w:p>", b"</w:body></w:document>")
    return _rezipped(document, entry)


@dataclass(frozen=True)
class Cost:
    """What a call took: its wall-clock seconds and the peak of memory Python allocated meanwhile."""

    seconds: float
    peak_bytes: int


def measured(call: Callable[[], T]) -> tuple[T, Cost]:
    """`call`'s result and what it took: its memory traced with tracemalloc on a first call (zlib's
    buffers included: they come from Python's allocator), its time measured on a second call without
    tracing, once whatever the first call did once (compiling a page's template) is done."""
    tracemalloc.start()
    try:
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    started = time.perf_counter()
    result = call()
    return result, Cost(time.perf_counter() - started, peak)
