"""Files attached to a contract's monitoring: the supplier's evidence on a plan action, and the buyer
side's attachments to an escalation step.

The rules, against files that could harm those who open them or the server that keeps them:
- The type is found from the content, never from the name (`sniffed_media_type`): PDF, PNG, JPEG, GIF,
  WebP, XLSX and DOCX (clean zip archives holding the entries those formats need, checked by their
  directory as `chainmap.archives` does; macro-enabled ones, archives with data in front of them and
  archives that declare more than `MAX_UNPACKED_BYTES` unpacked are refused) and text (UTF-8 without NUL
  bytes, other control characters or markup): CSV when named so, else plain text. The server never
  unpacks an attachment. Everything
  else (HTML, SVG, executables, ...) is refused, and a PDF named `.docx` is kept as the PDF it is.
- A file is at most `Settings.upload_max_bytes` (10 MiB by default) and not empty.
- The file lies in `Settings.upload_dir`, outside web/static so that no URL reaches it but the download
  route, which serves it to the contract's parties only; under a random name (`secrets.token_hex(16)`),
  written to a temporary file first and renamed, so that no half-written file ever has a stored name.
- The uploader's name for it is kept sanitised (`safe_filename`), with the extension of the type found,
  and used only as the name the browser saves the download under.
- A refused file stores nothing, neither a row nor a file; the rows and the files of one form are kept
  together: a file written for a transaction that does not commit is removed again.
"""

import math
import os
import re
import secrets
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, Final
from urllib.parse import quote

from sqlmodel import Session, col, select

from chainmap.archives import LOCAL_HEADER_SIGNATURE, ArchiveLimits, archive_problem
from chainmap.themes import Lang
from models import Attachment, AuditKind, Contract, EscalationStep, PlanAction, Role, User
from web.formatting import number_text
from web.services.audit import record
from web.services.chain_files import read_limited
from web.services.errors import FormInvalid
from web.settings import MEBIBYTE, Settings

PDF: Final = "application/pdf"
PNG: Final = "image/png"
JPEG: Final = "image/jpeg"
GIF: Final = "image/gif"
WEBP: Final = "image/webp"
XLSX: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV: Final = "text/csv"
TEXT: Final = "text/plain"
# The extensions of each accepted type; the first is the one a name without a fitting one gets.
EXTENSIONS: Final[dict[str, tuple[str, ...]]] = {
    PDF: ("pdf",),
    PNG: ("png",),
    JPEG: ("jpg", "jpeg"),
    GIF: ("gif",),
    WEBP: ("webp",),
    XLSX: ("xlsx",),
    DOCX: ("docx",),
    CSV: ("csv",),
    TEXT: ("txt",),
}
SHOWN_NAME_LENGTH: Final = 100  # of a refused file's name in its message
MAX_UNPACKED_BYTES: Final = 200 * 1024 * 1024  # what an XLSX or DOCX may declare unpacked, in all
MAX_ZIP_ENTRIES: Final = 10_000
_ARCHIVE_LIMITS: Final = ArchiveLimits(unpacked=MAX_UNPACKED_BYTES, entries=MAX_ZIP_ENTRIES)
MAX_FILENAME: Final = 255
MAX_STEP_FILES: Final = 5  # files attached to one escalation step
FALLBACK_STEM: Final = "file"

# The form fields the errors name.
EVIDENCE_FIELD: Final = "file"
STEP_FILES_FIELD: Final = "attachments"

_SIGNATURES: Final = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Text that a browser or a viewer could take for markup is no CSV.
_MARKUP: Final = re.compile(r"<\s*(script|html|svg|!doctype|\?xml|iframe|body|object|embed)\b", re.IGNORECASE)
_EXTENSION: Final = re.compile(r"[A-Za-z0-9]{1,5}")


def _office_type(content: bytes) -> str | None:
    """XLSX or DOCX when the zip archive holds the entries of one, by its directory only: nothing is
    unpacked, and an archive that is not a clean zip, or declares too much unpacked or too many entries,
    is refused (`chainmap.archives.archive_problem`)."""
    if archive_problem(content, limits=_ARCHIVE_LIMITS) is not None:
        return None
    with zipfile.ZipFile(BytesIO(content)) as archive:  # its directory was read just now
        names = set(archive.namelist())
    # A macro project is refused under any case of its name: zip entry names are matched case-blind
    # by Office on Windows.
    if "[Content_Types].xml" not in names or any(name.lower().endswith("vbaproject.bin") for name in names):
        return None
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        return DOCX
    return None


def _is_csv(content: bytes) -> bool:
    """UTF-8 text (a byte order mark allowed) without NUL bytes, other control characters or markup."""
    if b"\x00" in content:
        return False
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    stripped = text.lstrip()
    if not stripped or stripped.startswith("<"):
        return False
    return not _CONTROL.search(text) and not _MARKUP.search(text)


def sniffed_media_type(content: bytes, filename: str = "") -> str | None:
    """The media type of a file by its content (the whole file: a zip archive's directory is at its end),
    or None when it is none of the accepted types. Plain text is CSV when `filename` says so, else plain
    text: a statement saved as `.txt` stays a text file (the name only tells two kinds of text apart)."""
    for signature, media_type in _SIGNATURES:
        if content.startswith(signature):
            return media_type
    if len(content) >= 12 and content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return WEBP
    if content.startswith(LOCAL_HEADER_SIGNATURE):
        return _office_type(content)
    if not _is_csv(content):
        return None
    return CSV if filename.rstrip(". ").lower().endswith(".csv") else TEXT


def _kept(character: str) -> str:
    """A character as a filename keeps it: letters, digits and `.-_` as they are, white space (not a
    control character such as a line break) as a space, everything else (path separators, quotes,
    control characters, ...) dropped."""
    if character.isalnum() or character in ".-_":
        return character
    return " " if character.isspace() and not unicodedata.category(character).startswith("C") else ""


def safe_filename(name: str, media_type: str) -> str:
    """`name` as the download's filename: without its path, with letters, digits, `.-_` and single spaces
    only, at most 255 characters, and ending in an extension of `media_type` (a different extension is
    replaced: the content decides); "file" with that extension when nothing of the name is left."""
    extensions = EXTENSIONS[media_type]
    base = unicodedata.normalize("NFC", re.split(r"[/\\]", name)[-1])
    cleaned = " ".join("".join(_kept(character) for character in base).split()).lstrip(". ")
    stem, dot, extension = cleaned.rpartition(".")
    if dot and stem and extension.lower() in extensions:
        extension = extension.lower()
    else:
        stem = stem if dot and stem and _EXTENSION.fullmatch(extension) else cleaned
        extension = extensions[0]
    stem = stem[: MAX_FILENAME - len(extension) - 1].rstrip(". ")
    return f"{stem or FALLBACK_STEM}.{extension}"


def content_disposition(filename: str) -> str:
    """`attachment` with `filename`: plain for an ASCII name, else an ASCII stand-in and the name itself as
    RFC 5987's `filename*` (safe_filename's names hold no quotes or backslashes)."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    if ascii_name == filename:
        return f'attachment; filename="{filename}"'
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def limit_text(max_bytes: int, lang: Lang) -> str:
    """The size limit as the page writes it: in MB (of 1,048,576 bytes) from 1 MB, "10 MB", "1,5 MB";
    below that in kB (of 1,024 bytes), "512 kB"."""
    if max_bytes < MEBIBYTE:
        return f"{number_text(math.ceil(max_bytes / 1024), lang)} kB"
    megabytes = max_bytes / MEBIBYTE
    return f"{number_text(megabytes, lang, 0 if megabytes.is_integer() else 1)} MB"


@dataclass(frozen=True)
class UploadStore:
    """Where attachments are kept and how large one may be (from the settings)."""

    directory: Path
    max_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> "UploadStore":
        return cls(directory=settings.upload_dir, max_bytes=settings.upload_max_bytes)

    def path(self, attachment: Attachment) -> Path:
        """Where the attachment's file lies."""
        return self.directory / attachment.stored_name


@dataclass(frozen=True)
class Upload:
    """A file as sent: the sender's name for it and its bytes, None when it is over the size limit."""

    filename: str
    content: bytes | None


# The characters a browser escapes in a multipart part's filename (the HTML standard's form encoding).
_FORM_ESCAPES: Final = re.compile("%22|%0D|%0A", re.IGNORECASE)


def read_upload(stream: BinaryIO, *, filename: str, store: UploadStore) -> Upload:
    """The sent file, read in chunks up to the store's limit (what the request says of its size is not
    trusted), and its name with the browser's escapes of quotes and line breaks undone (safe_filename
    drops those characters)."""
    name = _FORM_ESCAPES.sub(lambda escape: bytes.fromhex(escape.group()[1:]).decode(), filename)
    return Upload(filename=name, content=read_limited(stream, limit=store.max_bytes))


@dataclass(frozen=True)
class CheckedFile:
    """A file that may be kept: its safe name, its type found from its content, its bytes."""

    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class RefusedFile:
    """Why an upload may not be kept (the key of its message) and the name it was sent under."""

    key: str
    filename: str

    def refusal(self, field: str) -> FormInvalid:
        """The form error of `field` for this file, its message naming the file."""
        return FormInvalid({field: self.key}, params={"filename": self.filename[:SHOWN_NAME_LENGTH]})


def checked_files(uploads: Sequence[Upload]) -> tuple[list[CheckedFile], RefusedFile | None]:
    """The uploads that may be kept, or the first that may not and why."""
    checked = []
    for upload in uploads:
        if upload.content is None:
            return [], RefusedFile("attachments.error.too_large", upload.filename)
        if not upload.content:
            return [], RefusedFile("attachments.error.empty", upload.filename)
        media_type = sniffed_media_type(upload.content, upload.filename)
        if media_type is None:
            return [], RefusedFile("attachments.error.type", upload.filename)
        checked.append(CheckedFile(safe_filename(upload.filename, media_type), media_type, upload.content))
    return checked, None


def _write(directory: Path, content: bytes) -> Path:
    """Write `content` under a new random name in `directory`: to a temporary file first, then renamed."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=directory, prefix=".upload-", delete=False) as temporary:
        try:
            temporary.write(content)
            temporary.flush()
            os.fsync(temporary.fileno())
        except BaseException:
            os.unlink(temporary.name)
            raise
    stored = directory / secrets.token_hex(16)
    os.replace(temporary.name, stored)
    return stored


@contextmanager
def stored_files(store: UploadStore) -> Iterator[list[Path]]:
    """The files written within the block are removed again when the block fails (its transaction did
    not commit); append each written path to the list it gives."""
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def add_attachments(
    *,
    session: Session,
    contract: Contract,
    user: User,
    files: Sequence[CheckedFile],
    store: UploadStore,
    written: list[Path],
    action: PlanAction | None = None,
    step: EscalationStep | None = None,
) -> list[Attachment]:
    """Write `files` to the store (their paths appended to `written`) and add their rows, owned by the
    action or by the step, with an audit event each, to the session; the caller commits."""
    assert contract.id is not None and user.id is not None  # noqa: S101 - stored rows
    assert (action is None) != (step is None)  # noqa: S101 - the table's check, said early
    added = []
    for file in files:
        path = _write(store.directory, file.content)
        written.append(path)
        attachment = Attachment(
            contract_id=contract.id,
            action_id=action.id if action is not None else None,
            escalation_step_id=step.id if step is not None else None,
            stored_name=path.name,
            filename=file.filename,
            media_type=file.media_type,
            size=len(file.content),
            uploaded_by_user_id=user.id,
        )
        session.add(attachment)
        added.append(attachment)
        if action is not None:
            record(
                session=session,
                contract_id=contract.id,
                user=user,
                kind=AuditKind.ATTACHMENT_ADDED,
                action_id=action.id,
                filename=file.filename,
                action=action.title,
            )
        elif step is not None:
            record(
                session=session,
                contract_id=contract.id,
                user=user,
                kind=AuditKind.ATTACHMENT_ADDED,
                filename=file.filename,
                step=step.step.value,
            )
    return added


def may_add_evidence(*, user: User, contract: Contract) -> bool:
    """The contract's supplier users add evidence. Evidence is the supplier's proof that it carried out
    its actions; the buyer side judges that proof (it verifies a done action) and does not supply it. The
    buyer side's own documents go with the escalation steps it records."""
    return (
        user.role is Role.SUPPLIER
        and user.organisation_id is not None
        and user.organisation_id == contract.supplier_organisation_id
    )


def add_evidence(
    *,
    session: Session,
    contract: Contract,
    action: PlanAction,
    user: User,
    upload: Upload | None,
    store: UploadStore,
) -> Attachment:
    """Keep `upload` as evidence on the contract's `action`, by the rules in the module's docstring.
    Raises PermissionError for a user who may not, FormInvalid (field `file`) for a missing or refused
    file; nothing is kept unless all is."""
    if not may_add_evidence(user=user, contract=contract) or action.contract_id != contract.id:
        raise PermissionError("only the contract's supplier users add evidence to its actions")
    if upload is None or (not upload.filename and not upload.content):
        raise FormInvalid({EVIDENCE_FIELD: "attachments.error.required"})
    files, refused = checked_files([upload])
    if refused is not None:
        raise refused.refusal(EVIDENCE_FIELD)
    with stored_files(store) as written:
        try:
            (attachment,) = add_attachments(
                session=session,
                contract=contract,
                user=user,
                files=files,
                store=store,
                written=written,
                action=action,
            )
            session.commit()
        except BaseException:
            session.rollback()
            raise
    session.refresh(attachment)
    return attachment


def action_attachments(*, session: Session, action_id: int) -> list[Attachment]:
    """The evidence on an action, oldest first."""
    query = (
        select(Attachment)
        .where(Attachment.action_id == action_id)
        .order_by(col(Attachment.uploaded_at), col(Attachment.id))
    )
    return list(session.exec(query))


def step_attachments(*, session: Session, contract_id: int) -> dict[int, list[Attachment]]:
    """The attachments of each of the contract's escalation steps that has any, oldest first, in one
    query."""
    query = (
        select(Attachment)
        .where(Attachment.contract_id == contract_id, col(Attachment.escalation_step_id).is_not(None))
        .order_by(col(Attachment.uploaded_at), col(Attachment.id))
    )
    found: dict[int, list[Attachment]] = {}
    for attachment in session.exec(query):
        assert attachment.escalation_step_id is not None  # noqa: S101 - the query's condition
        found.setdefault(attachment.escalation_step_id, []).append(attachment)
    return found


def contract_attachment(*, session: Session, contract: Contract, attachment_id: int) -> Attachment | None:
    """The contract's attachment with this id; None for another contract's (or no) attachment."""
    query = select(Attachment).where(Attachment.id == attachment_id, Attachment.contract_id == contract.id)
    return session.exec(query).first()
