"""The commands that need the database: `chainmap db upgrade`, `demo`, `serve`, `user create`,
`notify` and `report`.

`chainmap.cli` imports this module only when one of these commands runs, so the core stays free of the
web stack. Each returns an exit code as the core's commands do (0 done, 2 usage error).
"""

import argparse
import getpass
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from sqlmodel import Session, col, select

from chainmap.chainfile import parse_csv
from chainmap.reference import load_reference
from chainmap.themes import Lang
from models import (
    Contract,
    ContractCpv,
    ContractStatus,
    Organisation,
    OrganisationKind,
    ReportingSchedule,
    Role,
    UserCreate,
)
from models.db import make_engine
from models.migrate import upgrade
from web.backup import BackupError, backup, restore
from web.clock import netherlands_today
from web.demo_mid_term import CPV_CODES as MID_TERM_CPV_CODES
from web.demo_mid_term import REFERENCE as MID_TERM_REFERENCE
from web.demo_mid_term import SCHEDULE as MID_TERM_SCHEDULE
from web.demo_mid_term import TITLE as MID_TERM_TITLE
from web.demo_mid_term import Cast, add_mid_term_story, mid_term_dates
from web.messages import web_text
from web.passwords import PASSWORD_MAX, PASSWORD_MIN, PasswordProblem, password_problem
from web.request_log import serve_log_config
from web.services.attachments import UploadStore
from web.services.chains import chain_status, replace_draft, submit_draft
from web.services.contract_report import contract_report
from web.services.notifications import collect, send_due, smtp_mailer
from web.services.report_pdf import report_pdf
from web.services.report_xlsx import report_xlsx
from web.services.users import create_user, organisation_named, user_by_email
from web.settings import get_settings

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
MIN_PASSWORD_LENGTH: Final = PASSWORD_MIN
# What `user create` says of a password it refuses (the app's commands speak English).
PASSWORD_REFUSALS: Final[dict[PasswordProblem, str]] = {
    PasswordProblem.TOO_SHORT: f"a password needs at least {PASSWORD_MIN} characters",
    PasswordProblem.TOO_LONG: f"a password has at most {PASSWORD_MAX} characters",
    PasswordProblem.TOO_COMMON: "this password is among the 100,000 most common ones, which are tried "
    "first when an account is attacked; choose another",
}

# The demo's people. Their passwords are printed at start: this is a demonstration database only.
DEMO_PASSWORD: Final = "demo-chainmap-2026"  # noqa: S105 - a published demo password, printed by `demo`
DEMO_BUYER_ORGANISATION: Final = "Gemeente Voorbeeldstad"
DEMO_SUPPLIER_ORGANISATION: Final = "Werkkleding Nederland BV"
DEMO_ICT_SUPPLIER_ORGANISATION: Final = "Rijks ICT Leverancier BV"
DEMO_SUPPLIER: Final = "leverancier@werkkleding.example"
DEMO_ICT_SUPPLIER: Final = "leverancier@rijksict.example"
DEMO_STONE_SUPPLIER_ORGANISATION: Final = "Natuursteen Import Nederland BV"
DEMO_STONE_SUPPLIER: Final = "leverancier@natuursteen.example"
DEMO_BUYER: Final = "inkoper@voorbeeldstad.example"
DEMO_CONTRACT_MANAGER: Final = "contractmanager@voorbeeldstad.example"
DEMO_USERS: Final = (
    ("admin@chainmap.example", "Beheerder", Role.ADMIN, None),
    (DEMO_BUYER, "Ingrid Inkoper", Role.BUYER, DEMO_BUYER_ORGANISATION),
    (
        DEMO_CONTRACT_MANAGER,
        "Cas Contractmanager",
        Role.CONTRACT_MANAGER,
        DEMO_BUYER_ORGANISATION,
    ),
    (DEMO_SUPPLIER, "Lotte Leverancier", Role.SUPPLIER, DEMO_SUPPLIER_ORGANISATION),
    (DEMO_ICT_SUPPLIER, "Ilse ICT", Role.SUPPLIER, DEMO_ICT_SUPPLIER_ORGANISATION),
    (DEMO_STONE_SUPPLIER, "Noor Steenhouwer", Role.SUPPLIER, DEMO_STONE_SUPPLIER_ORGANISATION),
)
MID_TERM_CAST: Final = (DEMO_STONE_SUPPLIER, DEMO_BUYER, DEMO_CONTRACT_MANAGER)
DEMO_CHAINS: Final = Path(__file__).resolve().parents[1] / "fixtures" / "demo"


@dataclass(frozen=True)
class DemoContract:
    """A contract of the demo municipality and the chain its supplier has on it: the first `sites` rows
    of `chain_file` (all when None), submitted as version 1 or left as a draft."""

    reference: str
    title: str
    cpv_codes: tuple[str, ...]
    start_date: date
    end_date: date
    reporting_schedule: ReportingSchedule
    supplier_organisation: str
    supplier_email: str
    chain_file: str
    submitted: bool
    sites: int | None = None


# DEMO-002, the contract in the middle of its term, has dates relative to today (`mid_term_contract`).
DEMO_CONTRACTS: Final = (
    DemoContract(
        reference="DEMO-001",
        title="Werkkleding en veiligheidsschoenen buitendienst",
        cpv_codes=("18100000-0", "18830000-6"),
        start_date=date(2027, 1, 1),
        end_date=date(2030, 12, 31),
        reporting_schedule=ReportingSchedule.HALF_YEARLY,
        supplier_organisation=DEMO_SUPPLIER_ORGANISATION,
        supplier_email=DEMO_SUPPLIER,
        chain_file="garments.csv",
        submitted=True,
    ),
    DemoContract(
        reference="DEMO-003",
        title="Laptops voor medewerkers",
        cpv_codes=("30200000-1", "30213100-6"),
        start_date=date(2027, 4, 1),
        end_date=date(2031, 3, 31),
        reporting_schedule=ReportingSchedule.YEARLY,
        supplier_organisation=DEMO_ICT_SUPPLIER_ORGANISATION,
        supplier_email=DEMO_ICT_SUPPLIER,
        chain_file="ict_hardware.csv",
        submitted=False,
        sites=10,  # the supplier got as far as the cobalt and lithium; tin, coltan and silicon are missing
    ),
)


def mid_term_contract(today: date) -> DemoContract:
    """DEMO-002 as of `today`: natural stone, about a year into its four-year term (web.demo_mid_term)."""
    start, end = mid_term_dates(today)
    return DemoContract(
        reference=MID_TERM_REFERENCE,
        title=MID_TERM_TITLE,
        cpv_codes=MID_TERM_CPV_CODES,
        start_date=start,
        end_date=end,
        reporting_schedule=MID_TERM_SCHEDULE,
        supplier_organisation=DEMO_STONE_SUPPLIER_ORGANISATION,
        supplier_email=DEMO_STONE_SUPPLIER,
        chain_file="natural_stone.csv",
        submitted=True,
    )


def db_upgrade() -> int:
    """Bring the database to the newest schema."""
    upgrade(get_settings().database_url)
    print(f"database up to date: {_shown_url()}")
    return EXIT_OK


def demo(lang: Lang = "en") -> int:
    """Upgrade the database, then add what is missing of the demo: its organisations and accounts, the
    municipality's contracts and each supplier's chain on them; idempotent. Never in production: its
    accounts share a published password."""
    if get_settings().environment == "production":
        print(web_text("operations.demo_in_production", lang), file=sys.stderr)
        return EXIT_USAGE
    upgrade(get_settings().database_url)
    engine = make_engine(get_settings().database_url)
    demo_contracts = (DEMO_CONTRACTS[0], mid_term_contract(netherlands_today()), *DEMO_CONTRACTS[1:])
    try:
        with Session(engine) as session:
            for email, name, role, organisation_name in DEMO_USERS:
                if user_by_email(session=session, email=email) is None:
                    _add_demo_user(session, email=email, name=name, role=role, organisation=organisation_name)
            contracts = [_add_demo_contract(session, demo_contract) for demo_contract in demo_contracts]
            for demo_contract, contract in zip(demo_contracts, contracts, strict=True):
                _add_demo_chain(session, demo_contract, contract)
            _add_mid_term_story(session, contracts[1])
            shown = [
                (
                    contract.reference,
                    contract.status.value,
                    f"{contract.title} ({demo.supplier_organisation})",
                )
                for demo, contract in zip(demo_contracts, contracts, strict=True)
            ]
    finally:
        engine.dispose()
    print("demo accounts (password for each: " + DEMO_PASSWORD + "):")
    for email, _, role, organisation_name in DEMO_USERS:
        print(f"  {email:40} {role.value:17} {organisation_name or ''}".rstrip())
    print(f"demo contracts of {DEMO_BUYER_ORGANISATION}:")
    for reference, status, description in shown:
        print(f"  {reference:10} {status:17} {description}")
    return EXIT_OK


def _add_mid_term_story(session: Session, contract: Contract) -> None:
    """DEMO-002's year of monitoring (web.demo_mid_term), written once, as of the contract's own dates."""
    people = [user_by_email(session=session, email=email) for email in MID_TERM_CAST]
    supplier, buyer, contract_manager = people
    if supplier is None or buyer is None or contract_manager is None:
        return
    cast = Cast(supplier=supplier, buyer=buyer, contract_manager=contract_manager)
    today = netherlands_today()
    store = UploadStore.from_settings(get_settings())
    add_mid_term_story(
        session, contract=contract, cast=cast, reference=load_reference(), store=store, today=today
    )
    session.refresh(contract)


def _add_demo_user(session: Session, *, email: str, name: str, role: Role, organisation: str | None) -> None:
    organisation_id = None
    if organisation is not None:
        kind = OrganisationKind.SUPPLIER if role is Role.SUPPLIER else OrganisationKind.BUYER
        organisation_id = organisation_named(session=session, name=organisation, kind=kind).id
    create_user(
        session=session,
        user_create=UserCreate(
            email=email, full_name=name, role=role, password=DEMO_PASSWORD, organisation_id=organisation_id
        ),
    )


def _add_demo_contract(session: Session, demo_contract: DemoContract) -> Contract:
    """The municipality's contract with this reference, made with its supplier when it is not there."""
    buyer = organisation_named(session=session, name=DEMO_BUYER_ORGANISATION, kind=OrganisationKind.BUYER)
    assert buyer.id is not None  # noqa: S101 - a stored organisation
    found = session.exec(
        select(Contract).where(
            Contract.buyer_organisation_id == buyer.id, Contract.reference == demo_contract.reference
        )
    ).first()
    if found is not None:
        return found
    supplier = organisation_named(
        session=session, name=demo_contract.supplier_organisation, kind=OrganisationKind.SUPPLIER
    )
    contract = Contract(
        title=demo_contract.title,
        reference=demo_contract.reference,
        start_date=demo_contract.start_date,
        end_date=demo_contract.end_date,
        reporting_schedule=demo_contract.reporting_schedule,
        buyer_organisation_id=buyer.id,
        supplier_organisation_id=supplier.id,
    )
    session.add(contract)
    session.flush()
    assert contract.id is not None  # noqa: S101 - set by the flush
    session.add_all(ContractCpv(contract_id=contract.id, code=code) for code in demo_contract.cpv_codes)
    session.commit()
    session.refresh(contract)
    return contract


def _add_demo_chain(session: Session, demo_contract: DemoContract, contract: Contract) -> None:
    """The supplier's chain on the contract from its demo file, through the same services as the web
    form, unless the contract has a chain already (a draft or a version: the demo never overwrites one)."""
    assert contract.id is not None  # noqa: S101 - a stored contract
    supplier = user_by_email(session=session, email=demo_contract.supplier_email)
    if (
        chain_status(session=session, contract_id=contract.id) is not ContractStatus.NO_CHAIN
        or supplier is None
        or supplier.organisation_id != contract.supplier_organisation_id
    ):
        return
    chain_file = parse_csv((DEMO_CHAINS / demo_contract.chain_file).read_bytes())
    rows = chain_file.rows if demo_contract.sites is None else chain_file.rows[: demo_contract.sites]
    replace_draft(session=session, contract=contract, rows=rows)
    if demo_contract.submitted:
        submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
    session.refresh(contract)


def serve(
    *,
    host: str,
    port: int,
    workers: int = 1,
    proxy_headers: bool = False,
    forwarded_allow_ips: str = "127.0.0.1",
) -> int:
    """Serve the app with uvicorn until stopped, in `workers` processes. Behind a reverse proxy,
    `proxy_headers` takes the client's address from X-Forwarded-For when the proxy's address is among
    `forwarded_allow_ips`, so that `request.client.host` is the real client (login throttling counts per
    client). uvicorn's access log is off: it prints URLs, and some carry tokens; web.request_log logs
    each request without them."""
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    settings = get_settings()  # fails here on a bad setting, and makes the key file before the workers
    print(
        f"chainmap on http://{host}:{port}  (database: {_shown_url()}, {workers} worker(s), "
        f"{settings.db_pool_size} connections and threads each)"
    )
    uvicorn.run(
        "web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=proxy_headers,
        forwarded_allow_ips=forwarded_allow_ips,
        access_log=False,
        log_config=serve_log_config(LOGGING_CONFIG),
        log_level="info",
    )
    return EXIT_OK


def backup_command(*, target: Path, lang: Lang) -> int:
    """Back up the database and the uploaded files into the folder `target` (web.backup)."""
    settings = get_settings()
    try:
        made = backup(database_url=settings.database_url, upload_dir=settings.upload_dir, target=target)
    except BackupError as error:
        print(web_text(error.key, lang, **error.params), file=sys.stderr)
        return EXIT_USAGE
    print(
        web_text(
            "operations.backup_done",
            lang,
            database=made.database,
            revision=made.schema_revision,
            files=made.files,
            path=target,
        )
    )
    return EXIT_OK


def restore_command(*, source: Path, force: bool, lang: Lang) -> int:
    """Restore the backup in the folder `source` (web.backup); stop the app first."""
    settings = get_settings()
    try:
        made = restore(
            database_url=settings.database_url, upload_dir=settings.upload_dir, source=source, force=force
        )
    except BackupError as error:
        print(web_text(error.key, lang, **error.params), file=sys.stderr)
        return EXIT_USAGE
    print(
        web_text(
            "operations.restore_done",
            lang,
            database=made.database,
            created_at=made.created_at,
            revision=made.schema_revision,
            files=made.files,
            path=source,
        )
    )
    return EXIT_OK


def user_create(*, email: str, role: str, organisation: str | None, password_stdin: bool) -> int:
    """Create a user; the password is read from stdin or asked twice, never taken from the command line."""
    settings = get_settings()
    upgrade(settings.database_url)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else _ask_password()
    if password is None:
        return EXIT_USAGE
    problem = password_problem(password)
    if problem is not None:
        print(f"chainmap: {PASSWORD_REFUSALS[problem]}", file=sys.stderr)
        return EXIT_USAGE
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            organisation_id = None
            if organisation:
                kind = OrganisationKind.SUPPLIER if role == Role.SUPPLIER else OrganisationKind.BUYER
                organisation_id = organisation_named(session=session, name=organisation, kind=kind).id
            user = create_user(
                session=session,
                user_create=UserCreate(
                    email=email, role=Role(role), password=password, organisation_id=organisation_id
                ),
            )
            print(f"user {user.email} created with role {user.role.value}")
    except ValueError as error:
        print(f"chainmap: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        engine.dispose()
    return EXIT_OK


def notify(*, dry_run: bool, today: date | None) -> int:
    """Make the notifications due `today` (the date in the Netherlands when None) and e-mail those not
    yet e-mailed when SMTP is configured (web.services.notifications); print one line per notification
    made and a summary. A dry run prints the same and changes nothing."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    mailer = smtp_mailer(settings)
    try:
        with Session(engine) as session:
            made = collect(session=session, today=today or netherlands_today(), dry_run=dry_run)
            for item in made:
                print(f"{item.user.email:40} {item.kind.value:20} {item.contract.reference}")
            sending = send_due(
                session=session, mailer=mailer, base_url=settings.base_url, dry_run=dry_run, collected=made
            )
    finally:
        engine.dispose()
    mailed = sum(count for _, count in sending.sent)
    failed = sum(count for _, count in sending.failed)
    if dry_run:
        summary = (
            f"dry run: would make {len(made)} notifications and e-mail {mailed} to {len(sending.sent)} users"
        )
    else:
        summary = f"{len(made)} notifications made, {mailed} e-mailed to {len(sending.sent)} users"
        if failed:
            summary += f", {failed} to {len(sending.failed)} users not sent (retried on the next run)"
    if mailer is None:
        summary += " (no SMTP configured: in the app only)"
    print(summary)
    return EXIT_OK


def report(*, reference: str, file_format: str, output: Path, buyer: str | None, lang: Lang) -> int:
    """Write the report of the contract with `reference` (of the buyer organisation named `buyer`, which
    is needed when several buyers use the reference) as PDF or XLSX in `lang`, as of today in the
    Netherlands (web.services.contract_report)."""
    engine = make_engine(get_settings().database_url)
    try:
        with Session(engine) as session:
            query = (
                select(Contract, Organisation.name)
                .join(Organisation, col(Organisation.id) == col(Contract.buyer_organisation_id))
                .where(Contract.reference == reference)
            )
            if buyer is not None:
                query = query.where(Organisation.name == buyer)
            found = session.exec(query.order_by(col(Organisation.name))).all()
            if not found:
                whose = web_text("operations.report_of_buyer", lang, buyer=buyer) if buyer is not None else ""
                print(
                    web_text("operations.report_no_contract", lang, whose=whose, reference=reference),
                    file=sys.stderr,
                )
                return EXIT_USAGE
            if len(found) > 1:
                buyers = ", ".join(name for _, name in found)
                print(
                    web_text(
                        "operations.report_several_buyers",
                        lang,
                        count=len(found),
                        reference=reference,
                        buyers=buyers,
                    ),
                    file=sys.stderr,
                )
                return EXIT_USAGE
            contract = found[0][0]
            made = contract_report(
                session=session,
                contract=contract,
                lang=lang,
                today=netherlands_today(),
                reference=load_reference(),
            )
            content = report_pdf(made) if file_format == "pdf" else report_xlsx(made)
    finally:
        engine.dispose()
    try:
        output.write_bytes(content)
    except OSError as error:  # a folder that does not exist or may not be written: the user's to fix
        reason = error.strerror or str(error)
        print(web_text("operations.report_not_written", lang, path=output, reason=reason), file=sys.stderr)
        return EXIT_USAGE
    print(web_text("operations.report_written", lang, reference=reference, title=contract.title, path=output))
    return EXIT_OK


def _ask_password() -> str | None:
    first = getpass.getpass("password (at least 12 characters): ")
    if len(first) < MIN_PASSWORD_LENGTH or getpass.getpass("again: ") != first:
        print(
            f"chainmap: the passwords differ or are shorter than {MIN_PASSWORD_LENGTH} characters",
            file=sys.stderr,
        )
        return None
    return first


def _shown_url() -> str:
    """The database URL without a password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(get_settings().database_url).render_as_string(hide_password=True)


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Run the app command `args` names (as parsed by `chainmap.cli`)."""
    if args.command == "db":
        return db_upgrade()
    if args.command == "demo":
        return demo(lang)
    if args.command == "serve":
        return serve(
            host=args.host,
            port=args.port,
            workers=args.workers,
            proxy_headers=args.proxy_headers,
            forwarded_allow_ips=args.forwarded_allow_ips,
        )
    if args.command == "backup":
        return backup_command(target=Path(args.directory), lang=lang)
    if args.command == "restore":
        return restore_command(source=Path(args.directory), force=args.force, lang=lang)
    if args.command == "notify":
        return notify(dry_run=args.dry_run, today=args.today)
    if args.command == "report":
        return report(
            reference=args.reference,
            file_format=args.report_format,
            output=Path(args.output),
            buyer=args.buyer,
            lang=args.report_lang or lang,  # its own --lang, else the one given before the command
        )
    return user_create(
        email=args.email, role=args.role, organisation=args.organisation, password_stdin=args.password_stdin
    )
