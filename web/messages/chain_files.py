"""Texts of the chain file page (upload, template, downloads), in Dutch and English. What a file's rows
get wrong is said by the core's findings (`chainmap.messages`), as on the command line."""

from typing import Final

from chainmap.themes import Lang

CHAIN_FILE_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "chain_files.title": {"en": "Chain file", "nl": "Ketenbestand"},
    "chain_files.to_contract": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "chain_files.to_form": {"en": "Edit the chain in the form", "nl": "Keten bewerken in het formulier"},
    "chain_files.intro": {
        "en": "Fill in your chain in a spreadsheet and upload it here, or download your chain as a file.",
        "nl": "Vul uw keten in een spreadsheet in en upload die hier, of download uw keten als bestand.",
    },
    "chain_files.upload_title": {"en": "Upload a file", "nl": "Bestand uploaden"},
    "chain_files.upload_hint": {
        "en": "A CSV, Excel (.xlsx) or JSON file with one row per site, of at most {limit} MB. It replaces "
        "your whole draft; a file with errors changes nothing.",
        "nl": "Een CSV-, Excel- (.xlsx) of JSON-bestand met één rij per locatie, van hoogstens {limit} MB. "
        "Het vervangt uw hele concept; een bestand met fouten verandert niets.",
    },
    "chain_files.file_label": {
        "en": "Chain file (.csv, .xlsx or .json)",
        "nl": "Ketenbestand (.csv, .xlsx of .json)",
    },
    "chain_files.upload_button": {"en": "Upload", "nl": "Uploaden"},
    "chain_files.template_title": {"en": "Template", "nl": "Sjabloon"},
    "chain_files.template_text": {
        "en": "An Excel workbook with the columns, an example, drop-down lists for country and activity, "
        "and instructions in English.",
        "nl": "Een Excel-werkmap met de kolommen, een voorbeeld, keuzelijsten voor land en activiteit, en "
        "uitleg in het Nederlands.",
    },
    "chain_files.template_link": {"en": "Download the template (.xlsx)", "nl": "Sjabloon downloaden (.xlsx)"},
    "chain_files.draft_title": {"en": "Your draft", "nl": "Uw concept"},
    "chain_files.draft_empty": {
        "en": "Your draft has no sites yet.",
        "nl": "Uw concept heeft nog geen locaties.",
    },
    "chain_files.draft_counts": {
        "en": "Sites: {sites} · errors: {errors} · warnings: {warnings}",
        "nl": "Locaties: {sites} · fouten: {errors} · waarschuwingen: {warnings}",
    },
    "chain_files.draft_download": {"en": "Download the draft:", "nl": "Concept downloaden:"},
    "chain_files.format.csv": {"en": "CSV (Excel, semicolons)", "nl": "CSV (Excel, puntkomma's)"},
    "chain_files.format.xlsx": {"en": "Excel (.xlsx)", "nl": "Excel (.xlsx)"},
    "chain_files.format.json": {"en": "JSON", "nl": "JSON"},
    "chain_files.json_needs_valid": {
        "en": "JSON only for a valid chain: correct the draft's errors ({errors}) first.",
        "nl": "JSON alleen voor een geldige keten: verbeter eerst de fouten in het concept ({errors}).",
    },
    "chain_files.versions_title": {"en": "Submitted versions", "nl": "Ingediende versies"},
    "chain_files.version": {"en": "Version {number}", "nl": "Versie {number}"},
    "chain_files.version_line": {
        "en": "submitted {when}, sites: {sites}",
        "nl": "ingediend {when}, locaties: {sites}",
    },
    "chain_files.loaded": {
        "en": "Sites loaded from the file into your draft: {sites}.",
        "nl": "Locaties uit het bestand in uw concept geladen: {sites}.",
    },
    "chain_files.loaded_warnings": {
        "en": "The draft has warnings ({count}); they do not stop you from submitting it. Row numbers are "
        "those of the draft's download.",
        "nl": "Het concept heeft waarschuwingen ({count}); die houden indienen niet tegen. Rijnummers zijn "
        "die van de download van het concept.",
    },
    "chain_files.refused": {
        "en": "The file was not loaded because of the errors below ({count}). Your draft is unchanged.",
        "nl": "Het bestand is niet geladen vanwege de fouten hieronder ({count}). Uw concept is niet "
        "gewijzigd.",
    },
    "chain_files.refused_hint": {
        "en": "Correct the file and upload it again. Row numbers are the rows of your file.",
        "nl": "Verbeter het bestand en upload het opnieuw. Rijnummers zijn de rijen van uw bestand.",
    },
    "chain_files.errors_caption": {"en": "Errors in the file", "nl": "Fouten in het bestand"},
    "chain_files.warnings_caption": {"en": "Warnings", "nl": "Waarschuwingen"},
    "chain_files.col.row": {"en": "Row", "nl": "Rij"},
    "chain_files.col.column": {"en": "Column", "nl": "Kolom"},
    "chain_files.col.message": {"en": "Problem", "nl": "Probleem"},
    "chain_files.whole_file": {"en": "whole file", "nl": "hele bestand"},
    "chain_files.error.no_file": {"en": "Choose a file to upload.", "nl": "Kies een bestand om te uploaden."},
    "chain_files.error.too_large": {
        "en": "The file is larger than {limit} MB, more than a chain on this site holds. Remove what is not "
        "part of the chain, or save it as CSV, which is smaller.",
        "nl": "Het bestand is groter dan {limit} MB, meer dan een keten op deze site bevat. Verwijder wat er "
        "niet bij hoort, of sla het op als CSV, dat kleiner is.",
    },
    "chain_files.error.too_long": {
        "en": "Row {row}: the {column} cell is longer than {limit} characters.",
        "nl": "Rij {row}: de cel {column} is langer dan {limit} tekens.",
    },
    "chain_files.unavailable_title": {"en": "No JSON for this chain", "nl": "Geen JSON voor deze keten"},
    "chain_files.unavailable": {
        "en": "JSON holds a valid chain only, and this chain has errors ({errors}). Download it as CSV or "
        "Excel, or correct the errors first.",
        "nl": "JSON bevat alleen een geldige keten, en deze keten heeft fouten ({errors}). Download hem als "
        "CSV of Excel, of verbeter eerst de fouten.",
    },
    "chain_files.back": {"en": "Back", "nl": "Terug"},
    "chain_files.upload_hint_sites": {
        "en": "A CSV, Excel (.xlsx) or JSON file with one row per site, of at most {limit} MB and {sites} "
        "sites. It replaces your whole draft; a file with errors changes nothing. Your own list in another "
        "layout works too: you then say which of its columns is which.",
        "nl": "Een CSV-, Excel- (.xlsx) of JSON-bestand met één rij per locatie, van hoogstens {limit} MB en "
        "{sites} locaties. Het vervangt uw hele concept; een bestand met fouten verandert niets. Uw eigen "
        "lijst in een andere opmaak kan ook: u geeft dan aan welke kolom wat is.",
    },
    "chain_files.progress.label": {"en": "Upload progress", "nl": "Voortgang van de upload"},
    "chain_files.progress.uploading": {"en": "Uploading… {percent}%", "nl": "Uploaden… {percent}%"},
    "chain_files.progress.checking": {
        "en": "Uploaded; checking the file…",
        "nl": "Geüpload; het bestand wordt gecontroleerd…",
    },
    "chain_files.mapping.hint": {
        "en": "A factory list or an Open Supply Hub export (columns such as “Factory Name”, "
        "“Country/Region”, “Product Type”) can be uploaded as it is: you then match its columns to the "
        "chain's.",
        "nl": "Een fabriekslijst of een export van Open Supply Hub (kolommen als “Factory Name”, "
        "“Country/Region”, “Product Type”) kunt u uploaden zoals hij is: u koppelt dan de kolommen aan die "
        "van de keten.",
    },
    "chain_files.mapping.title": {
        "en": "Match the columns of your list",
        "nl": "Kolommen van uw lijst koppelen",
    },
    "chain_files.mapping.intro": {
        "en": "The columns of {filename} are not those of the chain format. Choose for each chain column the "
        "column of your file it comes from; we suggested what the names say. Check the preview, then import.",
        "nl": "De kolommen van {filename} zijn niet die van het ketenformaat. Kies voor elke ketenkolom de "
        "kolom van uw bestand waar hij vandaan komt; wat de namen zeggen is al voorgesteld. Controleer het "
        "voorbeeld en importeer dan.",
    },
    "chain_files.mapping.remembered": {
        "en": "This is the mapping your organisation used for a file with these columns on {when}.",
        "nl": "Dit is de koppeling die uw organisatie op {when} gebruikte voor een bestand met deze "
        "kolommen.",
    },
    "chain_files.mapping.columns_legend": {
        "en": "Chain column: from which column of your file",
        "nl": "Ketenkolom: uit welke kolom van uw bestand",
    },
    "chain_files.mapping.column.id": {
        "en": "id (empty: the row number, e.g. R2)",
        "nl": "id (leeg: het rijnummer, bijv. R2)",
    },
    "chain_files.mapping.column.name": {"en": "name", "nl": "name (naam)"},
    "chain_files.mapping.column.country": {"en": "country", "nl": "country (land)"},
    "chain_files.mapping.column.activity": {"en": "activity", "nl": "activity (activiteit)"},
    "chain_files.mapping.column.goods": {"en": "goods", "nl": "goods (goederen)"},
    "chain_files.mapping.column.supplies_to": {
        "en": "supplies_to (customer)",
        "nl": "supplies_to (levert aan)",
    },
    "chain_files.mapping.column.share": {"en": "share", "nl": "share (aandeel)"},
    "chain_files.mapping.column.region": {"en": "region", "nl": "region (regio)"},
    "chain_files.mapping.status_legend": {"en": "Closed facilities", "nl": "Gesloten locaties"},
    "chain_files.mapping.column.status": {
        "en": "Facility status (is_closed, Status)",
        "nl": "Status van de locatie (is_closed, Status)",
    },
    "chain_files.mapping.status_hint": {
        "en": "Rows of closed facilities (true, yes, 1, closed, inactive) are left out of the chain.",
        "nl": "Rijen van gesloten locaties (true, ja, 1, gesloten, inactief) worden niet in de keten "
        "opgenomen.",
    },
    "chain_files.mapping.notes_label": {
        "en": "About the rows of the preview",
        "nl": "Over de rijen van het voorbeeld",
    },
    "chain_files.mapping.closed_left_out": {
        "en": "{count} closed facilities were left out of the chain, as the file's status column says.",
        "nl": "{count} gesloten locaties zijn niet in de keten opgenomen, zoals de statuskolom van het "
        "bestand zegt.",
    },
    "chain_files.mapping.no_column": {"en": "— not in the file —", "nl": "— niet in het bestand —"},
    "chain_files.mapping.defaults_legend": {
        "en": "For rows where the file says nothing",
        "nl": "Voor rijen waar het bestand niets zegt",
    },
    "chain_files.mapping.default.country": {"en": "Country", "nl": "Land"},
    "chain_files.mapping.default.activity": {"en": "Activity", "nl": "Activiteit"},
    "chain_files.mapping.default.share": {"en": "Share (%)", "nl": "Aandeel (%)"},
    "chain_files.mapping.customer_legend": {
        "en": "Customer of rows without one",
        "nl": "Afnemer van rijen zonder afnemer",
    },
    "chain_files.mapping.customer.contractor": {
        "en": "The contractor: all are its direct suppliers (tier 1); its site is added:",
        "nl": "De opdrachtnemer: alle zijn directe leveranciers (tier 1); de locatie ervan wordt toegevoegd:",
    },
    "chain_files.mapping.contractor.id": {"en": "Contractor's id", "nl": "Id van de opdrachtnemer"},
    "chain_files.mapping.contractor.name": {"en": "Contractor's name", "nl": "Naam van de opdrachtnemer"},
    "chain_files.mapping.contractor.country": {
        "en": "Contractor's country",
        "nl": "Land van de opdrachtnemer",
    },
    "chain_files.mapping.contractor.activity": {
        "en": "Contractor's activity",
        "nl": "Activiteit van de opdrachtnemer",
    },
    "chain_files.mapping.customer.site": {
        "en": "A site in the file, with the id:",
        "nl": "Een locatie in het bestand, met het id:",
    },
    "chain_files.mapping.customer.site_id": {"en": "Id of the customer", "nl": "Id van de afnemer"},
    "chain_files.mapping.customer.file": {
        "en": "None: the file names each row's customer (one row is the contractor)",
        "nl": "Geen: het bestand noemt de afnemer van elke rij (één rij is de opdrachtnemer)",
    },
    "chain_files.mapping.left_out": {
        "en": "Columns not imported: {columns}.",
        "nl": "Kolommen die niet worden geïmporteerd: {columns}.",
    },
    "chain_files.mapping.import": {"en": "Import", "nl": "Importeren"},
    "chain_files.mapping.importing": {
        "en": "Importing and checking the file…",
        "nl": "Het bestand wordt geïmporteerd en gecontroleerd…",
    },
    "chain_files.mapping.preview_button": {"en": "Show the preview", "nl": "Voorbeeld tonen"},
    "chain_files.mapping.download": {
        "en": "Download the mapping (.json)",
        "nl": "Koppeling downloaden (.json)",
    },
    "chain_files.mapping.cancel": {"en": "Cancel", "nl": "Annuleren"},
    "chain_files.mapping.preview_caption": {
        "en": "Preview: the first rows as they will be imported ({count})",
        "nl": "Voorbeeld: de eerste rijen zoals ze worden geïmporteerd ({count})",
    },
    "chain_files.mapping.no_preview": {
        "en": "No preview yet: complete the mapping first.",
        "nl": "Nog geen voorbeeld: maak eerst de koppeling af.",
    },
    "chain_files.mapping.added_row": {"en": "added", "nl": "toegevoegd"},
}
