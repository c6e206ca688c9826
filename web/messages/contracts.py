"""Texts of the contract pages and of the CPV look-up, in Dutch and English."""

from typing import Final

from chainmap.themes import Lang

CONTRACT_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "nav.contracts": {"en": "Contracts", "nl": "Contracten"},
    "contracts.title": {"en": "Contracts", "nl": "Contracten"},
    "contracts.new": {"en": "New contract", "nl": "Nieuw contract"},
    "contracts.none": {"en": "No contracts yet.", "nl": "Nog geen contracten."},
    "contract.title": {"en": "Title", "nl": "Titel"},
    "contract.reference": {"en": "Reference", "nl": "Kenmerk"},
    "contract.cpv": {"en": "CPV codes", "nl": "CPV-codes"},
    "contract.cpv_hint": {
        "en": "Type a code or words of its description and pick from the list; one code per field.",
        "nl": "Typ een code of woorden uit de omschrijving en kies uit de lijst; één code per veld.",
    },
    "contract.start_date": {"en": "Start date", "nl": "Startdatum"},
    "contract.end_date": {"en": "End date", "nl": "Einddatum"},
    "contract.term": {"en": "Term", "nl": "Looptijd"},
    "contract.reporting_schedule": {"en": "Reporting", "nl": "Rapportage"},
    "contract.supplier": {"en": "Supplier", "nl": "Leverancier"},
    "contract.supplier_existing": {"en": "Existing supplier", "nl": "Bestaande leverancier"},
    "contract.supplier_none": {"en": "none yet / new", "nl": "nog geen / nieuw"},
    "contract.supplier_new": {"en": "or a new supplier (name)", "nl": "of een nieuwe leverancier (naam)"},
    "contract.supplier_unknown": {"en": "not chosen yet", "nl": "nog niet gekozen"},
    "contract.buyer": {"en": "Buyer", "nl": "Opdrachtgever"},
    "contract.status": {"en": "Status", "nl": "Status"},
    "contract.submit": {"en": "Create contract", "nl": "Contract aanmaken"},
    "contract.back": {"en": "All contracts", "nl": "Alle contracten"},
    "contract.errors": {
        "en": "The contract was not saved. Please correct the fields marked below.",
        "nl": "Het contract is niet opgeslagen. Verbeter de velden die hieronder zijn gemarkeerd.",
    },
    "contract.chain_title": {"en": "Supply chain", "nl": "Productieketen"},
    "contract.fill_in_chain": {"en": "Fill in the chain", "nl": "Keten invullen"},
    "contract.edit_chain": {
        "en": "Edit the chain (draft of {sites} sites)",
        "nl": "Keten bewerken (concept met {sites} locaties)",
    },
    "contract.versions": {"en": "Submitted versions", "nl": "Ingediende versies"},
    "contract.version": {"en": "Version", "nl": "Versie"},
    "contract.version_number": {"en": "Version {number}", "nl": "Versie {number}"},
    "contract.submitted": {"en": "Submitted", "nl": "Ingediend"},
    "contract.sites": {"en": "Sites", "nl": "Locaties"},
    "contract.decision": {"en": "Decision", "nl": "Besluit"},
    "contract.not_reviewed": {"en": "awaiting review", "nl": "wacht op beoordeling"},
    "contract.no_versions": {
        "en": "The supplier has not submitted a chain yet.",
        "nl": "De leverancier heeft nog geen keten ingediend.",
    },
    "contract.awaiting_review": {
        "en": "Version {number} awaits your review.",
        "nl": "Versie {number} wacht op uw beoordeling.",
    },
    "contract.review_version": {"en": "Review the risks", "nl": "Risico's beoordelen"},
    "contract.decision.accepted": {"en": "Version {number} accepted", "nl": "Versie {number} geaccepteerd"},
    "contract.decision.revision_requested": {
        "en": "Revision requested for version {number}",
        "nl": "Herziening gevraagd voor versie {number}",
    },
    "contract.decided_by": {"en": "by {name}, {when}", "nl": "door {name}, {when}"},
    "contract.reporting_title": {"en": "Progress reports", "nl": "Voortgangsrapportages"},
    "contract.reporting_intro": {
        "en": "The supplier reports {schedule} on its plan of action, each report within {days} days after "
        "its period ends.",
        "nl": "De leverancier rapporteert {schedule} over zijn plan van aanpak, elke rapportage binnen "
        "{days} dagen na het einde van de periode.",
    },
    "contract.next_report": {
        "en": "Next: report {number}, due {due}.",
        "nl": "Volgende: rapportage {number}, uiterlijk {due}.",
    },
    "contract.reporting_periods": {"en": "Reporting periods", "nl": "Rapportageperiodes"},
    "contract.report": {"en": "Report", "nl": "Rapportage"},
    "contract.period": {"en": "Period", "nl": "Periode"},
    "contract.due": {"en": "Due", "nl": "Uiterlijk"},
    "schedule.quarterly": {"en": "quarterly", "nl": "per kwartaal"},
    "schedule.half_yearly": {"en": "half-yearly", "nl": "per halfjaar"},
    "schedule.yearly": {"en": "yearly", "nl": "jaarlijks"},
    "status.no_chain": {"en": "no chain yet", "nl": "nog geen keten"},
    "status.draft": {"en": "draft", "nl": "concept"},
    "status.submitted": {"en": "submitted", "nl": "ingediend"},
    "status.accepted": {"en": "accepted", "nl": "geaccepteerd"},
    "status.revision_requested": {"en": "revision requested", "nl": "herziening gevraagd"},
    "contract.error.required": {"en": "This field is required.", "nl": "Dit veld is verplicht."},
    "contract.error.too_long": {
        "en": "At most {limit} characters.",
        "nl": "Hoogstens {limit} tekens.",
    },
    "contract.error.reference_taken": {
        "en": 'Your organisation already has a contract with reference "{value}".',
        "nl": 'Uw organisatie heeft al een contract met kenmerk "{value}".',
    },
    "contract.error.cpv_required": {
        "en": "Give at least one CPV code.",
        "nl": "Geef ten minste één CPV-code.",
    },
    "contract.error.cpv_unknown": {
        "en": "Not a CPV code: {value}. Pick a code from the suggestions (eight digits, e.g. 18100000-0).",
        "nl": "Geen CPV-code: {value}. Kies een code uit de suggesties (acht cijfers, bijv. 18100000-0).",
    },
    "contract.error.cpv_too_many": {
        "en": "At most {limit} CPV codes.",
        "nl": "Hoogstens {limit} CPV-codes.",
    },
    "contract.error.date": {
        "en": '"{value}" is not a date (day, month, year).',
        "nl": '"{value}" is geen datum (dag, maand, jaar).',
    },
    "contract.error.end_before_start": {
        "en": "The end date is before the start date.",
        "nl": "De einddatum ligt vóór de startdatum.",
    },
    "contract.error.schedule": {
        "en": "Choose how often the supplier reports.",
        "nl": "Kies hoe vaak de leverancier rapporteert.",
    },
    "contract.error.supplier_both": {
        "en": "Choose an existing supplier or type a new name, not both.",
        "nl": "Kies een bestaande leverancier of typ een nieuwe naam, niet allebei.",
    },
    "contract.error.supplier_unknown": {
        "en": "Choose a supplier from the list.",
        "nl": "Kies een leverancier uit de lijst.",
    },
    "contract.goods_title": {
        "en": "Goods and their known risks",
        "nl": "Producten en hun bekende risico's",
    },
    "contract.goods_intro": {
        "en": "The goods that contracts under these CPV codes usually involve, and the countries where the "
        "US Department of Labor lists each good as produced with child labour or forced labour. This is "
        "the known risk before the supplier has described its chain; it says nothing about this "
        "supplier.",
        "nl": "De producten die contracten onder deze CPV-codes meestal omvatten, en de landen waar het "
        "Amerikaanse ministerie van Arbeid (US DOL) elk product vermeldt als gemaakt met kinderarbeid of "
        "dwangarbeid. Dit is het bekende risico voordat de leverancier zijn keten heeft beschreven; het "
        "zegt niets over deze leverancier.",
    },
    "cpv.no_goods": {
        "en": "chainmap's CPV table names no goods for this code: no finding, not no risk.",
        "nl": "De CPV-tabel van chainmap noemt geen producten voor deze code: geen bevinding, niet geen "
        "risico.",
    },
    "cpv.not_listed": {
        "en": "Not on the US DOL list: no finding, not no risk.",
        "nl": "Niet op de lijst van het US DOL: geen bevinding, niet geen risico.",
    },
    "cpv.listed_in": {"en": "US DOL lists it in", "nl": "Het US DOL vermeldt het in"},
    "cpv.via": {"en": "through {good} from {country}", "nl": "via {good} uit {country}"},
    "cpv.source": {
        "en": "Source: US DOL, List of Goods Produced by Child Labor or Forced Labor (2022).",
        "nl": "Bron: US DOL, List of Goods Produced by Child Labor or Forced Labor (2022).",
    },
    "check.cpv": {"en": "CPV code", "nl": "CPV-code"},
    "check.cpv_submit": {"en": "Show goods", "nl": "Toon producten"},
    "check.cpv_title": {"en": "Goods of CPV code {code}", "nl": "Producten van CPV-code {code}"},
    "check.cpv_unknown": {
        "en": '"{value}" is not a CPV code (eight digits, e.g. 18100000-0).',
        "nl": '"{value}" is geen CPV-code (acht cijfers, bijv. 18100000-0).',
    },
    # The name of each CPV field after the first (which the visible label names), for screen readers.
    "contract.cpv_field": {"en": "CPV code {number}", "nl": "CPV-code {number}"},
}
