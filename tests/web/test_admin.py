"""The admin's pages: buyer organisations and their users, field errors in both languages, the htmx
row toggle, and authorisation: every admin route refuses every other role and the visitor, and
changes nothing for them."""

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from models import Organisation, OrganisationKind, Role, User
from tests.factories.users import make_user
from tests.web.test_auth import csrf, log_in
from web.messages.admin import ADMIN_MESSAGES
from web.messages.common import COMMON_MESSAGES
from web.services.admin import PASSWORD_ALPHABET, generate_password

EN = {"Accept-Language": "en-GB,en;q=0.9"}


@pytest.fixture
def admin(session: Session) -> User:
    return make_user(session, email="beheer@example.nl", role=Role.ADMIN, organisation=None)


@pytest.fixture
def buyer_org(session: Session) -> Organisation:
    organisation = Organisation(name="Gemeente Testdorp", kind=OrganisationKind.BUYER)
    session.add(organisation)
    session.commit()
    session.refresh(organisation)
    return organisation


def as_admin(client: TestClient, admin: User) -> TestClient:
    assert log_in(client, admin.email) == 303
    return client


def rows(session: Session) -> list[tuple[object, ...]]:
    """Everything an admin route could change, to compare before and after."""
    session.expire_all()
    organisations = [(o.id, o.name, o.kind) for o in session.exec(select(Organisation)).all()]
    users = [
        (u.id, u.email, u.role, u.is_active, u.hashed_password, u.organisation_id)
        for u in session.exec(select(User)).all()
    ]
    return sorted(organisations, key=repr) + sorted(users, key=repr)


def test_admin_texts_do_not_shadow_common_ones() -> None:
    assert not set(ADMIN_MESSAGES) & set(COMMON_MESSAGES)


def test_generated_passwords_are_long_readable_and_different() -> None:
    passwords = {generate_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert re.fullmatch(f"[{PASSWORD_ALPHABET}]{{4}}(-[{PASSWORD_ALPHABET}]{{4}}){{3}}", password)


def test_the_admin_sees_the_administration_link_and_others_do_not(
    client: TestClient, session: Session, admin: User
) -> None:
    as_admin(client, admin)
    assert 'href="/admin/organisations"' in client.get("/").text
    client.cookies.clear()
    make_user(session)
    log_in(client, "inkoper@example.nl")
    page = client.get("/").text
    assert 'href="/admin/organisations"' not in page and 'href="/account"' in page


def test_the_admin_creates_a_buyer_organisation_and_sees_suppliers_with_their_members(
    client: TestClient, session: Session, admin: User
) -> None:
    make_user(session, email="lev@example.nl", role=Role.SUPPLIER, organisation="Kledingmaker BV")
    as_admin(client, admin)
    page = client.get("/admin/organisations").text
    assert "Aanbestedende diensten" in page and "Kledingmaker BV" in page
    data = {"name": "  Gemeente   Utrecht ", "csrf_token": csrf(client)}
    response = client.post("/admin/organisations", data=data, follow_redirects=False)
    assert response.status_code == 303
    created = session.exec(select(Organisation).where(Organisation.name == "Gemeente Utrecht")).one()
    assert created.kind is OrganisationKind.BUYER
    assert response.headers["location"] == f"/admin/organisations/{created.id}"
    assert "Gemeente Utrecht" in client.get("/admin/organisations").text
    supplier = session.exec(select(Organisation).where(Organisation.name == "Kledingmaker BV")).one()
    supplier_page = client.get(f"/admin/organisations/{supplier.id}").text
    assert "lev@example.nl" in supplier_page
    # the admin deactivates or removes a supplier's member, but adds none (they join by invitation)
    assert f"/admin/organisations/{supplier.id}/users" not in supplier_page
    assert "/deactivate" in supplier_page and "/remove" in supplier_page


def test_an_organisation_name_is_required_and_unique_per_kind_in_both_languages(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    make_user(session, email="lev@example.nl", role=Role.SUPPLIER, organisation="Dubbel BV")
    as_admin(client, admin)
    before = rows(session)
    for name, dutch, english in (
        ("   ", "Vul een naam in.", "Fill in a name."),
        ("gemeente TESTDORP", "Er is al een aanbestedende dienst met deze naam.", "A contracting authority"),
        ("x" * 201, "Gebruik hoogstens 200 tekens.", "Use at most 200 characters."),
    ):
        response = client.post("/admin/organisations", data={"name": name, "csrf_token": csrf(client)})
        assert response.status_code == 400 and dutch in response.text
        assert 'aria-invalid="true" aria-describedby="name-error"' in response.text
        assert f'value="{name}"' in response.text  # the input is kept
        response = client.post(
            "/admin/organisations", data={"name": name, "csrf_token": csrf(client)}, headers=EN
        )
        assert english in response.text
    assert rows(session) == before
    # A supplier's name is no obstacle for a buyer: unique per kind.
    data = {"name": "Dubbel BV", "csrf_token": csrf(client)}
    assert client.post("/admin/organisations", data=data, follow_redirects=False).status_code == 303


def test_a_form_without_csrf_token_changes_nothing(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    as_admin(client, admin)
    before = rows(session)
    assert client.post("/admin/organisations", data={"name": "Gemeente X"}).status_code == 400
    data = {"email": "nieuw@example.nl", "full_name": "Nieuw", "role": "buyer"}
    response = client.post(f"/admin/organisations/{buyer_org.id}/users", data=data)
    assert response.status_code == 400 and "Het formulier is verlopen" in response.text
    user = make_user(session, email="x@example.nl", organisation=buyer_org.name)
    before = rows(session)
    assert client.post(f"/admin/users/{user.id}/deactivate").status_code == 400
    wrong = {"X-CSRF-Token": "wrong", "HX-Request": "true"}
    assert client.post(f"/admin/users/{user.id}/deactivate", headers=wrong).status_code == 400
    assert client.post(f"/admin/users/{user.id}/remove").status_code == 400
    duplicates = [Organisation(name="Dubbel BV", kind=OrganisationKind.SUPPLIER) for _ in range(2)]
    session.add_all(duplicates)
    session.commit()
    before = rows(session)
    merge = {"target_id": str(duplicates[1].id), "members_confirmed": "yes"}
    assert client.post(f"/admin/organisations/{duplicates[0].id}/merge", data=merge).status_code == 400
    assert rows(session) == before


def test_the_admin_creates_a_user_who_logs_in_with_the_password_shown_once(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    as_admin(client, admin)
    data = {
        "email": " Contract@Testdorp.nl ",
        "full_name": "Carla Contract",
        "role": "contract_manager",
        "csrf_token": csrf(client),
    }
    response = client.post(f"/admin/organisations/{buyer_org.id}/users", data=data)
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    shown = re.search(r'<code class="password">([^<]+)</code>', response.text)
    assert shown is not None and len(shown.group(1)) >= 12
    assert "contract@testdorp.nl kan nu inloggen" in response.text
    user = session.exec(select(User).where(User.email == "contract@testdorp.nl")).one()
    assert (user.role, user.organisation_id, user.full_name) == (
        Role.CONTRACT_MANAGER,
        buyer_org.id,
        "Carla Contract",
    )
    assert shown.group(1) not in user.hashed_password
    page = client.get(f"/admin/organisations/{buyer_org.id}").text
    assert "Carla Contract" in page and shown.group(1) not in page  # shown only once
    reloaded = client.get(f"/admin/organisations/{buyer_org.id}/users", follow_redirects=False)
    assert reloaded.headers["location"] == f"/admin/organisations/{buyer_org.id}"
    client.cookies.clear()
    assert log_in(client, "contract@testdorp.nl", shown.group(1)) == 303
    assert "Welkom, Carla Contract" in client.get("/").text


def test_every_problem_with_a_new_user_shows_at_its_field_and_nothing_is_saved(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    make_user(session, email="bestaat@example.nl", organisation=buyer_org.name)
    as_admin(client, admin)
    before = rows(session)
    url = f"/admin/organisations/{buyer_org.id}/users"
    data = {"email": "geen-adres", "full_name": " ", "role": "admin", "csrf_token": csrf(client)}
    page = client.post(url, data=data)
    assert page.status_code == 400
    for field, text in (
        ("email", "Dit is geen e-mailadres"),
        ("full_name", "Vul de naam in."),
        ("role", "Kies inkoper of contractmanager."),
    ):
        assert re.search(f'id="{field}-error">{re.escape(text)}', page.text), field
    assert 'value="geen-adres"' in page.text
    english = client.post(url, data=data, headers=EN).text
    assert "This is not an e-mail address" in english and "Choose buyer or contract manager." in english
    for email, text in (("BESTAAT@example.nl", "Er is al een account"), ("", "Vul een e-mailadres in.")):
        data = {"email": email, "full_name": "Iemand", "role": "buyer", "csrf_token": csrf(client)}
        response = client.post(url, data=data)
        assert response.status_code == 400 and text in response.text
    for role in ("supplier", "admin"):  # the admin makes buyers and contract managers only
        data = {"email": "n@example.nl", "full_name": "N", "role": role, "csrf_token": csrf(client)}
        assert client.post(url, data=data).status_code == 400
    assert rows(session) == before


def test_no_user_is_added_to_a_supplier_or_a_missing_organisation(
    client: TestClient, session: Session, admin: User
) -> None:
    supplier = make_user(session, email="lev@example.nl", role=Role.SUPPLIER, organisation="Leverancier BV")
    as_admin(client, admin)
    before = rows(session)
    data = {"email": "n@example.nl", "full_name": "N", "role": "buyer", "csrf_token": csrf(client)}
    assert client.post(f"/admin/organisations/{supplier.organisation_id}/users", data=data).status_code == 403
    assert client.post("/admin/organisations/9999/users", data=data).status_code == 404
    assert client.get("/admin/organisations/9999").status_code == 404
    token = {"csrf_token": csrf(client)}
    assert client.post("/admin/users/9999/deactivate", data=token).status_code == 404
    assert rows(session) == before


def test_deactivate_and_activate_a_user_updates_the_row_in_place(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    user = make_user(session, email="inkoper@testdorp.nl", organisation=buyer_org.name)
    as_admin(client, admin)
    page = client.get(f"/admin/organisations/{buyer_org.id}").text
    assert f'hx-post="/admin/users/{user.id}/deactivate"' in page
    htmx = {"HX-Request": "true", "X-CSRF-Token": csrf(client)}
    response = client.post(f"/admin/users/{user.id}/deactivate", headers=htmx)
    assert response.status_code == 200
    row = response.text.strip()
    assert row.startswith(f'<tr id="user-{user.id}">') and row.endswith("</tr>")
    assert "gedeactiveerd" in row and f'hx-post="/admin/users/{user.id}/activate"' in row
    session.refresh(user)
    assert not user.is_active
    response = client.post(f"/admin/users/{user.id}/activate", headers={**htmx, **EN})
    assert "active" in response.text and "Deactivate" in response.text
    session.refresh(user)
    assert user.is_active
    # Without htmx, the form posts with its token and comes back to the page.
    response = client.post(
        f"/admin/users/{user.id}/deactivate", data={"csrf_token": csrf(client)}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (
        303,
        f"/admin/organisations/{buyer_org.id}",
    )
    session.refresh(user)
    assert not user.is_active


def test_a_deactivated_users_session_stops_on_the_next_request(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    user = make_user(session, email="inkoper@testdorp.nl", organisation=buyer_org.name)
    assert log_in(client, user.email) == 303
    assert client.get("/").status_code == 200
    with TestClient(client.app) as admin_client:
        as_admin(admin_client, admin)
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf(admin_client)}
        assert admin_client.post(f"/admin/users/{user.id}/deactivate", headers=headers).status_code == 200
    response = client.get("/", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    assert client.get("/account", follow_redirects=False).status_code == 303
    assert log_in(client, user.email) == 400


def test_a_new_password_is_shown_once_and_ends_the_users_sessions(
    client: TestClient, session: Session, admin: User, buyer_org: Organisation
) -> None:
    user = make_user(session, email="vergeten@testdorp.nl", organisation=buyer_org.name)
    assert log_in(client, user.email) == 303
    with TestClient(client.app) as admin_client:
        as_admin(admin_client, admin)
        response = admin_client.post(
            f"/admin/users/{user.id}/password", data={"csrf_token": csrf(admin_client)}
        )
        assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
        assert "vergeten@testdorp.nl heeft een nieuw wachtwoord" in response.text
        shown = re.search(r'<code class="password">([^<]+)</code>', response.text)
        assert shown is not None
        assert shown.group(1) not in admin_client.get(f"/admin/organisations/{buyer_org.id}").text
        reloaded = admin_client.get(f"/admin/users/{user.id}/password", follow_redirects=False)
        assert reloaded.headers["location"] == f"/admin/organisations/{buyer_org.id}"
        before = rows(session)
        assert admin_client.post(f"/admin/users/{user.id}/password").status_code == 400  # no CSRF token
        assert rows(session) == before
    assert client.get("/", follow_redirects=False).status_code == 303  # the open session has ended
    assert log_in(client, user.email) == 400  # the old password no longer works
    assert log_in(client, user.email, shown.group(1)) == 303


def test_the_admin_cannot_deactivate_themself(client: TestClient, session: Session) -> None:
    admin = make_user(session, email="beheer@example.nl", role=Role.ADMIN, organisation="Gemeente Testdorp")
    as_admin(client, admin)
    assert (
        f"/admin/users/{admin.id}/deactivate"
        not in client.get(f"/admin/organisations/{admin.organisation_id}").text
    )
    response = client.post(f"/admin/users/{admin.id}/deactivate", data={"csrf_token": csrf(client)})
    assert response.status_code == 400 and "eigen account niet deactiveren" in response.text
    response = client.post(f"/admin/users/{admin.id}/password", data={"csrf_token": csrf(client)})
    assert response.status_code == 400 and "Mijn account" in response.text
    hashed = admin.hashed_password
    session.refresh(admin)
    assert admin.is_active and admin.hashed_password == hashed


def admin_requests(organisation_id: int, user_id: int) -> list[tuple[str, str, dict[str, str]]]:
    """Every admin route, with input that would change data if it were allowed."""
    return [
        ("GET", "/admin/organisations", {}),
        ("POST", "/admin/organisations", {"name": "Gemeente Indringer"}),
        ("GET", f"/admin/organisations/{organisation_id}", {}),
        ("GET", f"/admin/organisations/{organisation_id}/users", {}),
        (
            "POST",
            f"/admin/organisations/{organisation_id}/users",
            {"email": "indringer@example.nl", "full_name": "Indringer", "role": "buyer"},
        ),
        ("POST", f"/admin/users/{user_id}/deactivate", {}),
        ("POST", f"/admin/users/{user_id}/activate", {}),
        ("POST", f"/admin/users/{user_id}/password", {}),
        ("GET", f"/admin/users/{user_id}/password", {}),
    ]


@pytest.mark.parametrize("role", [Role.BUYER, Role.CONTRACT_MANAGER, Role.SUPPLIER, None])
def test_every_admin_route_refuses_other_roles_and_visitors_and_changes_nothing(
    client: TestClient, session: Session, buyer_org: Organisation, role: Role | None
) -> None:
    target = make_user(session, email="doel@testdorp.nl", organisation=buyer_org.name)
    inactive = make_user(session, email="uit@testdorp.nl", organisation=buyer_org.name)
    inactive.is_active = False
    session.add(inactive)
    session.commit()
    if role is not None:
        organisation = "Leverancier BV" if role is Role.SUPPLIER else buyer_org.name
        make_user(session, email="ander@example.nl", role=role, organisation=organisation)
        assert log_in(client, "ander@example.nl") == 303
    token = csrf(client)
    assert buyer_org.id is not None and target.id is not None and inactive.id is not None
    before = rows(session)
    for user_id in (target.id, inactive.id):
        for method, url, data in admin_requests(buyer_org.id, user_id):
            response = client.request(
                method,
                url,
                data={**data, "csrf_token": token} if method == "POST" else None,
                headers={"X-CSRF-Token": token, **EN},
                follow_redirects=False,
            )
            if role is None:
                assert (response.status_code, response.headers["location"]) == (303, "/login"), url
            else:
                assert response.status_code == 403, url
                assert "No access" in response.text and "Indringer" not in response.text
                assert "doel@testdorp.nl" not in response.text
    assert rows(session) == before


def test_the_403_page_speaks_the_users_language(client: TestClient, session: Session) -> None:
    make_user(session, language="en")
    log_in(client, "inkoper@example.nl")
    response = client.get("/admin/organisations")
    assert response.status_code == 403
    assert '<html lang="en">' in response.text and "Your account has no access to this page." in response.text
    client.post("/language", data={"language": "nl", "back": "/", "csrf_token": csrf(client)})
    assert "Geen toegang" in client.get("/admin/organisations").text
