"""Migration 0011: the revision of draft rows, down and up again with a draft in the database."""

from sqlalchemy import Engine, text
from sqlmodel import Session, select

from models import ChainDraftRow
from tests.factories.contracts import make_contract
from tests.factories.migrations import downgraded, table_columns, upgraded


def test_0011_adds_the_draft_row_revision_and_goes_down_and_up_again_keeping_the_sites(
    database_url: str, engine: Engine
) -> None:
    """0011 downgraded and upgraded again with a draft site: the site stays, its revision goes with the
    column and comes back as 0, which its next change replaces; the schema is the models' after."""
    with Session(engine) as session:
        contract = make_contract(session)
        assert contract.id is not None
        row = ChainDraftRow(contract_id=contract.id, position=0, site_id="XJ", name="Aksu")
        session.add(row)
        session.commit()
        assert row.revision > 0
    config = downgraded(database_url, engine, "0010")
    columns = table_columns(engine, "chain_draft_rows")
    assert "revision" not in columns and "region" in columns
    with engine.connect() as connection:
        assert connection.execute(text("SELECT site_id, name FROM chain_draft_rows")).all() == [
            ("XJ", "Aksu")
        ]
    upgraded(engine, config)
    with Session(engine) as session:
        (row,) = session.exec(select(ChainDraftRow)).all()
        assert (row.site_id, row.revision) == ("XJ", 0)
        row.name = "Aksu farm"
        session.add(row)
        session.commit()
        assert row.revision > 0
