"""Database layer: SQLModel tables, engine and session, migrations. Arrives with the web app issue."""
