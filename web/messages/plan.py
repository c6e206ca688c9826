"""Texts of the plan of action (plan van aanpak): the plan page, an action's page, the contract page's plan
section and the plan's events on the timeline, in Dutch and English (words as in the glossary: actie,
restrisico, verlopen, concept, ingediend)."""

from typing import Final

from chainmap.themes import Lang

PLAN_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "plan.title": {"en": "Plan of action", "nl": "Plan van aanpak"},
    "plan.back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "plan.intro": {
        "en": "The supplier's actions against the prioritised risks of the accepted chain, their progress, "
        "and the contract manager's verification.",
        "nl": "De acties van de leverancier tegen de geprioriteerde risico's van de geaccepteerde keten, "
        "hun voortgang, en de verificatie door de contractmanager.",
    },
    "plan.no_version": {
        "en": "The plan of action starts once a chain version is accepted.",
        "nl": "Het plan van aanpak begint zodra een ketenversie is geaccepteerd.",
    },
    "plan.version": {
        "en": "Prioritised risks of chain version {number}",
        "nl": "Geprioriteerde risico's van ketenversie {number}",
    },
    "plan.status_label": {"en": "Status of the plan", "nl": "Status van het plan"},
    "plan.no_plan": {
        "en": "No actions proposed yet.",
        "nl": "Nog geen acties voorgesteld.",
    },
    "plan.status.draft": {"en": "draft", "nl": "concept"},
    "plan.status.submitted": {"en": "submitted", "nl": "ingediend"},
    "plan.status.approved": {"en": "approved", "nl": "goedgekeurd"},
    "plan.status.returned": {"en": "sent back", "nl": "teruggestuurd"},
    "plan.status_help.draft": {
        "en": "The supplier is writing the plan. Once it is submitted, the buyer side approves it or sends "
        "it back with a comment.",
        "nl": "De leverancier stelt het plan op. Na indienen keurt de inkopende partij het goed of stuurt "
        "het terug met een opmerking.",
    },
    "plan.status_help.submitted": {
        "en": "The buyer side is reviewing the plan and approves it or sends it back. Until then the "
        "actions cannot be changed.",
        "nl": "De inkopende partij beoordeelt het plan en keurt het goed of stuurt het terug. Tot dan "
        "kunnen de acties niet wijzigen.",
    },
    "plan.status_help.approved": {
        "en": "The supplier carries out the actions and keeps their status up to date; changes of due date "
        "and status are recorded. The contract manager verifies each action once it is done.",
        "nl": "De leverancier voert de acties uit en houdt hun status bij; wijzigingen van uiterste datum en "
        "status worden vastgelegd. De contractmanager verifieert elke actie zodra die is afgerond.",
    },
    "plan.status_help.returned": {
        "en": "The supplier changes the plan as the comment below asks and submits it again.",
        "nl": "De leverancier past het plan aan zoals de opmerking hieronder vraagt en dient het opnieuw in.",
    },
    "plan.submitted_by": {"en": "Submitted {when} by {name}", "nl": "Ingediend {when} door {name}"},
    "plan.decided_by": {"en": "Decided {when} by {name}", "nl": "Besloten {when} door {name}"},
    "plan.returned_comment": {"en": "Comment of the buyer side", "nl": "Opmerking van de inkopende partij"},
    "plan.coverage": {
        "en": "Coverage: {share} of the prioritised risks have an action, weighted by salience.",
        "nl": "Dekking: {share} van de geprioriteerde risico's heeft een actie, gewogen naar ernst, "
        "waarschijnlijkheid en aandeel.",
    },
    "plan.risks_caption": {
        "en": "Prioritised risks, most severe first",
        "nl": "Geprioriteerde risico's, ernstigste eerst",
    },
    "plan.residual_help": {
        "en": "Residual risk is the level that remains: a risk with a done action that the contract manager "
        "verified goes one level down, never below low. Other actions lower nothing yet.",
        "nl": "Het restrisico is het niveau dat overblijft: een risico met een afgeronde actie die de "
        "contractmanager heeft geverifieerd gaat één niveau omlaag, nooit lager dan laag. Andere acties "
        "verlagen nog niets.",
    },
    "plan.site": {"en": "Site", "nl": "Locatie"},
    "plan.country": {"en": "Country", "nl": "Land"},
    "plan.theme": {"en": "Theme", "nl": "Thema"},
    "plan.level": {"en": "Level", "nl": "Niveau"},
    "plan.residual": {"en": "Residual risk", "nl": "Restrisico"},
    "plan.cover": {"en": "Coverage", "nl": "Dekking"},
    "plan.covered": {"en": "covered", "nl": "gedekt"},
    "plan.uncovered": {"en": "uncovered", "nl": "niet gedekt"},
    "plan.new_uncovered": {"en": "new, uncovered", "nl": "nieuw, niet gedekt"},
    "plan.no_risks": {
        "en": "This chain version has no prioritised risks.",
        "nl": "Deze ketenversie heeft geen geprioriteerde risico's.",
    },
    "plan.actions_caption": {"en": "Actions", "nl": "Acties"},
    "plan.no_actions": {"en": "No actions yet.", "nl": "Nog geen acties."},
    "plan.action_title": {"en": "Title", "nl": "Titel"},
    "plan.kind": {"en": "Kind of measure", "nl": "Soort maatregel"},
    "plan.risks": {"en": "Risks", "nl": "Risico's"},
    "plan.owner": {"en": "Owner", "nl": "Eigenaar"},
    "plan.due": {"en": "Due date", "nl": "Uiterste datum"},
    "plan.action_status": {"en": "Status", "nl": "Status"},
    "plan.verification": {"en": "Verification", "nl": "Verificatie"},
    "plan.overdue": {"en": "overdue", "nl": "verlopen"},
    "plan.after_term": {
        "en": "due after the contract ends ({end})",
        "nl": "uiterste datum na het einde van het contract ({end})",
    },
    "plan.due_hint": {"en": "The contract ends on {end}.", "nl": "Het contract loopt af op {end}."},
    "plan.description": {"en": "Description", "nl": "Omschrijving"},
    "plan.kind.audit": {"en": "audit", "nl": "audit"},
    "plan.kind.supplier_engagement": {"en": "supplier engagement", "nl": "dialoog met de leverancier"},
    "plan.kind.training": {"en": "training", "nl": "training"},
    "plan.kind.remediation": {"en": "remediation", "nl": "herstel"},
    "plan.kind.supplier_change": {"en": "change of supplier", "nl": "andere leverancier"},
    "plan.kind.certification": {"en": "certification", "nl": "certificering"},
    "plan.kind.grievance_mechanism": {"en": "grievance mechanism", "nl": "klachtenmechanisme"},
    "plan.kind.other": {"en": "other", "nl": "anders"},
    "plan.action_status.planned": {"en": "planned", "nl": "gepland"},
    "plan.action_status.in_progress": {"en": "in progress", "nl": "in uitvoering"},
    "plan.action_status.done": {"en": "done", "nl": "afgerond"},
    "plan.action_status.cancelled": {"en": "cancelled", "nl": "geannuleerd"},
    "plan.verification.verified": {"en": "verified", "nl": "geverifieerd"},
    "plan.verification.not_sufficient": {"en": "not sufficient", "nl": "onvoldoende"},
    "plan.verification.none": {"en": "not verified", "nl": "niet geverifieerd"},
    "plan.carry_title": {"en": "New chain version", "nl": "Nieuwe ketenversie"},
    "plan.carry_intro": {
        "en": "The plan was first written for chain version {old}; version {new} is accepted since. The "
        "actions stay tied to their sites where the site still exists. A risk that is prioritised now but "
        "was not in version {old} stays flagged until an action covers it.",
        "nl": "Het plan is eerst geschreven voor ketenversie {old}; sindsdien is versie {new} geaccepteerd. "
        "De acties blijven verbonden aan hun locaties waar die nog bestaan. Een risico dat nu geprioriteerd "
        "is en in versie {old} niet, blijft gemarkeerd tot een actie het dekt.",
    },
    "plan.detached_caption": {
        "en": "Risks of actions whose site is no longer in the chain",
        "nl": "Risico's van acties waarvan de locatie niet meer in de keten zit",
    },
    "plan.new_uncovered_count": {
        "en": "New prioritised risks without an action: {count}, flagged in the list above.",
        "nl": "Nieuwe geprioriteerde risico's zonder actie: {count}, gemarkeerd in de lijst hierboven.",
    },
    "plan.propose_title": {"en": "Propose an action", "nl": "Actie voorstellen"},
    "plan.choose_kind": {"en": "Choose a kind", "nl": "Kies een soort"},
    "plan.risks_hint": {
        "en": "Choose at least one prioritised risk the action addresses.",
        "nl": "Kies ten minste één geprioriteerd risico dat de actie aanpakt.",
    },
    "plan.propose_submit": {"en": "Add action", "nl": "Actie toevoegen"},
    "plan.errors": {
        "en": "Nothing was saved; see the fields below.",
        "nl": "Er is niets opgeslagen; zie de velden hieronder.",
    },
    "plan.submit_title": {"en": "Submit the plan", "nl": "Plan indienen"},
    "plan.submit_hint": {
        "en": "The buyer side approves the plan or sends it back with a comment.",
        "nl": "De inkopende partij keurt het plan goed of stuurt het terug met een opmerking.",
    },
    "plan.submit_button": {"en": "Submit plan", "nl": "Plan indienen"},
    "plan.decide_title": {"en": "Decide on the plan", "nl": "Besluiten over het plan"},
    "plan.outcome": {"en": "Decision", "nl": "Besluit"},
    "plan.approve": {"en": "Approve", "nl": "Goedkeuren"},
    "plan.send_back": {"en": "Send back", "nl": "Terugsturen"},
    "plan.comment": {"en": "Comment", "nl": "Opmerking"},
    "plan.comment_hint": {
        "en": "Required when sending the plan back: say what to change.",
        "nl": "Verplicht bij terugsturen: zeg wat er moet veranderen.",
    },
    "plan.decide_button": {"en": "Record decision", "nl": "Besluit vastleggen"},
    "plan.summary_none": {"en": "No plan of action yet.", "nl": "Nog geen plan van aanpak."},
    "plan.summary_status": {"en": "Plan: {status}", "nl": "Plan: {status}"},
    "plan.summary_coverage": {"en": "Coverage: {share}", "nl": "Dekking: {share}"},
    "plan.summary_overdue": {"en": "Overdue actions: {count}", "nl": "Verlopen acties: {count}"},
    "plan.open": {"en": "Open the plan of action", "nl": "Plan van aanpak openen"},
    "action.back": {"en": "Back to the plan of action", "nl": "Terug naar het plan van aanpak"},
    "action.details": {"en": "Details", "nl": "Gegevens"},
    "action.cancel_reason": {"en": "Reason for cancelling", "nl": "Reden van annulering"},
    "action.cancel_hint": {
        "en": "Required when the action is cancelled.",
        "nl": "Verplicht als de actie wordt geannuleerd.",
    },
    "action.notes_title": {"en": "Progress notes", "nl": "Voortgangsnotities"},
    "action.no_notes": {"en": "No notes yet.", "nl": "Nog geen notities."},
    "action.note_text": {"en": "Note", "nl": "Notitie"},
    "action.note_submit": {"en": "Add note", "nl": "Notitie toevoegen"},
    "action.note_by": {"en": "{when} · {name}", "nl": "{when} · {name}"},
    "action.changes_title": {"en": "Changes since approval", "nl": "Wijzigingen sinds goedkeuring"},
    "action.no_changes": {
        "en": "No change of the due date or status since the plan's approval. Before the approval, changes "
        "are not recorded.",
        "nl": "Geen wijziging van de uiterste datum of status sinds de goedkeuring van het plan. Vóór de "
        "goedkeuring worden wijzigingen niet vastgelegd.",
    },
    "action.added_after_approval": {
        "en": "Added after the plan's approval, {when} by {name}.",
        "nl": "Toegevoegd na goedkeuring van het plan, {when} door {name}.",
    },
    "action.change": {"en": "Change", "nl": "Wijziging"},
    "action.who": {"en": "Who", "nl": "Wie"},
    "action.when": {"en": "When", "nl": "Wanneer"},
    "action.field.due_on": {"en": "due date", "nl": "uiterste datum"},
    "action.field.status": {"en": "status", "nl": "status"},
    "action.edit_title": {"en": "Edit the action", "nl": "Actie wijzigen"},
    "action.edit_submit": {"en": "Save action", "nl": "Actie opslaan"},
    "action.verify_title": {"en": "Verification", "nl": "Verificatie"},
    "action.verify_hint": {
        "en": "A comment is required when the action is not sufficient.",
        "nl": "Een opmerking is verplicht als de actie onvoldoende is.",
    },
    "action.verify_submit": {"en": "Record verification", "nl": "Verificatie vastleggen"},
    "action.verified_by": {"en": "{verdict}, {when} by {name}", "nl": "{verdict}, {when} door {name}"},
    "action.not_verified_yet": {
        "en": "The contract manager verifies the action once it is done.",
        "nl": "De contractmanager verifieert de actie zodra die is afgerond.",
    },
    "action.evidence_title": {"en": "Evidence", "nl": "Bewijsstukken"},
    "plan.error.no_version": {
        "en": "Actions are proposed once a chain version is accepted.",
        "nl": "Acties worden voorgesteld zodra een ketenversie is geaccepteerd.",
    },
    "plan.error.awaiting_decision": {
        "en": "The plan awaits the buyer side's decision; actions cannot be changed meanwhile.",
        "nl": "Het plan wacht op het besluit van de inkopende partij; acties kunnen intussen niet wijzigen.",
    },
    "plan.error.title_required": {"en": "Enter a title.", "nl": "Vul een titel in."},
    "plan.error.owner_required": {
        "en": "Enter who carries out the action.",
        "nl": "Vul in wie de actie uitvoert.",
    },
    "plan.error.too_long": {"en": "This text is too long.", "nl": "Deze tekst is te lang."},
    "plan.error.kind_required": {"en": "Choose a kind of measure.", "nl": "Kies een soort maatregel."},
    "plan.error.due_invalid": {"en": "Enter a due date.", "nl": "Vul een uiterste datum in."},
    "plan.error.due_in_past": {
        "en": "The due date lies in the past.",
        "nl": "De uiterste datum ligt in het verleden.",
    },
    "plan.error.risks_required": {
        "en": "Choose at least one risk.",
        "nl": "Kies ten minste één risico.",
    },
    "plan.error.risk_unknown": {
        "en": "Choose risks from the prioritised risks of the accepted chain version.",
        "nl": "Kies risico's uit de geprioriteerde risico's van de geaccepteerde ketenversie.",
    },
    "plan.error.status_required": {"en": "Choose a status.", "nl": "Kies een status."},
    "plan.error.cancel_reason_required": {
        "en": "Give the reason for cancelling.",
        "nl": "Geef de reden van annulering.",
    },
    "plan.error.no_actions": {
        "en": "Propose at least one action before submitting the plan.",
        "nl": "Stel ten minste één actie voor voordat u het plan indient.",
    },
    "plan.error.not_submittable": {
        "en": "The plan is already submitted or approved.",
        "nl": "Het plan is al ingediend of goedgekeurd.",
    },
    "plan.error.not_submitted": {
        "en": "There is no submitted plan to decide on.",
        "nl": "Er is geen ingediend plan om over te besluiten.",
    },
    "plan.error.outcome_required": {"en": "Choose a decision.", "nl": "Kies een besluit."},
    "plan.error.comment_required": {
        "en": "Say what to change in a comment.",
        "nl": "Zeg in een opmerking wat er moet veranderen.",
    },
    "plan.error.text_required": {"en": "Write a note.", "nl": "Schrijf een notitie."},
    "plan.error.not_done": {
        "en": "Only a done action is verified.",
        "nl": "Alleen een afgeronde actie wordt geverifieerd.",
    },
    "plan.error.verification_required": {"en": "Choose a verification.", "nl": "Kies een verificatie."},
    "timeline.plan_submitted": {
        "en": "Plan of action submitted ({actions} actions)",
        "nl": "Plan van aanpak ingediend ({actions} acties)",
    },
    "timeline.plan_approved": {"en": "Plan of action approved", "nl": "Plan van aanpak goedgekeurd"},
    "timeline.plan_returned": {"en": "Plan of action sent back", "nl": "Plan van aanpak teruggestuurd"},
    "timeline.action_added": {
        "en": "Action “{title}” added, due {due}",
        "nl": "Actie “{title}” toegevoegd, uiterste datum {due}",
    },
    "timeline.action_changed": {
        "en": "Action “{title}”: {field} {old} → {new}",
        "nl": "Actie “{title}”: {field} {old} → {new}",
    },
    "timeline.action_note_added": {
        "en": "Progress note on action “{title}”",
        "nl": "Voortgangsnotitie bij actie “{title}”",
    },
    "timeline.action_verified": {
        "en": "Action “{title}” judged {verification}",
        "nl": "Actie “{title}” beoordeeld als {verification}",
    },
}
