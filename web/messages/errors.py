"""Texts of the error pages (web.errors): a page for each status the app answers with on its own, in
Dutch and English. Each status has a title and a text; `error.other` serves any status without its own."""

from typing import Final

from chainmap.themes import Lang

ERROR_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "error.home": {"en": "To the start page", "nl": "Naar de startpagina"},
    "error.status": {"en": "Error {status}", "nl": "Foutcode {status}"},
    "error.404.title": {"en": "Page not found", "nl": "Pagina niet gevonden"},
    "error.404.text": {
        "en": "This page does not exist, or you have no access to it. A link that was withdrawn or has "
        "expired no longer works. Check the address, or start again from the start page.",
        "nl": "Deze pagina bestaat niet, of u hebt er geen toegang toe. Een link die is ingetrokken of "
        "verlopen werkt niet meer. Controleer het adres, of begin opnieuw vanaf de startpagina.",
    },
    "error.405.title": {"en": "That is not possible here", "nl": "Dat kan hier niet"},
    "error.405.text": {
        "en": "This page does not accept this kind of request. Go back and use the page's buttons and links.",
        "nl": "Deze pagina accepteert dit soort verzoek niet. Ga terug en gebruik de knoppen en links van "
        "de pagina.",
    },
    "error.413.title": {"en": "Too large", "nl": "Te groot"},
    "error.413.text": {
        "en": "What you sent is larger than this page accepts. Choose a smaller file or shorten the text, "
        "and try again.",
        "nl": "Wat u verstuurde is groter dan deze pagina accepteert. Kies een kleiner bestand of maak de "
        "tekst korter, en probeer het nog eens.",
    },
    "error.413.limit": {
        "en": "What you sent is larger than this page accepts: at most {limit} in all, files included. "
        "Choose a smaller file or shorten the text, and try again.",
        "nl": "Wat u verstuurde is groter dan deze pagina accepteert: samen ten hoogste {limit}, bestanden "
        "inbegrepen. Kies een kleiner bestand of maak de tekst korter, en probeer het nog eens.",
    },
    "error.429.title": {"en": "Too many attempts", "nl": "Te veel pogingen"},
    "error.429.text": {
        "en": "There were too many attempts in a short time. Wait a while and try again.",
        "nl": "Er waren te veel pogingen in korte tijd. Wacht even en probeer het dan nog eens.",
    },
    "error.retry_after": {"en": "Try again after {time}.", "nl": "Probeer het na {time} opnieuw."},
    "error.500.title": {"en": "Something went wrong", "nl": "Er ging iets mis"},
    "error.500.text": {
        "en": "An error occurred on our side; it has been logged. Nothing you did caused it. Try again "
        "later, and if it keeps happening, tell your contact person.",
        "nl": "Er is bij ons een fout opgetreden; die is vastgelegd. Het ligt niet aan wat u deed. Probeer "
        "het later nog eens, en laat het uw contactpersoon weten als het blijft gebeuren.",
    },
    "error.other.title": {"en": "That did not work", "nl": "Dat lukte niet"},
    "error.other.text": {
        "en": "The request could not be handled. Go back and try again.",
        "nl": "Het verzoek kon niet worden afgehandeld. Ga terug en probeer het nog eens.",
    },
}
