"""User-facing messages: command-line output, in English and Dutch."""

from chainmap.themes import Lang

CLI_MESSAGES: dict[str, dict[Lang, str]] = {
    "cli.file_not_found": {
        "en": "{path}: no such file",
        "nl": "{path}: bestand bestaat niet",
    },
    "cli.file_is_folder": {
        "en": "{path}: this is a folder, not a chain file",
        "nl": "{path}: dit is een map, geen ketenbestand",
    },
    "cli.unsupported_format": {
        "en": "{path}: unsupported file type; use .csv, .xlsx or .json",
        "nl": "{path}: bestandstype niet ondersteund; gebruik .csv, .xlsx of .json",
    },
    "cli.blocked": {
        "en": "{path}: {count} blocking error(s); fix them and try again",
        "nl": "{path}: {count} blokkerende fout(en); herstel ze en probeer het opnieuw",
    },
    "cli.valid": {
        "en": "{path}: valid chain of {nodes} sites and {links} links ({warnings} warning(s))",
        "nl": "{path}: geldige keten van {nodes} locaties en {links} leveringsrelaties "
        "({warnings} waarschuwing(en))",
    },
    "cli.convert_onto_source": {
        "en": "{path}: this is the file being converted; write the result to another file",
        "nl": "{path}: dit is het bestand dat wordt omgezet; schrijf het resultaat naar een ander bestand",
    },
    "cli.cannot_write": {
        "en": "{path}: cannot write the file ({reason})",
        "nl": "{path}: kan het bestand niet schrijven ({reason})",
    },
    "cli.converted": {
        "en": "{source} -> {target}: {nodes} sites written",
        "nl": "{source} -> {target}: {nodes} locaties geschreven",
    },
    "cli.unknown_good": {
        "en": 'warning: "{goods}" is not in the goods vocabulary, so no DOL listing can apply to it; the '
        "risk is assessed from the country and activity only",
        "nl": 'waarschuwing: "{goods}" staat niet in de goederenlijst, dus geen vermelding op de DOL-lijst '
        "kan erop van toepassing zijn; het risico is alleen naar land en activiteit beoordeeld",
    },
    "cli.unknown_country": {
        "en": '"{country}" is not a country we know; use an ISO code such as TM or the English name, '
        'or "unknown"',
        "nl": '"{country}" is geen land dat we kennen; gebruik een ISO-code zoals TM of de Engelse naam, '
        'of "unknown"',
    },
    "cli.unknown_good_close": {
        "en": 'warning: "{goods}" is not in the goods vocabulary (did you mean "{suggestion}"?), so no DOL '
        "listing can apply to it; the risk is assessed from the country and activity only",
        "nl": 'waarschuwing: "{goods}" staat niet in de goederenlijst (bedoelt u "{suggestion}"?), dus geen '
        "vermelding op de DOL-lijst kan erop van toepassing zijn; het risico is alleen naar land en "
        "activiteit beoordeeld",
    },
    "cli.unknown_country_close": {
        "en": '"{country}" is not a country we know; did you mean {suggestion} ({code})?',
        "nl": '"{country}" is geen land dat we kennen; bedoelt u {suggestion} ({code})?',
    },
    "cli.an_unknown_country": {"en": "an unknown country", "nl": "een onbekend land"},
    "cli.unknown_activity": {
        "en": '"{activity}" is not an activity we know; choose one of: {choices}',
        "nl": '"{activity}" is geen activiteit die we kennen; kies uit: {choices}',
    },
    "cli.reference_built": {
        "en": "reference tables written: {files}",
        "nl": "referentietabellen geschreven: {files}",
    },
    "cli.reference_failed": {
        "en": "reference build failed: {reason}",
        "nl": "opbouw van de referentiegegevens mislukt: {reason}",
    },
    "report.title": {
        "en": "Chain {path}: {nodes} sites, {links} links, contractor {contractor}",
        "nl": "Keten {path}: {nodes} locaties, {links} leveringsrelaties, opdrachtnemer {contractor}",
    },
    "report.hotspots": {
        "en": "Hotspots (top {shown} of {total}, most severe first)",
        "nl": "Risicopunten (top {shown} van {total}, ernstigste eerst)",
    },
    "report.risk_groups": {
        "en": "Prioritised risks: {risks} in {groups} risk groups (high or very high, set by a listing or "
        "country data)",
        "nl": "Geprioriteerde risico's: {risks} in {groups} risicogroepen (hoog of zeer hoog, uit een lijst "
        "of landgegevens)",
    },
    "report.no_risk_groups": {
        "en": "No prioritised risks: no high or very high risk backed by a listing or country data.",
        "nl": "Geen geprioriteerde risico's: geen hoog of zeer hoog risico met een lijst of landgegevens als "
        "bron.",
    },
    "report.risk_group": {
        "en": "{label}: {level}, sites: {sites}, {exposure} of volume",
        "nl": "{label}: {level}, locaties: {sites}, {exposure} van het volume",
    },
    "report.prioritised_mark": {
        "en": "prioritised: high or very high, with that level set by a listing or country data",
        "nl": "geprioriteerd: hoog of zeer hoog, met dat niveau uit een lijst of landgegevens",
    },
    "report.more_sites": {"en": "{count} more sites", "nl": "nog {count} locaties"},
    "report.more_groups": {
        "en": "… {count} more groups (--top N shows more; --format json gives all)",
        "nl": "… nog {count} groepen (--top N toont er meer; --format json geeft ze alle)",
    },
    "report.no_hotspots": {"en": "No hotspots.", "nl": "Geen risicopunten."},
    "report.col.site": {"en": "site", "nl": "locatie"},
    "report.col.country": {"en": "country", "nl": "land"},
    "report.col.theme": {"en": "theme", "nl": "thema"},
    "report.col.level": {"en": "level", "nl": "niveau"},
    "report.col.salience": {"en": "salience", "nl": "gewicht"},
    "report.col.exposure": {"en": "exposure", "nl": "aandeel"},
    "report.structure": {"en": "Structure", "nl": "Structuur"},
    "report.tiers": {"en": "tiers (sites per tier)", "nl": "schakels (locaties per schakel)"},
    "report.traced_share": {"en": "traced to raw material", "nl": "herleid tot grondstof"},
    "report.unknown_nodes": {"en": "unknown parts", "nl": "onbekende delen"},
    "report.unknown_countries": {"en": "sites with unknown country", "nl": "locaties met onbekend land"},
    "report.critical_nodes": {
        "en": "critical sites (all volume passes through)",
        "nl": "kritieke locaties (al het volume gaat erdoorheen)",
    },
    "report.exposure_by_country": {"en": "exposure by country", "nl": "aandeel per land"},
    "report.findings": {"en": "Findings", "nl": "Bevindingen"},
    "report.no_findings": {"en": "No findings.", "nl": "Geen bevindingen."},
    "report.findings_grouped": {
        "en": "({count} findings are shown in groups; --all-findings lists each one.)",
        "nl": "({count} bevindingen staan in groepen; --all-findings toont ze elk afzonderlijk.)",
    },
    "report.none": {"en": "none", "nl": "geen"},
    "report.baseline": {"en": "baseline", "nl": "sectorinschatting (geen landgegevens)"},
    "screening.not_clearance": {
        "en": "No match is not clearance: the site name is compared with the names and other names of the "
        "UFLPA Entity List only; subsidiaries under other names, translations, abbreviations and names in "
        "Chinese script are not found. Confirm on the DHS page (dhs.gov/uflpa-entity-list) before any "
        "compliance decision.",
        "nl": "Geen treffer is geen vrijwaring: de naam van de locatie wordt alleen vergeleken met de namen "
        "en andere namen op de UFLPA Entity List; dochterondernemingen onder een andere naam, vertalingen, "
        "afkortingen en namen in Chinees schrift worden niet gevonden. Controleer op de pagina van DHS "
        "(dhs.gov/uflpa-entity-list) voor een nalevingsbesluit.",
    },
    "screening.listing": {
        "en": "UFLPA screening of “{name}”: on the list as “{entity}”.",
        "nl": "UFLPA-screening van “{name}”: op de lijst als “{entity}”.",
    },
    "screening.possible": {
        "en": "UFLPA screening of “{name}”: possible match with {entities}, to verify (see forced labour).",
        "nl": "UFLPA-screening van “{name}”: mogelijke treffer met {entities}, te controleren (zie "
        "dwangarbeid).",
    },
    "screening.none": {
        "en": "UFLPA screening of “{name}”: no match.",
        "nl": "UFLPA-screening van “{name}”: geen treffer.",
    },
    "report.screening": {
        "en": "UFLPA screening of {sites} site names: {listings} on the list, {possible} possible matches to "
        "verify.",
        "nl": "UFLPA-screening van {sites} locatienamen: {listings} op de lijst, {possible} mogelijke "
        "treffers te controleren.",
    },
    "risk.title": {
        "en": "{goods} from {country} ({activity})",
        "nl": "{goods} uit {country} ({activity})",
    },
    "diff.title": {
        "en": "Changes from {old} to {new}",
        "nl": "Wijzigingen van {old} naar {new}",
    },
    "diff.no_changes": {"en": "No changes.", "nl": "Geen wijzigingen."},
    "diff.nodes_added": {"en": "Sites added ({count})", "nl": "Locaties toegevoegd ({count})"},
    "diff.nodes_removed": {"en": "Sites removed ({count})", "nl": "Locaties verwijderd ({count})"},
    "diff.links_added": {"en": "Links added ({count})", "nl": "Leveringsrelaties toegevoegd ({count})"},
    "diff.links_removed": {"en": "Links removed ({count})", "nl": "Leveringsrelaties verwijderd ({count})"},
    "diff.changed": {"en": "Changed ({count})", "nl": "Gewijzigd ({count})"},
    "diff.risk_changes": {
        "en": "Risk levels changed ({count})",
        "nl": "Risiconiveaus gewijzigd ({count})",
    },
    "diff.risks_removed": {
        "en": "High risks gone with the sites removed ({count})",
        "nl": "Hoge risico's weg met de verwijderde locaties ({count})",
    },
    "diff.risks_added": {
        "en": "High risks come with the sites added ({count})",
        "nl": "Hoge risico's bij de toegevoegde locaties ({count})",
    },
    "diff.up": {"en": "up", "nl": "omhoog"},
    "diff.down": {"en": "down", "nl": "omlaag"},
    "report.empty": {"en": "(empty)", "nl": "(leeg)"},
    "report.unknown_country": {"en": "unknown", "nl": "onbekend"},
    "severity.error": {"en": "error", "nl": "fout"},
    "severity.warning": {"en": "warning", "nl": "waarschuwing"},
    "column.name": {"en": "name", "nl": "naam"},
    "column.country": {"en": "country", "nl": "land"},
    "column.activity": {"en": "activity", "nl": "activiteit"},
    "column.goods": {"en": "goods", "nl": "goederen"},
    "column.share": {"en": "share", "nl": "aandeel"},
    "cli.map_needs_table": {
        "en": "{path}: --map reads a CSV or XLSX list; a JSON file is a chain file already.",
        "nl": "{path}: --map leest een CSV- of XLSX-lijst; een JSON-bestand is al een ketenbestand.",
    },
    "cli.map_unreadable": {
        "en": "cannot read the mapping file {path}: {reason}",
        "nl": "kan het koppelingsbestand {path} niet lezen: {reason}",
    },
    "cli.map_invalid": {
        "en": "the mapping file {path} cannot be used: {problems}",
        "nl": "het koppelingsbestand {path} is niet te gebruiken: {problems}",
    },
    "csv.col.rank": {"en": "rank", "nl": "rang"},
    "csv.col.node": {"en": "site id", "nl": "locatie-id"},
    "csv.col.name": {"en": "site", "nl": "locatie"},
    "csv.col.country": {"en": "country", "nl": "land"},
    "csv.col.tier": {"en": "tier", "nl": "schakel"},
    "csv.col.theme": {"en": "theme", "nl": "thema"},
    "csv.col.level": {"en": "level", "nl": "niveau"},
    "csv.col.likelihood": {"en": "likelihood", "nl": "waarschijnlijkheid"},
    "csv.col.exposure": {"en": "exposure", "nl": "aandeel"},
    "csv.col.salience": {"en": "salience", "nl": "gewicht"},
    "csv.col.prioritised": {"en": "prioritised", "nl": "geprioriteerd"},
    "csv.col.reasons": {"en": "reasons", "nl": "redenen"},
    "csv.col.sources": {"en": "sources", "nl": "bronnen"},
    "csv.yes": {"en": "yes", "nl": "ja"},
    "csv.no": {"en": "no", "nl": "nee"},
}
