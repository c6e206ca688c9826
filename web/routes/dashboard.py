"""The contract manager's dashboard: every contract the logged-in user sees with where its monitoring
stands, filtered and sorted by a plain GET form; htmx asks for the table alone (the block "rows").

Any logged-in user has a dashboard of the contracts visible to them (web.services.contracts): the buyer
side its organisation's contracts, a supplier its own; anyone else an empty one.
"""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from chainmap.collector import collector_paused
from chainmap.reference import load_reference
from web.clock import Today
from web.deps import CurrentUser, SessionDep
from web.services.dashboard import STEP_CHOICES, DashboardQuery, SortKey, dashboard
from web.templating import is_htmx, templates

router = APIRouter()


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(
    request: Request,
    session: SessionDep,
    user: CurrentUser,
    today: Today,
    step: Annotated[str, Query(max_length=50)] = "",
    uncovered: Annotated[str, Query(max_length=10)] = "",
    overdue_actions: Annotated[str, Query(max_length=10)] = "",
    overdue_reports: Annotated[str, Query(max_length=10)] = "",
    q: Annotated[str, Query(max_length=500)] = "",
    sort: Annotated[str, Query(max_length=50)] = "",
    order: Annotated[str, Query(max_length=10)] = "",
) -> Response:
    query = DashboardQuery.read(
        step=step,
        uncovered=uncovered,
        overdue_actions=overdue_actions,
        overdue_reports=overdue_reports,
        text=q,
        sort=sort,
        order=order,
    )
    # Some hundred thousand small objects are made and dropped while the rows are read and written out;
    # none in cycles, so the collector waits (chainmap.collector) instead of walking the heap many times.
    with collector_paused():
        context = {
            "dashboard": dashboard(
                session=session, user=user, today=today, reference=load_reference(), query=query
            ),
            "today": today,
            "step_choices": STEP_CHOICES,
            "sort_keys": list(SortKey),
        }
        block = "rows" if is_htmx(request) else None
        return templates.TemplateResponse(request, "dashboard.html", context, block_name=block)
