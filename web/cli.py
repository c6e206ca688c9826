"""The commands that need the database: `chainmap db upgrade`, `demo`, `serve` and `user create`.

`chainmap.cli` imports this module only when one of these commands runs, so the core stays free of the
web stack. Each returns an exit code as the core's commands do (0 done, 2 usage error).
"""

import argparse
import getpass
import sys
from datetime import date
from typing import Final

from sqlmodel import Session, select

from chainmap.themes import Lang
from models import Contract, ContractCpv, OrganisationKind, ReportingSchedule, Role, UserCreate
from models.db import make_engine
from models.migrate import upgrade
from web.services.users import create_user, organisation_named, user_by_email
from web.settings import get_settings

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
MIN_PASSWORD_LENGTH: Final = 12

# The demo's people. Their passwords are printed at start: this is a demonstration database only.
DEMO_PASSWORD: Final = "demo-chainmap-2026"  # noqa: S105 - a published demo password, printed by `demo`
DEMO_BUYER_ORGANISATION: Final = "Gemeente Voorbeeldstad"
DEMO_SUPPLIER_ORGANISATION: Final = "Werkkleding Nederland BV"
DEMO_CONTRACT: Final = "DEMO-001"
DEMO_USERS: Final = (
    ("admin@chainmap.example", "Beheerder", Role.ADMIN, None),
    ("inkoper@voorbeeldstad.example", "Ingrid Inkoper", Role.BUYER, DEMO_BUYER_ORGANISATION),
    (
        "contractmanager@voorbeeldstad.example",
        "Cas Contractmanager",
        Role.CONTRACT_MANAGER,
        DEMO_BUYER_ORGANISATION,
    ),
    ("leverancier@werkkleding.example", "Lotte Leverancier", Role.SUPPLIER, DEMO_SUPPLIER_ORGANISATION),
)


def db_upgrade() -> int:
    """Bring the database to the newest schema."""
    upgrade(get_settings().database_url)
    print(f"database up to date: {_shown_url()}")
    return EXIT_OK


def demo() -> int:
    """Upgrade the database, then add the demo organisations and accounts that are missing; idempotent."""
    upgrade(get_settings().database_url)
    engine = make_engine(get_settings().database_url)
    try:
        with Session(engine) as session:
            for email, name, role, organisation_name in DEMO_USERS:
                if user_by_email(session=session, email=email) is None:
                    _add_demo_user(session, email=email, name=name, role=role, organisation=organisation_name)
            _add_demo_contract(session)
    finally:
        engine.dispose()
    print("demo accounts (password for each: " + DEMO_PASSWORD + "):")
    for email, _, role, organisation_name in DEMO_USERS:
        print(f"  {email:40} {role.value:17} {organisation_name or ''}")
    return EXIT_OK


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


def _add_demo_contract(session: Session) -> None:
    """The buyer's workwear contract DEMO-001 with the demo supplier, unless it is there."""
    buyer = organisation_named(session=session, name=DEMO_BUYER_ORGANISATION, kind=OrganisationKind.BUYER)
    supplier = organisation_named(
        session=session, name=DEMO_SUPPLIER_ORGANISATION, kind=OrganisationKind.SUPPLIER
    )
    found = session.exec(
        select(Contract).where(
            Contract.buyer_organisation_id == buyer.id, Contract.reference == DEMO_CONTRACT
        )
    ).first()
    if found is not None or buyer.id is None:
        return
    contract = Contract(
        title="Werkkleding en veiligheidsschoenen buitendienst",
        reference=DEMO_CONTRACT,
        start_date=date(2027, 1, 1),
        end_date=date(2030, 12, 31),
        reporting_schedule=ReportingSchedule.HALF_YEARLY,
        buyer_organisation_id=buyer.id,
        supplier_organisation_id=supplier.id,
    )
    session.add(contract)
    session.flush()
    assert contract.id is not None  # noqa: S101 - set by the flush
    session.add_all(ContractCpv(contract_id=contract.id, code=code) for code in ("18100000-0", "18830000-6"))
    session.commit()


def serve(*, host: str, port: int) -> int:
    """Serve the app with uvicorn until stopped."""
    import uvicorn

    from web.app import create_app

    print(f"chainmap on http://{host}:{port}  (database: {_shown_url()})")
    uvicorn.run(create_app(), host=host, port=port, log_level="info")
    return EXIT_OK


def user_create(*, email: str, role: str, organisation: str | None, password_stdin: bool) -> int:
    """Create a user; the password is read from stdin or asked twice, never taken from the command line."""
    settings = get_settings()
    upgrade(settings.database_url)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else _ask_password()
    if password is None:
        return EXIT_USAGE
    if len(password) < MIN_PASSWORD_LENGTH:
        print(f"chainmap: a password needs at least {MIN_PASSWORD_LENGTH} characters", file=sys.stderr)
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


def run(args: argparse.Namespace, _lang: Lang) -> int:
    """Run the app command `args` names (as parsed by `chainmap.cli`)."""
    if args.command == "db":
        return db_upgrade()
    if args.command == "demo":
        return demo()
    if args.command == "serve":
        return serve(host=args.host, port=args.port)
    return user_create(
        email=args.email, role=args.role, organisation=args.organisation, password_stdin=args.password_stdin
    )
