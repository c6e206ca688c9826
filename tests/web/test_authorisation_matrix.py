"""The authorisation matrix over every route of the app, read from `app.routes`.

Every route with a `{contract_id}` is tried, with every method, as each outsider of a contract (a buyer
and a contract manager of another buyer organisation, a supplier of another supplier organisation, a
buyer-role user inside the contract's supplier organisation, a supplier-role user inside its buyer
organisation, a buyer without an organisation, the admin): the answer is 403 or 404, the body names
nothing of the contract, and the database is as it was. Path parameters, form fields and required query
parameters are filled from a small world made with the services; a name the world cannot fill fails the
test, so a new route is added to the matrix on purpose. A party to the contract reaches each route with
the same request (the fill is right, so a 404 means refused and not "no such thing"). Every route that
is not listed as public sends a visitor without a login to the login page.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import product
from typing import Final

import pytest
from fastapi import params
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import Engine, create_engine
from sqlmodel import Session, SQLModel, col, select

from chainmap.chain import ChainRow
from chainmap.reference import load_reference
from models import (
    ActionNote,
    ActionPlan,
    ActionRisk,
    ActionStatus,
    Attachment,
    AuditEvent,
    ChainDraftRow,
    ChainReview,
    ChainVersion,
    Contract,
    ContractCpv,
    EscalationStep,
    Invitation,
    Organisation,
    OrganisationKind,
    PlanAction,
    PlanStatus,
    ProgressReport,
    ReviewDecision,
    Role,
    User,
    UserCreate,
)
from tests.factories.contracts import make_contract
from tests.factories.plan import make_action_note, make_plan, make_plan_action
from tests.factories.users import PASSWORD, make_user
from web.app import create_app
from web.services.attachments import Upload, UploadStore, add_evidence
from web.services.chains import replace_draft, review_version, submit_draft
from web.services.escalation import record_step
from web.services.invitations import create_invitation
from web.services.progress_reports import period_numbered, submit_report
from web.services.users import create_user, organisation_named
from web.settings import Settings

HTMX: Final = {"HX-Request": "true"}
REFUSED: Final = (403, 404)
CSRF_PATTERN: Final = re.compile(r'name="csrf_token" value="([^"]+)"')
CSRF_ERROR: Final = "Het formulier is verlopen"
REQUEST_INVALID: Final = "Dat kon niet worden verwerkt"

SECRET_TITLE: Final = "Geheime werkkleding"
SECRET_REFERENCE: Final = "SECRET-42"
SUPPLIER: Final = "Geheime Leverancier BV"
BUYER: Final = "Gemeente Testdorp"
REVIEW_COMMENT: Final = "Verborgen opmerking over de spinnerij"
INVITED: Final = "uitgenodigd@geheim.example"
ESCALATION_REASON: Final = "Verborgen reden: geen plan van aanpak"
ESCALATED_ON: Final = "2026-01-05"
EVIDENCE: Final = "Verborgen bewijsstuk van de audit"
EVIDENCE_PDF: Final = f"%PDF-1.7\n% {EVIDENCE}\n%%EOF\n".encode()
ACTION_TITLE: Final = "Verborgen actie: audit bij het naaiatelier"
NOTE_TEXT: Final = "Verborgen notitie over de audit"
SUMMARY_TOKEN: Final = "de-link-van-de-publieke-samenvatting"
REPORT_NARRATIVE: Final = "Verborgen voortgang: audit bij de naaiateliers"
# The sites of the contract's chain: the contractor, two sewing sites and a mill, added version by version.
SITES: Final = (
    ("WK", "Geheim Hoofdkantoor BV", "NL", "trading", "Garments", "", ""),
    ("BD-CMT", "Verborgen Naaiatelier Dhaka", "BD", "cut-make-trim", "Garments", "WK", "60"),
    ("TR-CMT", "Stille Confectie Denizli", "TR", "cut-make-trim", "Garments", "WK", "40"),
    ("TR-MILL", "Onbekende Weverij Bursa", "TR", "weaving", "Fabric", "BD-CMT;TR-CMT", "100;100"),
)
SECRETS: Final = (
    SECRET_TITLE,
    SECRET_REFERENCE,
    SUPPLIER,
    REVIEW_COMMENT,
    INVITED,
    ESCALATION_REASON,
    EVIDENCE,
    ACTION_TITLE,
    NOTE_TEXT,
    REPORT_NARRATIVE,
    *(site[1] for site in SITES),
)

# Who tries the contract's routes: (email, role, organisation name, organisation kind). A kind differing
# from the one the role implies puts the user in the contract's own organisation with the wrong role.
OUTSIDERS: Final = (
    ("inkoper@elders.nl", Role.BUYER, "Gemeente Elders", OrganisationKind.BUYER),
    ("contractmanager@elders.nl", Role.CONTRACT_MANAGER, "Gemeente Elders", OrganisationKind.BUYER),
    ("verkoop@andere-leverancier.nl", Role.SUPPLIER, "Andere Leverancier BV", OrganisationKind.SUPPLIER),
    ("inkoper@geheime-leverancier.nl", Role.BUYER, SUPPLIER, OrganisationKind.SUPPLIER),
    ("leverancier@testdorp.nl", Role.SUPPLIER, BUYER, OrganisationKind.BUYER),
    ("zonder@organisatie.nl", Role.BUYER, None, None),
    ("beheer@chainmap.nl", Role.ADMIN, None, None),
)
# The parties to the contract, in the order the reach test tries them.
PARTIES: Final = (
    ("verkoop@geheime-leverancier.nl", Role.SUPPLIER, SUPPLIER),
    ("inkoper@testdorp.nl", Role.BUYER, BUYER),
    ("contractmanager@testdorp.nl", Role.CONTRACT_MANAGER, BUYER),
)

# Routes open to anyone, by method and path; every other route needs a login.
PUBLIC: Final = frozenset(
    {
        ("GET", "/healthz"),
        ("GET", "/favicon.ico"),  # the app's icon, as on the login page
        ("GET", "/check"),
        ("GET", "/check/options/goods"),
        ("GET", "/check/options/countries"),
        ("GET", "/check/options/cpv"),
        ("GET", "/login"),
        ("POST", "/login"),
        ("POST", "/logout"),  # logging out needs no login: it ends whatever session there is
        ("POST", "/language"),  # the language switch, also before logging in
        ("GET", "/invitations/{token}"),  # the invitation's link: the token lets the invitee in
        ("POST", "/invitations/{token}"),
        ("GET", "/public/{summary_token}"),  # the public summary's link: the buyer published it
        ("GET", "/public/{summary_token}.pdf"),
    }
)
# Path parameters of routes outside the contract matrix, with the start of the paths they may appear in
# and why: a new route with another parameter, or one of these elsewhere, must be placed on purpose.
OUTSIDE_THE_MATRIX: Final = {
    "organisation_id": ("/admin/", "the admin's pages: admin only (tests/web/test_admin.py)"),
    "user_id": ("/admin/", "the admin's pages: admin only (tests/web/test_admin.py)"),
    "token": ("/invitations/", "an invitation's link: the token is the authorisation"),
    "request_id": (
        "/organisation/",
        "a request to join an organisation: its members and the admin decide (test_organisation_consent.py)",
    ),
    "summary_token": ("/public/", "a published public summary's link: open to anyone"),
}


@dataclass
class World:
    """The contract everyone tries, made with the services: versions 1 and 2 reviewed (revision
    requested), version 3 accepted, a draft with one more site, an open invitation, an escalation
    at dialogue, the progress report of the first reporting period submitted (and so audit events of
    each); and an outsider's own contract, to try the contract's
    nested ids through it. Version 3 has an approved plan of action: a done action with a note."""

    engine: Engine
    contract_id: int
    own_contract_id: int
    latest_version: int
    draft_row_id: int
    invitation_id: int
    invitation_token: str
    action_id: int
    attachment_ids: tuple[int, ...]  # the evidence on the action, the attachment of the escalation step
    buyer_organisation_id: int
    buyer_user_id: int


@dataclass(frozen=True)
class PathValue:
    """How the world fills a path parameter (each value is tried); `nested` marks the id of a thing
    inside the contract, which is also tried through the outsider's own contract."""

    fill: Callable[[World], tuple[object, ...]]
    nested: bool = False


PATH_VALUES: Final[dict[str, PathValue]] = {
    "contract_id": PathValue(lambda world: (world.contract_id,)),
    # a reviewed version and the one awaiting review, each with a previous version to compare with
    "number": PathValue(lambda world: (world.latest_version - 1, world.latest_version)),
    "index": PathValue(lambda _world: (1,)),  # a site of the version, by its row (the Dhaka site)
    "row_id": PathValue(lambda world: (world.draft_row_id,), nested=True),
    "invitation_id": PathValue(lambda world: (world.invitation_id,), nested=True),
    "action_id": PathValue(lambda world: (world.action_id,), nested=True),
    "attachment_id": PathValue(lambda world: world.attachment_ids, nested=True),
    "file_format": PathValue(lambda _world: ("csv", "xlsx", "json")),
    # the reporting period with the submitted report and the next one, without a report
    "period_number": PathValue(lambda _world: (1, 2)),
    "organisation_id": PathValue(lambda world: (world.buyer_organisation_id,)),
    "user_id": PathValue(lambda world: (world.buyer_user_id,)),
    "token": PathValue(lambda world: (world.invitation_token,)),
    "request_id": PathValue(lambda _world: (1,)),
    "summary_token": PathValue(lambda _world: (SUMMARY_TOKEN,)),
}

# Form fields and required query parameters of the contract's routes, as a party would send them.
UPLOADED_CSV: Final = (
    b"id,name,country,activity,goods,supplies_to,share\r\n"
    b"WK,Werkkleding BV,NL,trading,Garments,,\r\n"
    b"BD-CMT,Dhaka Apparel,BD,cut-make-trim,Garments,WK,\r\n"
)
FORM_VALUES: Final[dict[str, str]] = {
    "id": "TR-SPIN",
    "name": "Nieuwe Spinnerij",
    "country": "TR",
    "activity": "spinning",
    "goods": "Thread/Yarn",
    "supplies_to": "TR-MILL",
    "share": "50",
    "region": "",
    "revision": "",  # the revision of the chain form's row; empty: saved without comparing
    "decision": ReviewDecision.REVISION_REQUESTED.value,
    "comment": "Graag de spinnerijen aanvullen.",
    "email": "nieuw@geheime-leverancier.nl",
    "supplier_name": "Nieuwe Leverancier BV",
    "step": "written_warning",
    "effective_on": ESCALATED_ON,
    # the plan of action: a new action on the Dhaka site's forced labour, an edit, a note, a decision
    # and a verification (the world's plan is approved and its action done)
    "title": "Training naaisters",
    "description": "Training over arbeidsrechten",
    "kind": "training",
    "owner": "Inkoop",
    "due_on": "2099-12-31",
    "risks": "forced_labour:BD-CMT",
    "status": "done",
    "cancel_reason": "",
    "outcome": "returned",
    "text": "Voortgang besproken.",
    "verification": "not_sufficient",
    "public_summary": "publish",
    "reason": "Geen reactie op de dialoog.",
    "narrative": "De audit is uitgevoerd.",
}
FILE_VALUES: Final[dict[str, tuple[str, bytes, str]]] = {
    "file": ("keten.csv", UPLOADED_CSV, "text/csv"),
    "attachments": ("brief.pdf", EVIDENCE_PDF, "application/pdf"),
}
QUERY_VALUES: Final[dict[str, str]] = {}


@dataclass(frozen=True)
class Endpoint:
    """One method of one route."""

    method: str
    path: str
    route: APIRoute = field(compare=False)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def path_parameters(self) -> list[str]:
        return re.findall(r"{(\w+)(?::\w+)?}", self.path)

    def dependants(self) -> Iterator[Dependant]:
        pending = [self.route.dependant]
        while pending:
            dependant = pending.pop()
            yield dependant
            pending.extend(dependant.dependencies)

    def form_fields(self) -> list[tuple[str, bool]]:
        """The body's fields by name, each with whether it is a file."""
        return [
            (param.alias, isinstance(param.field_info, params.File))
            for dependant in self.dependants()
            for param in dependant.body_params
        ]

    def required_query(self) -> list[str]:
        return [
            param.alias
            for dependant in self.dependants()
            for param in dependant.query_params
            if param.field_info.is_required()
        ]


def app_endpoints() -> list[Endpoint]:
    """Every method of every API route the app serves, included routers expanded."""
    engine = create_engine("sqlite://")
    app = create_app(Settings(environment="test", database_url="sqlite://", secret_key="x"), engine=engine)
    found = sorted(
        {
            Endpoint(method, context.path, context.original_route)
            for context in iter_route_contexts(app.routes)
            if isinstance(context.original_route, APIRoute) and context.path
            for method in context.methods or ()
            if method != "HEAD"
        },
        key=lambda endpoint: (endpoint.path, endpoint.method),
    )
    engine.dispose()
    return found


ENDPOINTS: Final = app_endpoints()
CONTRACT_ENDPOINTS: Final = [endpoint for endpoint in ENDPOINTS if "contract_id" in endpoint.path_parameters]


def site_rows(sites: tuple[tuple[str, ...], ...]) -> list[ChainRow]:
    return [ChainRow(number, *cells) for number, cells in enumerate(sites, start=2)]


def user_in(
    session: Session, email: str, role: Role, organisation: str | None, kind: OrganisationKind | None
) -> User:
    """A user with PASSWORD in the organisation of this name and kind (made when missing)."""
    organisation_id = (
        organisation_named(session=session, name=organisation, kind=kind).id
        if organisation is not None and kind is not None
        else None
    )
    return create_user(
        session=session,
        user_create=UserCreate(email=email, role=role, password=PASSWORD, organisation_id=organisation_id),
    )


@pytest.fixture
def world(session: Session, engine: Engine, settings: Settings) -> World:
    contract = make_contract(
        session, buyer=BUYER, supplier=SUPPLIER, title=SECRET_TITLE, reference=SECRET_REFERENCE
    )
    users = {
        email: make_user(session, email=email, role=role, organisation=org) for email, role, org in PARTIES
    }
    for email, role, organisation, kind in OUTSIDERS:
        user_in(session, email, role, organisation, kind)
    own = make_contract(
        session, buyer="Gemeente Elders", supplier="Andere Leverancier BV", reference="ELDERS-1"
    )
    supplier, buyer = users["verkoop@geheime-leverancier.nl"], users["inkoper@testdorp.nl"]
    reference = load_reference()
    for sites in (SITES[:2], SITES[:3]):  # versions 1 and 2, each sent back with a comment
        replace_draft(session=session, contract=contract, rows=site_rows(sites))
        version = submit_draft(session=session, contract=contract, user=supplier, reference=reference)
        review_version(
            session=session,
            contract=contract,
            version=version,
            user=buyer,
            decision=ReviewDecision.REVISION_REQUESTED,
            comment=REVIEW_COMMENT,
        )
    latest = submit_draft(session=session, contract=contract, user=supplier, reference=reference)
    review_version(
        session=session,
        contract=contract,
        version=latest,
        user=buyer,
        decision=ReviewDecision.ACCEPTED,
        comment="",
    )
    action = make_plan_action(
        session,
        contract=contract,
        user=supplier,
        risks=[("BD-CMT", "forced_labour")],
        version=latest,
        title=ACTION_TITLE,
        status=ActionStatus.DONE,
    )
    make_plan(session, contract=contract, version=latest, status=PlanStatus.APPROVED, decided_by=buyer)
    make_action_note(session, action=action, user=supplier, text=NOTE_TEXT)
    replace_draft(session=session, contract=contract, rows=site_rows(SITES))
    invitation, token = create_invitation(
        session=session, contract=contract, user=buyer, email=INVITED, valid_for=timedelta(days=14)
    )
    record_step(
        session=session,
        contract=contract,
        user=buyer,
        step="dialogue",
        on=ESCALATED_ON,
        reason=ESCALATION_REASON,
        today=date.fromisoformat(ESCALATED_ON),
        files=[Upload("verslag.pdf", EVIDENCE_PDF)],
        store=UploadStore.from_settings(settings),
    )
    period = period_numbered(contract, 1)
    assert period is not None
    submit_report(
        session=session,
        contract=contract,
        user=supplier,
        period=period,
        narrative=REPORT_NARRATIVE,
        today=period.end,
    )
    contract.public_summary_token = SUMMARY_TOKEN  # the buyer published the public summary
    session.add(contract)
    session.commit()
    evidence = add_evidence(
        session=session,
        contract=contract,
        action=action,
        user=supplier,
        upload=Upload("audit.pdf", EVIDENCE_PDF),
        store=UploadStore.from_settings(settings),
    )
    attached = session.exec(select(Attachment).where(col(Attachment.escalation_step_id).is_not(None))).one()
    row = session.exec(
        select(ChainDraftRow)
        .where(ChainDraftRow.contract_id == contract.id)
        .order_by(col(ChainDraftRow.position))
    ).first()
    assert contract.id and own.id and row and row.id and invitation.id and buyer.id and buyer.organisation_id
    assert action.id is not None
    return World(
        engine=engine,
        contract_id=contract.id,
        own_contract_id=own.id,
        latest_version=latest.number,
        draft_row_id=row.id,
        invitation_id=invitation.id,
        invitation_token=token,
        action_id=action.id,
        attachment_ids=(evidence.id or 0, attached.id or 0),
        buyer_organisation_id=buyer.organisation_id,
        buyer_user_id=buyer.id,
    )


SNAPSHOT_MODELS: Final[tuple[type[SQLModel], ...]] = (
    Organisation,
    User,
    Contract,
    ContractCpv,
    ChainDraftRow,
    ChainVersion,
    ChainReview,
    Invitation,
    EscalationStep,
    Attachment,
    ProgressReport,
    ActionPlan,
    PlanAction,
    ActionRisk,
    ActionNote,
    AuditEvent,
)


def snapshot(engine: Engine) -> dict[str, list[str]]:
    """Every row of the tables a contract's routes could change, as text, by table."""
    with Session(engine) as session:
        return {
            model.__name__: sorted(
                repr(sorted(row.model_dump().items())) for row in session.exec(select(model))
            )
            for model in SNAPSHOT_MODELS
        }


def log_in(client: TestClient, email: str) -> str:
    """Log in as `email` on a fresh session; the session's CSRF token."""
    client.cookies.clear()
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    assert client.post("/login", data=data, follow_redirects=False).status_code == 303, email
    return csrf_token(client)


def csrf_token(client: TestClient) -> str:
    found = CSRF_PATTERN.search(client.get("/check").text)
    assert found is not None
    return found.group(1)


def unfilled(endpoint: Endpoint) -> list[str]:
    """What the world cannot fill in this endpoint's request: each must be added on purpose."""
    missing = [f"path parameter {name}" for name in endpoint.path_parameters if name not in PATH_VALUES]
    for name, is_file in endpoint.form_fields():
        if name != "csrf_token" and name not in (FILE_VALUES if is_file else FORM_VALUES):
            missing.append(f"{'file' if is_file else 'form'} field {name}")
    missing += [f"query parameter {name}" for name in endpoint.required_query() if name not in QUERY_VALUES]
    return missing


def urls(endpoint: Endpoint, world: World, *, through_own_contract: bool = False) -> list[str]:
    """The endpoint's path filled with every combination of the world's values (the contract's own, or
    with the outsider's own contract in place of it)."""
    names = endpoint.path_parameters
    choices = [PATH_VALUES[name].fill(world) for name in names]
    if through_own_contract:
        choices[names.index("contract_id")] = (world.own_contract_id,)
    filled = []
    for values in product(*choices):
        url = endpoint.path
        for name, value in zip(names, values, strict=True):
            url = re.sub(r"{" + name + r"(?::\w+)?}", str(value), url)
        filled.append(url)
    return filled


def send(
    client: TestClient, endpoint: Endpoint, url: str, token: str, *, headers: dict[str, str] | None = None
) -> Response:
    """The request a party would send to this endpoint at `url`: its form filled, a valid CSRF token."""
    form: dict[str, str] = {}
    files: dict[str, tuple[str, bytes, str]] = {}
    for name, is_file in endpoint.form_fields():
        if is_file:
            files[name] = FILE_VALUES.get(name, ("x.csv", b"", "text/csv"))
        else:
            form[name] = token if name == "csrf_token" else FORM_VALUES.get(name, "")
    query = {name: QUERY_VALUES.get(name, "") for name in endpoint.required_query()}
    sent_headers = {"X-CSRF-Token": token, **(headers or {})}
    if endpoint.method == "GET":
        return client.get(url, params=query, headers=sent_headers, follow_redirects=False)
    return client.request(
        endpoint.method,
        url,
        params=query,
        data=form or None,
        files=files or None,
        headers=sent_headers,
        follow_redirects=False,
    )


def test_the_routes_are_read_from_the_app() -> None:
    labels = {endpoint.label for endpoint in ENDPOINTS}
    assert {"GET /healthz", "GET /contracts/{contract_id}", "POST /contracts/new"} <= labels
    assert "GET /contracts/{contract_id}" in {endpoint.label for endpoint in CONTRACT_ENDPOINTS}


def test_every_route_is_public_on_purpose_or_in_the_matrix() -> None:
    listed = {(endpoint.method, endpoint.path) for endpoint in ENDPOINTS}
    assert listed >= PUBLIC, f"public routes that no longer exist: {sorted(PUBLIC - listed)}"
    misplaced = [
        f"{endpoint.label}: {name}"
        for endpoint in ENDPOINTS
        if "contract_id" not in endpoint.path_parameters
        for name in endpoint.path_parameters
        if name not in OUTSIDE_THE_MATRIX or not endpoint.path.startswith(OUTSIDE_THE_MATRIX[name][0])
    ]
    assert not misplaced, (
        "routes with a path parameter but no {contract_id}: put them in the matrix or in OUTSIDE_THE_MATRIX: "
        f"{misplaced}"
    )
    missing = {endpoint.label: unfilled(endpoint) for endpoint in CONTRACT_ENDPOINTS if unfilled(endpoint)}
    assert not missing, f"add these to PATH_VALUES, FORM_VALUES, FILE_VALUES or QUERY_VALUES: {missing}"


@pytest.mark.parametrize("outsider", [email for email, *_ in OUTSIDERS])
def test_an_outsider_gets_403_or_404_on_every_contract_route_and_changes_nothing(
    client: TestClient, world: World, outsider: str
) -> None:
    token = log_in(client, outsider)
    problems: list[str] = []
    for endpoint in CONTRACT_ENDPOINTS:
        assert not unfilled(endpoint), (endpoint.label, unfilled(endpoint))
        tries = [(url, None) for url in urls(endpoint, world)]
        tries += [(url, HTMX) for url, _ in tries] if endpoint.method == "GET" else []
        if any(PATH_VALUES[name].nested for name in endpoint.path_parameters):
            tries += [(url, None) for url in urls(endpoint, world, through_own_contract=True)]
        for url, headers in tries:
            before = snapshot(world.engine)
            response = send(client, endpoint, url, token, headers=headers)
            how = f"{endpoint.method} {url}{' (htmx)' if headers else ''} ({endpoint.path}) as {outsider}"
            if response.status_code not in REFUSED:
                problems.append(f"{how}: {response.status_code}")
            problems += [f"{how} shows {secret!r}" for secret in SECRETS if secret in response.text]
            if snapshot(world.engine) != before:
                problems.append(f"{how} changed the database")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("endpoint", CONTRACT_ENDPOINTS, ids=lambda endpoint: endpoint.label)
def test_a_party_to_the_contract_reaches_the_route_with_the_same_request(
    client: TestClient, world: World, endpoint: Endpoint
) -> None:
    assert not unfilled(endpoint), unfilled(endpoint)
    for url in urls(endpoint, world):
        answers = []
        for email, _, _ in PARTIES:
            response = send(client, endpoint, url, log_in(client, email))
            answers.append((email, response.status_code))
            if response.status_code not in REFUSED:
                assert REQUEST_INVALID not in response.text, response.text  # refused before the route
                assert CSRF_ERROR not in response.text
                break
        else:
            pytest.fail(f"no party reaches {endpoint.method} {url} with the world's values: {answers}")


def test_every_route_but_the_public_ones_sends_a_visitor_to_the_login_page(
    client: TestClient, world: World
) -> None:
    token = csrf_token(client)
    problems = []
    for endpoint in ENDPOINTS:
        for url in urls(endpoint, world):
            if (endpoint.method, endpoint.path) in PUBLIC:
                if endpoint.method == "GET" and send(client, endpoint, url, token).status_code != 200:
                    problems.append(f"{endpoint.label} is listed as public but does not answer a visitor")
                continue
            before = snapshot(world.engine)
            response = send(client, endpoint, url, token)
            redirected = response.status_code == 303 and response.headers.get("location") == "/login"
            if not (redirected or (endpoint.method != "GET" and response.status_code in (401, 403))):
                problems.append(
                    f"{endpoint.method} {url}: {response.status_code} {response.headers.get('location')}"
                )
            problems += [
                f"{endpoint.method} {url} shows {secret!r}" for secret in SECRETS if secret in response.text
            ]
            if snapshot(world.engine) != before:
                problems.append(f"{endpoint.method} {url} changed the database")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("outsider", [email for email, *_ in OUTSIDERS])
def test_an_outsider_s_dashboard_names_nothing_of_the_contract(
    client: TestClient, world: World, outsider: str
) -> None:
    """The dashboard (GET /dashboard, no contract in its path) lists only the contracts visible to the
    user: an outsider's, filtered or not, as a page or as htmx's rows, names nothing of the contract; a
    party's names it, so the check can fail."""
    # A search is asked for the rows alone: the page shows the typed search text back in its form.
    tries = [({}, None), ({"q": SECRET_REFERENCE}, HTMX), ({"step": "escalated", "sort": "contract"}, HTMX)]
    log_in(client, outsider)
    for query, headers in tries:
        before = snapshot(world.engine)
        response = client.get("/dashboard", params=query, headers=headers)
        assert response.status_code == 200, (query, response.status_code)
        assert [secret for secret in SECRETS if secret in response.text] == [], query
        assert snapshot(world.engine) == before
    log_in(client, "contractmanager@testdorp.nl")
    assert SECRET_REFERENCE in client.get("/dashboard", params={"q": SECRET_REFERENCE}, headers=HTMX).text
