"""Test configuration shared by every suite."""

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.factories import attachments, zipbombs

# Property tests run without per-example deadlines: CI machines have 2 cores and timing varies.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(scope="session")
def xlsx_bomb() -> bytes:
    """A chain workbook of under 5 MB whose sheet unpacks to 4 GiB (tests.factories.zipbombs)."""
    return zipbombs.xlsx_bomb()


@pytest.fixture(scope="session")
def docx_bomb() -> bytes:
    """A DOCX of about 5 MB whose text unpacks to 4 GiB (tests.factories.zipbombs)."""
    return zipbombs.docx_bomb(attachments.docx())
