"""Texts of an organisation's page: its members and the requests to join it, in Dutch and English."""

from typing import Final

from chainmap.themes import Lang

MEMBERSHIP_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "nav.organisation": {"en": "My organisation", "nl": "Mijn organisatie"},
    "membership.intro": {
        "en": "The people who work in chainmap for your organisation. Nobody joins it without your "
        "approval: a buyer's invitation to one of your contracts makes a request that a member approves or "
        "refuses here.",
        "nl": "De mensen die in chainmap voor uw organisatie werken. Niemand komt erbij zonder uw "
        "goedkeuring: de uitnodiging van een inkoper voor een van uw contracten leidt tot een verzoek dat "
        "een lid hier goedkeurt of weigert.",
    },
    "membership.members": {"en": "Members", "nl": "Leden"},
    "membership.requests": {"en": "Requests to join", "nl": "Verzoeken om toe te treden"},
    "membership.requests_intro": {
        "en": "Approve only people you know work for your organisation: an approved member sees and edits "
        "the chains, plans and reports of all your contracts, with every buyer.",
        "nl": "Keur alleen mensen goed van wie u weet dat ze voor uw organisatie werken: een goedgekeurd lid "
        "ziet en bewerkt de ketens, plannen en rapportages van al uw contracten, bij elke opdrachtgever.",
    },
    "membership.no_requests": {"en": "No requests waiting.", "nl": "Geen verzoeken die wachten."},
    "membership.through": {"en": "Invited for contract", "nl": "Uitgenodigd voor contract"},
    "membership.requested_at": {"en": "Asked", "nl": "Gevraagd"},
    "membership.invited_by": {
        "en": "Invited by {name} ({email}) of {buyer}",
        "nl": "Uitgenodigd door {name} ({email}) van {buyer}",
    },
    "membership.mailed": {
        "en": "The link was e-mailed to this address.",
        "nl": "De link is naar dit adres gemaild.",
    },
    "membership.not_mailed": {
        "en": "Address not confirmed: the link was handed to the buyer, not e-mailed. Check with the person "
        "before you approve.",
        "nl": "Adres niet bevestigd: de link is aan de inkoper gegeven, niet gemaild. Vraag het de persoon "
        "na voordat u goedkeurt.",
    },
    "membership.decision": {"en": "Decision", "nl": "Besluit"},
    "membership.approve": {"en": "Approve", "nl": "Goedkeuren"},
    "membership.refuse": {"en": "Refuse", "nl": "Weigeren"},
    "membership.approve_label": {"en": "Approve {email}", "nl": "{email} goedkeuren"},
    "membership.refuse_label": {"en": "Refuse {email}", "nl": "{email} weigeren"},
    "membership.error.decided": {
        "en": "This request was decided already.",
        "nl": "Over dit verzoek is al besloten.",
    },
    "membership.error.email_taken": {
        "en": "This e-mail address got an account in the meantime; the request cannot be approved.",
        "nl": "Dit e-mailadres heeft intussen een account gekregen; het verzoek kan niet worden goedgekeurd.",
    },
    "notifications.membership_requested": {
        "en": "{who} ({email}) asks to join your organisation through an invitation to contract "
        "{reference}: approve or refuse it on your organisation's page.",
        "nl": "{who} ({email}) vraagt lid te worden van uw organisatie via een uitnodiging voor contract "
        "{reference}: keur het goed of weiger het op de pagina van uw organisatie.",
    },
}
