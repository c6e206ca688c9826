"""Texts of the notifications, on the page and in the e-mail, in Dutch and English (plan van aanpak,
voortgangsrapportage and the ladder's steps as in the glossary)."""

from typing import Final

from chainmap.themes import Lang

NOTIFICATION_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "notifications.title": {"en": "Notifications", "nl": "Meldingen"},
    "notifications.nav": {"en": "Notifications", "nl": "Meldingen"},
    "notifications.unread_count": {"en": "{count} unread", "nl": "{count} ongelezen"},
    "notifications.intro": {
        "en": "What happened on your contracts and what is due: actions due soon or overdue, overdue "
        "reports, submitted plans and reports, requests for revision and escalation steps.",
        "nl": "Wat er op uw contracten gebeurde en wat eraan komt: acties die bijna of te laat zijn, te "
        "late rapportages, ingediende plannen en rapportages, verzoeken om herziening en escalatiestappen.",
    },
    "notifications.none": {"en": "No notifications.", "nl": "Geen meldingen."},
    "notifications.new": {"en": "new", "nl": "nieuw"},
    "notifications.mark_read": {"en": "Mark all as read", "nl": "Alles als gelezen markeren"},
    "notifications.action_due_soon": {
        "en": "Action “{action}” on contract {reference} is due on {due}.",
        "nl": "Actie “{action}” van contract {reference} moet af zijn op {due}.",
    },
    "notifications.action_overdue": {
        "en": "Action “{action}” on contract {reference} is overdue: it was due on {due}.",
        "nl": "Actie “{action}” van contract {reference} is te laat: die moest af zijn op {due}.",
    },
    "notifications.report_overdue": {
        "en": "The progress report for period {period} of contract {reference} is overdue: it was due "
        "on {due}.",
        "nl": "De voortgangsrapportage over periode {period} van contract {reference} is te laat: die "
        "moest er zijn op {due}.",
    },
    "notifications.plan_submitted": {
        "en": "{who} submitted the plan of action for contract {reference}.",
        "nl": "{who} heeft het plan van aanpak voor contract {reference} ingediend.",
    },
    "notifications.report_submitted": {
        "en": "{who} submitted a progress report for contract {reference}.",
        "nl": "{who} heeft een voortgangsrapportage voor contract {reference} ingediend.",
    },
    "notifications.revision_requested.chain": {
        "en": "{who} asks for a revision of version {number} of the chain of contract {reference}.",
        "nl": "{who} vraagt om herziening van versie {number} van de keten van contract {reference}.",
    },
    "notifications.revision_requested.plan": {
        "en": "{who} sent the plan of action for contract {reference} back for revision.",
        "nl": "{who} heeft het plan van aanpak voor contract {reference} teruggestuurd voor herziening.",
    },
    "notifications.revision_requested.report": {
        "en": "{who} needs more information on a progress report for contract {reference}.",
        "nl": "{who} heeft meer informatie nodig over een voortgangsrapportage voor contract {reference}.",
    },
    "notifications.escalation_recorded": {
        "en": "{who} recorded the escalation step “{step}” on contract {reference} as of {on}.",
        "nl": "{who} heeft voor contract {reference} de escalatiestap “{step}” vastgelegd per {on}.",
    },
    "notifications.mail.subject_one": {"en": "chainmap: {text}", "nl": "chainmap: {text}"},
    "notifications.mail.subject_many": {
        "en": "chainmap: {count} new notifications",
        "nl": "chainmap: {count} nieuwe meldingen",
    },
    "notifications.mail.body": {
        "en": "Dear {name},\n\nThere is news on your contracts in chainmap:\n\n{items}\n\nAll your "
        "notifications: {link}\n\nYou receive this e-mail because you take part in these contracts.\n",
        "nl": "Beste {name},\n\nEr is nieuws over uw contracten in chainmap:\n\n{items}\n\nAl uw "
        "meldingen: {link}\n\nU ontvangt deze e-mail omdat u bij deze contracten betrokken bent.\n",
    },
}
