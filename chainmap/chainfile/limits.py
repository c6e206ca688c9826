"""What reading a workbook may unpack, apart from the workbook reader itself: `chainmap.chainfile` names
these limits without loading the spreadsheet library, which only an .xlsx file needs."""

from dataclasses import dataclass
from typing import Final

from chainmap.archives import ArchiveLimits

MEBIBYTE: Final = 1024 * 1024


@dataclass(frozen=True)
class XlsxLimits:
    """What reading a workbook may unpack: the archive's limits and the most one part that is parsed
    whole (everything but the sheet and the shared strings, which are streamed) may declare; a tree
    of tiny XML elements takes some 20 times its size in memory."""

    archive: ArchiveLimits
    whole_part: int


# For the command line, which reads up to MAX_ROWS sites from a file on disk; the web passes its own.
DEFAULT_LIMITS: Final = XlsxLimits(
    archive=ArchiveLimits(unpacked=1024 * MEBIBYTE, entries=10_000), whole_part=16 * MEBIBYTE
)
