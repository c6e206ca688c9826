"""User-facing texts of the chain template workbook (`chainmap.chainfile.template`), in English and Dutch.

Column names stay as the file format spells them (id, name, country, …) in both languages, because that is
what the header row holds and what error messages name.
"""

from chainmap.themes import Lang

TEMPLATE_MESSAGES: dict[str, dict[Lang, str]] = {
    "template.sheet_instructions": {"en": "instructions", "nl": "instructies"},
    "template.sheet_lists": {"en": "lists", "nl": "lijsten"},
    "template.title": {
        "en": "Chain template: how to fill in the sheet “chain”",
        "nl": "Ketensjabloon: zo vult u het blad “chain” in",
    },
    "template.topic_rows": {"en": "Rows", "nl": "Rijen"},
    "template.rows": {
        "en": "One row per site in your supply chain: a factory, workshop, farm, mine, warehouse or trader. "
        "Row 1 is the header; keep it as it is. The grey rows are an example: replace them with your own "
        "chain.",
        "nl": "Eén rij per locatie in uw productieketen: een fabriek, werkplaats, boerderij, mijn, magazijn "
        "of handelaar. Rij 1 is de kopregel; laat die zoals hij is. De grijze rijen zijn een voorbeeld: "
        "vervang ze door uw eigen keten.",
    },
    "template.topic_contractor": {"en": "Contractor row", "nl": "Rij van de opdrachtnemer"},
    "template.contractor": {
        "en": "Your own company, which delivers to the buyer, is the contractor: exactly one row, the only "
        "one with supplies_to left empty. Every other site supplies to a site in the sheet, and through "
        "the chain its goods reach the contractor.",
        "nl": "Uw eigen bedrijf, dat aan de opdrachtgever levert, is de opdrachtnemer: precies één rij, de "
        "enige met supplies_to leeg. Elke andere locatie levert aan een locatie in het blad, en via de "
        "keten komen haar goederen bij de opdrachtnemer.",
    },
    "template.topic_lists": {"en": "Lists (;)", "nl": "Lijsten (;)"},
    "template.lists": {
        "en": "goods, supplies_to and share can hold several values in one cell, separated by a "
        "semicolon: Garments;Cotton or WK;TR-CMT or 60;40.",
        "nl": "goods, supplies_to en share kunnen meer waarden in één cel bevatten, gescheiden door een "
        "puntkomma: Garments;Cotton of WK;TR-CMT of 60;40.",
    },
    "template.topic_shares": {"en": "Shares", "nl": "Aandelen"},
    "template.shares": {
        "en": "share is the percentage (0 to 100) of the customer's total input of these goods that this "
        "site supplies: one value per customer in supplies_to, in the same order. 40, 40% and 40,5 are "
        "all read. Leave a value empty when you do not know it (60;;40), or the whole cell. The shares "
        "of one customer's suppliers add up to at most 100.",
        "nl": "share is het percentage (0 tot 100) van de totale inkoop van deze goederen door de afnemer "
        "dat deze locatie levert: één waarde per afnemer in supplies_to, in dezelfde volgorde. 40, 40% "
        "en 40,5 worden alle gelezen. Laat een waarde leeg als u die niet weet (60;;40), of de hele cel. "
        "De aandelen van de leveranciers van één afnemer tellen op tot hoogstens 100.",
    },
    "template.topic_unknown": {"en": "Unknown country", "nl": "Onbekend land"},
    "template.unknown": {
        "en": "Write unknown in the country column (the first entry of its list) when you do not know "
        "where a site is. The risk analysis then treats the site as a gap in what is known of the "
        "chain.",
        "nl": "Schrijf unknown in de kolom country (het eerste item van de lijst) als u niet weet waar een "
        "locatie is. De risicoanalyse behandelt de locatie dan als een onbekend deel van de keten.",
    },
    "template.topic_upload": {"en": "Uploading", "nl": "Uploaden"},
    "template.upload": {
        "en": "Save the workbook as .xlsx (or as CSV) and upload it on the contract's chain file page. The "
        "file replaces your whole draft. A file with errors is refused as a whole: every error is listed "
        "with its row and column, and your draft stays as it was. Warnings (for example goods outside "
        "the list) do not stop the upload.",
        "nl": "Sla de werkmap op als .xlsx (of als CSV) en upload die op de pagina Ketenbestand van het "
        "contract. Het bestand vervangt uw hele concept. Een bestand met fouten wordt in zijn geheel "
        "geweigerd: elke fout wordt getoond met rij en kolom, en uw concept blijft zoals het was. "
        "Waarschuwingen (bijvoorbeeld goederen buiten de lijst) houden het uploaden niet tegen.",
    },
    "template.topic_activities": {"en": "Activities", "nl": "Activiteiten"},
    "template.heading_column": {"en": "Column", "nl": "Kolom"},
    "template.heading_required": {"en": "Required", "nl": "Verplicht"},
    "template.heading_explanation": {"en": "What to fill in", "nl": "Wat vult u in"},
    "template.heading_example": {"en": "Example", "nl": "Voorbeeld"},
    "template.yes": {"en": "yes", "nl": "ja"},
    "template.no": {"en": "no", "nl": "nee"},
    "template.except_contractor": {
        "en": "yes, except the contractor",
        "nl": "ja, behalve de opdrachtnemer",
    },
    "template.column_id": {
        "en": "A short code of your own for the site, unique in the sheet. supplies_to refers to sites by "
        "this code.",
        "nl": "Een korte code die u zelf kiest voor de locatie, uniek in het blad. supplies_to verwijst met "
        "deze code naar locaties.",
    },
    "template.column_name": {
        "en": "The name of the company or site.",
        "nl": "De naam van het bedrijf of de locatie.",
    },
    "template.column_country": {
        "en": "The country where the site is: pick it from the list, or type an ISO code (NL, BD, TUR) or "
        "the English name; unknown when you do not know it.",
        "nl": "Het land waar de locatie is: kies het uit de lijst, of typ een ISO-code (NL, BD, TUR) of de "
        "Engelse naam; unknown als u het niet weet.",
    },
    "template.column_activity": {
        "en": "What happens at the site: pick it from the list (see Activities above). Another activity is "
        "accepted with a warning.",
        "nl": "Wat er op de locatie gebeurt: kies het uit de lijst (zie Activiteiten hierboven). Een andere "
        "activiteit wordt geaccepteerd met een waarschuwing.",
    },
    "template.column_goods": {
        "en": "The goods made or handled there, separated by ;. Names from the US DOL goods list (Cotton, "
        "Garments, Gold …) are checked for known risks; other goods are accepted with a warning.",
        "nl": "De goederen die er worden gemaakt of verhandeld, gescheiden door ;. Namen uit de "
        "goederenlijst van US DOL (Cotton, Garments, Gold …) worden op bekende risico's gecontroleerd; "
        "andere goederen worden geaccepteerd met een waarschuwing.",
    },
    "template.column_supplies_to": {
        "en": "The id of each site in the sheet that this site supplies, separated by ;. Empty only in the "
        "contractor's row.",
        "nl": "De id van elke locatie in het blad waaraan deze locatie levert, gescheiden door ;. Alleen "
        "leeg in de rij van de opdrachtnemer.",
    },
    "template.column_share": {
        "en": "Per customer in supplies_to, the percentage of its input this site supplies (see Shares "
        "above).",
        "nl": "Per afnemer in supplies_to het percentage van diens inkoop dat deze locatie levert (zie "
        "Aandelen hierboven).",
    },
    "template.column_region": {
        "en": "Optional: the region of the country where the site is, where it matters. A site in Xinjiang "
        "(China) falls under the US Uyghur Forced Labor Prevention Act: its goods are presumed to be made "
        "with forced labour.",
        "nl": "Optioneel: de regio van het land waar de locatie is, waar dat ertoe doet. Een locatie in "
        "Xinjiang (China) valt onder de Amerikaanse Uyghur Forced Labor Prevention Act: van haar goederen "
        "wordt vermoed dat ze met dwangarbeid zijn gemaakt.",
    },
    "template.country_prompt_title": {"en": "Country", "nl": "Land"},
    "template.country_prompt": {
        "en": "Pick a country from the list, or type an ISO code (NL) or the English name; unknown when "
        "you do not know it.",
        "nl": "Kies een land uit de lijst, of typ een ISO-code (NL) of de Engelse naam; unknown als u het "
        "niet weet.",
    },
    "template.activity_prompt_title": {"en": "Activity", "nl": "Activiteit"},
    "template.activity_prompt": {
        "en": "Pick what happens at the site from the list.",
        "nl": "Kies uit de lijst wat er op de locatie gebeurt.",
    },
    "template.list_countries": {"en": "country", "nl": "land"},
    "template.list_codes": {"en": "ISO code", "nl": "ISO-code"},
    "template.list_activities": {"en": "activity", "nl": "activiteit"},
    "template.list_activity_labels": {"en": "meaning", "nl": "betekenis"},
    "template.example_contractor": {"en": "Your company Ltd", "nl": "Uw Bedrijf BV"},
    "template.example_sewing": {"en": "Dhaka Apparel Ltd", "nl": "Dhaka Apparel Ltd"},
    "template.example_mill": {
        "en": "Fabric mill (location not known yet)",
        "nl": "Weverij (locatie nog onbekend)",
    },
}
