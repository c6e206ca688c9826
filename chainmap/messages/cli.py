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
        "nl": "{path}: geldige keten van {nodes} locaties en {links} schakels ({warnings} waarschuwing(en))",
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
        "en": '"{goods}" is not in the goods vocabulary; try a name from the DOL list such as Cotton',
        "nl": '"{goods}" staat niet in de goederenlijst; probeer een naam van de DOL-lijst, zoals Cotton',
    },
    "cli.unknown_country": {
        "en": '"{country}" is not a country we know; use an ISO code such as TM or the English name, '
        'or "unknown"',
        "nl": '"{country}" is geen land dat we kennen; gebruik een ISO-code zoals TM of de Engelse naam, '
        'of "unknown"',
    },
    "cli.unknown_good_close": {
        "en": '"{goods}" is not in the goods vocabulary; did you mean "{suggestion}"?',
        "nl": '"{goods}" staat niet in de goederenlijst; bedoelt u "{suggestion}"?',
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
        "nl": "Keten {path}: {nodes} locaties, {links} schakels, opdrachtnemer {contractor}",
    },
    "report.hotspots": {
        "en": "Hotspots (top {shown} of {total}, by salience)",
        "nl": "Risicopunten (top {shown} van {total}, naar prioriteit)",
    },
    "report.no_hotspots": {"en": "No hotspots.", "nl": "Geen risicopunten."},
    "report.col.site": {"en": "site", "nl": "locatie"},
    "report.col.country": {"en": "country", "nl": "land"},
    "report.col.theme": {"en": "theme", "nl": "thema"},
    "report.col.level": {"en": "level", "nl": "niveau"},
    "report.col.salience": {"en": "salience", "nl": "prioriteit"},
    "report.col.exposure": {"en": "exposure", "nl": "aandeel"},
    "report.structure": {"en": "Structure", "nl": "Structuur"},
    "report.tiers": {"en": "tiers (sites per tier)", "nl": "lagen (locaties per laag)"},
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
    "report.baseline": {"en": "baseline", "nl": "basisniveau"},
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
    "diff.links_added": {"en": "Links added ({count})", "nl": "Schakels toegevoegd ({count})"},
    "diff.links_removed": {"en": "Links removed ({count})", "nl": "Schakels verwijderd ({count})"},
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
}
