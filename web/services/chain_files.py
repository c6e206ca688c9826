"""The supplier's chain as a file: uploading a CSV, XLSX or JSON file that replaces the draft, and
downloading the template, the draft and each submitted version.

An upload is all or nothing: the file is read with the core's readers and checked with the command
line's `build_chain`; when anything blocks, nothing is stored and every problem comes back with the
file's own row and column, so the supplier fixes the file and tries again. The draft downloads write
the rows as typed (a draft may be unfinished); a version, valid by construction, is written from its
graph as `chainmap convert` would, and JSON needs a valid graph, so a draft with errors has none.
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
from chainmap.findings import Finding, Severity, has_errors
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from chainmap.validation import build_chain
from models import ChainVersion, Contract, User
from web.messages import web_text
from web.services.chain_form import CELL_LIMITS
from web.services.chains import (
    MAX_WEB_SITES,
    as_chain_rows,
    built_version,
    draft_rows,
    may_edit_chain,
    replace_draft,
    version_rows,
    versions,
)

# An upload larger than this is refused after reading this much of it; a chain of MAX_WEB_SITES sites
# fits easily.
MAX_UPLOAD_BYTES: Final = 5 * 1024 * 1024
READ_CHUNK: Final = 64 * 1024
# A workbook unpacks to at most this much (one of MAX_WEB_SITES sites to about 5 MB): a small archive
# that unpacks to gigabytes would fill the server's memory when read. The reader checks it, and more
# (`chainmap.chainfile.xlsx_format`), for every file it reads as a workbook, whatever it starts with.
MAX_UNPACKED_BYTES: Final = 50 * 1024 * 1024
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
    """The file replaced the draft: how many sites it holds and the warnings it came with."""

    sites: int
    warnings: list[FileProblem]


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


def parse_upload(*, filename: str, data: bytes) -> ChainFile:
    """The chain rows of an uploaded file, read by its content (a zip archive is a workbook) or else by
    its suffix; at most MAX_WEB_SITES sites. A name without a suffix is read as JSON when it looks like
    JSON, else as CSV. A workbook is read within XLSX_LIMITS, which the reader checks before it unpacks
    anything."""
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(LOCAL_HEADER_SIGNATURE) or suffix == ".xlsx":
        return parse_xlsx(BytesIO(data), max_rows=MAX_WEB_SITES, limits=XLSX_LIMITS)
    if suffix == ".json" or (not suffix and data.lstrip().startswith(b"{")):
        return parse_json(data, max_rows=MAX_WEB_SITES)
    if suffix in ("", ".csv"):
        return parse_csv(data, max_rows=MAX_WEB_SITES)
    return ChainFile([], [Finding(Severity.ERROR, "chain.file_type_unsupported", {"suffix": suffix})])


def _findings(chain_file: ChainFile, reference: ReferenceData) -> list[Finding]:
    """The file's own findings, then those of checking its rows; a file refused as a whole is not
    checked row by row (that would repeat its problem on every row), as `chainmap validate` does."""
    if has_errors(chain_file.findings) and not chain_file.rows:
        return chain_file.findings
    return [*chain_file.findings, *build_chain(chain_file.rows, reference=reference).findings]


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


def upload_chain(
    *,
    session: Session,
    contract: Contract,
    user: User,
    filename: str,
    stream: BinaryIO,
    reference: ReferenceData,
    lang: Lang,
) -> UploadLoaded:
    """Replace the draft with the file's rows when nothing in them blocks; otherwise raise UploadRefused
    with every problem and leave the draft as it was. PermissionError for a user who may not edit."""
    if not may_edit_chain(user=user, contract=contract):
        raise PermissionError("only the contract's supplier uploads its chain")
    if not filename:
        raise UploadRefused([FileProblem(True, web_text("chain_files.error.no_file", lang))])
    data = read_limited(stream, limit=MAX_UPLOAD_BYTES)
    if data is None:
        limit = MAX_UPLOAD_BYTES // (1024 * 1024)
        raise UploadRefused([FileProblem(True, web_text("chain_files.error.too_large", lang, limit=limit))])
    chain_file = parse_upload(filename=filename, data=data)
    problems = [_problem(finding, lang) for finding in _findings(chain_file, reference)]
    problems.extend(_long_cells(chain_file.rows, lang))
    problems.sort(key=lambda problem: (problem.row is not None, problem.row or 0))  # the file's first
    if any(problem.blocking for problem in problems):
        raise UploadRefused(problems)
    replace_draft(session=session, contract=contract, rows=chain_file.rows)
    return UploadLoaded(sites=len(chain_file.rows), warnings=problems)


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
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
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
    rows = as_chain_rows(draft_rows(session=session, contract_id=contract.id))
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
