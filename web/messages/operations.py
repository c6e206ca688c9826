"""Texts of the operator's commands (demo, backup, restore), in Dutch and English."""

from typing import Final

from chainmap.themes import Lang

OPERATIONS_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "operations.demo_in_production": {
        "en": "chainmap: the demo adds accounts with a published password; it does not run when "
        "CHAINMAP_ENVIRONMENT=production",
        "nl": "chainmap: de demo maakt accounts met een openbaar wachtwoord aan; hij draait niet als "
        "CHAINMAP_ENVIRONMENT=production",
    },
    "operations.backup_done": {
        "en": "backup of the {database} database (schema {revision}) and {files} uploaded file(s) in {path}",
        "nl": "back-up van de {database}-database (schema {revision}) en {files} geüploade bestand(en) in "
        "{path}",
    },
    "operations.restore_done": {
        "en": "restored the {database} database of {created_at} (schema {revision}) and {files} uploaded "
        "file(s) from {path}; run `chainmap db upgrade` before starting the app",
        "nl": "de {database}-database van {created_at} (schema {revision}) en {files} geüploade bestand(en) "
        "teruggezet uit {path}; voer `chainmap db upgrade` uit voordat u de app start",
    },
    "operations.report_no_contract": {
        "en": "chainmap: no contract{whose} has the reference {reference!r}",
        "nl": "chainmap: geen contract{whose} heeft het kenmerk {reference!r}",
    },
    "operations.report_of_buyer": {"en": " of {buyer}", "nl": " van {buyer}"},
    "operations.report_several_buyers": {
        "en": "chainmap: {count} buyers use the reference {reference!r} ({buyers}); name one with --buyer",
        "nl": "chainmap: {count} inkopers gebruiken het kenmerk {reference!r} ({buyers}); noem er een met "
        "--buyer",
    },
    "operations.report_written": {
        "en": "report of {reference} ({title}) written to {path}",
        "nl": "rapportage van {reference} ({title}) geschreven naar {path}",
    },
    "operations.report_not_written": {
        "en": "chainmap: the report could not be written to {path}: {reason}",
        "nl": "chainmap: de rapportage kon niet worden geschreven naar {path}: {reason}",
    },
    "operations.backup_target_not_empty": {
        "en": "chainmap: {path} is not an empty folder; name a new one for the backup",
        "nl": "chainmap: {path} is geen lege map; geef een nieuwe map op voor de back-up",
    },
    "operations.backup_no_schema": {
        "en": "chainmap: the database has no chainmap schema; nothing to back up",
        "nl": "chainmap: de database heeft geen chainmap-schema; er valt niets te back-uppen",
    },
    "operations.backup_unsupported_database": {
        "en": "chainmap: backup and restore work on a SQLite file or PostgreSQL, not on {backend}",
        "nl": "chainmap: back-up en herstel werken met een SQLite-bestand of PostgreSQL, niet met {backend}",
    },
    "operations.backup_tool_missing": {
        "en": "chainmap: {tool} is not on PATH; install the PostgreSQL client tools of the server's version",
        "nl": "chainmap: {tool} staat niet in PATH; installeer de PostgreSQL-clienttools van de versie van "
        "de server",
    },
    "operations.backup_tool_failed": {
        "en": "chainmap: {tool} failed: {reason}",
        "nl": "chainmap: {tool} is mislukt: {reason}",
    },
    "operations.restore_no_manifest": {
        "en": "chainmap: {path} holds no chainmap backup (its manifest.json is missing or unreadable)",
        "nl": "chainmap: {path} bevat geen chainmap-back-up (manifest.json ontbreekt of is onleesbaar)",
    },
    "operations.restore_other_database": {
        "en": "chainmap: this is a backup of a {backup} database; it cannot be restored into {target}",
        "nl": "chainmap: dit is een back-up van een {backup}-database; die kan niet in {target} worden "
        "teruggezet",
    },
    "operations.restore_checksums": {
        "en": "chainmap: the files in {path} do not match the manifest's checksums; the backup is damaged "
        "or incomplete, nothing was restored",
        "nl": "chainmap: de bestanden in {path} kloppen niet met de controlesommen van het manifest; de "
        "back-up is beschadigd of onvolledig, er is niets teruggezet",
    },
    "operations.restore_newer_schema": {
        "en": "chainmap: the backup has schema revision {revision}, which this version of chainmap does not "
        "know; restore it with the chainmap that made it",
        "nl": "chainmap: de back-up heeft schemaversie {revision}, die deze versie van chainmap niet kent; "
        "zet hem terug met de chainmap die hem maakte",
    },
    "operations.restore_not_empty": {
        "en": "chainmap: the database holds data (tables {tables}); restoring would replace it. Use --force "
        "to replace it anyway",
        "nl": "chainmap: de database bevat gegevens (tabellen {tables}); terugzetten zou ze vervangen. "
        "Gebruik --force om ze toch te vervangen",
    },
    "operations.restore_uploads_not_empty": {
        "en": "chainmap: the upload folder {path} holds files; restoring would replace them. Use --force to "
        "replace them anyway",
        "nl": "chainmap: de uploadmap {path} bevat bestanden; terugzetten zou ze vervangen. Gebruik --force "
        "om ze toch te vervangen",
    },
}
