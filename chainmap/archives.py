"""Zip archives from outside (an .xlsx chain file, an XLSX or DOCX attachment), checked by their directory
before anything in them is unpacked.

A small archive can unpack to gigabytes (a zip bomb). What protects the server is that Python's zipfile
never returns more of an entry than the size its central directory declares (it cuts the data there),
so the declared sizes bound what reading can give: `archive_problem` refuses an archive whose entries
declare too much in all, or that has too many entries, before it is read. Mind how it is read, though:
zipfile cuts after inflating, and `ZipFile.read` inflates up to 1 GiB in one go, so an entry that
declares 1 kB and inflates to 1 GiB costs 1 GiB that way. Read entries in small chunks from
`ZipFile.open` (each read inflates about as much as it asks for), as `read_limited_part` does.

It also refuses an archive that is not a clean zip: one with data before its first entry (a prefix, as
a self-extracting archive has, or two archives glued together). zipfile and every reader built on it
accept such a file, wherever the zip data begins, while a check that looks at the first bytes (the
`PK\\x03\\x04` of a local file header) does not see it as an archive at all: an .xlsx with one byte in
front of it skipped the size check and was unpacked in full. Refusing any archive whose first entry
does not start at byte 0 is the stricter of the two sound designs (the other is to check every file's
sizes whatever its first bytes): no program that writes workbooks or documents puts anything in front
of the archive, and the sniffing by first bytes and the reading then agree on what the file is. Both
are done: every archive is checked, whatever it starts with, and an unclean one is refused.
"""

import enum
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Final

LOCAL_HEADER_SIGNATURE: Final = b"PK\x03\x04"
# The compression methods Office and LibreOffice write; zipfile knows others (bzip2, lzma) that no
# workbook or document uses.
_METHODS: Final = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_ENCRYPTED: Final = 0x1


class ArchiveProblem(enum.Enum):
    """Why an archive is refused before it is read."""

    NOT_A_ZIP = "not_a_zip"  # zipfile cannot read its directory, or it holds no entry
    NOT_CLEAN = "not_clean"  # data before the first entry (a prefix or a second archive)
    UNSUPPORTED = "unsupported"  # encrypted, or compressed in a way no Office file is
    TOO_MANY_ENTRIES = "too_many_entries"
    TOO_LARGE = "too_large"  # the entries declare more than `ArchiveLimits.unpacked` in all


@dataclass(frozen=True)
class ArchiveLimits:
    """What an archive's directory may declare: unpacked bytes in all, and the number of entries."""

    unpacked: int
    entries: int


def archive_problem(data: bytes, *, limits: ArchiveLimits) -> ArchiveProblem | None:
    """Why `data` may not be read as a zip archive within `limits`, from its directory alone (nothing is
    unpacked); None when it may."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    # Every way zipfile says that it finds no archive or cannot read its directory.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return ArchiveProblem.NOT_A_ZIP
    if not entries:
        return ArchiveProblem.NOT_A_ZIP
    # zipfile adds the length of any data in front of the archive to each entry's offset, so a clean
    # archive's first entry is at 0, where its first bytes are a local header's; an archive behind a
    # prefix (even one that starts with a local header signature of its own) has none there.
    if not data.startswith(LOCAL_HEADER_SIGNATURE) or min(entry.header_offset for entry in entries) != 0:
        return ArchiveProblem.NOT_CLEAN
    if any(entry.compress_type not in _METHODS or entry.flag_bits & _ENCRYPTED for entry in entries):
        return ArchiveProblem.UNSUPPORTED
    if len(entries) > limits.entries:
        return ArchiveProblem.TOO_MANY_ENTRIES
    if sum(entry.file_size for entry in entries) > limits.unpacked:
        return ArchiveProblem.TOO_LARGE
    return None


READ_CHUNK: Final = 64 * 1024


def read_limited_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, inflated in chunks of READ_CHUNK, so that no more than its declared size and a
    chunk is ever unpacked (`ZipFile.read` would inflate up to 1 GiB of an entry that lies about it)."""
    chunks = []
    with archive.open(info) as stream:
        while chunk := stream.read(READ_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)
