"""Security headers (web.headers) on every response: the content security policy without inline script,
no framing, no sniffing, the referrer policy (none from pages with a token in their URL), no caching but
of static files, HSTS in production; a download's own sandboxing policy is kept. The templates hold
nothing the policy would block."""

import re
from pathlib import Path
from typing import Final

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.web.test_authorisation_matrix import (
    World,
    log_in,
    world,  # noqa: F401 - the matrix's fixture, asked for by name in `matrix_world`
)
from web.app import create_app
from web.headers import CONTENT_SECURITY_POLICY
from web.settings import Settings

TEMPLATES: Final = Path(__file__).resolve().parents[2] / "web" / "templates"
STATIC: Final = TEMPLATES.parent / "static"


@pytest.fixture
def matrix_world(request: pytest.FixtureRequest) -> World:
    """The authorisation matrix's world: its contract with a version, an invitation and attachments."""
    found = request.getfixturevalue("world")
    assert isinstance(found, World)
    return found


def directives(policy: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def test_every_page_gets_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/login"), client.get("/check"), client.get("/nope"), client.post("/login")):
        headers = response.headers
        policy = directives(headers["content-security-policy"])
        assert policy["script-src"] == "script-src 'self'"
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert "unsafe-eval" not in headers["content-security-policy"]
        assert policy["frame-ancestors"] == "frame-ancestors 'none'"
        assert policy["object-src"] == "object-src 'none'"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in headers


def test_pages_behind_the_login_are_not_cached(client: TestClient, matrix_world: World) -> None:
    log_in(client, "inkoper@testdorp.nl")
    for path in ("/contracts", f"/contracts/{matrix_world.contract_id}", "/dashboard"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store", path
    download = client.get(f"/contracts/{matrix_world.contract_id}/versions/3/chain.csv")
    assert download.status_code == 200 and download.headers["cache-control"] == "no-store"


def test_static_files_may_be_cached_and_are_not_sniffed(client: TestClient) -> None:
    response = client.get("/static/app.js")
    assert response.status_code == 200
    assert "cache-control" not in response.headers and "vary" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_page_and_its_htmx_part_are_told_apart_by_any_cache(
    client: TestClient, matrix_world: World
) -> None:
    # The back button after sorting the dashboard showed the bare fragment htmx had asked for.
    log_in(client, "inkoper@testdorp.nl")
    page = client.get("/dashboard?sort=supplier")
    part = client.get("/dashboard?sort=supplier", headers={"HX-Request": "true"})
    assert page.status_code == part.status_code == 200 and len(part.text) < len(page.text)
    for response in (page, part):
        assert "HX-Request" in [value.strip() for value in response.headers["vary"].split(",")]


def test_every_page_links_the_icon_which_is_served_and_found_at_the_root(client: TestClient) -> None:
    page = client.get("/login").text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert "<script" not in icon.text
    root = client.get("/favicon.ico", follow_redirects=False)
    assert root.status_code == 200 and root.content == icon.content
    assert root.headers["content-type"].startswith("image/svg+xml")


def test_pages_with_a_token_in_their_url_send_no_referrer(client: TestClient, matrix_world: World) -> None:
    for path in (
        f"/invitations/{matrix_world.invitation_token}",
        "/invitations/een-onbekende-link",
        "/public/de-link-van-de-publieke-samenvatting",
        "/public/een-ingetrokken-link",
    ):
        assert client.get(path).headers["referrer-policy"] == "no-referrer", path


def test_an_attachment_keeps_its_own_sandboxing_policy(client: TestClient, matrix_world: World) -> None:
    log_in(client, "verkoop@geheime-leverancier.nl")
    attachment = matrix_world.attachment_ids[0]
    response = client.get(f"/contracts/{matrix_world.contract_id}/attachments/{attachment}")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers.get_list("content-security-policy") == ["default-src 'none'; sandbox"]


def test_production_adds_hsts(settings: Settings, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("web.security._HASHER", PasswordHasher())  # production refuses the tests' cheap one
    production = settings.model_copy(update={"environment": "production"})
    with TestClient(create_app(production, engine=engine)) as client:
        assert client.get("/login").headers["strict-transport-security"].startswith("max-age=")


def test_the_templates_hold_nothing_the_policy_blocks() -> None:
    """No inline script, inline event handler, style attribute or element, and nothing htmx would eval
    (hx-on, js: values, trigger filters in brackets)."""
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    forbidden = {
        "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
        "event handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
        "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
        "style element": re.compile(r"<style", re.IGNORECASE),
        "hx-on": re.compile(r"hx-on", re.IGNORECASE),
        "js: value": re.compile(r"""["']\s*(js|javascript):""", re.IGNORECASE),
        "trigger filter": re.compile(r"hx-trigger=\"[^\"]*\["),
    }
    found = [
        f"{template.name}: {what}"
        for template in sorted(TEMPLATES.glob("*.html"))
        for what, pattern in forbidden.items()
        if pattern.search(template.read_text())
    ]
    assert not found, found
    base = (TEMPLATES / "base.html").read_text()
    assert '"allowEval": false' in base and '"includeIndicatorStyles": false' in base


def test_the_scripts_use_no_eval() -> None:
    for script in STATIC.glob("*.js"):
        assert not re.search(r"\beval\(|new Function\(|setAttribute\(\"style", script.read_text()), (
            script.name
        )
