"""The supplier's chain as a file: uploading a CSV, XLSX or JSON file that replaces the draft, and
downloading the template, the draft and each submitted version.

An upload is all or nothing: the file is read with the core's readers and checked with the command
line's `build_chain`; when anything blocks, nothing is stored and every problem comes back with the
file's own row and column, so the supplier fixes the file and tries again. The draft downloads write
the rows as typed (a draft may be unfinished); a version, valid by construction, is written from its
graph as `chainmap convert` would, and JSON needs a valid graph, so a draft with errors has none.

A CSV or XLSX list without the chain format's columns (a factory list, an Open Supply Hub export) is
not refused but handed to the mapping step (`MappingNeeded`, `web.services.chain_mapping`). The limits
of an upload grow with the setting `max_sites` (CHAINMAP_MAX_SITES, `ChainUploadLimits`).
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath
from typing import BinaryIO, Final

import networkx as nx
from sqlmodel import Session

from chainmap.archives import LOCAL_HEADER_SIGNATURE, ArchiveLimits
from chainmap.chain import ChainRow
from chainmap.chainfile import (
    ChainFile,
    XlsxLimits,
    chain_template_xlsx,
    chain_to_csv,
    chain_to_json,
    chain_to_xlsx,
    parse_csv,
    parse_json,
    parse_xlsx,
    rows_to_csv,
    rows_to_xlsx,
)
from chainmap.chainfile.mapping import drop_explained
from chainmap.findings import Finding, Severity, has_errors
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from chainmap.validation import build_chain
from models import ChainVersion, Contract, User
from web.messages import web_text
from web.services.chain_form import CELL_LIMITS
from web.services.chains import (
    MAX_WEB_SITES,
    built_version,
    draft_chain_rows,
    may_edit_chain,
    replace_draft,
    version_rows,
    versions,
)

# An upload larger than this is refused after reading this much of it; a chain of MAX_WEB_SITES sites
# fits easily. With more sites allowed (CHAINMAP_MAX_SITES) it grows by UPLOAD_BYTES_PER_SITE a site.
MAX_UPLOAD_BYTES: Final = 5 * 1024 * 1024
UPLOAD_BYTES_PER_SITE: Final = 512
READ_CHUNK: Final = 64 * 1024
# A workbook unpacks to at most this much (one of MAX_WEB_SITES sites to about 5 MB): a small archive
# that unpacks to gigabytes would fill the server's memory when read. The reader checks it, and more
# (`chainmap.chainfile.xlsx_format`), for every file it reads as a workbook, whatever it starts with.
# It grows by UNPACKED_BYTES_PER_SITE a site beyond that.
MAX_UNPACKED_BYTES: Final = 50 * 1024 * 1024
UNPACKED_BYTES_PER_SITE: Final = 5 * 1024
# A workbook Excel or LibreOffice writes has a dozen or two parts, a few hundred with many images.
MAX_WORKBOOK_PARTS: Final = 1_000
# A part parsed whole (the styles, the workbook, the manifest): a chain's are a few kB, a workbook with
# years of copied formatting has styles of a few MB.
MAX_WHOLE_PART_BYTES: Final = 4 * 1024 * 1024
XLSX_LIMITS: Final = XlsxLimits(
    archive=ArchiveLimits(unpacked=MAX_UNPACKED_BYTES, entries=MAX_WORKBOOK_PARTS),
    whole_part=MAX_WHOLE_PART_BYTES,
)
UPLOAD_SUFFIXES: Final = (".csv", ".xlsx", ".json")
MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
FILE_FORMATS: Final = tuple(MEDIA_TYPES)
# A reference in a file name keeps these characters; the rest becomes "-".
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9._-]+")
FILENAME_PART_AT_MOST: Final = 60


@dataclass(frozen=True)
class ChainUploadLimits:
    """What one upload may hold: sites, bytes, and what a workbook may unpack to, from the most sites a
    chain on the web may have (the setting `max_sites`)."""

    sites: int
    max_bytes: int
    xlsx: XlsxLimits

    @classmethod
    def for_sites(cls, sites: int) -> "ChainUploadLimits":
        """The limits for chains of at most `sites` sites: at least those of MAX_WEB_SITES."""
        unpacked = max(MAX_UNPACKED_BYTES, sites * UNPACKED_BYTES_PER_SITE)
        return cls(
            sites=sites,
            max_bytes=max(MAX_UPLOAD_BYTES, sites * UPLOAD_BYTES_PER_SITE),
            xlsx=XlsxLimits(
                archive=ArchiveLimits(unpacked=unpacked, entries=MAX_WORKBOOK_PARTS),
                whole_part=MAX_WHOLE_PART_BYTES,
            ),
        )


DEFAULT_UPLOAD_LIMITS: Final = ChainUploadLimits.for_sites(MAX_WEB_SITES)


@dataclass(frozen=True)
class FileProblem:
    """One problem with an uploaded file, in the page's language, where the file has it."""

    blocking: bool
    message: str
    row: int | None = None
    column: str | None = None


class UploadRefused(ValueError):
    """Nothing was stored: the file has blocking problems (listed with the warnings in `problems`)."""

    def __init__(self, problems: list[FileProblem]) -> None:
        super().__init__(f"{sum(problem.blocking for problem in problems)} blocking problems")
        self.problems = problems


@dataclass(frozen=True)
class UploadLoaded:
    """The file replaced the draft: how many sites it holds, the warnings it came with, and how many
    closed facilities a column mapping left out."""

    sites: int
    warnings: list[FileProblem]
    closed_left_out: int = 0


class ChainNotValid(ValueError):
    """The chain cannot be written as JSON: it has `errors` blocking findings (an empty draft has one)."""

    def __init__(self, errors: int) -> None:
        super().__init__(f"{errors} blocking findings")
        self.errors = errors


@dataclass(frozen=True)
class Download:
    """A file to send: its bytes, media type and the name the browser saves it under."""

    content: bytes
    media_type: str
    filename: str


def _problem(finding: Finding, lang: Lang) -> FileProblem:
    return FileProblem(finding.blocking, finding.message(lang), finding.row, finding.column)


def read_limited(stream: BinaryIO, *, limit: int) -> bytes | None:
    """The stream's bytes, read in chunks; None as soon as it holds more than `limit` bytes (what the
    request says about its size is not trusted)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def is_workbook(filename: str, data: bytes) -> bool:
    """Whether an upload is read as a workbook: a zip archive, or named .xlsx."""
    return data.startswith(LOCAL_HEADER_SIGNATURE) or PurePath(filename).suffix.lower() == ".xlsx"


def parse_upload(
    *, filename: str, data: bytes, limits: ChainUploadLimits = DEFAULT_UPLOAD_LIMITS
) -> ChainFile:
    """The chain rows of an uploaded file, read by its content (a zip archive is a workbook) or else by
    its suffix; at most `limits.sites` sites. A name without a suffix is read as JSON when it looks like
    JSON, else as CSV. A workbook is read within `limits.xlsx`, which the reader checks before it unpacks
    anything."""
    suffix = PurePath(filename).suffix.lower()
    if is_workbook(filename, data):
        return parse_xlsx(BytesIO(data), max_rows=limits.sites, limits=limits.xlsx)
    if suffix == ".json" or (not suffix and data.lstrip().startswith(b"{")):
        return parse_json(data, max_rows=limits.sites)
    if suffix in ("", ".csv"):
        return parse_csv(data, max_rows=limits.sites)
    return ChainFile([], [Finding(Severity.ERROR, "chain.file_type_unsupported", {"suffix": suffix})])


def _needs_mapping(chain_file: ChainFile) -> bool:
    """Whether the file was refused only for lacking the chain format's columns: a list in another
    layout, which the mapping step imports."""
    return (
        not chain_file.rows
        and any(finding.code == "chain.column_missing" for finding in chain_file.findings)
        and all(
            finding.code in ("chain.column_missing", "chain.column_ignored")
            for finding in chain_file.findings
        )
    )


def _findings(chain_file: ChainFile, reference: ReferenceData) -> list[Finding]:
    """The file's own findings, then those of checking its rows; a file refused as a whole is not
    checked row by row (that would repeat its problem on every row), as `chainmap validate` does; a
    customer the column mapping left out as closed is named once, by the mapping's finding."""
    if has_errors(chain_file.findings) and not chain_file.rows:
        return chain_file.findings
    return drop_explained([*chain_file.findings, *build_chain(chain_file.rows, reference=reference).findings])


def _long_cells(rows: Sequence[ChainRow], lang: Lang) -> list[FileProblem]:
    """Cells longer than the chain form takes: the draft must stay editable there."""
    return [
        FileProblem(
            True,
            web_text("chain_files.error.too_long", lang, row=row.row, column=column, limit=limit),
            row.row,
            column,
        )
        for row in rows
        for column, limit in CELL_LIMITS.items()
        if len(getattr(row, column)) > limit
    ]


class MappingNeeded(Exception):
    """The file is a list in another layout: its bytes go to the mapping step (nothing was stored)."""

    def __init__(self, filename: str, data: bytes) -> None:
        super().__init__(filename)
        self.filename = filename
        self.data = data


def import_rows(
    *,
    session: Session,
    contract: Contract,
    chain_file: ChainFile,
    reference: ReferenceData,
    lang: Lang,
) -> UploadLoaded:
    """Replace the draft with the file's rows when nothing in them blocks; otherwise raise UploadRefused
    with every problem, the file's own first, and leave the draft as it was."""
    problems = [_problem(finding, lang) for finding in _findings(chain_file, reference)]
    problems.extend(_long_cells(chain_file.rows, lang))
    problems.sort(key=lambda problem: (problem.row is not None, problem.row or 0))  # the file's first
    if any(problem.blocking for problem in problems):
        raise UploadRefused(problems)
    replace_draft(session=session, contract=contract, rows=chain_file.rows)
    return UploadLoaded(sites=len(chain_file.rows), warnings=problems)


def upload_chain(
    *,
    session: Session,
    contract: Contract,
    user: User,
    filename: str,
    stream: BinaryIO,
    reference: ReferenceData,
    lang: Lang,
    limits: ChainUploadLimits = DEFAULT_UPLOAD_LIMITS,
) -> UploadLoaded:
    """Replace the draft with the file's rows when nothing in them blocks; otherwise raise UploadRefused
    with every problem and leave the draft as it was. A CSV or XLSX list without the chain format's
    columns raises MappingNeeded with its bytes. PermissionError for a user who may not edit."""
    if not may_edit_chain(user=user, contract=contract):
        raise PermissionError("only the contract's supplier uploads its chain")
    if not filename:
        raise UploadRefused([FileProblem(True, web_text("chain_files.error.no_file", lang))])
    data = read_limited(stream, limit=limits.max_bytes)
    if data is None:
        limit = limits.max_bytes // (1024 * 1024)
        raise UploadRefused([FileProblem(True, web_text("chain_files.error.too_large", lang, limit=limit))])
    chain_file = parse_upload(filename=filename, data=data, limits=limits)
    if _needs_mapping(chain_file):
        raise MappingNeeded(filename, data)
    return import_rows(
        session=session, contract=contract, chain_file=chain_file, reference=reference, lang=lang
    )


def filename_part(text: str) -> str:
    """`text` as part of a file name: ASCII letters, digits, ".", "_" and "-" only, accents dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip(".-_")[:FILENAME_PART_AT_MOST].strip(".-_")


def _filename(contract: Contract, what: str, file_format: str) -> str:
    reference = filename_part(contract.reference) or f"contract-{contract.id}"
    return f"{reference}-{what}.{file_format}"


@dataclass(frozen=True)
class FilesOverview:
    """What the chain file page shows: the draft's size, its errors (JSON needs a valid chain) and its
    warnings, and the submitted versions, newest first."""

    draft_sites: int
    draft_errors: int
    draft_warnings: list[FileProblem]
    versions: list[ChainVersion]


def files_overview(
    *, session: Session, contract: Contract, reference: ReferenceData, lang: Lang
) -> FilesOverview:
    """The chain file page's view of `contract`'s draft (row numbers as in its download) and versions."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    rows = draft_chain_rows(session=session, contract_id=contract.id)
    findings = build_chain(rows, reference=reference).findings if rows else []
    return FilesOverview(
        draft_sites=len(rows),
        draft_errors=sum(finding.blocking for finding in findings),
        draft_warnings=[_problem(finding, lang) for finding in findings if not finding.blocking],
        versions=versions(session=session, contract_id=contract.id),
    )


def draft_download(
    *, session: Session, contract: Contract, file_format: str, reference: ReferenceData
) -> Download:
    """The draft as CSV or XLSX with its rows as typed, or as JSON when it is a valid chain (ChainNotValid
    otherwise). `file_format` is one of FILE_FORMATS."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    rows = draft_chain_rows(session=session, contract_id=contract.id)
    if file_format == "json":
        built = build_chain(rows, reference=reference)
        if not built.ok:
            raise ChainNotValid(sum(finding.blocking for finding in built.findings))
        content = chain_to_json(built.graph)
    else:
        content = (rows_to_csv if file_format == "csv" else rows_to_xlsx)(rows)
    return Download(content, MEDIA_TYPES[file_format], _filename(contract, "chain-draft", file_format))


def version_download(
    *, contract: Contract, version: ChainVersion, file_format: str, reference: ReferenceData
) -> Download:
    """A submitted version as CSV, XLSX or JSON, written from its graph as `chainmap convert` would. A
    version that no longer builds (the reference data changed since) is written as submitted, and has
    no JSON (ChainNotValid)."""
    built = built_version(version, reference=reference)
    filename = _filename(contract, f"chain-v{version.number}", file_format)
    writers: dict[str, Callable[[nx.DiGraph[str]], bytes]] = {
        "csv": chain_to_csv,
        "xlsx": chain_to_xlsx,
        "json": chain_to_json,
    }
    if built.ok:
        content = writers[file_format](built.graph)
    elif file_format == "json":
        raise ChainNotValid(sum(finding.blocking for finding in built.findings))
    else:
        content = (rows_to_csv if file_format == "csv" else rows_to_xlsx)(version_rows(version))
    return Download(content, MEDIA_TYPES[file_format], filename)


def template_download(*, contract: Contract, reference: ReferenceData, lang: Lang) -> Download:
    """The chain template workbook in `lang`."""
    content = chain_template_xlsx(reference=reference, lang=lang)
    return Download(content, MEDIA_TYPES["xlsx"], _filename(contract, f"chain-template-{lang}", "xlsx"))
