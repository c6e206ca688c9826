"""The mapping step of a chain file upload: a supplier's own list (a brand's factory list, an Open Supply
Hub export) whose columns are not the chain format's is imported through a column mapping
(`chainmap.chainfile.mapping`) that the supplier checks on a form with a preview of the first rows.

Between the upload and the import the file waits in the upload folder (`PENDING_FOLDER` in
CHAINMAP_UPLOAD_DIR), under a random name that only the uploading browser's signed session knows, tied
there to the user and the contract; the file is removed after the import, when the supplier cancels or
uploads another file, and at the latest PENDING_LIFETIME after the upload (every upload sweeps the
folder). So nobody but the uploader reaches it, and the supplier does not have to choose the file twice.

The mapping an organisation used is remembered per set of header names (`models.SavedColumnMapping`),
only ever looked up with the importing user's own organisation, and opens the next file with the same
columns.
"""

import os
import secrets
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from sqlmodel import Session, select

from chainmap.activities import ACTIVITIES
from chainmap.chain import COLUMNS, ChainRow
from chainmap.chainfile.mapping import (
    CONTRACTOR_ROW,
    ColumnMapping,
    ContractorSite,
    SourceTable,
    apply_mapping,
    header_fingerprint,
    mapping_as_dict,
    mapping_from_dict,
    mapping_problems,
    read_source_table,
    suggest_mapping,
    unmapped_headers,
)
from chainmap.findings import Finding
from chainmap.reference import ReferenceData
from chainmap.themes import Lang
from models import Contract, Organisation, SavedColumnMapping, User
from web.services.chain_files import (
    DEFAULT_UPLOAD_LIMITS,
    ChainUploadLimits,
    UploadLoaded,
    import_rows,
    is_workbook,
)
from web.services.chains import draft_chain_rows, may_edit_chain

PENDING_FOLDER: Final = "chain-imports"
PENDING_LIFETIME: Final = 60 * 60  # seconds
PREVIEW_ROWS: Final = 10
SESSION_KEY: Final = "chain_import"
# The customer of rows without one: the contractor added as a site, a site of the file, or none (the
# file says each row's customer).
CUSTOMER_CHOICES: Final = ("contractor", "site", "file")
DEFAULT_ACTIVITY: Final = "manufacturing"
CONTRACTOR_ID: Final = "CONTRACTOR"
# Form fields are short texts; a longer value is cut (the chain form's own limits apply after import).
FIELD_AT_MOST: Final = 200
CLOSED_LEFT_OUT_CODES: Final = frozenset(
    {"mapping.closed_left_out_one", "mapping.closed_left_out", "mapping.closed_left_out_more"}
)


@dataclass(frozen=True)
class PendingImport:
    """A file waiting for its mapping: its random name in the pending folder, whose upload it is, and the
    name it was sent under."""

    token: str
    contract_id: int
    user_id: int
    filename: str
    created: float

    def as_session(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "contract_id": self.contract_id,
            "user_id": self.user_id,
            "filename": self.filename,
            "created": self.created,
        }


def pending_folder(upload_dir: Path) -> Path:
    return upload_dir / PENDING_FOLDER


def sweep_pending(upload_dir: Path, now: float | None = None) -> None:
    """Remove the pending files older than PENDING_LIFETIME (an upload whose mapping was never done)."""
    folder = pending_folder(upload_dir)
    now = time.time() if now is None else now
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        try:
            if now - path.stat().st_mtime > PENDING_LIFETIME:
                path.unlink()
        except FileNotFoundError:  # removed meanwhile by another request
            continue


def keep_pending(
    *, upload_dir: Path, data: bytes, contract: Contract, user: User, filename: str
) -> PendingImport:
    """Write the file under a new random name (readable by the server's user only); the caller puts the
    result in the browser's session."""
    assert contract.id is not None and user.id is not None  # noqa: S101 - stored rows
    folder = pending_folder(upload_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    now = time.time()
    token = secrets.token_hex(16)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".pending-", delete=False) as temporary:
        temporary.write(data)
    os.replace(temporary.name, folder / token)
    return PendingImport(token, contract.id, user.id, filename[:FIELD_AT_MOST], now)


def pending_from_session(
    session_data: Mapping[str, Any], *, contract: Contract, user: User
) -> PendingImport | None:
    """The pending import in the browser's session when it is this user's for this contract, still
    fresh; None otherwise."""
    stored = session_data.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return None
    try:
        pending = PendingImport(
            token=str(stored["token"]),
            contract_id=int(stored["contract_id"]),
            user_id=int(stored["user_id"]),
            filename=str(stored["filename"]),
            created=float(stored["created"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
    if pending.contract_id != contract.id or pending.user_id != user.id or not pending.token.isalnum():
        return None
    if time.time() - pending.created > PENDING_LIFETIME:
        return None
    return pending


def pending_data(*, upload_dir: Path, pending: PendingImport) -> bytes | None:
    """The waiting file's bytes, None when it is gone (expired, imported, replaced)."""
    try:
        return (pending_folder(upload_dir) / pending.token).read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None


def drop_pending(*, upload_dir: Path, pending: PendingImport) -> None:
    """Remove the waiting file."""
    (pending_folder(upload_dir) / pending.token).unlink(missing_ok=True)


@dataclass(frozen=True)
class MappingForm:
    """The mapping step's form as sent or as pre-filled: the file's column for each chain column ("" for
    none), the defaults, the customer of rows without one, and the contractor's site."""

    sources: dict[str, str]
    default_country: str = ""
    default_activity: str = ""
    default_share: str = ""
    customer: str = "file"
    customer_site: str = ""
    contractor: ContractorSite = field(default_factory=lambda: ContractorSite("", "", "", ""))
    status: str = ""

    @classmethod
    def from_fields(cls, fields: Mapping[str, str]) -> "MappingForm":
        """The form from the posted fields (`source_<column>`, `default_<column>`, `customer`,
        `customer_site`, `contractor_<field>`, `source_status`); unknown choices fall back to none."""

        def text(name: str) -> str:
            return fields.get(name, "").strip()[:FIELD_AT_MOST]

        customer = text("customer")
        return cls(
            sources={column: text(f"source_{column}") for column in COLUMNS},
            default_country=text("default_country"),
            default_activity=text("default_activity"),
            default_share=text("default_share"),
            customer=customer if customer in CUSTOMER_CHOICES else "file",
            customer_site=text("customer_site"),
            contractor=ContractorSite(
                text("contractor_id"),
                text("contractor_name"),
                text("contractor_country"),
                text("contractor_activity"),
            ),
            status=text("source_status"),
        )

    @classmethod
    def from_mapping(cls, mapping: ColumnMapping, *, contractor: ContractorSite) -> "MappingForm":
        """The form showing `mapping` (its first source column per chain column); `contractor` fills the
        contractor's fields when the mapping adds none."""
        customer_default = mapping.defaults.get("supplies_to", "")
        if mapping.contractor is not None and customer_default == mapping.contractor.id:
            customer = "contractor"
        elif customer_default:
            customer = "site"
        elif mapping.columns.get("supplies_to"):
            customer = "file"
        else:
            customer = "contractor"
        return cls(
            sources={column: (mapping.columns.get(column) or ("",))[0] for column in COLUMNS},
            default_country=mapping.defaults.get("country", ""),
            default_activity=mapping.defaults.get("activity", ""),
            default_share=mapping.defaults.get("share", ""),
            customer=customer,
            customer_site=customer_default if customer == "site" else "",
            contractor=mapping.contractor or contractor,
            status=mapping.status,
        )

    def mapping(self) -> ColumnMapping:
        """The column mapping the form says."""
        defaults = {
            column: value
            for column, value in (
                ("country", self.default_country),
                ("activity", self.default_activity),
                ("share", self.default_share),
            )
            if value
        }
        contractor = None
        if self.customer == "contractor":
            contractor = self.contractor
            defaults["supplies_to"] = self.contractor.id
        elif self.customer == "site" and self.customer_site:
            defaults["supplies_to"] = self.customer_site
        columns = {column: (source,) for column, source in self.sources.items() if source}
        return ColumnMapping(columns=columns, defaults=defaults, contractor=contractor, status=self.status)


@dataclass(frozen=True)
class MappingStep:
    """What the mapping step shows: the file's name and headers, the form, whether it comes from the
    organisation's remembered mapping (and from when), the problems of the mapping by chain column, the
    first rows as they would become with the mapping's findings about them (closed facilities left out,
    statuses not understood), and the headers left out."""

    filename: str
    headers: tuple[str, ...]
    form: MappingForm
    remembered_at: datetime | None
    problems: dict[str, str]
    preview: list[ChainRow]
    preview_notes: list[str]
    left_out: list[str]
    activities: list[str]


def _contractor_guess(*, session: Session, contract: Contract) -> ContractorSite:
    """The contractor's site as the draft has it (its row without customers), else the supplier
    organisation, in the Netherlands, trading."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    for row in draft_chain_rows(session=session, contract_id=contract.id):
        if row.id and not row.supplies_to:
            return ContractorSite(row.id, row.name, row.country, row.activity)
    organisation = session.get(Organisation, contract.supplier_organisation_id)
    name = organisation.name if organisation is not None else ""
    return ContractorSite(CONTRACTOR_ID, name, "NL", "trading")


def remembered_mapping(
    *, session: Session, user: User, headers: tuple[str, ...]
) -> SavedColumnMapping | None:
    """The mapping the user's own organisation last used for files with these header names."""
    if user.organisation_id is None:
        return None
    query = select(SavedColumnMapping).where(
        SavedColumnMapping.organisation_id == user.organisation_id,
        SavedColumnMapping.fingerprint == header_fingerprint(headers),
    )
    return session.exec(query).first()


def remember_mapping(
    *, session: Session, user: User, headers: tuple[str, ...], mapping: ColumnMapping
) -> None:
    """Keep `mapping` as the user's organisation's mapping for files with these header names (the
    caller commits)."""
    if user.organisation_id is None:
        return
    saved = remembered_mapping(session=session, user=user, headers=headers)
    if saved is None:
        saved = SavedColumnMapping(
            organisation_id=user.organisation_id,
            fingerprint=header_fingerprint(headers),
            headers=list(headers),
            mapping={},
        )
    saved.headers = list(headers)
    saved.mapping = mapping_as_dict(mapping)
    saved.updated_at = datetime.now(UTC)
    saved.updated_by_user_id = user.id
    session.add(saved)


def _with_status(mapping: ColumnMapping, saved: Mapping[str, Any], headers: tuple[str, ...]) -> ColumnMapping:
    """A remembered mapping with the suggested status column when it was saved as version 1, before
    mappings had one: its lack of a status column was no choice, and keeping it would import the
    closed facilities of the organisation's next Open Supply Hub export. A version 2 mapping without a
    status column is the supplier's choice and stays so."""
    if mapping.status or saved.get("version") != 1:
        return mapping
    status = suggest_mapping(headers).status
    if status not in unmapped_headers(headers, mapping):
        return mapping
    return replace(mapping, status=status)


def _field_problems(findings: list[Finding], lang: Lang) -> dict[str, str]:
    """The mapping's problems by the form field they belong to: the chain column, "contractor_id" and
    "contractor_name" for the contractor's site, "status" for the status column."""
    problems: dict[str, str] = {}
    for finding in findings:
        key = finding.column or "form"
        if finding.code.startswith("mapping.contractor_"):
            key = f"contractor_{finding.column}"
        elif finding.code.startswith("mapping.status_"):
            key = "status"
        problems.setdefault(key, finding.message(lang))
    return problems


def _source(data: bytes, *, filename: str, limits: ChainUploadLimits, preview: int | None) -> SourceTable:
    return read_source_table(
        data, workbook=is_workbook(filename, data), max_rows=limits.sites, preview=preview, limits=limits.xlsx
    )


def mapping_step(
    *,
    session: Session,
    contract: Contract,
    user: User,
    filename: str,
    data: bytes,
    form: MappingForm | None,
    lang: Lang,
    limits: ChainUploadLimits = DEFAULT_UPLOAD_LIMITS,
) -> MappingStep:
    """The mapping step for the waiting file: the form as sent, else the organisation's remembered
    mapping for these headers, else the one the headers suggest; with the first PREVIEW_ROWS rows as
    the mapping makes them. PermissionError for a user who may not edit the chain."""
    if not may_edit_chain(user=user, contract=contract):
        raise PermissionError("only the contract's supplier uploads its chain")
    table = _source(data, filename=filename, limits=limits, preview=PREVIEW_ROWS)
    contractor = _contractor_guess(session=session, contract=contract)
    remembered_at = None
    if form is None:
        saved = remembered_mapping(session=session, user=user, headers=table.headers)
        read = mapping_from_dict(saved.mapping) if saved is not None else None
        if saved is not None and read is not None and read.mapping is not None:
            form = MappingForm.from_mapping(
                _with_status(read.mapping, saved.mapping, table.headers), contractor=contractor
            )
            remembered_at = saved.updated_at
        else:
            suggested = suggest_mapping(table.headers)
            defaults = {} if suggested.columns.get("activity") else {"activity": DEFAULT_ACTIVITY}
            form = MappingForm.from_mapping(
                ColumnMapping(columns=suggested.columns, defaults=defaults, status=suggested.status),
                contractor=contractor,
            )
    mapping = form.mapping()
    problems = mapping_problems(mapping, table.headers)
    previewed = apply_mapping(table, mapping) if not problems else None
    preview = previewed.rows if previewed is not None else []
    notes = [finding.message(lang) for finding in previewed.findings] if previewed is not None else []
    return MappingStep(
        filename=filename,
        headers=table.headers,
        form=form,
        remembered_at=remembered_at,
        problems=_field_problems(problems, lang),
        preview=preview[: PREVIEW_ROWS + (1 if preview and preview[0].row == CONTRACTOR_ROW else 0)],
        preview_notes=notes,
        left_out=unmapped_headers(table.headers, mapping),
        activities=sorted(ACTIVITIES),
    )


def import_mapped(
    *,
    session: Session,
    contract: Contract,
    user: User,
    filename: str,
    data: bytes,
    form: MappingForm,
    reference: ReferenceData,
    lang: Lang,
    limits: ChainUploadLimits = DEFAULT_UPLOAD_LIMITS,
) -> UploadLoaded:
    """Import the whole waiting file through the form's mapping, all or nothing as a chain file upload
    (UploadRefused with every problem by the file's row); a mapping without problems of its own is
    remembered for the organisation, even when the file's rows are refused, so that the corrected file
    opens with it. The result says how many closed facilities were left out. PermissionError for a user
    who may not edit the chain."""
    if not may_edit_chain(user=user, contract=contract):
        raise PermissionError("only the contract's supplier uploads its chain")
    mapping = form.mapping()
    table = _source(data, filename=filename, limits=limits, preview=None)
    chain_file = apply_mapping(table, mapping, max_rows=limits.sites)
    if table.headers and not mapping_problems(mapping, table.headers):
        remember_mapping(session=session, user=user, headers=table.headers, mapping=mapping)
        session.commit()
    loaded = import_rows(
        session=session, contract=contract, chain_file=chain_file, reference=reference, lang=lang
    )
    return replace(loaded, closed_left_out=closed_left_out(chain_file.findings))


def closed_left_out(findings: list[Finding]) -> int:
    """How many closed facilities the mapping left out, as its warning says (0 without one)."""
    return next(
        (int(finding.params["count"]) for finding in findings if finding.code in CLOSED_LEFT_OUT_CODES), 0
    )
