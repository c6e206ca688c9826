"""The type of a database id (or a number stored with one, such as a chain version's) in a route's path,
query or form: a whole number from 1 to the largest the databases' BIGINT holds.

A larger number would overflow in the database driver (a 500, on SQLite and PostgreSQL alike) rather
than find nothing; FastAPI refuses it before the route runs instead, as it does a value that is no
number. A path that names nothing answers 404 (web.errors), a query or form value 400.
"""

from typing import Annotated, Final

from fastapi import Form, Path, Query

MAX_DB_ID: Final = 2**63 - 1

DbId = Annotated[int, Path(ge=1, le=MAX_DB_ID)]
DbIdQuery = Annotated[int, Query(ge=1, le=MAX_DB_ID)]
DbIdForm = Annotated[int, Form(ge=1, le=MAX_DB_ID)]
