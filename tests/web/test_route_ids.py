"""Path and query values no id can have: every route of the app, read from `app.routes`, with each path
parameter in turn a number beyond 64 bits, a negative number or no number at all (the others filled
from the authorisation matrix's world), tried by a buyer, a supplier and the admin. None answers 500
(a number beyond 64 bits used to overflow in the database driver); a path that names nothing answers
404 (403 where the user's role is refused first), a query value of the wrong form 400, as pages.
"""

import re
from typing import Final

import pytest
from fastapi.testclient import TestClient

from tests.web.test_authorisation_matrix import (
    ENDPOINTS,
    PATH_VALUES,
    Endpoint,
    World,
    log_in,
    send,
    world,  # noqa: F401 - the matrix's fixture, asked for by name in `matrix_world`
)
from web.ids import MAX_DB_ID

BAD_VALUES: Final = (str(2**64), str(MAX_DB_ID + 1), "-1", "abc")
USERS: Final = ("inkoper@testdorp.nl", "verkoop@geheime-leverancier.nl", "beheer@chainmap.nl")


@pytest.fixture
def matrix_world(request: pytest.FixtureRequest) -> World:
    """The authorisation matrix's world: its contract with everything in it, its parties and outsiders."""
    found = request.getfixturevalue("world")
    assert isinstance(found, World)
    return found


def bad_urls(endpoint: Endpoint, filled_from: World) -> list[str]:
    """The endpoint's path with one parameter a bad value and the others the world's first value."""
    names = endpoint.path_parameters
    good = {name: str(PATH_VALUES[name].fill(filled_from)[0]) for name in names}
    found = []
    for bad_name in names:
        for value in BAD_VALUES:
            url = endpoint.path
            for name in names:
                url = re.sub(r"{" + name + r"(?::\w+)?}", value if name == bad_name else good[name], url)
            found.append(url)
    return found


def test_the_walk_reaches_the_routes_with_ids() -> None:
    walked = [endpoint for endpoint in ENDPOINTS if endpoint.path_parameters]
    assert len(walked) > 40
    assert {"contract_id", "action_id", "attachment_id", "number", "organisation_id", "user_id"} <= {
        name for endpoint in walked for name in endpoint.path_parameters
    }


@pytest.mark.parametrize("email", USERS)
def test_no_path_value_makes_any_route_fail(client: TestClient, matrix_world: World, email: str) -> None:
    token = log_in(client, email)
    problems = []
    for endpoint in ENDPOINTS:
        for url in bad_urls(endpoint, matrix_world):
            response = send(client, endpoint, url, token)
            if response.status_code not in (403, 404):
                problems.append(f"{endpoint.method} {url}: {response.status_code}")
            elif not response.headers["content-type"].startswith("text/html"):
                problems.append(f"{endpoint.method} {url}: {response.headers['content-type']}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("value", [str(2**64), "abc", "-1"])
def test_a_bad_id_in_the_path_is_a_page_not_found(
    client: TestClient, matrix_world: World, value: str
) -> None:
    log_in(client, "inkoper@testdorp.nl")
    response = client.get(f"/contracts/{value}")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text
    nested = client.get(f"/contracts/{matrix_world.contract_id}/actions/{value}")
    assert nested.status_code == 404 and "Pagina niet gevonden" in nested.text


@pytest.mark.parametrize("value", [str(2**64), "abc", "-1"])
def test_a_query_value_of_the_wrong_form_is_a_bad_request_page(
    client: TestClient, matrix_world: World, value: str
) -> None:
    log_in(client, "verkoop@geheime-leverancier.nl")
    response = client.get(f"/contracts/{matrix_world.contract_id}/chain/file", params={"uploaded": value})
    assert response.status_code == 400
    assert "Dat kon niet worden verwerkt" in response.text
