"""Drafts and submitted chain versions for web tests, made through the chain service."""

from collections.abc import Sequence

from sqlmodel import Session

from chainmap.chain import ChainRow
from chainmap.reference import load_reference
from models import ChainVersion, Contract, User
from tests.factories.chainfiles import garment_rows
from web.services.chains import replace_draft, submit_draft


def make_version(
    session: Session, *, contract: Contract, supplier: User, rows: Sequence[ChainRow] | None = None
) -> ChainVersion:
    """The supplier's draft set to `rows` (the four-site garment chain when None) and submitted."""
    replace_draft(session=session, contract=contract, rows=garment_rows() if rows is None else rows)
    return submit_draft(session=session, contract=contract, user=supplier, reference=load_reference())
