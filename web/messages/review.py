"""Texts of the buyer's risk review of a chain version, in Dutch and English. The wording of structure and
changes follows the command line's (`chainmap.messages.cli`)."""

from typing import Final

from chainmap.themes import Lang

REVIEW_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "review.title": {"en": "Version {number} · {reference}", "nl": "Versie {number} · {reference}"},
    "review.heading": {
        "en": "Risk review of version {number}: {title}",
        "nl": "Risicobeoordeling van versie {number}: {title}",
    },
    "review.back": {"en": "Back to contract {reference}", "nl": "Terug naar contract {reference}"},
    "review.back_to_version": {
        "en": "Back to the risk review of version {number}",
        "nl": "Terug naar de risicobeoordeling van versie {number}",
    },
    "review.submitted": {
        "en": "Submitted {when} by {name}; {sites} sites.",
        "nl": "Ingediend op {when} door {name}; {sites} locaties.",
    },
    "review.newer": {"en": "Version {number} is newer.", "nl": "Versie {number} is nieuwer."},
    "review.awaiting": {
        "en": "This version awaits your decision.",
        "nl": "Deze versie wacht op uw besluit.",
    },
    "review.decision.accepted": {"en": "Version {number} accepted", "nl": "Versie {number} geaccepteerd"},
    "review.decision.revision_requested": {
        "en": "Revision requested for version {number}",
        "nl": "Herziening gevraagd voor versie {number}",
    },
    "review.decided_by": {"en": "by {name}, {when}", "nl": "door {name}, {when}"},
    "review.graph": {"en": "Risk graph", "nl": "Risicokaart van de keten"},
    "review.colour_by": {"en": "Colour by", "nl": "Kleur volgens"},
    "review.highest": {"en": "highest level of all themes", "nl": "hoogste niveau over alle thema's"},
    "review.show": {"en": "Show", "nl": "Tonen"},
    "review.legend": {"en": "Legend", "nl": "Legenda"},
    "review.size_legend": {
        "en": "circle size: share of the delivered volume (exposure)",
        "nl": "grootte van de cirkel: aandeel in het geleverde volume",
    },
    "review.graph_hint": {
        "en": "Raw material on the left, the contractor on the right. Choose a site to see its details.",
        "nl": "Grondstof links, de opdrachtnemer rechts. Kies een locatie om de details te zien.",
    },
    "review.graph_label": {
        "en": "Chain in tiers, sites coloured by {theme}",
        "nl": "Keten in schakels, locaties gekleurd volgens {theme}",
    },
    "review.details": {"en": "Site details", "nl": "Details van de locatie"},
    "review.pick_site": {
        "en": "Choose a site in the graph or in a table to see its country, activity, goods and every risk "
        "with its reasons and sources.",
        "nl": "Kies een locatie in de kaart of in een tabel om het land, de activiteit, de goederen en elk "
        "risico met redenen en bronnen te zien.",
    },
    "review.hotspots": {"en": "Hotspots", "nl": "Risicopunten"},
    "review.filter_theme": {"en": "Theme", "nl": "Thema"},
    "review.all_themes": {"en": "all themes", "nl": "alle thema's"},
    "review.filter_level": {"en": "Level", "nl": "Niveau"},
    "review.any_level": {"en": "any level", "nl": "elk niveau"},
    "review.at_least": {"en": "{level} or higher", "nl": "{level} of hoger"},
    "review.filter": {"en": "Filter", "nl": "Filteren"},
    "review.risk_groups": {"en": "Prioritised risks", "nl": "Geprioriteerde risico's"},
    "review.risk_groups_hint": {
        "en": "Every high or very high risk backed by a listing or country data, however small the site's "
        "share of the volume, grouped by theme, country and listed good or activity. Open a group to see "
        "its sites.",
        "nl": "Elk hoog of zeer hoog risico dat op een lijst of landgegevens berust, hoe klein het aandeel "
        "van de locatie ook is, gegroepeerd naar thema, land en genoemd product of activiteit. Open een "
        "groep om de locaties te zien.",
    },
    "review.risk_groups_count": {
        "en": "{risks} prioritised risks in {groups} groups.",
        "nl": "{risks} geprioriteerde risico's in {groups} groepen.",
    },
    "review.no_risk_groups": {
        "en": "No prioritised risks: no high or very high risk is backed by a listing or country data.",
        "nl": "Geen geprioriteerde risico's: geen hoog of zeer hoog risico berust op een lijst of "
        "landgegevens.",
    },
    "review.risk_group": {"en": "Risk group", "nl": "Risicogroep"},
    "review.sites": {"en": "Sites", "nl": "Locaties"},
    "review.no_hotspots": {
        "en": "No hotspots match this filter.",
        "nl": "Geen risicopunten die bij dit filter passen.",
    },
    "review.site": {"en": "Site", "nl": "Locatie"},
    "review.country": {"en": "Country", "nl": "Land"},
    "review.region": {"en": "Region", "nl": "Regio"},
    "review.theme": {"en": "Theme", "nl": "Thema"},
    "review.level": {"en": "Level", "nl": "Niveau"},
    "review.salience": {"en": "Salience", "nl": "Gewicht"},
    "review.exposure": {"en": "Exposure", "nl": "Aandeel"},
    "review.share": {"en": "Share", "nl": "Aandeel"},
    "review.structure": {"en": "Structure", "nl": "Structuur"},
    "review.contractor": {"en": "Contractor", "nl": "Opdrachtnemer"},
    "review.tiers": {"en": "Tiers (sites per tier)", "nl": "Schakels (locaties per schakel)"},
    "review.tier_count": {"en": "tier {tier}: {count}", "nl": "schakel {tier}: {count}"},
    "review.traced_share": {"en": "Traced to raw material", "nl": "Herleid tot grondstof"},
    "review.unknown_parts": {"en": "Unknown parts", "nl": "Onbekende delen"},
    "review.unknown_countries": {"en": "Sites with unknown country", "nl": "Locaties met onbekend land"},
    "review.critical": {
        "en": "Critical sites (all volume passes through)",
        "nl": "Kritieke locaties (al het volume gaat erdoorheen)",
    },
    "review.exposure_by_country": {
        "en": "Exposure by country where the chain begins",
        "nl": "Aandeel per land waar de keten begint",
    },
    "review.none": {"en": "none", "nl": "geen"},
    "review.findings": {"en": "Validation findings", "nl": "Bevindingen van de controle"},
    "review.no_findings": {"en": "No findings.", "nl": "Geen bevindingen."},
    "review.findings_all": {"en": "Show all {count}", "nl": "Toon alle {count}"},
    "review.changes": {
        "en": "Changes since version {previous}",
        "nl": "Wijzigingen sinds versie {previous}",
    },
    "review.open_version": {"en": "Open version {number}", "nl": "Versie {number} openen"},
    "review.no_changes": {"en": "No changes.", "nl": "Geen wijzigingen."},
    "review.show_changes": {
        "en": "Show the changes since version {previous}",
        "nl": "Toon de wijzigingen sinds versie {previous}",
    },
    "review.decide": {"en": "Your decision", "nl": "Uw besluit"},
    "review.decision": {"en": "Decision", "nl": "Besluit"},
    "review.accept": {"en": "Accept this version", "nl": "Deze versie accepteren"},
    "review.request_revision": {"en": "Request a revision", "nl": "Herziening vragen"},
    "review.comment": {"en": "Comment for the supplier", "nl": "Toelichting voor de leverancier"},
    "review.comment_hint": {
        "en": "Required when you request a revision: say what to revise. The supplier sees it.",
        "nl": "Verplicht als u om herziening vraagt: zeg wat er herzien moet worden. De leverancier "
        "ziet dit.",
    },
    "review.submit": {"en": "Record decision", "nl": "Besluit vastleggen"},
    "review.only_latest": {
        "en": "Only the newest version, version {number}, can be decided on.",
        "nl": "Alleen over de nieuwste versie, versie {number}, kan een besluit worden genomen.",
    },
    "review.error.decision_required": {
        "en": "Choose whether to accept the version or request a revision.",
        "nl": "Kies of u de versie accepteert of om herziening vraagt.",
    },
    "review.error.comment_required": {
        "en": "Say what the supplier should revise.",
        "nl": "Geef aan wat de leverancier moet herzien.",
    },
    "review.error.comment_too_long": {
        "en": "The comment can be at most 5,000 characters.",
        "nl": "De toelichting mag hoogstens 5.000 tekens lang zijn.",
    },
    "review.error.not_latest": {
        "en": "A newer version has been submitted; decide on that one.",
        "nl": "Er is een nieuwere versie ingediend; neem daarover een besluit.",
    },
    "review.error.already_decided": {
        "en": "This version has already been decided on.",
        "nl": "Over deze versie is al een besluit genomen.",
    },
    "review.site_id": {"en": "Reference", "nl": "Kenmerk"},
    "review.row": {"en": "row {row}", "nl": "rij {row}"},
    "review.activity": {"en": "Activity", "nl": "Activiteit"},
    "review.goods": {"en": "Goods", "nl": "Goederen"},
    "review.tier": {"en": "Tier", "nl": "Schakel"},
    "review.supplies_to": {"en": "Supplies to", "nl": "Levert aan"},
    "review.supplied_by": {"en": "Supplied by", "nl": "Geleverd door"},
    "review.risks": {"en": "Risks by theme", "nl": "Risico's per thema"},
    "review.unavailable_title": {
        "en": "Version {number} cannot be analysed",
        "nl": "Versie {number} kan niet worden geanalyseerd",
    },
    "review.unavailable": {
        "en": "Version {number} was valid when it was submitted, but today's checks find the errors below "
        "(chainmap or its reference data has changed since). Ask the supplier to submit a corrected version.",
        "nl": "Versie {number} was geldig toen zij werd ingediend, maar de controles van nu vinden de fouten "
        "hieronder (chainmap of zijn referentiegegevens zijn sindsdien gewijzigd). Vraag de leverancier een "
        "verbeterde versie in te dienen.",
    },
    "review.unavailable_download": {
        "en": "The version as submitted:",
        "nl": "De versie zoals ingediend:",
    },
    "review.unavailable_back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "review.likelihood": {"en": "Likelihood", "nl": "Waarschijnlijkheid"},
    "review.search": {"en": "Search hotspots", "nl": "Risicopunten zoeken"},
    "review.search_hint": {
        "en": "by reference, name or country of the site",
        "nl": "op kenmerk, naam of land van de locatie",
    },
    "review.hotspots_matching": {
        "en": "{matching} matching hotspots ({total} in all).",
        "nl": "{matching} passende risicopunten ({total} in totaal).",
    },
    "review.hotspots_caption": {
        "en": "Hotspots {first} to {last} of {total}",
        "nl": "Risicopunten {first} tot en met {last} van {total}",
    },
    "review.hotspots_pages": {"en": "Pages of the hotspots", "nl": "Pagina's van de risicopunten"},
    "review.group_filter": {
        "en": "Only the risks of the group {group}.",
        "nl": "Alleen de risico's van de groep {group}.",
    },
    "review.group_filter_clear": {"en": "Show every hotspot", "nl": "Alle risicopunten tonen"},
    "review.risk_groups_caption": {
        "en": "Risk groups {first} to {last} of {total}",
        "nl": "Risicogroepen {first} tot en met {last} van {total}",
    },
    "review.risk_groups_pages": {"en": "Pages of the risk groups", "nl": "Pagina's van de risicogroepen"},
    "review.more_sites_link": {
        "en": "and {count} more: all sites of the group in the hotspot table",
        "nl": "en nog {count}: alle locaties van de groep in de tabel met risicopunten",
    },
    "review.group_hotspots": {
        "en": "The group in the hotspot table",
        "nl": "De groep in de tabel met risicopunten",
    },
    "review.findings_count": {
        "en": "{count} findings in {lines} lines.",
        "nl": "{count} bevindingen in {lines} regels.",
    },
    "review.findings_pages": {"en": "Pages of the findings", "nl": "Pagina's van de bevindingen"},
    "review.finding_group_pages": {
        "en": "Pages of the findings of this kind",
        "nl": "Pagina's van de bevindingen van deze soort",
    },
    "review.change_counts": {"en": "Number of changes by kind", "nl": "Aantal wijzigingen per soort"},
    "review.change_kind": {"en": "Kind of change", "nl": "Soort wijziging"},
    "review.change_count": {"en": "Number", "nl": "Aantal"},
    "review.change.nodes_added": {"en": "Sites added", "nl": "Locaties toegevoegd"},
    "review.change.nodes_removed": {"en": "Sites removed", "nl": "Locaties verwijderd"},
    "review.change.links_added": {"en": "Links added", "nl": "Leveringsrelaties toegevoegd"},
    "review.change.links_removed": {"en": "Links removed", "nl": "Leveringsrelaties verwijderd"},
    "review.change.changed": {
        "en": "Sites and links changed",
        "nl": "Locaties en leveringsrelaties gewijzigd",
    },
    "review.change.risk_changes": {"en": "Risk levels changed", "nl": "Risiconiveaus gewijzigd"},
    "review.change.risks_removed": {
        "en": "High risks gone with the sites removed",
        "nl": "Hoge risico's weg met de verwijderde locaties",
    },
    "review.change.risks_added": {
        "en": "High risks come with the sites added",
        "nl": "Hoge risico's bij de toegevoegde locaties",
    },
    "review.change_pages": {"en": "Pages of: {kind}", "nl": "Pagina's van: {kind}"},
    "review.risk_group_search_hint": {
        "en": "by theme, good, activity or country",
        "nl": "op thema, product, activiteit of land",
    },
    "review.no_matching_risk_groups": {
        "en": "No risk group matches this search.",
        "nl": "Geen risicogroep past bij deze zoekopdracht.",
    },
    "review.risk_group_search": {"en": "Search risk groups", "nl": "Risicogroepen zoeken"},
    # the risk graph of a large chain: tier x country groups drawn by the browser, their tables, search
    "review.graph_group": {"en": "Tier {tier} · {country}", "nl": "Schakel {tier} · {country}"},
    "review.graph_aggregated": {
        "en": "{sites} sites in {groups} groups of one tier and one country. A circle's size is the group's "
        "share of the volume, its colour the highest level of its sites; the links carry the volume between "
        "groups. Open a group to see its sites.",
        "nl": "{sites} locaties in {groups} groepen van één schakel en één land. De grootte van een cirkel "
        "is het aandeel van de groep in het volume, de kleur het hoogste niveau van haar locaties; de "
        "verbindingen dragen het volume tussen de groepen. Open een groep om haar locaties te zien.",
    },
    "review.graph_canvas_groups": {
        "en": "Drawing of {groups} groups coloured by {theme}; the table below lists the same groups",
        "nl": "Tekening van {groups} groepen gekleurd volgens {theme}; de tabel hieronder noemt dezelfde "
        "groepen",
    },
    "review.graph_canvas_sites": {
        "en": "Drawing of the {sites} sites of {group} and their suppliers and customers, coloured by "
        "{theme}; the table below lists the group's sites",
        "nl": "Tekening van de {sites} locaties van {group} met hun leveranciers en afnemers, gekleurd "
        "volgens {theme}; de tabel hieronder noemt de locaties van de groep",
    },
    "review.graph_groups": {"en": "Groups of the chain", "nl": "Groepen van de keten"},
    "review.graph_group_column": {"en": "Group", "nl": "Groep"},
    "review.graph_volume": {"en": "Share of volume", "nl": "Aandeel in volume"},
    "review.graph_open_group": {"en": "Open {group}", "nl": "Open {group}"},
    "review.graph_in_group": {
        "en": "{group}: {sites} sites, {volume} of the volume",
        "nl": "{group}: {sites} locaties, {volume} van het volume",
    },
    "review.graph_back": {"en": "Back to all groups", "nl": "Terug naar alle groepen"},
    "review.graph_group_sites": {"en": "Sites of {group}", "nl": "Locaties van {group}"},
    "review.graph_neighbours": {
        "en": "The drawing also shows the group's direct suppliers and customers from other groups, paler.",
        "nl": "De tekening toont ook de directe leveranciers en afnemers van de groep uit andere groepen, "
        "lichter.",
    },
    "review.graph_pages": {"en": "Pages of the group's sites", "nl": "Pagina's van de locaties van de groep"},
    "review.graph_zoom_in": {"en": "Zoom in", "nl": "Inzoomen"},
    "review.graph_zoom_out": {"en": "Zoom out", "nl": "Uitzoomen"},
    "review.graph_fit": {"en": "Fit to the box", "nl": "Passend maken"},
    "review.graph_controls": {"en": "Zoom", "nl": "Zoomen"},
    "review.graph_search": {"en": "Find a site (id or name)", "nl": "Zoek een locatie (id of naam)"},
    "review.graph_search_button": {"en": "Find", "nl": "Zoeken"},
    "review.graph_search_results": {"en": "Sites found", "nl": "Gevonden locaties"},
    "review.graph_search_count": {
        "en": "{count} sites found for “{query}”{more}.",
        "nl": "{count} locaties gevonden voor ‘{query}’{more}.",
    },
    "review.graph_search_more": {"en": " (the first {count} shown)", "nl": " (de eerste {count} getoond)"},
    "review.graph_search_none": {
        "en": "No site with “{query}” in its id or name.",
        "nl": "Geen locatie met ‘{query}’ in id of naam.",
    },
    "review.graph_search_hit": {"en": "{name} ({id}) in {group}", "nl": "{name} ({id}) in {group}"},
}
