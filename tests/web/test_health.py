"""GET /healthz and the schema."""

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from models import (
    ChainDraftRow,
    ChainVersion,
    Notification,
    NotificationKind,
    Organisation,
    OrganisationKind,
    Role,
    SavedColumnMapping,
    VersionRisk,
    VersionRiskSummary,
)
from models.chain import rows_fingerprint
from models.migrate import alembic_config
from tests.factories.chain_versions import make_version
from tests.factories.chainfiles import garment_rows
from tests.factories.contracts import make_contract
from tests.factories.migrations import downgraded, table_columns, upgraded
from tests.factories.users import make_user


def test_healthz_answers_when_the_database_does(client: TestClient) -> None:
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_the_migrations_build_exactly_the_schema_of_the_models(database_url: str, engine: object) -> None:
    command.check(alembic_config(database_url))  # raises when a model change has no migration


def test_the_database_keeps_one_organisation_name_per_kind(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(Organisation(name="Gemeente X", kind=OrganisationKind.BUYER))
        session.add(Organisation(name="Gemeente X", kind=OrganisationKind.SUPPLIER))
        session.commit()
        session.add(Organisation(name="Gemeente X", kind=OrganisationKind.BUYER))
        with pytest.raises(IntegrityError):
            session.commit()


def test_the_newest_migration_goes_down_and_up_again_with_its_rows(database_url: str, engine: Engine) -> None:
    """0007 downgraded and upgraded again on this test's database (SQLite or PostgreSQL), with a
    notification of the kind it adds in the table, and the schema is the models' after."""
    with Session(engine) as session:
        contract = make_contract(session)
        user = make_user(
            session, email="lid@leverancier.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        assert contract.id is not None and user.id is not None
        session.add(
            Notification(
                user_id=user.id,
                contract_id=contract.id,
                kind=NotificationKind.MEMBERSHIP_REQUESTED,
                key="membership:1",
            )
        )
        session.commit()
    upgraded(engine, downgraded(database_url, engine, "0006"))


def test_0009_forgets_the_version_risks_kept_under_the_old_prioritisation(
    database_url: str, engine: Engine
) -> None:
    """The version risks are a cache of each version's prioritised risks; 0009 empties it so that the next
    request stores the list under the severity-first rule (docs/risk-model.md §10)."""

    def keep_old_risks() -> None:
        with Session(engine) as session:
            # the id alone: after the downgrade the table lacks the columns of later migrations
            version_id = session.exec(select(ChainVersion.id)).one()
            assert version_id is not None
            session.add(VersionRiskSummary(version_id=version_id, prioritised=1))
            session.add(
                VersionRisk(
                    version_id=version_id,
                    node_id="TR-MILL",
                    theme="environment",
                    rank=1,
                    level=2,
                    salience=0.3,
                    severity=0.4,
                    likelihood=0.7,
                    exposure=1.0,
                )
            )
            session.commit()

    def kept() -> int:
        with Session(engine) as session:
            return len(session.exec(select(VersionRisk)).all()) + len(
                session.exec(select(VersionRiskSummary)).all()
            )

    with Session(engine) as session:
        supplier = make_user(
            session, email="lid@leverancier.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        make_version(session, contract=make_contract(session), supplier=supplier)
    keep_old_risks()
    config = downgraded(database_url, engine, "0008")
    assert kept() == 0
    keep_old_risks()
    upgraded(engine, config)
    assert kept() == 0


def test_0008_adds_the_draft_region_and_goes_down_and_up_again_keeping_the_sites(
    database_url: str, engine: Engine
) -> None:
    """0008 downgraded and upgraded again with a draft site that has a region: the site stays, its region
    goes with the column and comes back empty; the schema is the models' after."""
    with Session(engine) as session:
        contract = make_contract(session)
        assert contract.id is not None
        session.add(
            ChainDraftRow(contract_id=contract.id, position=0, site_id="XJ", name="Aksu", region="Xinjiang")
        )
        session.commit()
    config = downgraded(database_url, engine, "0007")
    columns = table_columns(engine, "chain_draft_rows")
    assert "region" not in columns and "share" in columns
    with engine.connect() as connection:
        assert connection.execute(text("SELECT site_id, name FROM chain_draft_rows")).all() == [
            ("XJ", "Aksu")
        ]
    upgraded(engine, config)
    with Session(engine) as session:
        (row,) = session.exec(select(ChainDraftRow)).all()
        assert (row.site_id, row.region) == ("XJ", "")


def test_0010_adds_the_remembered_column_mappings_and_goes_down_and_up_again(
    database_url: str, engine: Engine
) -> None:
    """0010 downgraded with a remembered mapping in its table and upgraded again: the table goes and comes
    back empty, the schema is the models' after, and a mapping is kept once per organisation and headers."""
    with Session(engine) as session:
        supplier = make_user(
            session, email="lid@leverancier.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        assert supplier.organisation_id is not None
        session.add(
            SavedColumnMapping(
                organisation_id=supplier.organisation_id,
                fingerprint="f" * 64,
                headers=["Factory Name"],
                mapping={"version": 1, "columns": {"name": "Factory Name"}},
                updated_by_user_id=supplier.id,
            )
        )
        session.commit()
    config = downgraded(database_url, engine, "0009")
    with engine.connect() as connection:
        assert "column_mappings" not in inspect(connection).get_table_names()
    upgraded(engine, config)
    with Session(engine) as session:
        assert session.exec(select(SavedColumnMapping)).all() == []
        organisation_id = session.exec(select(Organisation.id)).first()
        assert organisation_id is not None
        for _ in range(2):
            session.add(
                SavedColumnMapping(
                    organisation_id=organisation_id, fingerprint="a" * 64, headers=[], mapping={}
                )
            )
        with pytest.raises(IntegrityError):
            session.commit()


def test_0012_gives_every_version_the_fingerprint_of_its_rows_and_goes_down_and_up_again(
    database_url: str, engine: Engine
) -> None:
    """0012 downgraded with two versions stored and upgraded again: each version gets the fingerprint the
    application computes for its rows (`rows_fingerprint`), different for different rows, and the schema
    is the models' after."""
    with Session(engine) as session:
        supplier = make_user(
            session, email="lid@leverancier.example", role=Role.SUPPLIER, organisation="Werkkleding BV"
        )
        contract = make_contract(session)
        make_version(session, contract=contract, supplier=supplier)
        make_version(session, contract=contract, supplier=supplier, rows=garment_rows()[:2])
    config = downgraded(database_url, engine, "0011")
    columns = table_columns(engine, "chain_versions")
    assert "fingerprint" not in columns and "rows" in columns
    upgraded(engine, config)
    with Session(engine) as session:
        versions = session.exec(select(ChainVersion).order_by(col(ChainVersion.number))).all()
        assert [version.fingerprint for version in versions] == [
            rows_fingerprint(version.rows) for version in versions
        ]
        assert len({version.fingerprint for version in versions}) == 2
        assert all(len(version.fingerprint) == 64 for version in versions)
