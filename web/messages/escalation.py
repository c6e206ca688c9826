"""Texts of a contract's escalation ladder and its timeline, in Dutch and English (the ladder's words as
in the glossary: dialoog, schriftelijke waarschuwing, ingebrekestelling, boete, ontbinding)."""

from typing import Final

from chainmap.themes import Lang

ESCALATION_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "escalation.title": {"en": "Escalation", "nl": "Escalatie"},
    "escalation.intro": {
        "en": "When the supplier does not cooperate, the buyer side climbs the escalation ladder: dialogue, "
        "written warning, notice of default, fine, termination. Each step is recorded with its date and "
        "reason, and the supplier sees it.",
        "nl": "Als de leverancier niet meewerkt, gaat de inkopende partij de escalatieladder op: dialoog, "
        "schriftelijke waarschuwing, ingebrekestelling, boete, ontbinding. Elke stap wordt vastgelegd met "
        "datum en reden, en de leverancier ziet hem.",
    },
    "escalation.current": {"en": "Current step: {step}", "nl": "Huidige stap: {step}"},
    "escalation.none": {"en": "No escalation", "nl": "Geen escalatie"},
    "escalation.step.resolved": {"en": "resolved (no escalation)", "nl": "opgelost (geen escalatie)"},
    "escalation.step.dialogue": {"en": "dialogue", "nl": "dialoog"},
    "escalation.step.written_warning": {"en": "written warning", "nl": "schriftelijke waarschuwing"},
    "escalation.step.notice_of_default": {"en": "notice of default", "nl": "ingebrekestelling"},
    "escalation.step.fine": {"en": "fine", "nl": "boete"},
    "escalation.step.termination": {"en": "termination", "nl": "ontbinding"},
    "escalation.history": {"en": "Steps recorded", "nl": "Vastgelegde stappen"},
    "escalation.no_history": {"en": "No steps recorded.", "nl": "Geen stappen vastgelegd."},
    "escalation.step": {"en": "Step", "nl": "Stap"},
    "escalation.effective_on": {"en": "From", "nl": "Per"},
    "escalation.reason": {"en": "Reason", "nl": "Reden"},
    "escalation.recorded": {"en": "Recorded", "nl": "Vastgelegd"},
    "escalation.up": {"en": "up", "nl": "omhoog"},
    "escalation.down": {"en": "down", "nl": "omlaag"},
    "escalation.form_title": {"en": "Record a step", "nl": "Stap vastleggen"},
    "escalation.form_hint": {
        "en": "Any step may follow any other: up one or more steps, or down; “resolved” ends the escalation.",
        "nl": "Elke stap mag op elke andere volgen: een of meer stappen omhoog, of omlaag; "
        "“opgelost” beëindigt de escalatie.",
    },
    "escalation.choose": {"en": "Choose a step", "nl": "Kies een stap"},
    "escalation.submit": {"en": "Record step", "nl": "Stap vastleggen"},
    "escalation.errors": {
        "en": "The step was not recorded; see the fields below.",
        "nl": "De stap is niet vastgelegd; zie de velden hieronder.",
    },
    "escalation.back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "escalation.error.step_required": {"en": "Choose a step.", "nl": "Kies een stap."},
    "escalation.error.same_step": {
        "en": "This is the current step already.",
        "nl": "Dit is al de huidige stap.",
    },
    "escalation.error.nothing_to_resolve": {
        "en": "There is no escalation to resolve.",
        "nl": "Er is geen escalatie om op te lossen.",
    },
    "escalation.error.date_invalid": {
        "en": "Enter the date the step takes effect.",
        "nl": "Vul de datum in waarop de stap ingaat.",
    },
    "escalation.error.date_in_future": {
        "en": "The date is in the future; record a step once it is taken.",
        "nl": "De datum ligt in de toekomst; leg een stap vast als hij gezet is.",
    },
    "escalation.error.date_before_current": {
        "en": "The date is before that of the current step.",
        "nl": "De datum ligt voor die van de huidige stap.",
    },
    "escalation.error.reason_required": {"en": "Give the reason.", "nl": "Geef de reden."},
    "escalation.error.reason_too_long": {
        "en": "The reason is too long (at most 5,000 characters).",
        "nl": "De reden is te lang (hoogstens 5.000 tekens).",
    },
    "contracts.escalation": {"en": "Escalation", "nl": "Escalatie"},
    "timeline.title": {"en": "Timeline", "nl": "Tijdlijn"},
    "timeline.link": {"en": "Timeline of the contract", "nl": "Tijdlijn van het contract"},
    "timeline.intro": {
        "en": "Everything done on this contract, oldest first. The log is never changed afterwards.",
        "nl": "Alles wat op dit contract is gedaan, oudste eerst. Het logboek wordt achteraf nooit "
        "gewijzigd.",
    },
    "timeline.none": {"en": "Nothing has happened yet.", "nl": "Er is nog niets gebeurd."},
    "timeline.when": {"en": "When", "nl": "Wanneer"},
    "timeline.who": {"en": "Who", "nl": "Wie"},
    "timeline.what": {"en": "What", "nl": "Wat"},
    "timeline.chain_submitted": {
        "en": "Chain version {number} submitted ({sites} sites)",
        "nl": "Ketenversie {number} ingediend ({sites} locaties)",
    },
    "timeline.chain_reviewed": {
        "en": "Chain version {number} reviewed: {decision}",
        "nl": "Ketenversie {number} beoordeeld: {decision}",
    },
    "timeline.invitation_sent": {
        "en": "Invitation sent to {email}",
        "nl": "Uitnodiging gestuurd aan {email}",
    },
    "timeline.invitation_accepted": {
        "en": "Invitation accepted by {email}",
        "nl": "Uitnodiging aangenomen door {email}",
    },
    "timeline.escalation_recorded": {
        "en": "Escalation step recorded: {step} from {on} (was: {previous})",
        "nl": "Escalatiestap vastgelegd: {step} per {on} (was: {previous})",
    },
}
