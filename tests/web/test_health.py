"""GET /healthz and the schema."""

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from models import Organisation, OrganisationKind
from models.migrate import alembic_config


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
