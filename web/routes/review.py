"""The buyer's risk review of a submitted chain version: the page, its graph and its tables (hotspots, risk
groups, findings, changes) as htmx fragments, a site's details, and the buyer's decision.

Both parties of the contract see a version (`contract_for`; anyone else gets 404, as if it did not
exist); only its buyers and contract managers decide on it (`may_review_chain`). Every GET that htmx
makes answers the full page without htmx, so each view has a link of its own and works without script.
"""

from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import Annotated, Any, Final

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from chainmap.reference import load_reference
from chainmap.themes import THEMES, Lang, Level
from models import ChainVersion, Contract, ReviewDecision, User
from web.deps import CurrentUser, Forbidden, SessionDep, party_contract
from web.i18n import request_language
from web.ids import DbId
from web.messages import web_text
from web.paging import page_of
from web.security import CSRF_FIELD, csrf_valid
from web.services.chains import (
    ReviewRefused,
    may_review_chain,
    review_of,
    review_version,
    user_names,
    version_numbered,
)
from web.services.monitoring import prioritised_hotspots
from web.services.review import (
    HIGHEST,
    VersionAnalysis,
    VersionNoLongerValid,
    graph_markup,
    graph_theme,
    newest_number,
    site_details,
    structure_summary,
    version_analysis,
    version_diff,
)
from web.services.review_graph import (
    SEARCH_LENGTH,
    chosen_group,
    group_json,
    group_rows,
    group_site_rows,
    groups_json,
    is_aggregated,
    search_sites,
    version_groups,
)
from web.services.review_tables import (
    ChangesView,
    changes_view,
    findings_view,
    hotspot_table,
    risk_group_table,
)
from web.templating import is_htmx, templates

router = APIRouter()

VERSION: Final = "/contracts/{contract_id}/versions/{number}"
# The sites of an opened group are listed this many to a page.
GROUP_SITES_PER_PAGE: Final = 50
# Where each review error is shown: next to its field, or above the form.
ERROR_FIELDS: Final = {
    "review.error.comment_required": "comment",
    "review.error.comment_too_long": "comment",
}


def _version_or_404(
    session: SessionDep, user: User, contract_id: int, number: int
) -> tuple[Contract, ChainVersion]:
    contract = party_contract(session, user, contract_id)
    # Its rows load only if the version's analysis is not kept yet (see `version_key`).
    version = version_numbered(session=session, contract_id=contract_id, number=number, with_rows=False)
    if version is None:
        raise HTTPException(status_code=404)
    return contract, version


def _review_page(
    request: Request,
    session: SessionDep,
    user: User,
    contract: Contract,
    version: ChainVersion,
    *,
    theme: str = HIGHEST,
    tables: Mapping[str, Mapping[str, str]] | None = None,
    graph_group: str = "",
    graph_page: int = 1,
    graph_query: str | None = None,
    with_changes: bool = False,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The whole review page (built from the version's cached analysis). `tables` gives the state of the
    table whose own URL was asked for (`hotspots`, `risk_groups`, `findings`, `changes`); the others
    show their first page. The changes since the previous version come `with_changes` only: otherwise the
    page loads them when they scroll into view, so that a new version's first view analyses that version
    alone."""
    lang = request_language(request)
    reference = load_reference()
    analysed = version_analysis(version, reference=reference)
    assert contract.id is not None and version.id is not None  # noqa: S101 - stored rows
    review = review_of(session=session, version_id=version.id)
    newest = newest_number(session=session, contract_id=contract.id)
    names = user_names(
        session=session,
        ids={version.submitted_by_user_id} | ({review.decided_by_user_id} if review else set()),
    )
    base = _base(contract, version)
    states = tables or {}
    context: dict[str, Any] = {
        **_graph_context(
            version, analysed, base=base, theme=theme, lang=lang, group=graph_group, page=graph_page
        ),
        **_search_context(version, query=graph_query, theme=theme),
        **_hotspot_context(analysed, base=base, params=states.get("hotspots", {}), lang=lang),
        **_risk_group_context(analysed, base=base, params=states.get("risk_groups", {}), lang=lang),
        **_findings_context(analysed, base=base, params=states.get("findings", {}), lang=lang),
        "contract": contract,
        "version": version,
        "review": review,
        "submitted_by": names.get(version.submitted_by_user_id, ""),
        "reviewed_by": names.get(review.decided_by_user_id, "") if review else "",
        "newest": newest,
        "summary": structure_summary(analysed, lang=lang, reference=reference),
        "previous": version.number - 1 if version.number > 1 else None,
        "diff": _changes(session, version, params=states.get("changes", {}), lang=lang)
        if with_changes
        else None,
        "may_decide": may_review_chain(user=user, contract=contract)
        and review is None
        and newest == version.number,
        "may_review": may_review_chain(user=user, contract=contract),
        "form": form or {"decision": "", "comment": ""},
        "errors": errors or {},
    }
    response = templates.TemplateResponse(request, "review.html", context, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response


def _changes(
    session: SessionDep, version: ChainVersion, *, params: Mapping[str, str], lang: Lang
) -> ChangesView | None:
    """What changed since the previous version, grouped as `chainmap diff` groups it, a page of each kind;
    None for a first version."""
    previous = version_numbered(
        session=session, contract_id=version.contract_id, number=version.number - 1, with_rows=False
    )
    if previous is None:
        return None
    reference = load_reference()
    view = version_diff(previous, version, reference=reference)
    return changes_view(view, params=params, lang=lang, reference=reference)


def _base(contract: Contract, version: ChainVersion) -> str:
    return f"/contracts/{contract.id}/versions/{version.number}"


def _graph_context(
    version: ChainVersion,
    analysed: VersionAnalysis,
    *,
    base: str,
    theme: str,
    lang: Lang,
    group: str = "",
    page: int = 1,
) -> dict[str, Any]:
    """What the graph block shows: up to `AGGREGATED_ABOVE` sites the SVG drawing of every site, each
    site's level for the theme and the legend; above it the tier x country groups (or the opened `group`
    and a page of its sites), drawn by the browser, with their tables."""
    theme = graph_theme(theme)
    context: dict[str, Any] = {
        "base": base,
        "themes": THEMES,
        "levels": list(Level),
        "graph_theme": theme,
        "aggregated": is_aggregated(analysed),
    }
    if not context["aggregated"]:
        return {
            **context,
            "drawing": analysed.drawing,
            "graph_markup": graph_markup(analysed, theme=theme, lang=lang, base=base),
        }
    reference = load_reference()
    view = version_groups(version, reference=reference)
    opened = chosen_group(view, group) if group else None
    if group and opened is None:
        raise HTTPException(status_code=404)
    rows = group_rows(view, theme=theme, lang=lang, reference=reference)
    context |= {"site_count": len(analysed.ids), "group_rows": rows, "opened": None}
    if opened is not None:
        row = next(row for row in rows if row.key == opened.key)
        sites = page_of(group_site_rows(view, opened, theme=theme), page, per_page=GROUP_SITES_PER_PAGE)
        context |= {"opened": row, "group_sites": sites}
    return context


def _search_context(version: ChainVersion, *, query: str | None, theme: str) -> dict[str, Any]:
    """What the search block shows: nothing before a search, else the sites found for `query`."""
    if query is None:
        return {"graph_query": None}
    view = version_groups(version, reference=load_reference())
    return {"graph_query": query, "found": search_sites(view, query, theme=graph_theme(theme))}


def _hotspot_context(
    analysed: VersionAnalysis, *, base: str, params: Mapping[str, str], lang: Lang
) -> dict[str, Any]:
    """What the hotspot block shows: a page of the hotspots that match the filter and search."""
    return {
        "base": base,
        "themes": THEMES,
        "levels": list(Level),
        "hotspots": hotspot_table(analysed, params=params, lang=lang, reference=load_reference()),
    }


def _risk_group_context(
    analysed: VersionAnalysis, *, base: str, params: Mapping[str, str], lang: Lang
) -> dict[str, Any]:
    """What the risk group block shows: a page of the risk groups."""
    return {
        "base": base,
        "risk_groups": risk_group_table(analysed, params=params, lang=lang, reference=load_reference()),
    }


def _findings_context(
    analysed: VersionAnalysis, *, base: str, params: Mapping[str, str], lang: Lang
) -> dict[str, Any]:
    """What the findings block shows: a page of the findings, many of one kind as one line."""
    return {"base": base, "findings": findings_view(analysed, params=params, lang=lang)}


def _fragment(request: Request, context: dict[str, Any], block: str) -> Response:
    """A block of the review page alone. `Vary: HX-Request` keeps any cache from answering a plain
    request (a reload, the back button) with the fragment, or htmx with the page."""
    response = templates.TemplateResponse(request, "review.html", context, block_name=block)
    response.headers["Vary"] = "HX-Request"
    return response


@router.get(VERSION, response_class=HTMLResponse)
def review_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    theme: Annotated[str, Query(max_length=50)] = HIGHEST,
) -> Response:
    """The risk review of one version: graph coloured for `theme` (the highest level by default)."""
    contract, version = _version_or_404(session, user, contract_id, number)
    return _review_page(request, session, user, contract, version, theme=theme)


@router.get(VERSION + "/graph", response_class=HTMLResponse)
def review_graph(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    theme: Annotated[str, Query(max_length=50)] = HIGHEST,
    group: Annotated[str, Query(max_length=20)] = "",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """The risk graph coloured for `theme`, of a large chain its groups or the opened `group` with a
    `page` of its sites: alone for htmx (only the table of sites when htmx swaps that), else the page."""
    contract, version = _version_or_404(session, user, contract_id, number)
    if not is_htmx(request):
        return _review_page(
            request, session, user, contract, version, theme=theme, graph_group=group, graph_page=page
        )
    analysed = version_analysis(version, reference=load_reference())
    context = _graph_context(
        version,
        analysed,
        base=_base(contract, version),
        theme=theme,
        lang=request_language(request),
        group=group,
        page=page,
    )
    block = "group_sites" if request.headers.get("hx-target") == "group-sites" and group else "graph"
    return templates.TemplateResponse(request, "review.html", context, block_name=block)


@router.get(VERSION + "/graph.json")
def review_graph_data(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    group: Annotated[str, Query(max_length=20)] = "",
) -> JSONResponse:
    """The risk graph as the browser draws it: the tier x country groups and the volume between them,
    or the sites of one `group` with their direct suppliers and customers (404 for no such group)."""
    _, version = _version_or_404(session, user, contract_id, number)
    reference = load_reference()
    view = version_groups(version, reference=reference)
    if not group:
        return JSONResponse(groups_json(view, lang=request_language(request), reference=reference))
    opened = chosen_group(view, group)
    if opened is None:
        raise HTTPException(status_code=404)
    return JSONResponse(group_json(view, opened))


@router.get(VERSION + "/graph/search", response_class=HTMLResponse)
def review_graph_search(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    q: Annotated[str, Query(max_length=SEARCH_LENGTH)] = "",
    theme: Annotated[str, Query(max_length=50)] = HIGHEST,
) -> Response:
    """The sites whose id or name contains `q`, to open and find in the graph: alone for htmx, else
    the page with them."""
    contract, version = _version_or_404(session, user, contract_id, number)
    if not is_htmx(request):
        return _review_page(request, session, user, contract, version, theme=theme, graph_query=q)
    context = {"base": _base(contract, version), **_search_context(version, query=q, theme=theme)}
    return templates.TemplateResponse(request, "review.html", context, block_name="graph_search")


@router.get(VERSION + "/hotspots", response_class=HTMLResponse)
def review_hotspots(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, number: DbId
) -> Response:
    """A page of the hotspots, filtered (`theme`, `level`, `group`), searched (`q`) and sorted (`sort`,
    `desc`) as the URL says: alone for htmx, else the page with it."""
    return _table_page(request, session, user, contract_id, number, "hotspots", _hotspot_context)


@router.get(VERSION + "/risk-groups", response_class=HTMLResponse)
def review_risk_groups(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, number: DbId
) -> Response:
    """A page of the risk groups, sorted as the URL says: alone for htmx, else the page with it."""
    return _table_page(request, session, user, contract_id, number, "risk_groups", _risk_group_context)


@router.get(VERSION + "/findings", response_class=HTMLResponse)
def review_findings(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, number: DbId
) -> Response:
    """A page of the validation findings, or of one group's findings (`group`, `entries`): alone for
    htmx, else the page with it."""
    return _table_page(request, session, user, contract_id, number, "findings", _findings_context)


def _table_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: int,
    number: int,
    table: str,
    context: Callable[..., dict[str, Any]],
) -> Response:
    """One of the review's tables of the analysis (`table` names its block, `context` what it shows), for
    the page and state the URL gives: the block alone for htmx, else the whole review page with it."""
    contract, version = _version_or_404(session, user, contract_id, number)
    params = dict(request.query_params)
    if not is_htmx(request):
        return _review_page(request, session, user, contract, version, tables={table: params})
    analysed = version_analysis(version, reference=load_reference())
    shown = context(analysed, base=_base(contract, version), params=params, lang=request_language(request))
    return _fragment(request, shown, table)


@router.get(VERSION + "/changes", response_class=HTMLResponse)
def review_changes(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, number: DbId
) -> Response:
    """What changed since the previous version (`chainmap diff`): the number of each kind of change, then
    a page of each list (`kind` and `page` for one of them); alone for htmx, else the page with it."""
    contract, version = _version_or_404(session, user, contract_id, number)
    if version.number == 1:
        raise HTTPException(status_code=404)
    params = dict(request.query_params)
    if not is_htmx(request):
        return _review_page(
            request, session, user, contract, version, tables={"changes": params}, with_changes=True
        )
    context = {
        "base": _base(contract, version),
        "previous": version.number - 1,
        "diff": _changes(session, version, params=params, lang=request_language(request)),
    }
    return _fragment(request, context, "changes")


@router.get(VERSION + "/sites/{index}", response_class=HTMLResponse)
def review_site(
    request: Request, session: SessionDep, user: CurrentUser, contract_id: DbId, number: DbId, index: int
) -> Response:
    """One site's details (country, activity, goods, every risk with its reasons and sources): the side
    panel's content for htmx, a page of its own otherwise. `index` is the site's row in the version."""
    contract, version = _version_or_404(session, user, contract_id, number)
    lang = request_language(request)
    reference = load_reference()
    site = site_details(version_analysis(version, reference=reference), index, lang=lang, reference=reference)
    if site is None:
        raise HTTPException(status_code=404)
    context = {"contract": contract, "version": version, "base": _base(contract, version), "site": site}
    block = "site" if is_htmx(request) else None
    return templates.TemplateResponse(request, "review_site.html", context, block_name=block)


@router.post(VERSION + "/review", response_class=HTMLResponse)
def decide(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    contract_id: DbId,
    number: DbId,
    decision: Annotated[str, Form(max_length=50)] = "",
    comment: Annotated[str, Form(max_length=20_000)] = "",
    csrf_token: Annotated[str, Form(alias=CSRF_FIELD)] = "",
) -> Response:
    """The buyer accepts the version or requests a revision (with a comment); a plain form, answered
    with the page and the problem next to its field (400) or a redirect to the page with the decision."""
    contract, version = _version_or_404(session, user, contract_id, number)
    if not may_review_chain(user=user, contract=contract):
        raise Forbidden
    lang = request_language(request)
    form = {"decision": decision, "comment": comment}
    errors: dict[str, str] = {}
    if not csrf_valid(request, csrf_token):
        errors["form"] = web_text("error.csrf", lang)
    elif decision not in {choice.value for choice in ReviewDecision}:
        errors["decision"] = web_text("review.error.decision_required", lang)
    else:
        try:
            review_version(
                session=session,
                contract=contract,
                version=version,
                user=user,
                decision=ReviewDecision(decision),
                comment=comment,
            )
        except ReviewRefused as refused:
            errors[ERROR_FIELDS.get(refused.key, "form")] = web_text(refused.key, lang)
        except PermissionError as refused:
            raise Forbidden from refused
    if errors:
        session.rollback()
        return _review_page(
            request, session, user, contract, version, form=form, errors=errors, status_code=400
        )
    if decision == ReviewDecision.ACCEPTED:
        # The monitoring follows this version from now on: keep its prioritised risks for the dashboard.
        # The decision is saved already; a version today's checks refuse is analysed by nobody.
        with suppress(VersionNoLongerValid):
            prioritised_hotspots(session=session, version=version, reference=load_reference())
    return RedirectResponse(_base(contract, version), status_code=303)
