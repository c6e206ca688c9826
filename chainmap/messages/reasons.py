"""User-facing messages: reasons, why a risk has its level.

Every reason code has an English and a Dutch text. Parameters are language-neutral; `localise_params`
turns the ones that need a translation (activity, theme, level, labour kinds, ILO conventions, numbers)
into text for the reader's language before the message is formatted.

Goods (the parameters `good`, `goods` and `input_good`) hold English vocabulary names; their Dutch names
live in the reference tables, which this package does not read. The caller that knows where labels come
from passes them in: `localise_params(..., good_label=...)`, as `chainmap.analysis.risk.Reason.text`
does with `chainmap.reference.good_label`. Without it, good names are shown as they are.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from chainmap.activities import activity_label
from chainmap.themes import Lang, Level, theme_label

REASON_MESSAGES: dict[str, dict[Lang, str]] = {
    "reason.dol_good": {
        "en": "{good} from {country} is on the US DOL list for {kinds} ({year}).",
        "nl": "{good} uit {country} staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor {kinds} ({year}).",
    },
    "reason.dol_good_origin_not_mapped": {
        "en": "{good} from {country} is on the US DOL list for {kinds} ({year}). This site does not make it "
        "({activity}) and the origin of its {good} is not mapped: map the suppliers it buys {good} from.",
        "nl": "{good} uit {country} staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor {kinds} ({year}). Deze locatie maakt het niet zelf ({activity}) en de herkomst van haar {good} "
        "is niet in kaart gebracht: breng de leveranciers van {good} in kaart.",
    },
    "reason.dol_good_input": {
        "en": "{good} from {country} is on the US DOL list for {kinds} in its input: {input_good} from "
        "{input_country} ({year}). Map where this site's {input_good} comes from.",
        "nl": "{good} uit {country} staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor {kinds} in de grondstof: {input_good} uit {input_country} ({year}). Breng in kaart waar deze "
        "locatie {input_good} vandaan haalt.",
    },
    "reason.dol_good_unnamed_input": {
        "en": "{good} from {country} is on the US DOL list for {kinds} in its inputs, which DOL does not "
        "name ({year}). Map where this site's inputs come from.",
        "nl": "{good} uit {country} staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor {kinds} in de grondstoffen, die het ministerie niet noemt ({year}). Breng in kaart waar deze "
        "locatie haar grondstoffen vandaan haalt.",
    },
    "reason.dol_other_goods": {
        "en": "Other goods from {country} on the US DOL list for {kinds}: {goods} ({count} in all, {year}).",
        "nl": "Andere goederen uit {country} op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor {kinds}: {goods} ({count} in totaal, {year}).",
    },
    "reason.dol_good_unknown_country": {
        "en": "{good} is on the US DOL list for {kinds} (countries listed: {count}, {year}), and the country "
        "of this site is unknown.",
        "nl": "{good} staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) voor {kinds} "
        "(aantal landen: {count}, {year}), en het land van deze locatie is onbekend.",
    },
    "reason.working_children": {
        "en": "{share}% of children aged {ages} in {country} work (US DOL, {year}).",
        "nl": "{share}% van de kinderen van {ages} jaar in {country} werkt (US DOL, {year}).",
    },
    "reason.dol_advancement": {
        "en": "The US DOL rates the efforts of {country} against the worst forms of child labour as "
        "“{advancement}” ({year}).",
        "nl": "Het Amerikaanse ministerie van Arbeid (US DOL) beoordeelt de inzet van {country} tegen de "
        "ergste vormen van kinderarbeid als “{advancement}” ({year}).",
    },
    "reason.uflpa_entity": {
        "en": "“{entity}” is on the UFLPA Entity List ({lists}), effective {date}: its goods are presumed "
        "to be made with forced labour.",
        "nl": "“{entity}” staat op de UFLPA Entity List ({lists}), sinds {date}: van de goederen van deze "
        "entiteit wordt aangenomen dat ze met dwangarbeid zijn gemaakt.",
    },
    "reason.uflpa_possible": {
        "en": "Possible match, to verify: this site's name is close to “{matched}” (similarity {score}%), "
        "an entry of the UFLPA Entity List: “{entity}” (other names: {aliases}; {lists}, effective "
        "{date}). It is not asserted as a listing: check whether this site is that entity.",
        "nl": "Mogelijke treffer, te controleren: de naam van deze locatie lijkt op “{matched}” "
        "(overeenkomst {score}%), een vermelding op de UFLPA Entity List: “{entity}” (andere namen: "
        "{aliases}; {lists}, sinds {date}). Dit geldt niet als vermelding: ga na of deze locatie die "
        "entiteit is.",
    },
    "reason.uflpa_possible_short": {
        "en": "Possible match, to verify: this site's name equals “{matched}”, a name of the UFLPA Entity "
        "List entry “{entity}” (other names: {aliases}; {lists}, effective {date}), but it is short or "
        "generic and the site is not known to be in China or Hong Kong, so it is not asserted as a "
        "listing: check whether this site is that entity.",
        "nl": "Mogelijke treffer, te controleren: de naam van deze locatie is gelijk aan “{matched}”, een "
        "naam van de vermelding “{entity}” op de UFLPA Entity List (andere namen: {aliases}; {lists}, "
        "sinds {date}), maar die naam is kort of algemeen en de locatie ligt voor zover bekend niet in "
        "China of Hongkong, dus dit geldt niet als vermelding: ga na of deze locatie die entiteit is.",
    },
    "reason.uflpa_xinjiang": {
        "en": "Site in Xinjiang: under the US Uyghur Forced Labor Prevention Act, goods made wholly or in "
        "part in Xinjiang are presumed to be made with forced labour (rebuttable presumption).",
        "nl": "Locatie in Xinjiang: volgens de Amerikaanse Uyghur Forced Labor Prevention Act wordt van "
        "goederen die geheel of gedeeltelijk in Xinjiang zijn gemaakt vermoed dat ze met dwangarbeid zijn "
        "gemaakt (weerlegbaar vermoeden).",
    },
    "reason.xinjiang_other_country": {
        "en": "The region names Xinjiang, but the country is {country}: one of the two is wrong. The UFLPA "
        "presumption for Xinjiang is not applied; correct the row.",
        "nl": "De regio noemt Xinjiang, maar het land is {country}: een van beide klopt niet. Het UFLPA-"
        "vermoeden voor Xinjiang wordt niet toegepast; verbeter de rij.",
    },
    "reason.ilo_not_ratified_raise": {
        "en": "{country} has not ratified ILO {conventions} ({year}); this raises the level by one.",
        "nl": "{country} heeft ILO-{conventions} niet geratificeerd ({year}); dit verhoogt het niveau met "
        "één stap.",
    },
    "reason.ilo_not_ratified": {
        "en": "{country} has not ratified ILO {conventions} ({year}).",
        "nl": "{country} heeft ILO-{conventions} niet geratificeerd ({year}).",
    },
    "reason.voice_accountability": {
        "en": "Voice and accountability in {country} scores {value} on the World Bank scale from −2.5 to "
        "2.5 ({year}).",
        "nl": "Inspraak en verantwoording (voice and accountability) in {country} scoort {value} op de "
        "schaal van de Wereldbank van −2,5 tot 2,5 ({year}).",
    },
    "reason.union_density_not_evidence": {
        "en": "Union density in {country} is {value}% ({year}), but where voice and accountability is weak "
        "unions may not be independent, so this figure is not read as evidence of freedom of association.",
        "nl": "De organisatiegraad van vakbonden in {country} is {value}% ({year}), maar waar inspraak en "
        "verantwoording zwak zijn, zijn vakbonden mogelijk niet onafhankelijk; dit cijfer geldt daarom niet "
        "als bewijs van vrijheid van vakvereniging.",
    },
    "reason.union_density": {
        "en": "Union density in {country} is {value}% of employees ({year}).",
        "nl": "De organisatiegraad van vakbonden in {country} is {value}% van de werknemers ({year}).",
    },
    "reason.bargaining_low": {
        "en": "Only {value}% of employees in {country} are covered by a collective agreement ({year}).",
        "nl": "Slechts {value}% van de werknemers in {country} valt onder een cao ({year}).",
    },
    "reason.working_poverty": {
        "en": "{value}% of workers in {country} live below the international poverty line of US$2.15 a day "
        "({year}).",
        "nl": "{value}% van de werkenden in {country} leeft onder de internationale armoedegrens van US$2,15 "
        "per dag ({year}).",
    },
    "reason.working_poverty_low": {
        "en": "{value}% of workers in {country} live below US$2.15 a day ({year}); a living wage lies far "
        "above that line, so this does not show that wages are living wages.",
        "nl": "{value}% van de werkenden in {country} leeft onder US$2,15 per dag ({year}); een leefbaar "
        "loon ligt ver boven die grens, dus dit laat niet zien dat de lonen leefbaar zijn.",
    },
    "reason.fatal_injuries": {
        "en": "{value} fatal occupational injuries per 100,000 workers in {country} ({year}); where few "
        "workers are insured, deaths are undercounted.",
        "nl": "{value} dodelijke arbeidsongevallen per 100.000 werkenden in {country} ({year}); waar weinig "
        "werkenden verzekerd zijn, worden sterfgevallen ondergeteld.",
    },
    "reason.wbl_index": {
        "en": "{country} scores {value} of 100 on the Women, Business and the Law index ({year}); it "
        "measures laws on the books, not practice.",
        "nl": "{country} scoort {value} van 100 op de Women, Business and the Law-index ({year}); die meet "
        "de wetgeving, niet de praktijk.",
    },
    "reason.primary_forest_loss": {
        "en": "{country} lost {value}% of its humid primary forest in 2002–{year}, and {activity} can drive "
        "deforestation.",
        "nl": "{country} verloor in 2002–{year} {value}% van zijn vochtige oerbos, en {activity} kan "
        "ontbossing veroorzaken.",
    },
    "reason.tree_cover_loss": {
        "en": "{country} lost {value}% of its tree cover in 2001–{year}; tree cover loss includes plantation "
        "harvest and is not the same as deforestation.",
        "nl": "{country} verloor in 2001–{year} {value}% van zijn boombedekking; dat verlies omvat ook de "
        "oogst van plantages en is niet hetzelfde als ontbossing.",
    },
    "reason.corruption_control": {
        "en": "Control of corruption in {country} scores {value} on the World Bank scale from −2.5 to 2.5 "
        "({year}).",
        "nl": "Corruptiebeheersing in {country} scoort {value} op de schaal van de Wereldbank van −2,5 tot "
        "2,5 ({year}).",
    },
    "reason.sector_hazard": {
        "en": "The activity {activity} carries a {level} risk for {theme} in itself (sector baseline).",
        "nl": "De activiteit {activity} brengt op zich een risico voor {theme} mee van niveau {level} "
        "(sectorinschatting).",
    },
    "reason.sector_floor": {
        "en": "The activity {activity} carries a {level} risk for {theme} (sector level); the country "
        "indicator can raise that level but not lower it.",
        "nl": "De activiteit {activity} brengt een risico voor {theme} mee van niveau {level} "
        "(sectorniveau); de landindicator kan dat niveau verhogen maar niet verlagen.",
    },
    "reason.baseline_no_data": {
        "en": "No country data on {theme} for {country}; level from the sector baseline for {activity}.",
        "nl": "Geen landgegevens over {theme} voor {country}; niveau volgens de sectorinschatting voor "
        "{activity}.",
    },
    "reason.baseline_forest_data_elsewhere": {
        "en": "The forest-loss data for {country} speaks of farming, forestry and mining only; level from "
        "the sector baseline for {activity}.",
        "nl": "De gegevens over bosverlies voor {country} gaan alleen over landbouw, bosbouw en mijnbouw; "
        "niveau volgens de sectorinschatting voor {activity}.",
    },
    "reason.baseline_country_unknown": {
        "en": "The country is unknown; level from the sector baseline for {activity}.",
        "nl": "Het land is onbekend; niveau volgens de sectorinschatting voor {activity}.",
    },
    "reason.baseline_capped": {
        "en": "The rule of law in {country} scores {value} on the World Bank scale from −2.5 to 2.5 "
        "({year}); at {limit} or above, the sector baseline is capped at {level}.",
        "nl": "De rechtsstaat in {country} scoort {value} op de schaal van de Wereldbank van −2,5 tot 2,5 "
        "({year}); vanaf {limit} is de sectorinschatting begrensd op {level}.",
    },
}

LABOUR_KINDS: Final[dict[str, dict[Lang, str]]] = {
    "child_labour": {"en": "child labour", "nl": "kinderarbeid"},
    "forced_labour": {"en": "forced labour", "nl": "dwangarbeid"},
    "forced_child_labour": {"en": "forced child labour", "nl": "gedwongen kinderarbeid"},
}

CONVENTION_NAMES: Final[dict[str, dict[Lang, str]]] = {
    "C029": {"en": "Forced Labour", "nl": "Dwangarbeid"},
    "P029": {"en": "Protocol to the Forced Labour Convention", "nl": "Protocol bij het Dwangarbeidverdrag"},
    "C087": {
        "en": "Freedom of Association and Protection of the Right to Organise",
        "nl": "Vrijheid van vakvereniging en bescherming van het vakverenigingsrecht",
    },
    "C098": {
        "en": "Right to Organise and Collective Bargaining",
        "nl": "Recht van organisatie en collectief onderhandelen",
    },
    "C100": {"en": "Equal Remuneration", "nl": "Gelijke beloning"},
    "C105": {"en": "Abolition of Forced Labour", "nl": "Afschaffing van dwangarbeid"},
    "C111": {"en": "Discrimination (Employment and Occupation)", "nl": "Discriminatie (arbeid en beroep)"},
    "C138": {"en": "Minimum Age", "nl": "Minimumleeftijd"},
    "C155": {"en": "Occupational Safety and Health", "nl": "Veiligheid en gezondheid op het werk"},
    "C182": {"en": "Worst Forms of Child Labour", "nl": "Ergste vormen van kinderarbeid"},
    "C187": {
        "en": "Promotional Framework for Occupational Safety and Health",
        "nl": "Bevorderend kader voor veiligheid en gezondheid op het werk",
    },
}

_AND: Final[dict[Lang, str]] = {"en": "and", "nl": "en"}
_NONE: Final[dict[Lang, str]] = {"en": "none", "nl": "geen"}


MORE: Final = "…"


def join_words(items: Sequence[str], lang: Lang) -> str:
    """Items as running text: "a", "a and b", "a, b and c" (Dutch "en"); a list cut short ends in ", …"."""
    if len(items) <= 1 or items[-1] == MORE:
        return ", ".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def format_number(value: float, lang: Lang) -> str:
    """A number with at most two decimals and no trailing zeros; Dutch uses a decimal comma."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    text = text.replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


def _kinds(value: Sequence[str], lang: Lang) -> str:
    return join_words([LABOUR_KINDS[kind][lang] for kind in value], lang)


def _conventions(value: Sequence[str], lang: Lang) -> str:
    return join_words([f"{code} ({CONVENTION_NAMES[code][lang]})" for code in value], lang)


_LOCALISERS: Final[dict[str, Callable[[Any, Lang], str]]] = {
    "activity": activity_label,
    "theme": theme_label,
    "level": lambda value, lang: Level(value).label(lang),
    "kinds": _kinds,
    "conventions": _conventions,
    "goods": lambda value, lang: join_words(list(value), lang),
    "lists": lambda value, lang: join_words(list(value), lang),
    "aliases": lambda value, lang: "; ".join(value) or _NONE[lang],
}


GOOD_PARAMS: Final = frozenset({"good", "input_good"})
COUNTRY_PARAMS: Final = frozenset({"country", "input_country"})


def localise_params(
    params: Mapping[str, Any],
    lang: Lang,
    *,
    good_label: Callable[[str, Lang], str] | None = None,
    country_label: Callable[[str, Lang], str] | None = None,
) -> dict[str, Any]:
    """Reason parameters as text in `lang`: labels for keys, joined lists, numbers in local notation.

    With `good_label`, the goods in `good`, `input_good` and the list `goods` are shown by their label
    in `lang` (a list cut short keeps its closing "…"); with `country_label`, the countries in `country`
    and `input_country` by their name in `lang`.
    """
    localised: dict[str, Any] = {}
    for key, value in params.items():
        if country_label is not None and key in COUNTRY_PARAMS and isinstance(value, str):
            localised[key] = country_label(value, lang)
        elif good_label is not None and key in GOOD_PARAMS and isinstance(value, str):
            localised[key] = good_label(value, lang)
        elif good_label is not None and key == "goods":
            localised[key] = join_words(
                [item if item == MORE else good_label(item, lang) for item in value], lang
            )
        elif key in _LOCALISERS:
            localised[key] = _LOCALISERS[key](value, lang)
        elif isinstance(value, float):
            localised[key] = format_number(value, lang)
        else:
            localised[key] = value
    return localised
