"""The public quick check: one good from one country, with the risk of every theme, its reasons and
sources; like the MVO Risicochecker, from chainmap's own data. The result has a link of its own."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from chainmap.activities import ACTIVITY_LABELS, activity_label, normalise_activity, sector_activity
from chainmap.analysis import assess_site, risk_as_dict
from chainmap.reference import ReferenceData, load_cpv_goods, load_reference, normalise_name
from chainmap.themes import Lang
from web.i18n import request_language
from web.messages import web_text
from web.names import country_name
from web.services.cpv import cpv_goods_view, cpv_options, resolve_cpv
from web.templating import is_htmx, templates

router = APIRouter()

OPTIONS_SHOWN = 20


def quick_check(
    *, goods: str, country: str, activity: str, lang: Lang, reference: ReferenceData
) -> dict[str, Any]:
    """The check's result as the page shows it, or the problems with the input under "errors".

    A good outside the vocabulary (machinery, software, a service) is not refused: no good × country listing
    can apply to it, so it is assessed from the country and the activity, with a warning that says so. A
    name spelt like a known good ("Cottton") is asked about instead, since assessing it as typed would
    leave out that good's listings.
    """
    errors: list[str] = []
    warnings: list[str] = []
    good = reference.resolve_good(goods)
    if good is None:
        close_good = reference.closest_good(goods)
        if close_good is not None:
            close_label = reference.goods[close_good].label(lang)
            errors.append(_unknown("check.misspelt_good", goods, close_label, lang))
        else:
            warnings.append(web_text("check.unknown_good", lang, value=goods))
    iso2 = reference.resolve_country(country)  # English or Dutch names, codes
    if iso2 is None:
        close = reference.closest_country(country)
        suggestion = country_name(close, lang, reference=reference) if close else None
        errors.append(_unknown("check.unknown_country", country, suggestion, lang))
    if errors or iso2 is None:
        return {"errors": errors}
    site_activity = normalise_activity(activity) if activity else None
    site_activity = site_activity or sector_activity(good.sector if good is not None else "")
    good_name = good.name if good is not None else goods.strip()
    good_text = good.label(lang) if good is not None else good_name
    risks = assess_site(country=iso2, activity=site_activity, goods=[good_name], name="", reference=reference)
    name_of_country = country_name(iso2, lang, reference=reference)
    label_of_activity = activity_label(site_activity, lang)
    title = web_text(
        "check.result", lang, goods=good_text, country=name_of_country, activity=label_of_activity
    )
    return {
        "errors": [],
        "warnings": warnings,
        "goods": good_name,
        "goods_label": good_text,
        "title": title[:1].upper() + title[1:],  # a Dutch good is lower case ("katoen uit ...")
        "country": iso2,
        "country_name": name_of_country,
        "activity": site_activity,
        "activity_label": label_of_activity,
        "risks": {theme: risk_as_dict(risk, lang) for theme, risk in risks.items()},
    }


def _unknown(code: str, value: str, suggestion: str | None, lang: Lang) -> str:
    text = web_text(code, lang, value=value)
    return f"{text} {web_text('check.did_you_mean', lang, suggestion=suggestion)}" if suggestion else text


@router.get("/check", response_class=HTMLResponse)
def check_page(
    request: Request,
    goods: Annotated[str, Query(max_length=200)] = "",
    country: Annotated[str, Query(max_length=200)] = "",
    activity: Annotated[str, Query(max_length=50)] = "",
    cpv: Annotated[str, Query(max_length=50)] = "",
) -> Response:
    """The check of a good from a country; with only a good (as the CPV list links), the form filled in
    with it; with `cpv`, the goods that CPV code involves and where the DOL lists each."""
    lang = request_language(request)
    result = (
        quick_check(goods=goods, country=country, activity=activity, lang=lang, reference=load_reference())
        if goods and country
        else None
    )
    cpv_view = (
        cpv_goods_view(cpv, lang=lang, reference=load_reference(), cpv_goods=load_cpv_goods())
        if cpv.strip()
        else None
    )
    known = load_reference().resolve_good(goods) if goods else None
    context = {
        # the good as the page's language names it when it is known ("katoen" for Cotton), else as typed
        "goods": known.label(lang) if known is not None else goods,
        "country": country,
        "activity": activity,
        "activities": [(key, labels[lang]) for key, labels in ACTIVITY_LABELS.items()],
        "result": result,
        "cpv": cpv,
        "cpv_view": cpv_view,
        "cpv_known": cpv_view is not None and resolve_cpv(cpv, reference=load_reference()) is not None,
    }
    block = ("cpv_result" if cpv and not (goods and country) else "result") if is_htmx(request) else None
    return templates.TemplateResponse(request, "check.html", context, block_name=block)


@router.get("/check/options/goods", response_class=HTMLResponse)
def goods_options(request: Request, goods: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The goods whose name or other name (English or Dutch) contains the typed text, for the
    search-as-you-type list; each offered by its label in the page's language ("katoen" on Dutch pages),
    which resolves back to the good since every Dutch label is also one of its names."""
    lang = request_language(request)
    reference = load_reference()
    typed = normalise_name(goods)
    found = {good for key, good in reference.good_names() if typed and typed in key}
    labels = sorted({reference.goods[good].label(lang) for good in found}, key=normalise_name)
    return templates.TemplateResponse(request, "options.html", {"options": labels[:OPTIONS_SHOWN]})


@router.get("/check/options/countries", response_class=HTMLResponse)
def country_options(request: Request, country: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The countries whose name in the page's language (or code) contains the typed text."""
    lang = request_language(request)
    reference = load_reference()
    typed = normalise_name(country)
    names = sorted(
        name
        for iso2 in reference.countries
        if typed
        and (
            typed in normalise_name(name := country_name(iso2, lang, reference=reference))
            or typed == iso2.lower()
        )
    )
    return templates.TemplateResponse(request, "options.html", {"options": names[:OPTIONS_SHOWN]})


@router.get("/check/options/cpv", response_class=HTMLResponse)
def check_cpv_options(request: Request, cpv: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The CPV codes that start with the typed digits or whose label in the page's language contains the
    typed words, as <option>s with code and label."""
    options = cpv_options(cpv, lang=request_language(request), reference=load_reference())
    return templates.TemplateResponse(request, "cpv_options.html", {"options": options})
