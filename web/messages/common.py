"""Texts of the site's frame, the quick check, logging in and the start page, in Dutch and English."""

from typing import Final

from chainmap.messages import MESSAGES
from chainmap.themes import Lang

COMMON_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "site.name": {"en": "chainmap", "nl": "chainmap"},
    "site.request_failed": {
        "en": "That did not work: the page may have expired. Reload the page and try again.",
        "nl": "Dat lukte niet: de pagina is misschien verlopen. Herlaad de pagina en probeer het nog eens.",
    },
    "site.request_unsent": {
        "en": "No connection with chainmap. Check your connection and try again.",
        "nl": "Geen verbinding met chainmap. Controleer uw verbinding en probeer het nog eens.",
    },
    "site.tagline": {
        "en": "Supply-chain due diligence for public procurement",
        "nl": "Ketenverantwoordelijkheid in openbare aanbestedingen",
    },
    "pager.showing": {
        "en": "Rows {first} to {last} of {total}",
        "nl": "Rijen {first} tot en met {last} van {total}",
    },
    "pager.page": {"en": "Page {number} of {pages}", "nl": "Pagina {number} van {pages}"},
    "pager.previous": {"en": "Previous page", "nl": "Vorige pagina"},
    "pager.next": {"en": "Next page", "nl": "Volgende pagina"},
    "nav.check": {"en": "Quick check", "nl": "Snelle check"},
    "nav.login": {"en": "Log in", "nl": "Inloggen"},
    "nav.logout": {"en": "Log out", "nl": "Uitloggen"},
    "nav.language": {"en": "Nederlands", "nl": "English"},
    "check.title": {"en": "Quick risk check", "nl": "Snelle risicocheck"},
    "check.intro": {
        "en": "Pick a good and a country to see the known risks, with the reason and public source of each. "
        "This is the inherent risk of the good in that country, not a judgement of any company.",
        "nl": "Kies een product en een land om de bekende risico's te zien, met de reden en de openbare bron "
        "van elk risico. Het gaat om het inherente risico van het product in dat land, niet om een oordeel "
        "over een bedrijf.",
    },
    "check.goods": {"en": "Good", "nl": "Product"},
    "check.country": {"en": "Country", "nl": "Land"},
    "check.activity": {"en": "Activity", "nl": "Activiteit"},
    "check.activity_default": {"en": "from the good's sector", "nl": "volgens de sector van het product"},
    "check.submit": {"en": "Check", "nl": "Controleren"},
    "check.share": {"en": "Link to this result", "nl": "Link naar dit resultaat"},
    "check.result": {"en": "{goods} from {country} ({activity})", "nl": "{goods} uit {country} ({activity})"},
    "check.misspelt_good": {
        "en": '"{value}" is not in the goods list.',
        "nl": '"{value}" staat niet in de goederenlijst.',
    },
    "check.unknown_good": {
        "en": '"{value}" is not in the goods list, so no listing of a good can apply: the risks below come '
        "from the country and the activity only.",
        "nl": '"{value}" staat niet in de goederenlijst, dus geen productlijst kan gelden: de risico\'s '
        "hieronder komen alleen uit het land en de activiteit.",
    },
    "check.unknown_country": {
        "en": '"{value}" is not a country we know. Pick a country from the suggestions.',
        "nl": '"{value}" is geen land dat we kennen. Kies een land uit de suggesties.',
    },
    "check.did_you_mean": {"en": "Did you mean {suggestion}?", "nl": "Bedoelt u {suggestion}?"},
    "check.level": {"en": "Level", "nl": "Niveau"},
    "check.theme": {"en": "Theme", "nl": "Thema"},
    "check.reasons": {"en": "Reasons", "nl": "Redenen"},
    "check.sources": {"en": "Sources", "nl": "Bronnen"},
    # Where a page shows a site's risks: the UFLPA screening's reminder, worded as on the command line.
    "screening.not_clearance": MESSAGES["screening.not_clearance"],
    "check.baseline": {
        "en": "no country data: sector baseline",
        "nl": "sectorinschatting (geen landgegevens)",
    },
    "login.title": {"en": "Log in", "nl": "Inloggen"},
    "login.email": {"en": "E-mail address", "nl": "E-mailadres"},
    "login.password": {"en": "Password", "nl": "Wachtwoord"},
    "login.submit": {"en": "Log in", "nl": "Inloggen"},
    "login.failed": {
        "en": "The e-mail address or password is not right.",
        "nl": "Het e-mailadres of wachtwoord klopt niet.",
    },
    "login.throttled": {
        "en": "Too many failed logins for this address or from this network. Try again after {time} "
        "(Dutch time).",
        "nl": "Te veel mislukte inlogpogingen voor dit adres of vanaf dit netwerk. Probeer het opnieuw na "
        "{time}.",
    },
    "home.title": {"en": "Welcome, {name}", "nl": "Welkom, {name}"},
    "home.role": {"en": "You are logged in as {role}.", "nl": "U bent ingelogd als {role}."},
    "role.admin": {"en": "administrator", "nl": "beheerder"},
    "role.buyer": {"en": "buyer", "nl": "inkoper"},
    "role.contract_manager": {"en": "contract manager", "nl": "contractmanager"},
    "role.supplier": {"en": "supplier", "nl": "leverancier"},
    "request_invalid.title": {"en": "That could not be processed", "nl": "Dat kon niet worden verwerkt"},
    "request_invalid.text": {
        "en": "A field of the form is missing, too long or not in the expected form. Go back, check what "
        "you entered and try again.",
        "nl": "Een veld van het formulier ontbreekt, is te lang of heeft niet de verwachte vorm. Ga terug, "
        "controleer wat u hebt ingevuld en probeer het nog eens.",
    },
    "error.csrf": {
        "en": "The form has expired. Please load the page again and retry.",
        "nl": "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
    },
}
