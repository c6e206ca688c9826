"""User-facing messages of the column mapping (`chainmap.chainfile.mapping`): what keeps a mapping from
being read or applied, in English and Dutch. Chain column names stay as the format spells them (id,
name, country, activity, goods, supplies_to, share, region); the file's own column names are quoted as
the file has them.
"""

from chainmap.themes import Lang

MAPPING_MESSAGES: dict[str, dict[Lang, str]] = {
    "mapping.header_missing": {
        "en": "The mapping takes {target} from the column “{header}”, which the file does not have. Choose "
        "one of the file's columns.",
        "nl": "De koppeling haalt {target} uit de kolom “{header}”, die het bestand niet heeft. Kies een "
        "kolom van het bestand.",
    },
    "mapping.header_repeated": {
        "en": "The file has more than one column “{header}”, so it is unclear which one to take. Give the "
        "columns different names.",
        "nl": "Het bestand heeft meer dan één kolom “{header}”, zodat niet duidelijk is welke te nemen. Geef "
        "de kolommen verschillende namen.",
    },
    "mapping.id_default": {
        "en": "id cannot have one value for every row: ids must differ. Choose a column, or none to number "
        "the rows.",
        "nl": "id kan niet voor elke rij dezelfde waarde hebben: id's moeten verschillen. Kies een kolom, of "
        "geen om de rijen te nummeren.",
    },
    "mapping.unmapped_name": {
        "en": "Choose the column that holds the name of each site.",
        "nl": "Kies de kolom met de naam van elke locatie.",
    },
    "mapping.unmapped_country": {
        "en": "Choose the column that holds the country, or give one for every row (“unknown” is allowed).",
        "nl": "Kies de kolom met het land, of geef er één voor elke rij (“unknown” mag).",
    },
    "mapping.unmapped_activity": {
        "en": "Choose the column that holds the activity, or give one for every row (for example "
        "manufacturing).",
        "nl": "Kies de kolom met de activiteit, of geef er één voor elke rij (bijvoorbeeld manufacturing).",
    },
    "mapping.unmapped_supplies_to": {
        "en": "Say whom the sites supply: choose the column with their customer, or the customer for rows "
        "without one (for example the contractor).",
        "nl": "Geef aan aan wie de locaties leveren: kies de kolom met hun afnemer, of de afnemer voor rijen "
        "zonder afnemer (bijvoorbeeld de opdrachtnemer).",
    },
    "mapping.contractor_id_missing": {
        "en": "Give the contractor's site an id.",
        "nl": "Geef de locatie van de opdrachtnemer een id.",
    },
    "mapping.contractor_name_missing": {
        "en": "Give the contractor's site a name.",
        "nl": "Geef de locatie van de opdrachtnemer een naam.",
    },
    "mapping.file_too_large": {
        "en": "The mapping file is larger than {limit_kb} kB; a mapping is a few hundred bytes.",
        "nl": "Het koppelingsbestand is groter dan {limit_kb} kB; een koppeling is een paar honderd bytes.",
    },
    "mapping.file_not_json": {
        "en": "The mapping file is not JSON (UTF-8).",
        "nl": "Het koppelingsbestand is geen JSON (UTF-8).",
    },
    "mapping.file_not_object": {
        "en": "The mapping file must hold one JSON object with “version”, “columns” and “defaults”.",
        "nl": "Het koppelingsbestand moet één JSON-object bevatten met “version”, “columns” en “defaults”.",
    },
    "mapping.version": {
        "en": "The mapping file has version {version}; this chainmap reads versions {wanted}.",
        "nl": "Het koppelingsbestand heeft versie {version}; deze chainmap leest versies {wanted}.",
    },
    "mapping.key_unknown": {
        "en": "The mapping file has the key “{key}”, which a mapping does not have. Use kind, version, "
        "columns, defaults, contractor and status.",
        "nl": "Het koppelingsbestand heeft de sleutel “{key}”, die een koppeling niet kent. Gebruik kind, "
        "version, columns, defaults, contractor en status.",
    },
    "mapping.part_not_object": {
        "en": "“{part}” in the mapping file must be an object of chain column to value.",
        "nl": "“{part}” in het koppelingsbestand moet een object van ketenkolom naar waarde zijn.",
    },
    "mapping.column_unknown": {
        "en": "“{target}” in “{part}” is not a column of the chain format (id, name, country, activity, "
        "goods, supplies_to, share, region).",
        "nl": "“{target}” in “{part}” is geen kolom van het ketenformaat (id, name, country, activity, "
        "goods, supplies_to, share, region).",
    },
    "mapping.source_not_text": {
        "en": "The columns for {column} must be a column name or a list of column names.",
        "nl": "De kolommen voor {column} moeten een kolomnaam of een lijst van kolomnamen zijn.",
    },
    "mapping.default_not_text": {
        "en": "The default for {column} must be text.",
        "nl": "De standaardwaarde voor {column} moet tekst zijn.",
    },
    "mapping.contractor_not_object": {
        "en": "“contractor” in the mapping file must be an object with the texts id, name, country and "
        "activity.",
        "nl": "“contractor” in het koppelingsbestand moet een object zijn met de teksten id, name, "
        "country en activity.",
    },
    "mapping.contractor_key_unknown": {
        "en": "The contractor in the mapping file has the key “{key}”; use id, name, country and activity.",
        "nl": "De opdrachtnemer in het koppelingsbestand heeft de sleutel “{key}”; gebruik id, name, country "
        "en activity.",
    },
    "mapping.too_many_columns": {
        "en": "The file's header has {count} columns; a list of sites has at most {limit}. Remove the "
        "columns that are not about the sites.",
        "nl": "De kopregel van het bestand heeft {count} kolommen; een lijst van locaties heeft er hoogstens "
        "{limit}. Verwijder de kolommen die niet over de locaties gaan.",
    },
    "mapping.status_not_text": {
        "en": "“status” in the mapping file must be the name of the file's status column.",
        "nl": "“status” in het koppelingsbestand moet de naam van de statuskolom van het bestand zijn.",
    },
    "mapping.status_missing": {
        "en": "The mapping takes the facility status from the column “{header}”, which the file does not "
        "have. Choose one of the file's columns, or none.",
        "nl": "De koppeling haalt de status van de locatie uit de kolom “{header}”, die het bestand niet "
        "heeft. Kies een kolom van het bestand, of geen.",
    },
    "mapping.status_repeated": {
        "en": "The file has more than one column “{header}”, so it is unclear which one says whether a "
        "facility is closed. Give the columns different names.",
        "nl": "Het bestand heeft meer dan één kolom “{header}”, zodat niet duidelijk is welke zegt of een "
        "locatie gesloten is. Geef de kolommen verschillende namen.",
    },
    "mapping.closed_left_out_one": {
        "en": "1 closed facility (“{header}” says so) is left out of the chain: row {rows}.",
        "nl": "1 gesloten locatie (volgens “{header}”) is niet in de keten opgenomen: rij {rows}.",
    },
    "mapping.closed_left_out": {
        "en": "{count} closed facilities (“{header}” says so) are left out of the chain: rows {rows}.",
        "nl": "{count} gesloten locaties (volgens “{header}”) zijn niet in de keten opgenomen: rijen {rows}.",
    },
    "mapping.closed_left_out_more": {
        "en": "{count} closed facilities (“{header}” says so) are left out of the chain: rows {rows} and "
        "{rest} more.",
        "nl": "{count} gesloten locaties (volgens “{header}”) zijn niet in de keten opgenomen: rijen {rows} "
        "en nog {rest}.",
    },
    "mapping.status_unknown": {
        "en": "Row {row}: the status “{value}” in “{header}” is neither open nor closed as chainmap reads it "
        "(closed: true, yes, 1, closed, inactive; open: false, no, 0, active, open, or empty). The site is "
        "imported; leave it out of the file if it is closed.",
        "nl": "Rij {row}: de status “{value}” in “{header}” is voor chainmap open noch gesloten (gesloten: "
        "true, ja, 1, gesloten, inactief; open: false, nee, 0, actief, open, of leeg). De locatie wordt "
        "geïmporteerd; laat haar weg uit het bestand als ze gesloten is.",
    },
    "group.mapping.status_unknown": {
        "en": "{count} rows have a status that is neither open nor closed; they are imported: {places}.",
        "nl": "{count} rijen hebben een status die open noch gesloten is; ze worden geïmporteerd: {places}.",
    },
    "mapping.all_closed": {
        "en": "Every row of the file ({count}) is a closed facility according to “{header}”, so no site is "
        "left to import. Check the column chosen for the facility status, or upload a list of the "
        "facilities that still supply you.",
        "nl": "Elke rij van het bestand ({count}) is volgens “{header}” een gesloten locatie, dus er blijft "
        "geen locatie over om te importeren. Controleer de kolom voor de status, of upload een lijst van "
        "de locaties die nog aan u leveren.",
    },
    "mapping.all_closed_so_far": {
        "en": "The first {count} rows of the file are all closed facilities according to “{header}”, so "
        "there is nothing to preview. Check the column chosen for the facility status.",
        "nl": "De eerste {count} rijen van het bestand zijn volgens “{header}” allemaal gesloten locaties, "
        "dus er is niets om te tonen. Controleer de kolom voor de status.",
    },
    "mapping.customer_closed": {
        "en": 'Row {row}, column "supplies_to": the customer "{value}" is the closed facility of row '
        "{closed_row}, which is left out of the chain. Give this row the customer it supplies now, or mark "
        "it closed too.",
        "nl": 'Rij {row}, kolom "supplies_to": de afnemer "{value}" is de gesloten locatie van rij '
        "{closed_row}, die niet in de keten wordt opgenomen. Geef deze rij de afnemer waaraan ze nu levert, "
        "of markeer haar ook als gesloten.",
    },
}
