"""Zip archives checked by their directory before anything is unpacked (chainmap.archives): a clean zip
within the limits passes; data in front of it, too much declared unpacked, too many entries, encryption or
an unknown compression are refused; and what the check rests on, that zipfile never unpacks an entry
beyond the size it declares."""

import io
import time
import zipfile
import zlib

import pytest

from chainmap.archives import ArchiveLimits, ArchiveProblem, archive_problem, read_limited_part
from tests.factories import attachments as files
from tests.factories.zipbombs import MEBIBYTE, RawEntry, measured, repeated_entry, zip_archive

LIMITS = ArchiveLimits(unpacked=50 * MEBIBYTE, entries=1_000)


def test_a_clean_archive_within_the_limits_passes() -> None:
    assert archive_problem(files.xlsx(), limits=LIMITS) is None
    assert archive_problem(files.docx(), limits=LIMITS) is None
    # Written by hand as the bombs are, with ZIP64 sizes.
    assert (
        archive_problem(zip_archive([RawEntry("a.xml", zlib.compress(b"")[2:-4], 0, 0)]), limits=LIMITS)
        is None
    )


@pytest.mark.parametrize(
    "prefix",
    [b"\x00", b"P", b"MZ" + bytes(4094), files.zip_of({"leesmij.txt": "voorwerk"})],
    ids=["one-byte", "P", "4-kB", "zip"],
)
def test_an_archive_with_anything_in_front_of_it_is_refused(prefix: bytes) -> None:
    content = prefix + files.xlsx()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:  # what zipfile, and openpyxl, would read
        assert "xl/workbook.xml" in archive.namelist()
    assert archive_problem(content, limits=LIMITS) is ArchiveProblem.NOT_CLEAN


@pytest.mark.parametrize(
    ("prefix", "problem"),
    [(b"", ArchiveProblem.TOO_LARGE), (b"\x00", ArchiveProblem.NOT_CLEAN)],
    ids=["none", "one-byte"],
)
def test_a_4_gib_bomb_is_refused_by_its_directory_at_once(
    xlsx_bomb: bytes, prefix: bytes, problem: ArchiveProblem
) -> None:
    content = prefix + xlsx_bomb
    found, cost = measured(lambda: archive_problem(content, limits=LIMITS))
    assert found is problem
    assert cost.seconds < 0.5
    assert cost.peak_bytes < 2 * MEBIBYTE  # the 5 MB archive is not copied, nothing is unpacked


def test_the_limits_on_size_and_entries_are_each_checked() -> None:
    content = files.zip_of({f"part{n}.xml": "x" * 1000 for n in range(10)})
    assert archive_problem(content, limits=ArchiveLimits(unpacked=10_000, entries=10)) is None
    assert (
        archive_problem(content, limits=ArchiveLimits(unpacked=9_999, entries=10)) is ArchiveProblem.TOO_LARGE
    )
    assert archive_problem(content, limits=ArchiveLimits(unpacked=10_000, entries=9)) is (
        ArchiveProblem.TOO_MANY_ENTRIES
    )


def test_an_encrypted_or_oddly_compressed_archive_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert archive_problem(buffer.getvalue(), limits=LIMITS) is ArchiveProblem.UNSUPPORTED
    encrypted = bytearray(files.docx())
    encrypted[6] |= 0x1  # the first local header's flag, and every central directory entry's
    start = encrypted.find(b"PK\x01\x02")
    while start != -1:
        encrypted[start + 8] |= 0x1
        start = encrypted.find(b"PK\x01\x02", start + 1)
    assert archive_problem(bytes(encrypted), limits=LIMITS) is ArchiveProblem.UNSUPPORTED


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"id,name\r\n", zip_archive([])])
def test_what_is_no_zip_archive_is_said_to_be_none(content: bytes) -> None:
    assert archive_problem(content, limits=LIMITS) is ArchiveProblem.NOT_A_ZIP


def lying_archive(*, declared: int, inflated: int) -> bytes:
    """An archive of one entry that declares `declared` zero bytes (and their CRC) and inflates to
    `inflated`."""
    entry = repeated_entry(
        "liar.xml", head=b"", block=bytes(MEBIBYTE), repeats=inflated // MEBIBYTE, tail=b""
    )
    return zip_archive([RawEntry(entry.name, entry.packed, declared, zlib.crc32(bytes(declared)))])


def test_zipfile_never_gives_more_of_an_entry_than_it_declares_but_read_inflates_more_first() -> None:
    """What the size check rests on, measured: an entry that declares 1 kB and inflates to 64 MiB gives
    1 kB however it is read. Streamed in small chunks (as openpyxl streams a sheet) or read with
    read_limited_part, little more is inflated; ZipFile.read inflates all 64 MiB first."""
    declared = 1024
    with zipfile.ZipFile(io.BytesIO(lying_archive(declared=declared, inflated=64 * MEBIBYTE))) as archive:
        started = time.perf_counter()

        def streamed() -> bytes:
            with archive.open("liar.xml") as stream:
                return b"".join(iter(lambda: stream.read(16 * 1024), b""))

        for read in [streamed, lambda: read_limited_part(archive, archive.getinfo("liar.xml"))]:
            data, cost = measured(read)
            assert data == bytes(declared)
            assert cost.peak_bytes < 2 * MEBIBYTE
        assert time.perf_counter() - started < 0.5
        whole, cost = measured(lambda: archive.read("liar.xml"))
        assert whole == bytes(declared)
        assert cost.peak_bytes > 64 * MEBIBYTE  # why parts are never read with ZipFile.read
