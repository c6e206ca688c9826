"""Inherent risk per site and theme, from the reference data and the sector baseline.

`assess_site` applies the rules of docs/risk-model.md to one site profile (country, activity, goods and,
for the UFLPA screening, the company name). Every level carries the reasons that set or support it, each
with its source, so a reader can check it. Where no source covers a theme for the site's country, the level
comes from the sector baseline and the risk is marked `baseline`: a country missing from a source has no
finding there, which is not the same as no risk.
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final
from weakref import WeakKeyDictionary

from chainmap.activities import ACTIVITIES, ORIGIN_ACTIVITIES
from chainmap.analysis.baseline import sector_level
from chainmap.analysis.flow import input_fractions
from chainmap.analysis.regions import RegionCheck, region_check
from chainmap.chain import suppliers_of
from chainmap.messages import render
from chainmap.messages.reasons import MORE, localise_params
from chainmap.reference import (
    DOL_GOODS_SOURCES,
    SOURCES,
    Country,
    DolListing,
    ReferenceData,
    ScreeningResult,
    company_screener,
    country_label,
    good_label,
    screen_company,
)
from chainmap.themes import THEMES, Lang, Level

if TYPE_CHECKING:
    import networkx as nx

ILO_SOURCE_YEAR: Final = 2026  # edition of the NORMLEX ratification table (July 2026)
# Edition of the DOL country findings; each DOL goods listing carries its own (DolListing.edition).
DOL_YEAR: Final = 2022
DEFORESTATION_ACTIVITIES: Final[frozenset[str]] = frozenset({"farming", "forestry", "mining"})
# Themes where the activity is a hazard in itself: its sector level counts even where country data exists,
# and it is not capped by a strong rule of law.
INTRINSIC_HAZARD_THEMES: Final[frozenset[str]] = frozenset({"health_safety", "environment"})
STRONG_RULE_OF_LAW: Final = 1.0
# Caps on the sector baseline by the WGI rule-of-law estimate (world mean 0): the baseline is a global
# reading, and where law is enforced the worst forms of abuse are less common.
BASELINE_CAPS: Final[tuple[tuple[float, Level], ...]] = ((STRONG_RULE_OF_LAW, Level.LOW), (0.0, Level.MEDIUM))


class Evidence(StrEnum):
    """What kind of evidence set a risk level; it drives the likelihood of the hotspot score."""

    LISTING = "listing"  # this good made at this site in a listed country, or this company on the UFLPA list
    LISTING_HANDLED = "listing_handled"  # a listed good the site processes or trades there, origin not mapped
    COUNTRY = "country"  # a country indicator
    BASELINE = "baseline"  # the sector baseline only


EVIDENCE_LIKELIHOOD: Final[dict[Evidence, float]] = {
    Evidence.LISTING: 1.0,
    Evidence.LISTING_HANDLED: 0.8,
    Evidence.COUNTRY: 0.7,
    Evidence.BASELINE: 0.4,
}

# Where a good of each DOL sector is made (DOL's own sector per good): a listing applies with full
# likelihood at a site with one of these activities and with less at a site that processes or trades it.
PRODUCING_ACTIVITIES: Final[dict[str, frozenset[str]]] = {
    "Agriculture": frozenset({"farming", "fishing", "forestry"}),
    "Mining": frozenset({"mining", "quarrying"}),
    "Manufacturing": ACTIVITIES - ORIGIN_ACTIVITIES - {"trading", "transport", "warehousing"},
}
# The reasons of a DOL listing of one of the site's own goods; their `good` names the listed good.
LISTING_REASONS: Final[frozenset[str]] = frozenset(
    {
        "reason.dol_good",
        "reason.dol_good_input",
        "reason.dol_good_unnamed_input",
        "reason.dol_good_origin_not_mapped",
    }
)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a risk has its level: a message code with language-neutral parameters and its source key."""

    code: str
    params: Mapping[str, Any]
    source: str

    def text(self, lang: Lang = "en") -> str:
        """The reason as a sentence in `lang`; goods and countries are named in `lang` ("katoen",
        "Duitsland").

        Labels come from the reference data (`good_label`, `country_label`), passed in here so that the
        message catalogue stays free of reference data. A Dutch label is lower case, so a sentence that
        begins with a good gets a capital first letter ("Katoen uit Turkmenistan ...").
        """
        params = localise_params(self.params, lang, good_label=good_label, country_label=country_label)
        text = render(self.code, params, lang)
        return text[:1].upper() + text[1:]

    @property
    def citation(self) -> str:
        """The short citation of the reason's source, e.g. "World Bank, Worldwide ... (2024 update ...)"."""
        return SOURCES[self.source].citation


@dataclass(frozen=True, slots=True)
class Risk:
    """The inherent risk of one theme at one site.

    `baseline` is True when no source covers the theme for the site's country and the level comes from
    the sector baseline. `evidence` is the kind of evidence behind the level and `rule_of_law` the WGI
    rule-of-law estimate of the country (None when unknown); together they give the likelihood.
    """

    theme: str
    level: Level
    reasons: tuple[Reason, ...]
    baseline: bool
    evidence: Evidence | None = None
    rule_of_law: float | None = None

    @property
    def listed_good(self) -> str | None:
        """The good whose DOL listing set the level, when a listing of one of the site's goods did."""
        if self.evidence not in (Evidence.LISTING, Evidence.LISTING_HANDLED):
            return None
        return next(
            (str(reason.params["good"]) for reason in self.reasons if reason.code in LISTING_REASONS), None
        )

    @property
    def likelihood(self) -> float:
        """How likely the risk is to occur, 0.1-1: by evidence kind, adjusted for the rule of law.

        Specific listings weigh 1.0, country indicators 0.7 and the sector baseline 0.4; a weak rule of
        law (WGI RL < -1: +0.2, < 0: +0.1) makes harm more likely, a strong one (>= 1: -0.1) less.
        """
        kind = self.evidence or (Evidence.BASELINE if self.baseline else Evidence.COUNTRY)
        value = EVIDENCE_LIKELIHOOD[kind]
        if self.rule_of_law is not None:
            if self.rule_of_law < -1.0:
                value += 0.2
            elif self.rule_of_law < 0.0:
                value += 0.1
            elif self.rule_of_law >= STRONG_RULE_OF_LAW:
                value -= 0.1
        return min(1.0, max(0.1, value))


_EVIDENCE_STRENGTH: Final[dict[Evidence, int]] = {
    Evidence.BASELINE: 0,
    Evidence.COUNTRY: 1,
    Evidence.LISTING_HANDLED: 2,
    Evidence.LISTING: 3,
}


@dataclass
class _Assessment:
    """The level of one theme as the rules build it up; `covered` once a source speaks about the country."""

    level: Level = Level.NONE_KNOWN
    evidence: Evidence | None = None
    covered: bool = False
    baseline: bool = False
    reasons: list[Reason] = field(default_factory=list)

    def add(self, level: Level, evidence: Evidence, reason: Reason) -> None:
        """Record a reason; the level becomes the higher of the two, the evidence the one behind it."""
        self.reasons.append(reason)
        if evidence is not Evidence.BASELINE:
            self.covered = True
        if self.evidence is None or level > self.level:
            self.level, self.evidence = max(level, self.level), evidence
        elif level == self.level and _EVIDENCE_STRENGTH[evidence] > _EVIDENCE_STRENGTH[self.evidence]:
            self.evidence = evidence

    def note(self, reason: Reason) -> None:
        """Record a supporting reason that does not change the level."""
        self.reasons.append(reason)

    def raise_by_one(self, cap: Level, reason: Reason, *, unchanged: Reason) -> None:
        """Raise the level one step, not above `cap` (and never lower it), with `reason`; where the cap or
        very high leaves the level as it is, record `unchanged` instead."""
        raised = max(self.level, min(Level(min(self.level + 1, Level.VERY_HIGH)), cap))
        self.reasons.append(reason if raised > self.level else unchanged)
        self.level = raised


@dataclass(frozen=True)
class _Site:
    """What the rules read about one site: its country record (if known) and what happens there.

    `sourced_goods` are the site's goods that one of its mapped suppliers delivers: for those a trader or
    processor takes its origin from the suppliers, not from its own country.
    """

    iso2: str | None
    country: Country | None
    country_name: str
    activity: str
    goods: tuple[str, ...]
    screening: ScreeningResult
    reference: ReferenceData
    sourced_goods: frozenset[str] = frozenset()
    region: RegionCheck = RegionCheck.NONE

    def produces(self, good: str) -> bool:
        """True when the site's activity makes `good`, by the good's DOL sector (docs/risk-model.md §4.1).

        An activity outside the vocabulary, or a good without a DOL sector, counts as producing: nothing
        says the site only handles it, so the listing applies in full.
        """
        record = self.reference.goods.get(good)
        producing = PRODUCING_ACTIVITIES.get(record.sector) if record is not None else None
        if producing is None or self.activity not in ACTIVITIES:
            return True
        return self.activity in producing

    def indicator(self, key: str) -> tuple[float, int] | None:
        if self.country is None:
            return None
        found = self.country.indicator(key)
        return None if found is None else (found.value, found.year)


def _reason(code: str, source: str, **params: Any) -> Reason:
    return Reason(code, params, source)


_KIND_ORDER: Final[tuple[str, ...]] = ("forced_labour", "child_labour", "forced_child_labour")


def _kinds(child: bool, forced: bool, forced_child: bool) -> tuple[str, ...]:
    """The kinds of labour a DOL listing names, in a fixed order."""
    flags = {"forced_labour": forced, "child_labour": child, "forced_child_labour": forced_child}
    return tuple(kind for kind in _KIND_ORDER if flags[kind])


# A good whose own name has no listing in a country, but falls under a listed good there: gloves from
# Malaysia are rubber gloves, and DOL lists the quarrying of stones in India, whatever the stone.
RELATED_LISTED_GOODS: Final[dict[str, tuple[str, ...]]] = {
    "Gloves": ("Rubber Gloves",),
    "Granite": ("Stones",),
    "Granite (crushed)": ("Granite", "Stones"),
    "Stones (limestone)": ("Stones",),
    "Stones (pumice)": ("Stones",),
    "Sandstone": ("Stones",),
    "Marble": ("Stones",),
    "Slate": ("Stones",),
    "Gravel (crushed stones)": ("Stones",),
}


def country_listing(good: str, iso2: str, reference: ReferenceData) -> DolListing | None:
    """The DOL listing of `good` in a country, or else of the listed good it falls under there
    (RELATED_LISTED_GOODS): "Granite" from India meets India's listing of Stones."""
    listing = reference.listing(good, iso2)
    if listing is None:
        listing = next(
            (
                found
                for related in RELATED_LISTED_GOODS.get(good, ())
                if (found := reference.listing(related, iso2)) is not None
            ),
            None,
        )
    return listing


def _good_listings(site: _Site) -> list[tuple[DolListing, tuple[str, ...], bool]]:
    """The DOL listings of the site's goods in its country that apply there, with the kinds of labour
    listed and whether the site produces the good.

    A listing names a good produced in a country. At a site that only processes or trades the good, it
    applies only while the good's origin is not mapped; once its suppliers of the good are mapped, the
    origin is their country (docs/risk-model.md §4). A good listed for an input made with child or forced
    labour (solar modules from polysilicon) points to where that input comes from, so it too gives way
    once the input's origin is mapped, wherever the good itself is made.
    """
    if site.iso2 is None:
        return []
    found = []
    for good in site.goods:
        listing = country_listing(good, site.iso2, site.reference)
        if listing is None:
            continue
        derived = listing.input_good is not None or listing.via_input
        produced = derived or site.produces(good)
        if (not produced or derived) and good in site.sourced_goods:
            continue
        kinds = _kinds(listing.child_labour, listing.forced_labour, listing.forced_child_labour)
        found.append((listing, kinds, produced))
    return found


def _listing_evidence(produced: bool) -> Evidence:
    return Evidence.LISTING if produced else Evidence.LISTING_HANDLED


@dataclass(frozen=True)
class _ListingIndex:
    """The DOL listings arranged for the rules.

    `by_country`: per country its listed goods with their kinds of labour; `country_counts`: per good in
    how many countries it is listed for each kind.
    """

    by_country: dict[str, list[tuple[str, frozenset[str]]]]
    country_counts: dict[str, dict[str, int]]


_LISTING_INDEXES: "WeakKeyDictionary[ReferenceData, _ListingIndex]" = WeakKeyDictionary()


def _listing_index(reference: ReferenceData) -> _ListingIndex:
    """The listing index of a reference set, built once and kept while the reference set lives."""
    index = _LISTING_INDEXES.get(reference)
    if index is None:
        by_country: dict[str, list[tuple[str, frozenset[str]]]] = {}
        counts: dict[str, dict[str, int]] = {}
        for iso2 in reference.countries:
            for listing in reference.listings_in(iso2):
                kinds = _kinds(listing.child_labour, listing.forced_labour, listing.forced_child_labour)
                by_country.setdefault(iso2, []).append((listing.good, frozenset(kinds)))
                for kind in kinds:
                    good_counts = counts.setdefault(listing.good, {})
                    good_counts[kind] = good_counts.get(kind, 0) + 1
        index = _LISTING_INDEXES[reference] = _ListingIndex(by_country, counts)
    return index


def _other_goods(site: _Site, kinds: frozenset[str]) -> list[str]:
    """Goods other than the site's own that the DOL lists in its country for one of `kinds`."""
    if site.iso2 is None:
        return []
    listed = _listing_index(site.reference).by_country.get(site.iso2, ())
    return sorted({good for good, good_kinds in listed if good not in site.goods and good_kinds & kinds})


def _unknown_country_goods(site: _Site, assessment: _Assessment, kinds: frozenset[str]) -> None:
    """Where the country is unknown, a good that the DOL lists for `kinds` somewhere is at least medium."""
    if site.iso2 is not None:
        return
    index = _listing_index(site.reference).country_counts
    for good in site.goods:
        counts = index.get(good, {})
        listed = tuple(kind for kind in _KIND_ORDER if kind in kinds and counts.get(kind))
        if listed:
            editions = _editions(site.reference, good=good)
            reason = _reason(
                "reason.dol_good_unknown_country",
                DOL_GOODS_SOURCES[max(editions)],
                good=good,
                kinds=listed,
                count=max(counts[kind] for kind in listed),
                year="/".join(map(str, editions)),
            )
            assessment.add(Level.MEDIUM, Evidence.BASELINE, reason)


def _editions(reference: ReferenceData, *, good: str | None = None, country: str | None = None) -> list[int]:
    """The DOL editions (2022, 2024) of the listings of a good, or of a country, oldest first."""
    if country is not None:
        return sorted({listing.edition for listing in reference.listings_in(country)})
    return sorted(
        {
            listing.edition
            for iso2 in reference.countries
            for listing in reference.listings_in(iso2)
            if listing.good == good
        }
    )


def _listing_reason(site: _Site, listing: DolListing, kinds: tuple[str, ...], produced: bool) -> Reason:
    """The reason a DOL listing gives, citing the listing's own edition ("US DOL, 2024" or "2022"); at a
    site that does not make the good, that its origin is not mapped; for a good listed for its input, the
    reason names that input, or says that DOL does not name it."""
    source = DOL_GOODS_SOURCES[listing.edition]
    if not produced:
        return _reason(
            "reason.dol_good_origin_not_mapped",
            source,
            good=listing.good,
            country=site.country_name,
            kinds=kinds,
            activity=site.activity,
            year=listing.edition,
        )
    if listing.input_good is not None and listing.input_country is not None:
        input_country = site.reference.countries.get(listing.input_country)
        return _reason(
            "reason.dol_good_input",
            source,
            good=listing.good,
            country=site.country_name,
            input_good=listing.input_good,
            input_country=input_country.name if input_country is not None else listing.input_country,
            kinds=kinds,
            year=listing.edition,
        )
    code = "reason.dol_good_unnamed_input" if listing.via_input else "reason.dol_good"
    return _reason(
        code, source, good=listing.good, country=site.country_name, kinds=kinds, year=listing.edition
    )


_OTHER_GOODS_SHOWN: Final = 5


def _other_goods_reason(site: _Site, names: Sequence[str], kinds: tuple[str, ...]) -> Reason:
    shown = list(names[:_OTHER_GOODS_SHOWN])
    if len(names) > _OTHER_GOODS_SHOWN:
        shown.append(MORE)
    # The 2024 overlay replaces a country's listings whole, so they share one edition.
    editions = _editions(site.reference, country=site.iso2) if site.iso2 is not None else [DOL_YEAR]
    return _reason(
        "reason.dol_other_goods",
        DOL_GOODS_SOURCES[max(editions)],
        country=site.country_name,
        count=len(names),
        kinds=kinds,
        goods=tuple(shown),
        year="/".join(map(str, editions)),
    )


def _graded(value: float, thresholds: Sequence[tuple[float, Level]], *, higher_is_worse: bool) -> Level:
    """The level of the first threshold `value` reaches, thresholds from the worst down; else none known.

    Where higher is worse a value reaches a threshold at or above it; where lower is worse, below it.
    """
    for limit, level in thresholds:
        if (value >= limit) if higher_is_worse else (value < limit):
            return level
    return Level.NONE_KNOWN


_H, _M, _L, _VH = Level.HIGH, Level.MEDIUM, Level.LOW, Level.VERY_HIGH
WORKING_CHILDREN: Final = ((20.0, _H), (10.0, _M), (1e-9, _L))  # % of children 5-14 working; any > 0 is low
VOICE_ACCOUNTABILITY: Final = ((-1.0, _H), (-0.5, _M), (0.5, _L))  # WGI, below the limit
WORKING_POVERTY: Final = ((30.0, _H), (10.0, _M), (0.0, _L))  # %; every value is at least low, see docs
FATAL_INJURIES: Final = ((10.0, _H), (5.0, _M), (2.0, _L))  # per 100,000 workers
# 0-100, below the limit. It scores laws on the books, not practice, so on its own it stops at high; 75 is
# about the world mean (77.9 over 190 economies in the 2023 edition).
WBL_INDEX: Final = ((50.0, _H), (75.0, _M), (100.0, _L))
PRIMARY_FOREST_LOSS: Final = ((8.0, _H), (4.0, _M), (1.0, _L))  # % of 2001 humid primary forest lost
TREE_COVER_LOSS: Final = ((10.0, _L),)  # % of 2000 tree cover lost; not deforestation, so at most low
CORRUPTION_CONTROL: Final = ((-1.5, _VH), (-1.0, _H), (-0.5, _M), (0.5, _L))  # WGI, below the limit
LOW_BARGAINING_COVERAGE: Final = 30.0  # % of employees covered by a collective agreement


def _child_labour(site: _Site, a: _Assessment) -> None:
    for listing, kinds, produced in _good_listings(site):
        if "forced_child_labour" in kinds or "child_labour" in kinds:
            level = Level.VERY_HIGH if "forced_child_labour" in kinds else Level.HIGH
            a.add(level, _listing_evidence(produced), _listing_reason(site, listing, kinds, produced))
    working = site.indicator("working_children")
    if working is not None:
        share, year = working
        ages = site.country.working_children_ages if site.country is not None else "5-14"
        reason = _reason(
            "reason.working_children",
            "dol_countries",
            share=share,
            ages=ages.replace("-", "–"),
            country=site.country_name,
            year=year,
        )
        a.add(_graded(share, WORKING_CHILDREN, higher_is_worse=True), Evidence.COUNTRY, reason)
    others = _other_goods(site, frozenset({"child_labour", "forced_child_labour"}))
    if others:
        a.add(Level.MEDIUM, Evidence.COUNTRY, _other_goods_reason(site, others, ("child_labour",)))
    if site.country is not None and site.country.dol_advancement:
        a.note(
            _reason(
                "reason.dol_advancement",
                "dol_countries",
                country=site.country_name,
                advancement=site.country.dol_advancement,
                year=DOL_YEAR,
            )
        )
    _unknown_country_goods(site, a, frozenset({"child_labour", "forced_child_labour"}))


def _forced_labour(site: _Site, a: _Assessment) -> None:
    for listing, kinds, produced in _good_listings(site):
        if "forced_labour" in kinds or "forced_child_labour" in kinds:
            reason = _listing_reason(site, listing, kinds, produced)
            a.add(Level.VERY_HIGH, _listing_evidence(produced), reason)
    _uflpa(site, a)
    if site.region is RegionCheck.XINJIANG:
        a.add(Level.VERY_HIGH, Evidence.LISTING, _reason("reason.uflpa_xinjiang", "uflpa_act"))
    elif site.region is RegionCheck.CONFLICT:
        a.note(_reason("reason.xinjiang_other_country", "uflpa_act", country=site.country_name))
    others = _other_goods(site, frozenset({"forced_labour", "forced_child_labour"}))
    if others:
        a.add(Level.MEDIUM, Evidence.COUNTRY, _other_goods_reason(site, others, ("forced_labour",)))
    _unknown_country_goods(site, a, frozenset({"forced_labour", "forced_child_labour"}))


def _uflpa(site: _Site, a: _Assessment) -> None:
    """The UFLPA screening of the site's name: a listing is very high; a possible match is not asserted
    but raises forced labour to at least high with country-like evidence, for a person to verify."""
    entity = site.screening.listing
    if entity is not None:
        reason = _reason(
            "reason.uflpa_entity",
            "uflpa",
            entity=entity.name,
            lists=_uflpa_lists(entity.lists),
            date=entity.date_added,
        )
        a.add(Level.VERY_HIGH, Evidence.LISTING, reason)
    for match in site.screening.possible:
        reason = _reason(
            "reason.uflpa_possible_short" if match.short else "reason.uflpa_possible",
            "uflpa",
            matched=match.matched,
            score=match.score,
            entity=match.entity.name,
            aliases=match.entity.aliases,
            lists=_uflpa_lists(match.entity.lists),
            date=match.entity.date_added,
        )
        a.add(Level.HIGH, Evidence.COUNTRY, reason)


def _uflpa_lists(lists: Sequence[str]) -> tuple[str, ...]:
    """The UFLPA list sections of an entry ("2(d)(2)(B)(ii)"), without their descriptions."""
    return tuple(sorted({entry.split(":", 1)[0].strip() for entry in lists}))


def _freedom_of_association(site: _Site, a: _Assessment) -> None:
    voice = site.indicator("voice_accountability")
    if voice is None:
        return
    value, year = voice
    reason = _reason("reason.voice_accountability", "wgi", country=site.country_name, value=value, year=year)
    a.add(_graded(value, VOICE_ACCOUNTABILITY, higher_is_worse=False), Evidence.COUNTRY, reason)
    density = site.indicator("union_density")
    if density is not None:
        code = "reason.union_density_not_evidence" if value < 0 else "reason.union_density"
        a.note(
            _reason(
                code, "ilostat_union_density", country=site.country_name, value=density[0], year=density[1]
            )
        )
    coverage = site.indicator("bargaining_coverage")
    if coverage is not None and value >= 0 and coverage[0] < LOW_BARGAINING_COVERAGE:
        a.note(
            _reason(
                "reason.bargaining_low",
                "ilostat_bargaining",
                country=site.country_name,
                value=coverage[0],
                year=coverage[1],
            )
        )


def _living_wage(site: _Site, a: _Assessment) -> None:
    poverty = site.indicator("working_poverty")
    if poverty is None:
        return
    value, year = poverty
    code = "reason.working_poverty" if value >= 2 else "reason.working_poverty_low"
    reason = _reason(code, "ilostat_working_poverty", country=site.country_name, value=value, year=year)
    a.add(_graded(value, WORKING_POVERTY, higher_is_worse=True), Evidence.COUNTRY, reason)
    _sector_floor(site, a, "living_wage")


def _sector_floor(site: _Site, a: _Assessment, theme: str) -> None:
    """The sector level as a floor under a country indicator, capped where the rule of law is strong.

    Working poverty counts workers below US$2.15 a day, far under any living wage: a low share says
    little about wages in a labour-intensive sector, so the indicator may raise the sector's level but
    never lower it. Where law is enforced the sector level is capped as the baseline is (section 5).
    """
    level, cap = _capped_sector_level(site, theme)
    if level > a.level:
        a.add(
            level,
            Evidence.BASELINE,
            _reason(
                "reason.sector_floor",
                "chainmap_baseline",
                activity=site.activity,
                level=int(level),
                theme=theme,
            ),
        )
        if cap is not None:
            _note_cap(site, a, cap)


def _capped_sector_level(site: _Site, theme: str) -> tuple[Level, tuple[float, Level] | None]:
    """The sector level of `theme`, and the rule-of-law cap that lowered it (None when none did)."""
    level = sector_level(site.activity, theme)
    rule_of_law = site.indicator("rule_of_law")
    if theme in INTRINSIC_HAZARD_THEMES or rule_of_law is None:
        return level, None
    cap = next(((limit, capped) for limit, capped in BASELINE_CAPS if rule_of_law[0] >= limit), None)
    if cap is None or level <= cap[1]:
        return level, None
    return cap[1], cap


def _note_cap(site: _Site, a: _Assessment, cap: tuple[float, Level]) -> None:
    rule_of_law = site.indicator("rule_of_law")
    if rule_of_law is None:
        return
    a.note(
        _reason(
            "reason.baseline_capped",
            "wgi",
            country=site.country_name,
            value=rule_of_law[0],
            year=rule_of_law[1],
            limit=cap[0],
            level=int(cap[1]),
        )
    )


def _health_safety(site: _Site, a: _Assessment) -> None:
    fatal = site.indicator("fatal_injury_rate")
    if fatal is None:
        return
    value, year = fatal
    reason = _reason(
        "reason.fatal_injuries", "ilostat_fatal_injuries", country=site.country_name, value=value, year=year
    )
    a.add(_graded(value, FATAL_INJURIES, higher_is_worse=True), Evidence.COUNTRY, reason)
    _sector_hazard(site, a, "health_safety")


def _discrimination(site: _Site, a: _Assessment) -> None:
    wbl = site.indicator("wbl_index")
    if wbl is None:
        return
    value, year = wbl
    reason = _reason("reason.wbl_index", "wbl", country=site.country_name, value=value, year=year)
    a.add(_graded(value, WBL_INDEX, higher_is_worse=False), Evidence.COUNTRY, reason)


def _environment(site: _Site, a: _Assessment) -> None:
    if site.activity not in DEFORESTATION_ACTIVITIES:
        return
    primary = site.indicator("primary_forest_loss")
    tree_cover = site.indicator("tree_cover_loss")
    if primary is not None:
        reason = _reason(
            "reason.primary_forest_loss",
            "gfw",
            country=site.country_name,
            value=primary[0],
            year=primary[1],
            activity=site.activity,
        )
        a.add(_graded(primary[0], PRIMARY_FOREST_LOSS, higher_is_worse=True), Evidence.COUNTRY, reason)
    elif tree_cover is not None:
        reason = _reason(
            "reason.tree_cover_loss",
            "gfw",
            country=site.country_name,
            value=tree_cover[0],
            year=tree_cover[1],
        )
        a.add(_graded(tree_cover[0], TREE_COVER_LOSS, higher_is_worse=True), Evidence.COUNTRY, reason)
    else:
        return
    _sector_hazard(site, a, "environment")


def _corruption(site: _Site, a: _Assessment) -> None:
    control = site.indicator("corruption_control")
    if control is None:
        return
    value, year = control
    reason = _reason("reason.corruption_control", "wgi", country=site.country_name, value=value, year=year)
    a.add(_graded(value, CORRUPTION_CONTROL, higher_is_worse=False), Evidence.COUNTRY, reason)


def _sector_hazard(site: _Site, a: _Assessment, theme: str) -> None:
    level = sector_level(site.activity, theme)
    reason = _reason(
        "reason.sector_hazard", "chainmap_baseline", activity=site.activity, level=int(level), theme=theme
    )
    a.add(level, Evidence.BASELINE, reason)


_RULES: Final[dict[str, Callable[[_Site, _Assessment], None]]] = {
    "child_labour": _child_labour,
    "forced_labour": _forced_labour,
    "freedom_of_association": _freedom_of_association,
    "living_wage": _living_wage,
    "health_safety": _health_safety,
    "discrimination": _discrimination,
    "environment": _environment,
    "corruption": _corruption,
}

# ILO instruments whose absence raises a theme by one step up to a cap, and those only noted.
_RATIFICATION_RAISES: Final[dict[str, tuple[tuple[str, ...], Level]]] = {
    "child_labour": (("C138", "C182"), Level.VERY_HIGH),
    "forced_labour": (("C029", "C105"), Level.MEDIUM),
    "freedom_of_association": (("C087", "C098"), Level.VERY_HIGH),
    "discrimination": (("C100", "C111"), Level.VERY_HIGH),
}
_RATIFICATION_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "forced_labour": ("P029",),
    "health_safety": ("C155", "C187"),
}


def _sector_baseline(site: _Site, theme: str, a: _Assessment) -> None:
    """No source covers the theme for this country: take the sector level, capped where law is strong."""
    if site.iso2 is None:
        reason = _reason("reason.baseline_country_unknown", "chainmap_baseline", activity=site.activity)
    elif (
        theme == "environment"
        and site.activity not in DEFORESTATION_ACTIVITIES
        and (site.indicator("primary_forest_loss") or site.indicator("tree_cover_loss"))
    ):
        reason = _reason(
            "reason.baseline_forest_data_elsewhere",
            "chainmap_baseline",
            country=site.country_name,
            activity=site.activity,
        )
    else:
        reason = _reason(
            "reason.baseline_no_data",
            "chainmap_baseline",
            theme=theme,
            country=site.country_name,
            activity=site.activity,
        )
    level, cap = _capped_sector_level(site, theme)
    a.baseline = True
    a.add(level, Evidence.BASELINE, reason)
    if cap is not None:
        _note_cap(site, a, cap)


def _ratification(site: _Site, theme: str, a: _Assessment) -> None:
    if site.country is None or not site.country.ilo_member:
        return
    missing_notes = tuple(c for c in _RATIFICATION_NOTES.get(theme, ()) if c not in site.country.ratified)
    if theme in _RATIFICATION_RAISES:
        conventions, cap = _RATIFICATION_RAISES[theme]
        missing = tuple(c for c in conventions if c not in site.country.ratified)
        if missing:
            params = {"country": site.country_name, "conventions": missing, "year": ILO_SOURCE_YEAR}
            a.raise_by_one(
                cap,
                _reason("reason.ilo_not_ratified_raise", "ilo_normlex", **params),
                unchanged=_reason("reason.ilo_not_ratified", "ilo_normlex", **params),
            )
    if missing_notes:
        a.note(
            _reason(
                "reason.ilo_not_ratified",
                "ilo_normlex",
                country=site.country_name,
                conventions=missing_notes,
                year=ILO_SOURCE_YEAR,
            )
        )


# Which site attributes each theme's rules read besides country and activity: a theme's risk is assessed
# once per distinct combination of these.
_GOODS_THEMES: Final[frozenset[str]] = frozenset({"child_labour", "forced_labour"})
_ENTITY_THEMES: Final[frozenset[str]] = frozenset({"forced_labour"})
_REGION_THEMES: Final[frozenset[str]] = frozenset({"forced_labour"})

# country, activity, goods, UFLPA screening, goods delivered by mapped suppliers, and whether the site is
# in Xinjiang (a bool rather than the region as written, so that every spelling of every other region
# shares one profile).
_ProfileKey = tuple[str | None, str, tuple[str, ...], ScreeningResult, frozenset[str], RegionCheck]


class _RiskCache:
    """Risks assessed so far for one reference set: per site profile, and per theme on what it reads."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.profiles: dict[_ProfileKey, dict[str, Risk]] = {}
        self.themes: dict[tuple[object, ...], Risk] = {}

    def risks(self, key: _ProfileKey) -> dict[str, Risk]:
        found = self.profiles.get(key)
        if found is None:
            found = self.profiles[key] = self._assess(*key)
        return found

    def _assess(
        self,
        iso2: str | None,
        activity: str,
        goods: tuple[str, ...],
        screening: ScreeningResult,
        sourced: frozenset[str],
        region: RegionCheck,
    ) -> dict[str, Risk]:
        site: _Site | None = None
        risks: dict[str, Risk] = {}
        for theme in THEMES:
            theme_key = (
                theme,
                iso2,
                activity,
                goods if theme in _GOODS_THEMES else None,
                sourced if theme in _GOODS_THEMES else None,
                screening if theme in _ENTITY_THEMES else None,
                region if theme in _REGION_THEMES else None,
            )
            risk = self.themes.get(theme_key)
            if risk is None:
                site = site or _site(iso2, activity, goods, screening, self.reference, sourced, region=region)
                risk = self.themes[theme_key] = _assess_theme(site, theme)
            risks[theme] = risk
        return risks


def _site(
    iso2: str | None,
    activity: str,
    goods: tuple[str, ...],
    screening: ScreeningResult,
    reference: ReferenceData,
    sourced: frozenset[str] = frozenset(),
    *,
    region: RegionCheck = RegionCheck.NONE,
) -> _Site:
    country = reference.countries.get(iso2) if iso2 is not None else None
    name = country.name if country is not None else (iso2 or "")
    return _Site(iso2, country, name, activity, goods, screening, reference, sourced, region)


def _assess_theme(site: _Site, theme: str) -> Risk:
    """One theme at one site: its rules, the sector baseline where no source covers it, then ratification."""
    assessment = _Assessment()
    _RULES[theme](site, assessment)
    if not assessment.covered:
        _sector_baseline(site, theme, assessment)
    _ratification(site, theme, assessment)
    rule_of_law = site.indicator("rule_of_law")
    return Risk(
        theme=theme,
        level=assessment.level,
        reasons=tuple(assessment.reasons),
        baseline=assessment.baseline,
        evidence=assessment.evidence,
        rule_of_law=rule_of_law[0] if rule_of_law is not None else None,
    )


def assess_site(
    *,
    country: str | None,
    activity: str,
    goods: Sequence[str],
    name: str,
    reference: ReferenceData,
    sourced_goods: Collection[str] = (),
    region: str = "",
) -> dict[str, Risk]:
    """The inherent risk of every theme in THEMES at a site, with its reasons (docs/risk-model.md).

    `country` is an ISO alpha-2 code or None when unknown; `name` is screened against the UFLPA list
    (`chainmap.reference.screen_company`); `sourced_goods` are the site's goods that a mapped supplier
    delivers to it (see `sourced_goods`); `region` as written, where Xinjiang carries the UFLPA
    presumption (`chainmap.analysis.regions.region_check`).
    """
    key = (
        country,
        activity,
        tuple(goods),
        screen_company(name, country=country, reference=reference),
        frozenset(sourced_goods) & frozenset(goods),
        region_check(region, country),
    )
    return _RiskCache(reference).risks(key)


_NOTHING_SOURCED: Final[frozenset[str]] = frozenset()


def sourced_goods(graph: "nx.DiGraph[str]", node: str, *, reference: ReferenceData) -> frozenset[str]:
    """The listed goods of `node` whose origin is mapped: a trader or processor of them takes its origin
    from its suppliers instead of its own country's listing (docs/risk-model.md §4).

    The origin of a good listed in the site's country is mapped when at least one supplier delivers it
    (the same good, or the input it is listed for, or another good listed for that input: crude palm oil
    for a refinery of palm oil) and the site's input is mapped in full: the suppliers' shares leave
    nothing unmapped, and every supplier that delivers part of the input has a known country. A 5 %
    supplier of the good, or a supplier of unknown country, leaves the origin unmapped, so adding a site of
    unknown country never maps an origin.
    """
    data = graph.nodes[node]
    goods, iso2 = data.get("goods", ()), data.get("country")
    if not goods or iso2 is None:
        return _NOTHING_SOURCED
    listed = _country_listings(tuple(goods), iso2, reference)
    return _mapped_goods(listed, iso2, suppliers_of(graph)[node], graph._node, reference)  # type: ignore[attr-defined]


def _country_listings(
    goods: tuple[str, ...], iso2: str, reference: ReferenceData
) -> list[tuple[str, DolListing]]:
    """The site's goods with their listing in its country (`country_listing`), those without one left out."""
    return [
        (good, listing) for good in goods if (listing := country_listing(good, iso2, reference)) is not None
    ]


def _mapped_goods(
    listed: list[tuple[str, DolListing]],
    iso2: str,
    links: Mapping[str, Mapping[str, Any]],
    sites: Mapping[str, Mapping[str, Any]],
    reference: ReferenceData,
) -> frozenset[str]:
    """The goods of `listed` whose origin the suppliers in `links` map (`sourced_goods`); `sites` are the
    graph's node attributes."""
    if not listed or not links:
        return _NOTHING_SOURCED
    rest, scale = input_fractions(links)
    suppliers = []
    supplied = 0.0
    for supplier, attributes in links.items():
        share = attributes.get("share")
        fraction = rest if share is None else share * scale
        if fraction <= 0.0:
            continue
        supplier_data = sites[supplier]
        if supplier_data.get("country") is None:
            return _NOTHING_SOURCED
        supplied += fraction
        suppliers.append(supplier_data)
    if supplied < 1.0 - 1e-9:
        return _NOTHING_SOURCED
    mapped = set()
    for good, listing in listed:
        family = {good, listing.good}
        if listing.input_good is not None:
            family.add(listing.input_good)
        if any(
            delivered in family or _listed_for(delivered, iso2, listing.input_good, reference)
            for supplier in suppliers
            for delivered in supplier.get("goods", ())
        ):
            mapped.add(good)
    return frozenset(mapped)


def _listed_for(good: str, iso2: str, input_good: str | None, reference: ReferenceData) -> bool:
    """Whether `good` is listed in the country for the same input as another listing (`input_good`)."""
    if input_good is None:
        return False
    listing = reference.listing(good, iso2)
    return listing is not None and listing.input_good == input_good


def node_risks(graph: "nx.DiGraph[str]", *, reference: ReferenceData) -> dict[str, dict[str, Risk]]:
    """The risks of every node of a chain, assessed once per distinct site profile.

    Nodes with the same country, activity, goods, UFLPA screening result, goods delivered by mapped
    suppliers and Xinjiang or not share one result dict (most names match nothing and share NO_MATCH), and
    each theme is assessed once per combination of what its rules read, which keeps a 100,000-node chain
    cheap.
    """
    return risks_of_profiles(graph, site_profiles(graph, reference=reference), reference=reference)


@dataclass(frozen=True, slots=True)
class SiteProfiles:
    """What the risks of a chain's sites depend on: the distinct profiles (country, activity, goods,
    screening, goods of mapped origin, Xinjiang or not) and each node's profile by its place among them,
    nodes in graph order. Small and plain, so that it can be worked out in another process."""

    profiles: list[_ProfileKey]
    of_node: list[int]


def site_profiles(
    graph: "nx.DiGraph[str]",
    *,
    reference: ReferenceData,
    screen: Callable[[str, str | None], ScreeningResult] | None = None,
) -> SiteProfiles:
    """The profile of every node of a chain (`SiteProfiles`): the UFLPA screening of its name, the goods
    its suppliers map the origin of (`sourced_goods`) and its region checked against its country.
    `screen` screens a (name, country), `company_screener(reference)` unless the caller screened the
    chain's sites already (`chainmap.reference.screened`)."""
    screen = company_screener(reference) if screen is None else screen
    sites = graph._node  # type: ignore[attr-defined]  # plain dicts: read once per node
    suppliers = suppliers_of(graph)
    listings: dict[tuple[tuple[str, ...], str], list[tuple[str, DolListing]]] = {}
    numbers: dict[_ProfileKey, int] = {}
    of_node: list[int] = []
    for node, data in sites.items():
        goods = data.get("goods", ())
        goods = goods if isinstance(goods, tuple) else tuple(goods)
        country = data.get("country")
        sourced = _NOTHING_SOURCED
        if goods and country is not None:
            listed = listings.get((goods, country))
            if listed is None:
                listed = listings[goods, country] = _country_listings(goods, country, reference)
            sourced = _mapped_goods(listed, country, suppliers[node], sites, reference)
        region = data.get("region")
        key = (
            country,
            data.get("activity", ""),
            goods,
            screen(data.get("name", node), country),
            sourced,
            region_check(str(region), country) if region else RegionCheck.NONE,
        )
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(numbers)
        of_node.append(number)
    return SiteProfiles(list(numbers), of_node)


def risks_of_profiles(
    graph: "nx.DiGraph[str]", profiles: SiteProfiles, *, reference: ReferenceData
) -> dict[str, dict[str, Risk]]:
    """The risks of every node from the chain's `site_profiles`: each profile assessed once, its nodes
    sharing the result dict."""
    cache = _RiskCache(reference)
    assessed = [cache.risks(key) for key in profiles.profiles]
    return dict(zip(graph, map(assessed.__getitem__, profiles.of_node), strict=True))
