"""Texts of the contract manager's dashboard, in Dutch and English (the glossary's words: voortgangs-
rapportage, verlopen, restrisico, geprioriteerd risico, actie, escalatie)."""

from typing import Final

from chainmap.themes import Lang

DASHBOARD_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "nav.dashboard": {"en": "Dashboard", "nl": "Dashboard"},
    "dashboard.title": {"en": "Contract management dashboard", "nl": "Dashboard contractmanagement"},
    "dashboard.intro": {
        "en": "Every contract you see, with where its monitoring stands. Most urgent first: the escalation "
        "step, overdue progress reports, overdue actions, prioritised risks without an action, risks still "
        "high after verified actions, and the next report due.",
        "nl": "Elk contract dat u ziet, met de stand van de monitoring. Meest urgent eerst: de "
        "escalatiestap, verlopen voortgangsrapportages, verlopen acties, geprioriteerde risico's zonder "
        "actie, risico's die na geverifieerde acties nog hoog zijn, en de eerstvolgende rapportage.",
    },
    "dashboard.filters": {"en": "Filter and sort", "nl": "Filteren en sorteren"},
    "dashboard.step": {"en": "Escalation", "nl": "Escalatie"},
    "dashboard.step.any": {"en": "any", "nl": "alle"},
    "dashboard.step.escalated": {"en": "dialogue or higher", "nl": "dialoog of hoger"},
    "dashboard.only_uncovered": {
        "en": "Only with prioritised risks without an action",
        "nl": "Alleen met geprioriteerde risico's zonder actie",
    },
    "dashboard.only_overdue_actions": {
        "en": "Only with overdue actions",
        "nl": "Alleen met verlopen acties",
    },
    "dashboard.only_overdue_reports": {
        "en": "Only with overdue progress reports",
        "nl": "Alleen met verlopen voortgangsrapportages",
    },
    "dashboard.search": {
        "en": "Search reference, title or supplier",
        "nl": "Zoek op kenmerk, titel of leverancier",
    },
    "dashboard.sort": {"en": "Sort by", "nl": "Sorteren op"},
    "dashboard.order": {"en": "Order", "nl": "Volgorde"},
    "dashboard.order.desc": {"en": "descending", "nl": "aflopend"},
    "dashboard.order.asc": {"en": "ascending", "nl": "oplopend"},
    "dashboard.apply": {"en": "Apply", "nl": "Toepassen"},
    "dashboard.sort.urgency": {"en": "urgency", "nl": "urgentie"},
    "dashboard.sort.contract": {"en": "contract", "nl": "contract"},
    "dashboard.sort.supplier": {"en": "supplier", "nl": "leverancier"},
    "dashboard.sort.step": {"en": "escalation step", "nl": "escalatiestap"},
    "dashboard.sort.uncovered": {"en": "risks without an action", "nl": "risico's zonder actie"},
    "dashboard.sort.overdue_actions": {"en": "overdue actions", "nl": "verlopen acties"},
    "dashboard.sort.next_report": {"en": "next report due", "nl": "eerstvolgende rapportage"},
    "dashboard.sort.overdue_reports": {"en": "overdue reports", "nl": "verlopen rapportages"},
    "dashboard.sort.last_change": {"en": "last chain change", "nl": "laatste ketenwijziging"},
    "dashboard.sort.residual": {"en": "residual risk", "nl": "restrisico"},
    "dashboard.count": {"en": "{shown} of {total} contracts", "nl": "{shown} van {total} contracten"},
    "dashboard.none": {"en": "You see no contracts yet.", "nl": "U ziet nog geen contracten."},
    "dashboard.none_match": {
        "en": "No contract matches the filters.",
        "nl": "Geen contract voldoet aan de filters.",
    },
    "dashboard.contract": {"en": "Contract", "nl": "Contract"},
    "dashboard.supplier": {"en": "Supplier", "nl": "Leverancier"},
    "dashboard.escalation": {"en": "Escalation", "nl": "Escalatie"},
    "dashboard.uncovered": {
        "en": "Prioritised risks without an action",
        "nl": "Geprioriteerde risico's zonder actie",
    },
    "dashboard.overdue_actions": {"en": "Overdue actions", "nl": "Verlopen acties"},
    "dashboard.next_report": {"en": "Next progress report due", "nl": "Eerstvolgende voortgangsrapportage"},
    "dashboard.last_change": {"en": "Last chain change", "nl": "Laatste ketenwijziging"},
    "dashboard.residual": {"en": "Residual risk", "nl": "Restrisico"},
    "dashboard.no_step": {"en": "none", "nl": "geen"},
    "dashboard.no_accepted": {"en": "no accepted chain", "nl": "geen geaccepteerde keten"},
    "dashboard.not_analysed": {"en": "not analysed yet", "nl": "nog niet geanalyseerd"},
    "dashboard.uncovered_of": {"en": "{uncovered} of {prioritised}", "nl": "{uncovered} van {prioritised}"},
    "dashboard.actions_of": {"en": "{overdue} of {open} open", "nl": "{overdue} van {open} open"},
    "dashboard.reports_overdue": {"en": "{count} overdue", "nl": "{count} verlopen"},
    "dashboard.no_report_due": {"en": "none", "nl": "geen"},
    "dashboard.no_chain": {"en": "no chain yet", "nl": "nog geen keten"},
    "dashboard.version": {"en": "version {number}", "nl": "versie {number}"},
    "dashboard.residual_high": {
        "en": "still high or very high: {count}",
        "nl": "nog hoog of zeer hoog: {count}",
    },
    "dashboard.caption": {
        "en": "Contracts and where their monitoring stands",
        "nl": "Contracten en de stand van hun monitoring",
    },
    "dashboard.no_prioritised": {"en": "no prioritised risks", "nl": "geen geprioriteerde risico's"},
}
