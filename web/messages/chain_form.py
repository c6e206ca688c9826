"""Texts of the supplier's chain form: the table of sites, its live risk preview and submitting, in Dutch
and English. The messages about the chain itself come from `chainmap.messages` (Finding.message)."""

from typing import Final

from chainmap.themes import Lang

CHAIN_FORM_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "chain_form.title": {"en": "Supply chain", "nl": "Productieketen"},
    "chain_form.back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "chain_form.intro": {
        "en": "One row per site: the contractor (which delivers to the buyer) leaves “supplies to” empty; "
        "every other site names the id of the site it supplies, with the share of that customer's input "
        "it supplies. Messages appear next to the field, as the command line gives them. You can save "
        "an incomplete chain and come back later; only a chain without errors can be submitted.",
        "nl": "Eén rij per locatie: de opdrachtnemer (die aan de aanbestedende dienst levert) laat „levert "
        "aan” leeg; elke andere locatie noemt het id van de locatie waaraan zij levert, met het aandeel "
        "in de inkoop van die afnemer. Meldingen staan naast het veld, zoals de opdrachtregel ze geeft. "
        "U kunt een onvolledige keten opslaan en later verdergaan; alleen een keten zonder fouten kunt "
        "u indienen.",
    },
    "chain_form.file_link": {
        "en": "Upload a file or download the chain / template",
        "nl": "Een bestand uploaden of de keten / het sjabloon downloaden",
    },
    "chain_form.table_caption": {"en": "Sites of the draft chain", "nl": "Locaties van de conceptketen"},
    "chain_form.col.row": {"en": "Row", "nl": "Rij"},
    "chain_form.col.id": {"en": "Id", "nl": "Id"},
    "chain_form.col.name": {"en": "Name", "nl": "Naam"},
    "chain_form.col.country": {"en": "Country", "nl": "Land"},
    "chain_form.col.activity": {"en": "Activity", "nl": "Activiteit"},
    "chain_form.col.goods": {"en": "Goods", "nl": "Producten"},
    "chain_form.col.supplies_to": {"en": "Supplies to", "nl": "Levert aan"},
    "chain_form.col.share": {"en": "Share (%)", "nl": "Aandeel (%)"},
    "chain_form.col.region": {"en": "Region", "nl": "Regio"},
    "chain_form.col.actions": {"en": "Actions", "nl": "Acties"},
    "chain_form.hint.goods": {
        "en": "Separate several goods with ;",
        "nl": "Scheid meerdere producten met ;",
    },
    "chain_form.hint.supplies_to": {
        "en": "Ids of its customers, separated by ; (empty for the contractor)",
        "nl": "Id's van de afnemers, gescheiden door ; (leeg bij de opdrachtnemer)",
    },
    "chain_form.hint.share": {
        "en": "One percentage per customer, in the same order",
        "nl": "Eén percentage per afnemer, in dezelfde volgorde",
    },
    "chain_form.empty": {
        "en": "The draft has no sites yet. Start with the contractor: your own company.",
        "nl": "Het concept heeft nog geen locaties. Begin met de opdrachtnemer: uw eigen bedrijf.",
    },
    "chain_form.add": {"en": "Add a site", "nl": "Locatie toevoegen"},
    "chain_form.edit": {"en": "Edit", "nl": "Bewerken"},
    "chain_form.edit_row": {"en": "Edit row {row}", "nl": "Rij {row} bewerken"},
    "chain_form.remove": {"en": "Remove", "nl": "Verwijderen"},
    "chain_form.remove_row": {"en": "Remove row {row}", "nl": "Rij {row} verwijderen"},
    "chain_form.remove_confirm": {
        "en": "Remove row {row} ({name}) from the draft?",
        "nl": "Rij {row} ({name}) uit het concept verwijderen?",
    },
    "chain_form.save": {"en": "Save", "nl": "Opslaan"},
    "chain_form.cancel": {"en": "Cancel", "nl": "Annuleren"},
    "chain_form.new_row": {"en": "new", "nl": "nieuw"},
    "chain_form.error": {"en": "Error", "nl": "Fout"},
    "chain_form.warning": {"en": "Warning", "nl": "Waarschuwing"},
    "chain_form.counts": {
        "en": "Sites: {sites} · errors: {errors} · warnings: {warnings}",
        "nl": "Locaties: {sites} · fouten: {errors} · waarschuwingen: {warnings}",
    },
    "chain_form.chain_findings": {"en": "About the chain as a whole", "nl": "Over de keten als geheel"},
    "chain_form.finding_groups": {"en": "Findings that occur often", "nl": "Bevindingen die vaak voorkomen"},
    "chain_form.findings_all": {"en": "Show all {count}", "nl": "Toon alle {count}"},
    "chain_form.finding_row": {"en": "Row {row}", "nl": "Rij {row}"},
    "chain_form.error.too_long": {
        "en": "At most {limit} characters.",
        "nl": "Hoogstens {limit} tekens.",
    },
    "chain_form.error.busy": {
        "en": "The draft was changed at the same moment elsewhere, and the site was not saved. Try again.",
        "nl": "Het concept werd op hetzelfde moment elders gewijzigd, en de locatie is niet opgeslagen. "
        "Probeer het opnieuw.",
    },
    "chain_form.error.too_many_sites": {
        "en": "A chain on the web has at most {limit} sites. Remove a site first, or analyse a larger "
        "chain with the command line.",
        "nl": "Een keten op de website heeft hoogstens {limit} locaties. Verwijder eerst een locatie, of "
        "analyseer een grotere keten met de opdrachtregel.",
    },
    "chain_form.not_saved": {
        "en": "The row was not saved. Please correct the fields marked below.",
        "nl": "De rij is niet opgeslagen. Verbeter de gemarkeerde velden.",
    },
    "chain_form.latest_version": {
        "en": "Version {number} was submitted on {when} by {name}.",
        "nl": "Versie {number} is ingediend op {when} door {name}.",
    },
    "chain_form.no_version": {
        "en": "No version submitted yet.",
        "nl": "Nog geen versie ingediend.",
    },
    "chain_form.draft_from_version": {
        "en": "This draft starts from it: changes here become the next version when you submit.",
        "nl": "Dit concept gaat daarvan uit: wijzigingen hier worden de volgende versie als u indient.",
    },
    "chain_form.review.accepted": {
        "en": "The buyer accepted version {number} ({when}).",
        "nl": "De opdrachtgever heeft versie {number} geaccepteerd ({when}).",
    },
    "chain_form.review.revision_requested": {
        "en": "The buyer requested a revision of version {number} ({when}):",
        "nl": "De opdrachtgever vraagt een herziening van versie {number} ({when}):",
    },
    "chain_form.preview": {"en": "Risk preview of the draft", "nl": "Risicovoorbeeld van het concept"},
    "chain_form.preview_fix": {
        "en": "Fix the errors in the table to see the risks of this chain.",
        "nl": "Verbeter de fouten in de tabel om de risico's van deze keten te zien.",
    },
    "chain_form.preview_empty": {
        "en": "Add sites to see the risks of this chain.",
        "nl": "Voeg locaties toe om de risico's van deze keten te zien.",
    },
    "chain_form.hotspots": {
        "en": "Top {shown} of {total} hotspots, most severe first",
        "nl": "Top {shown} van {total} risicopunten, ernstigste eerst",
    },
    "chain_form.no_hotspots": {
        "en": "No hotspots: no site carries a known risk.",
        "nl": "Geen risicopunten: geen locatie heeft een bekend risico.",
    },
    "chain_form.col.rank": {"en": "#", "nl": "#"},
    "chain_form.col.theme": {"en": "Theme", "nl": "Thema"},
    "chain_form.col.level": {"en": "Level", "nl": "Niveau"},
    "chain_form.col.site": {"en": "Site", "nl": "Locatie"},
    "chain_form.col.exposure": {"en": "Exposure", "nl": "Blootstelling"},
    "chain_form.col.reasons": {"en": "Reasons", "nl": "Redenen"},
    "chain_form.more_reasons": {"en": "more reasons ({count})", "nl": "meer redenen ({count})"},
    "chain_form.structure": {"en": "Structure", "nl": "Structuur"},
    "chain_form.tiers": {"en": "Sites per tier", "nl": "Locaties per schakel"},
    "chain_form.tier": {"en": "tier {tier}: {count}", "nl": "schakel {tier}: {count}"},
    "chain_form.traced_share": {"en": "Traced to raw material", "nl": "Herleid tot grondstof"},
    "chain_form.unknown_nodes": {"en": "Unknown parts", "nl": "Onbekende delen"},
    "chain_form.critical_nodes": {
        "en": "Critical sites (all volume passes through)",
        "nl": "Kritieke locaties (al het volume gaat erdoorheen)",
    },
    "chain_form.exposure_by_country": {"en": "Exposure by country", "nl": "Blootstelling per land"},
    "chain_form.unknown_country": {"en": "unknown", "nl": "onbekend"},
    "chain_form.none": {"en": "none", "nl": "geen"},
    "chain_form.submit_title": {"en": "Submit", "nl": "Indienen"},
    "chain_form.submit_intro": {
        "en": "Submitting makes the draft a version the buyer reviews; it cannot be changed afterwards. "
        "The draft stays, as the start of the next version.",
        "nl": "Indienen maakt van het concept een versie die de opdrachtgever beoordeelt; die kan daarna "
        "niet meer veranderen. Het concept blijft staan, als begin van de volgende versie.",
    },
    "chain_form.submit": {"en": "Submit the chain", "nl": "Keten indienen"},
    "chain_form.refused": {
        "en": "The chain was not submitted: fix these errors first.",
        "nl": "De keten is niet ingediend: verbeter eerst deze fouten.",
    },
    "chain_form.found_rows": {
        "en": "{errors} errors in {error_rows} rows, {warnings} warnings in {warning_rows} rows.",
        "nl": "{errors} fouten in {error_rows} rijen, {warnings} waarschuwingen in {warning_rows} rijen.",
    },
    "chain_form.show_errors": {"en": "Show the rows with errors", "nl": "Toon de rijen met fouten"},
    "chain_form.show_warnings": {
        "en": "Show the rows with warnings",
        "nl": "Toon de rijen met waarschuwingen",
    },
    "chain_form.group_more": {
        "en": "The first {shown} of {count}; the filter by errors or warnings shows every row.",
        "nl": "De eerste {shown} van {count}; het filter op fouten of waarschuwingen toont elke rij.",
    },
    "chain_form.filters": {"en": "Search and filter the sites", "nl": "Locaties zoeken en filteren"},
    "chain_form.search": {"en": "Search id, name or country", "nl": "Zoek op id, naam of land"},
    "chain_form.filter.findings": {"en": "Messages", "nl": "Meldingen"},
    "chain_form.filter.all_rows": {"en": "All rows", "nl": "Alle rijen"},
    "chain_form.filter.errors": {"en": "Rows with errors", "nl": "Rijen met fouten"},
    "chain_form.filter.warnings": {"en": "Rows with warnings", "nl": "Rijen met waarschuwingen"},
    "chain_form.filter.country": {"en": "Country", "nl": "Land"},
    "chain_form.filter.all_countries": {"en": "All countries", "nl": "Alle landen"},
    "chain_form.filter.no_country": {"en": "No known country", "nl": "Geen bekend land"},
    "chain_form.filter.tier": {"en": "Tier", "nl": "Schakel"},
    "chain_form.filter.all_tiers": {"en": "All tiers", "nl": "Alle schakels"},
    "chain_form.filter.tier_value": {"en": "Tier {tier}", "nl": "Schakel {tier}"},
    "chain_form.sort": {"en": "Order", "nl": "Volgorde"},
    "chain_form.sort.row": {"en": "Row (as in the download)", "nl": "Rij (zoals in de download)"},
    "chain_form.sort.id": {"en": "Id", "nl": "Id"},
    "chain_form.sort.name": {"en": "Name", "nl": "Naam"},
    "chain_form.sort.country": {"en": "Country", "nl": "Land"},
    "chain_form.descending": {"en": "Reverse order", "nl": "Omgekeerde volgorde"},
    "chain_form.apply": {"en": "Show", "nl": "Toon"},
    "chain_form.show_all": {"en": "Show all sites", "nl": "Toon alle locaties"},
    "chain_form.no_match": {
        "en": "No site matches this search or filter.",
        "nl": "Geen locatie past bij deze zoekopdracht of dit filter.",
    },
    "chain_form.pager": {"en": "Pages of sites", "nl": "Pagina's met locaties"},
    "chain_form.error.changed_meanwhile": {
        "en": "Someone else changed this site while you were editing it, so your change was not saved. "
        "Cancel shows the site as it is saved now; Save again saves your change over it.",
        "nl": "Iemand anders heeft deze locatie gewijzigd terwijl u haar bewerkte; uw wijziging is niet "
        "opgeslagen. Annuleren toont de locatie zoals die nu is opgeslagen; nogmaals Opslaan slaat uw "
        "wijziging eroverheen op.",
    },
    "chain_form.preview_loading": {
        "en": "The risk preview is being computed…",
        "nl": "Het risicovoorbeeld wordt berekend…",
    },
    "chain_form.preview_stale": {
        "en": "The draft has changed since this risk preview.",
        "nl": "Het concept is gewijzigd sinds dit risicovoorbeeld.",
    },
    "chain_form.preview_update": {"en": "Update the risk preview", "nl": "Risicovoorbeeld bijwerken"},
}
