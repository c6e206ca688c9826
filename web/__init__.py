"""The web app (FastAPI, Jinja2, htmx). Arrives with the web app issue."""
