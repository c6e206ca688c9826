"""User-facing messages: findings about chain files and chain graphs, in English and Dutch.

Written for the supplier who filled in the file, not for a programmer: each message says where the
problem is (row and column as the spreadsheet shows them, or the site ids), quotes the value that was
wrong and says what to do. Column names stay as the file format spells them (id, name, country,
activity, goods, supplies_to, share) in both languages, because that is what the header row holds.
"""

from chainmap.activities import ACTIVITIES
from chainmap.themes import Lang

_ACTIVITIES = ", ".join(sorted(ACTIVITIES))

FINDING_MESSAGES: dict[str, dict[Lang, str]] = {
    # The file as a whole.
    "chain.file_too_large": {
        "en": "The file is {size_mb} MB; files up to {limit_mb} MB can be read. Split the chain or "
        "remove what is not part of it.",
        "nl": "Het bestand is {size_mb} MB; bestanden tot {limit_mb} MB kunnen worden gelezen. Splits de "
        "keten of verwijder wat er niet bij hoort.",
    },
    "chain.file_too_many_rows": {
        "en": "The file has more than {limit} rows; at most {limit} sites can be read from one file.",
        "nl": "Het bestand heeft meer dan {limit} rijen; er kunnen hoogstens {limit} locaties uit één "
        "bestand worden gelezen.",
    },
    "chain.file_empty": {
        "en": "The file is empty. Start with a header row: id, name, country, activity, goods, "
        "supplies_to, share.",
        "nl": "Het bestand is leeg. Begin met een kopregel: id, name, country, activity, goods, "
        "supplies_to, share.",
    },
    "chain.file_not_text": {
        "en": "The file cannot be read as CSV text. In Excel, save it as “CSV UTF-8” or “CSV "
        "(semicolon delimited)”, or upload the .xlsx file itself.",
        "nl": "Het bestand is niet te lezen als CSV-tekst. Sla het in Excel op als “CSV UTF-8” of “CSV "
        "(puntkomma gescheiden)”, of upload het .xlsx-bestand zelf.",
    },
    "chain.file_not_csv": {
        "en": "Row {row} cannot be read as CSV (for example a quote that is never closed, or a cell that "
        "is far too long). Check that row and save the file again from Excel.",
        "nl": "Rij {row} is niet te lezen als CSV (bijvoorbeeld een aanhalingsteken dat niet wordt "
        "gesloten, of een cel die veel te lang is). Controleer die rij en sla het bestand opnieuw op "
        "vanuit Excel.",
    },
    "chain.file_not_spreadsheet": {
        "en": "The file cannot be read as an Excel workbook (.xlsx). Open it in Excel and save it again "
        "as “Excel Workbook (.xlsx)”, or save it as CSV.",
        "nl": "Het bestand is niet te lezen als Excel-werkmap (.xlsx). Open het in Excel en sla het "
        "opnieuw op als “Excel-werkmap (.xlsx)”, of sla het op als CSV.",
    },
    "chain.file_not_clean_zip": {
        "en": "The file has data in front of the workbook, which Excel never writes, so it is not read. "
        "Open it in Excel and save it again as “Excel Workbook (.xlsx)”, or save it as CSV.",
        "nl": "Het bestand bevat gegevens vóór de werkmap, wat Excel nooit schrijft, en wordt daarom niet "
        "gelezen. Open het in Excel en sla het opnieuw op als “Excel-werkmap (.xlsx)”, of sla het op als "
        "CSV.",
    },
    "chain.file_unpacks_too_large": {
        "en": "The workbook unpacks to more than {limit} MB, far more than a chain holds. Save the chain "
        "sheet alone in a new workbook, or as CSV.",
        "nl": "De werkmap is uitgepakt groter dan {limit} MB, veel meer dan een keten bevat. Sla alleen "
        "het ketenblad op in een nieuwe werkmap, of als CSV.",
    },
    "chain.file_part_too_large": {
        "en": "A part of the workbook other than its sheets (such as its styles) unpacks to more than "
        "{limit} MB. Save the chain sheet alone in a new workbook, or as CSV.",
        "nl": "Een deel van de werkmap dat geen werkblad is (zoals de opmaak) is uitgepakt groter dan "
        "{limit} MB. Sla alleen het ketenblad op in een nieuwe werkmap, of als CSV.",
    },
    "chain.file_too_many_elements": {
        "en": "A row of the sheet, or the sheet outside its rows, holds more than {limit} XML elements, "
        "more than Excel writes. Save the chain sheet alone in a new workbook, or as CSV.",
        "nl": "Een rij van het werkblad, of het werkblad buiten zijn rijen, bevat meer dan {limit} "
        "XML-elementen, meer dan Excel schrijft. Sla alleen het ketenblad op in een nieuwe werkmap, of "
        "als CSV.",
    },
    "chain.file_too_many_parts": {
        "en": "The workbook consists of more than {limit} parts, far more than a chain needs. Save the "
        "chain sheet alone in a new workbook, or as CSV.",
        "nl": "De werkmap bestaat uit meer dan {limit} delen, veel meer dan een keten nodig heeft. Sla "
        "alleen het ketenblad op in een nieuwe werkmap, of als CSV.",
    },
    "chain.file_not_json": {
        "en": "The file is not valid JSON (line {line}, position {position}).",
        "nl": "Het bestand is geen geldige JSON (regel {line}, positie {position}).",
    },
    "chain.file_type_unsupported": {
        "en": "Files of type “{suffix}” cannot be read. Use .csv, .xlsx or .json.",
        "nl": "Bestanden van het type “{suffix}” kunnen niet worden gelezen. Gebruik .csv, .xlsx of .json.",
    },
    "chain.file_unreadable": {
        "en": "The file cannot be opened.",
        "nl": "Het bestand kan niet worden geopend.",
    },
    # The header row.
    "chain.column_missing": {
        "en": 'The header row has no column "{column}". Add it; the columns are id, name, country, '
        "activity, goods, supplies_to and share.",
        "nl": 'De kopregel heeft geen kolom "{column}". Voeg die toe; de kolommen zijn id, name, '
        "country, activity, goods, supplies_to en share.",
    },
    "chain.column_repeated": {
        "en": 'The header row has the column "{column}" more than once. Keep one of them.',
        "nl": 'De kopregel bevat de kolom "{column}" meer dan eens. Houd er één van over.',
    },
    "chain.column_ignored": {
        "en": 'The column "{column}" is not part of the chain format and is ignored.',
        "nl": 'De kolom "{column}" hoort niet bij het ketenformaat en wordt genegeerd.',
    },
    # JSON structure.
    "chain.cell_beyond_header": {
        "en": 'Row {row} has a value ("{value}") to the right of the last of the {columns} columns the '
        'header names, so its cells may have shifted. A list in one cell (such as "A;B" in supplies_to) '
        "must be in quotes when ; also separates the columns, and so must a share with a decimal comma "
        '("60,5") when , separates the columns. Otherwise give the column a name or remove the value.',
        "nl": 'Rij {row} heeft een waarde ("{value}") rechts van de laatste van de {columns} kolommen die de '
        'kopregel noemt, dus de cellen kunnen verschoven zijn. Een lijst in één cel (zoals "A;B" in '
        "supplies_to) moet tussen aanhalingstekens staan als ; ook de kolommen scheidt, en een aandeel met "
        'een decimale komma ("60,5") als , de kolommen scheidt. Geef de kolom anders een naam of haal '
        "de waarde weg.",
    },
    "chain.json_structure": {
        "en": 'The JSON file is not a chain: it needs an object with a list "nodes" and a list "links" '
        "(networkx node-link form).",
        "nl": 'Het JSON-bestand is geen keten: er is een object nodig met een lijst "nodes" en een lijst '
        '"links" (networkx node-link-vorm).',
    },
    "chain.json_node_invalid": {
        "en": "Node {row} in the JSON file is not an object with fields such as id, name and country.",
        "nl": "Knoop {row} in het JSON-bestand is geen object met velden als id, name en country.",
    },
    "chain.json_value_invalid": {
        "en": 'Node {row}, field "{column}": this value must be text (or a list of texts for goods).',
        "nl": 'Knoop {row}, veld "{column}": deze waarde moet tekst zijn (of een lijst teksten bij goods).',
    },
    "chain.json_link_invalid": {
        "en": 'Link {position} in the JSON file is not an object with "source" and "target" (and '
        'optionally "share" as a number).',
        "nl": 'Schakel {position} in het JSON-bestand is geen object met "source" en "target" (en '
        'eventueel "share" als getal).',
    },
    "chain.json_link_share_invalid": {
        "en": 'Link {position} in the JSON file ("{source}" to "{target}") has a share that is not a '
        "number: {value}. Give the share as a number from 0 to 100, or leave it out.",
        "nl": 'Schakel {position} in het JSON-bestand ("{source}" naar "{target}") heeft een aandeel dat '
        "geen getal is: {value}. Geef het aandeel als getal van 0 tot 100, of laat het weg.",
    },
    "chain.json_link_source_unknown": {
        "en": 'Link {position} in the JSON file starts at "{value}", but no node has that id.',
        "nl": 'Schakel {position} in het JSON-bestand begint bij "{value}", maar geen knoop heeft dat id.',
    },
    # Rows.
    "chain.value_missing": {
        "en": 'Row {row}, column "{column}": this cell is empty but must be filled in.',
        "nl": 'Rij {row}, kolom "{column}": deze cel is leeg maar moet worden ingevuld.',
    },
    "chain.id_duplicate": {
        "en": 'Row {row}, column "id": "{value}" is already used in row {first_row}. Each site needs its '
        "own id.",
        "nl": 'Rij {row}, kolom "id": "{value}" wordt al gebruikt in rij {first_row}. Elke locatie heeft '
        "een eigen id nodig.",
    },
    "chain.country_unknown": {
        "en": 'Row {row}, column "country": "{value}" is not a country we know. Use an ISO code such as '
        'NL, or the English name; write "unknown" if you do not know the country.',
        "nl": 'Rij {row}, kolom "country": "{value}" is geen land dat wij kennen. Gebruik een ISO-code '
        'zoals NL, of de Engelse naam; schrijf "unknown" als u het land niet weet.',
    },
    "chain.country_unknown_close": {
        "en": 'Row {row}, column "country": "{value}" is not a country we know. Did you mean {suggestion} '
        '({code})? Use an ISO code or the English name; write "unknown" if you do not know the country.',
        "nl": 'Rij {row}, kolom "country": "{value}" is geen land dat wij kennen. Bedoelt u {suggestion} '
        '({code})? Gebruik een ISO-code of de Engelse naam; schrijf "unknown" als u het land niet weet.',
    },
    "chain.activity_unknown": {
        "en": 'Row {row}, column "activity": "{value}" is not in our list of activities. It is kept as '
        "written; as nothing is known about what happens there, themes without country data get the "
        "medium baseline. "
        "Known activities: " + _ACTIVITIES + ".",
        "nl": 'Rij {row}, kolom "activity": "{value}" staat niet in onze lijst van activiteiten. Het '
        "blijft zoals geschreven; omdat niet bekend is wat daar gebeurt, krijgen thema's zonder "
        "landgegevens de middelste sectorinschatting. Bekende activiteiten: " + _ACTIVITIES + ".",
    },
    "chain.activity_unknown_close": {
        "en": 'Row {row}, column "activity": "{value}" is not in our list of activities. Did you mean '
        '"{suggestion}"? As written, it is kept, and themes without country data get the medium '
        "baseline.",
        "nl": 'Rij {row}, kolom "activity": "{value}" staat niet in onze lijst van activiteiten. Bedoelt u '
        '"{suggestion}"? Zoals geschreven blijft het staan, en thema\'s zonder landgegevens krijgen de '
        "middelste sectorinschatting.",
    },
    "chain.goods_unknown": {
        "en": 'Row {row}, column "goods": "{value}" is not in our goods list. It is kept as written, but '
        "no product-specific risk can be found for it. Check the spelling or use a name from the list, "
        "such as Cotton.",
        "nl": 'Rij {row}, kolom "goods": "{value}" staat niet in onze goederenlijst. Het blijft zoals '
        "geschreven, maar er kan geen productspecifiek risico voor worden gevonden. Controleer de "
        "spelling of gebruik een naam uit de lijst, zoals katoen.",
    },
    "chain.goods_unknown_close": {
        "en": 'Row {row}, column "goods": "{value}" is not in our goods list. Did you mean "{suggestion}"? '
        "As written, it is kept, but no product-specific risk can be found for it.",
        "nl": 'Rij {row}, kolom "goods": "{value}" staat niet in onze goederenlijst. Bedoelt u '
        '"{suggestion}"? Zoals geschreven blijft het staan, maar er kan geen productspecifiek risico voor '
        "worden gevonden.",
    },
    "chain.customer_unknown": {
        "en": 'Row {row}, column "supplies_to": "{value}" is not the id of any row in the file. Use the id '
        "of the customer's row.",
        "nl": 'Rij {row}, kolom "supplies_to": "{value}" is niet het id van een rij in het bestand. '
        "Gebruik het id uit de rij van de afnemer.",
    },
    "chain.customer_repeated": {
        "en": 'Row {row}, column "supplies_to": the customer "{value}" is named more than once. Name each '
        "customer once.",
        "nl": 'Rij {row}, kolom "supplies_to": de afnemer "{value}" staat er meer dan eens in. Noem elke '
        "afnemer één keer.",
    },
    "chain.share_invalid": {
        "en": 'Row {row}, column "share": "{value}" is not a number. Write a percentage such as 40 or 40,5.',
        "nl": 'Rij {row}, kolom "share": "{value}" is geen getal. Schrijf een percentage zoals 40 of 40,5.',
    },
    "chain.share_out_of_range": {
        "en": 'Row {row}, column "share": "{value}" is not between 0 and 100. A share is the percentage '
        "of the customer's total input that this site supplies.",
        "nl": 'Rij {row}, kolom "share": "{value}" ligt niet tussen 0 en 100. Een aandeel is het '
        "percentage van de totale inkoop van de afnemer dat deze locatie levert.",
    },
    "chain.share_count_mismatch": {
        "en": 'Row {row}, column "share": there are {shares} shares for {customers} customers in '
        '"supplies_to". Give one share per customer, in the same order and separated by ";", or leave '
        "the cell empty.",
        "nl": 'Rij {row}, kolom "share": er staan {shares} aandelen voor {customers} afnemers in '
        '"supplies_to". Geef één aandeel per afnemer, in dezelfde volgorde en gescheiden door ";", of '
        "laat de cel leeg.",
    },
    "chain.share_without_customer": {
        "en": 'Row {row}, column "share": this row has a share but no customer in "supplies_to". A share '
        'is the part of a customer\'s input this site supplies; for the contractor, leave "share" empty.',
        "nl": 'Rij {row}, kolom "share": deze rij heeft een aandeel maar geen afnemer in "supplies_to". Een '
        'aandeel is het deel van de inkoop van een afnemer dat deze locatie levert; laat "share" leeg '
        "bij de opdrachtnemer.",
    },
    # The chain as a whole.
    "chain.chain_empty": {
        "en": "The file holds no sites. Add at least one row: the contractor, which supplies the buyer.",
        "nl": "Het bestand bevat geen locaties. Voeg ten minste één rij toe: de opdrachtnemer, die aan de "
        "aanbestedende dienst levert.",
    },
    "chain.no_contractor": {
        "en": 'Every row has a customer in "supplies_to", so the chain has no contractor. Leave '
        '"supplies_to" empty in exactly one row: the contractor, which delivers to the buyer.',
        "nl": 'Elke rij heeft een afnemer in "supplies_to", dus de keten heeft geen opdrachtnemer. Laat '
        '"supplies_to" leeg in precies één rij: die van de opdrachtnemer, die aan de aanbestedende '
        "dienst levert.",
    },
    "chain.several_contractors": {
        "en": '{count} rows have an empty "supplies_to" (rows {rows}). Only the contractor, which delivers '
        "to the buyer, may leave it empty; fill in whom the other sites supply.",
        "nl": '{count} rijen hebben een lege "supplies_to" (rijen {rows}). Alleen de opdrachtnemer, die '
        "aan de aanbestedende dienst levert, mag die leeg laten; vul bij de andere locaties in aan wie "
        "zij leveren.",
    },
    "chain.self_loop": {
        "en": 'Site "{node}" names itself in "supplies_to". A site cannot supply itself.',
        "nl": 'Locatie "{node}" noemt zichzelf in "supplies_to". Een locatie kan niet aan zichzelf leveren.',
    },
    "chain.cycle": {
        "en": "These {count} sites supply each other in a circle: {nodes}. Goods must flow one way, "
        'towards the contractor; check "supplies_to" in their rows.',
        "nl": "Deze {count} locaties leveren in een kring aan elkaar: {nodes}. Goederen moeten één kant "
        'op gaan, naar de opdrachtnemer; controleer "supplies_to" in hun rijen.',
    },
    "chain.share_total_over_100": {
        "en": 'The shares of the suppliers of "{node}" add up to {total}% ({suppliers}). Together they '
        "can supply at most 100% of its input.",
        "nl": 'De aandelen van de leveranciers van "{node}" tellen op tot {total}% ({suppliers}). Samen '
        "kunnen zij hoogstens 100% van de inkoop leveren.",
    },
    "chain.share_total_under_100": {
        "en": 'Every supplier of "{node}" has a share, and together they add up to {total}% ({suppliers}), '
        "so the other {rest}% of its input is not in the chain map and is left out of the analysis. If "
        "that is right, nothing needs to change; otherwise add the missing suppliers (a site with "
        'country "unknown" is fine) or correct the shares.',
        "nl": 'Elke leverancier van "{node}" heeft een aandeel, en samen tellen zij op tot {total}% '
        "({suppliers}), dus de overige {rest}% van de inkoop staat niet in de ketenkaart en blijft buiten "
        "de analyse. Klopt dat, dan hoeft er niets te veranderen; voeg anders de ontbrekende leveranciers "
        'toe (een locatie met land "unknown" mag) of verbeter de aandelen.',
    },
    "chain.contractor_not_reached": {
        "en": 'What site "{node}" supplies never reaches the contractor "{contractor}". Check '
        '"supplies_to" in its row and in the rows of its customers.',
        "nl": 'Wat locatie "{node}" levert, komt nooit bij de opdrachtnemer "{contractor}" aan. '
        'Controleer "supplies_to" in haar rij en in de rijen van haar afnemers.',
    },
}

# Many findings of one kind read as one line (`chainmap.findings.FindingGroup`): "group.<code>" says what
# the kind is with {count} and {places} (the first few site ids or rows); "group.any" serves a kind without
# its own text and quotes the {first} finding.
_SHARE_NOT_VALID: dict[Lang, str] = {
    "en": "{count} rows with a share that is not a number from 0 to 100: {places}.",
    "nl": "{count} rijen met een aandeel dat geen getal van 0 tot 100 is: {places}.",
}
_UNKNOWN_COUNTRY: dict[Lang, str] = {
    "en": "{count} rows with a country we do not know: {places}.",
    "nl": "{count} rijen met een land dat we niet kennen: {places}.",
}
_UNKNOWN_ACTIVITY: dict[Lang, str] = {
    "en": "{count} rows with an activity outside the activity list: {places}.",
    "nl": "{count} rijen met een activiteit die niet in de lijst met activiteiten staat: {places}.",
}
_UNKNOWN_GOODS: dict[Lang, str] = {
    "en": "{count} goods outside the goods list: {places}.",
    "nl": "{count} goederen die niet in de goederenlijst staan: {places}.",
}
FINDING_GROUP_MESSAGES: dict[str, dict[Lang, str]] = {
    "group.any": {
        "en": "{count} findings of one kind, at {places}. The first: {first}",
        "nl": "{count} bevindingen van één soort, bij {places}. De eerste: {first}",
    },
    "group.any_unplaced": {
        "en": "{count} findings of one kind. The first: {first}",
        "nl": "{count} bevindingen van één soort. De eerste: {first}",
    },
    "group.and_more": {"en": "{places} and {rest} more", "nl": "{places} en nog {rest}"},
    "group.row": {"en": "row {row}", "nl": "rij {row}"},
    "group.chain.share_total_under_100": {
        "en": "{count} customers whose suppliers' shares add up to less than 100%: {places}.",
        "nl": "{count} afnemers van wie de aandelen van de leveranciers optellen tot minder dan 100%: "
        "{places}.",
    },
    "group.chain.share_total_over_100": {
        "en": "{count} customers whose suppliers' shares add up to more than 100%: {places}.",
        "nl": "{count} afnemers van wie de aandelen van de leveranciers optellen tot meer dan 100%: "
        "{places}.",
    },
    "group.chain.share_invalid": _SHARE_NOT_VALID,
    "group.chain.share_out_of_range": _SHARE_NOT_VALID,
    "group.chain.country_unknown": _UNKNOWN_COUNTRY,
    "group.chain.country_unknown_close": _UNKNOWN_COUNTRY,
    "group.chain.activity_unknown": _UNKNOWN_ACTIVITY,
    "group.chain.activity_unknown_close": _UNKNOWN_ACTIVITY,
    "group.chain.goods_unknown": _UNKNOWN_GOODS,
    "group.chain.goods_unknown_close": _UNKNOWN_GOODS,
    "group.chain.value_missing": {
        "en": "{count} required values missing: {places}.",
        "nl": "{count} verplichte waarden ontbreken: {places}.",
    },
    "group.chain.id_duplicate": {
        "en": "{count} rows repeat an id used in an earlier row: {places}.",
        "nl": "{count} rijen herhalen een id van een eerdere rij: {places}.",
    },
    "group.chain.customer_unknown": {
        "en": "{count} rows name a customer in supplies_to that is not in the file: {places}.",
        "nl": "{count} rijen noemen in supplies_to een afnemer die niet in het bestand staat: {places}.",
    },
    "group.chain.contractor_not_reached": {
        "en": "{count} sites whose goods never reach the contractor: {places}.",
        "nl": "{count} locaties waarvan de goederen de opdrachtnemer nooit bereiken: {places}.",
    },
    "group.chain.self_loop": {
        "en": "{count} sites that name themselves as their customer: {places}.",
        "nl": "{count} locaties die zichzelf als afnemer noemen: {places}.",
    },
    "group.chain.cell_beyond_header": {
        "en": "{count} rows with values to the right of the last column: {places}.",
        "nl": "{count} rijen met waarden rechts van de laatste kolom: {places}.",
    },
    "group.chain.column_ignored": {
        "en": "{count} columns outside the chain format are ignored: {places}.",
        "nl": "{count} kolommen buiten het ketenformaat worden genegeerd: {places}.",
    },
}
