"""Screening company names against the UFLPA Entity List: exact listings and possible matches to verify.

A site whose name equals an entry of the list (its name or one of its aliases) after
`normalise_company_name` is a **listing**. A name that is only close to an entry, or a short or generic
name that equals one at a site outside China and Hong Kong, is a **possible match**: it is shown with the
entry, its aliases and its effective date for a person to verify, and never asserted as a listing. No
match is not clearance: the list names a few hundred companies, and subsidiaries under other names,
translations and abbreviations are not found. docs/risk-model.md (section 4.2, "UFLPA screening") gives
the rules, the scorer, the threshold and the precision and recall measured on
tests/unit/reference/uflpa_cases.csv.

The functions are pure; the keys of a reference set's entries are computed once per `ReferenceData` and
kept while it lives, so screening 100,000 names costs a dictionary look-up and one bounded fuzzy search
each.
"""

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from chainmap.reference.data import ReferenceData, SanctionedEntity

# Legal forms stripped from the end of a name, as token sequences, longest first; repeated, so that
# "Co., Ltd." and "Company Limited" go as well as "Ltd" alone. Only legal forms: words that tell one
# entity from another ("Group", "Holdings", "Industrial", "Trading") are kept (see ORGANISATION_WORDS).
LEGAL_FORMS: Final[tuple[tuple[str, ...], ...]] = (
    ("company", "limited"),
    ("co", "limited"),
    ("co", "ltd"),
    ("corporation",),
    ("corp",),
    ("company",),
    ("co",),
    ("limited",),
    ("ltd",),
    ("incorporated",),
    ("inc",),
    ("llc",),
    ("llp",),
    ("plc",),
    ("gmbh",),
    ("ag",),
    ("bv",),
    ("b", "v"),
    ("nv",),
    ("n", "v"),
    ("sa",),
    ("s", "a"),
    ("srl",),
    ("spa",),
    ("s", "p", "a"),
    ("pte",),
    ("pvt",),
    ("sdn", "bhd"),
    ("bhd",),
)
# The same in Chinese script, stripped from the end of a name: joint-stock limited company, limited
# liability company, limited company, company.
CJK_LEGAL_FORMS: Final[tuple[str, ...]] = ("股份有限公司", "有限责任公司", "有限公司", "公司")
# Words that name a group or holding rather than a legal form. An exact match keeps them ("Camel Group"
# is not "Camel"), but the close comparison leaves them out, so that a name that differs from an entry
# only by them is a possible match to verify.
ORGANISATION_WORDS: Final[frozenset[str]] = frozenset({"group", "holding", "holdings", "集团", "控股"})

# Place names of Xinjiang and China written in more than one romanisation, each mapped to the spelling
# the list uses most (Chinese pinyin | Uyghur or older English form). Keys are single words, or two
# words written together ("yuepulake" matches "Yuepu Lake"), after case, accents and spaces are folded.
TRANSLITERATIONS: Final[dict[str, str]] = {
    "hetian": "hotan",
    "kashi": "kashgar",
    "kashkar": "kashgar",
    "ili": "yili",
    "akesu": "aksu",
    "wulumuqi": "urumqi",
    "urumchi": "urumqi",
    "tulufan": "turpan",
    "turfan": "turpan",
    "kuqa": "kuche",
    "kucha": "kuche",
    "alaer": "alar",
    "aral": "alar",
    "kelamayi": "karamay",
    "kuerle": "korla",
    "kumul": "hami",
    "pichan": "shanshan",
    "luopu": "lop",
    "kuytun": "kuitun",
    "karashahr": "yanqi",
    "kaba": "habahe",
    "peyziwat": "jiashi",
    "yopurga": "yuepuhu",
    "yuepulake": "yuepuhu",
    "shayar": "shaya",
    "awat": "awati",
    "lopnur": "luobupo",
    "sinkiang": "xinjiang",
}

# Words that, alone, do not identify a company: descriptions of trade, goods, places at large and
# organisation words. A name made only of these ("Union Biotech", "Western Gold", "CN Bio") or with
# fewer than SHORT_NAME significant characters besides them ("KTK Group", "TBEA") is short or generic.
_GENERIC_TEXT: Final = """
        and of the cn china chinese asia international global general union united new western eastern
        northern southern east west north south central golden gold star sun sunshine green red great first
        bio biotech biotechnology biological pharma pharmaceutical health medical tech technology
        technologies science digital information electronic electronics semiconductor solar energy power
        electric material materials chemical chemicals mining metal metals nonferrous steel iron copper
        zinc silicon aluminum aluminium carbon battery textile textiles garment garments apparel fashion
        cotton linen wool yarn fiber fibre spinning shoes hair food foods sugar agriculture agricultural
        trade trading import export industry industries industrial development investment enterprise
        enterprises business economic logistics warehousing supply chain construction engineering
        machinery products manufacturing shares xinjiang corps
"""
GENERIC_WORDS: Final[frozenset[str]] = frozenset(
    {
        *ORGANISATION_WORDS,
        *(word for form in LEGAL_FORMS for word in form),
        *_GENERIC_TEXT.split(),
    }
)
SHORT_NAME: Final = 6  # fewer significant characters than this: a short name
CJK_WEIGHT: Final = 3  # a Chinese character counts as this many significant characters (about a syllable)
# Where a short or generic name that equals an entry is a listing; elsewhere it is a possible match.
LISTING_COUNTRIES: Final[frozenset[str]] = frozenset({"CN", "HK"})

# Close matches: rapidfuzz's fuzz.ratio (normalised Indel similarity, 0-100) between the site's key and
# each entry key, both without organisation words. At or above POSSIBLE_MATCH_SCORE a key is a possible
# match; docs/risk-model.md gives the measurements behind the value. Keys shorter than MIN_FUZZY_LENGTH
# are not compared closely: at that length a few letters make another name.
POSSIBLE_MATCH_SCORE: Final = 88.0
MIN_FUZZY_LENGTH: Final = 8
MAX_POSSIBLE: Final = 3  # possible matches reported for one name, the closest first

Outcome = Literal["listing", "possible", "none"]


@dataclass(frozen=True, slots=True)
class PossibleMatch:
    """An entry that a name may refer to: `matched` is the entry's name or alias the name is close to,
    `score` the similarity (0-100), and `short` True when the name equals it but is too short or generic
    to assert at a site outside China and Hong Kong."""

    entity: SanctionedEntity
    matched: str
    score: int
    short: bool = False


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """The outcome of screening one name: the entry it is a listing of, or the possible matches to verify.

    Hashable and small, so that sites with the same result share their risk assessment.
    """

    listing: SanctionedEntity | None = None
    matched: str | None = None
    possible: tuple[PossibleMatch, ...] = ()

    @property
    def outcome(self) -> Outcome:
        """ "listing", "possible" or "none"; "none" means no match, which is not clearance."""
        if self.listing is not None:
            return "listing"
        return "possible" if self.possible else "none"


NO_MATCH: Final = ScreeningResult()

_APOSTROPHES: Final = re.compile(r"['’‘`´]")
_JOINERS: Final = re.compile(r"(?<=\w)[-‐‑–](?=\w)")  # a hyphen inside a word: "Tian-Shan"
_TOKEN: Final = re.compile(r"[^\W_]+")
_CJK: Final = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# LEGAL_FORMS by their last word, in their order: a name's last word picks the forms to try.
_FORMS_ENDING_IN: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    last: tuple(form for form in LEGAL_FORMS if form[-1] == last)
    for last in {form[-1] for form in LEGAL_FORMS}
}


# The first part of every key of TRANSLITERATIONS written as two words: only a word among these can
# start a pair, so a name without one is transliterated word by word.
_PAIR_STARTS: Final[frozenset[str]] = frozenset(
    key[:end] for key in TRANSLITERATIONS for end in range(1, len(key))
)
# What the folding of `_tokens` changes in a plain ASCII name besides case: a name without these
# characters goes straight to the word split (most names of a large chain).
_FOLDED_ASCII: Final = re.compile(r"[&'`-]")


def _tokens(name: str) -> list[str]:
    """The words of a name after folding, transliteration and without its legal form (see
    `normalise_company_name`)."""
    if name.isascii() and not _FOLDED_ASCII.search(name):
        tokens = _TOKEN.findall(name.lower())
    else:
        text = name if name.isascii() else unicodedata.normalize("NFKC", name)
        text = _JOINERS.sub("", _APOSTROPHES.sub("", text.replace("&", " and ")))
        if not text.isascii():
            text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        tokens = _TOKEN.findall(text.casefold())
    if _PAIR_STARTS.isdisjoint(tokens):
        words = [TRANSLITERATIONS.get(token, token) for token in tokens]
    else:
        words = []
        i = 0
        while i < len(tokens):
            pair = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
            if pair in TRANSLITERATIONS:
                words.append(TRANSLITERATIONS[pair])
                i += 2
            else:
                words.append(TRANSLITERATIONS.get(tokens[i], tokens[i]))
                i += 1
    if len(words) > 1 and words[0] == "the":
        del words[0]
    stripped = True
    while stripped:
        stripped = False
        for form in _FORMS_ENDING_IN.get(words[-1], ()) if words else ():
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                del words[-len(form) :]
                stripped = True
                break
        if words and not words[-1].isascii():
            for suffix in CJK_LEGAL_FORMS:
                if words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
                    words[-1] = words[-1][: -len(suffix)]
                    stripped = True
                    break
    return words


def normalise_company_name(name: str) -> str:
    """The key two spellings of one company name share, for exact matching.

    In order: compatibility forms folded (full-width letters and brackets, ligatures); "&" read as "and";
    apostrophes dropped and hyphens inside a word joined ("Yuan’an" = "Yuanan", "Tian-Shan" =
    "Tianshan"); accents removed and case folded; every other character that is not a letter or digit
    (of any script) separates words; place names in another romanisation replaced by the list's
    (TRANSLITERATIONS: Hetian = Hotan, Kashi = Kashgar, Akesu = Aksu, ...); a leading "The" and the
    legal forms at the end (LEGAL_FORMS, CJK_LEGAL_FORMS) removed, repeatedly; finally the words written
    together, so that spacing does not count ("Zhong Tai" = "Zhongtai").

    "Xinjiang Zhong-Tai Chemical Co., Ltd." and "XINJIANG ZHONGTAI CHEMICAL" both give
    "xinjiangzhongtaichemical".
    """
    return "".join(_tokens(name))


def _loose(words: list[str]) -> str:
    """The key without organisation words, for the close comparison ("Zijin Mining" = "Zijin Mining
    Group"); a name of organisation words alone keeps them."""
    kept = [word for word in words if word not in ORGANISATION_WORDS]
    loose = "".join(kept or words)
    if not loose.isascii():
        for word in ORGANISATION_WORDS:
            loose = loose.replace(word, "") if not word.isascii() else loose
    return loose or "".join(words)


def _significant_length(words: list[str]) -> int:
    """Characters that identify a company: those of words that are not generic, a Chinese character
    counting CJK_WEIGHT."""
    return sum(
        len(word) + (CJK_WEIGHT - 1) * len(_CJK.findall(word)) for word in words if word not in GENERIC_WORDS
    )


def is_short_or_generic(name: str) -> bool:
    """Whether a name is too short or too generic to assert a listing on its own: fewer than SHORT_NAME
    significant characters once its generic words (GENERIC_WORDS) are left out ("CN Bio", "Union",
    "KTK Group", "Western Gold")."""
    return _significant_length(_tokens(name)) < SHORT_NAME


@dataclass(frozen=True)
class _Index:
    """The keys of a reference set's entries: exact keys, and loose keys for the close comparison."""

    exact: dict[str, tuple[SanctionedEntity, str, bool]]  # key -> entry, its name or alias, short
    loose: dict[str, list[tuple[SanctionedEntity, str]]]
    loose_keys: list[str]  # sorted by length, for the length window of the close comparison
    lengths: list[int]  # the length of each of loose_keys
    # loose_keys within reach of a name's length (see screen_company), by that length, made when first needed
    windows: dict[int, list[str]] = field(default_factory=dict)


_INDEXES: "WeakKeyDictionary[ReferenceData, _Index]" = WeakKeyDictionary()


def _index(reference: ReferenceData) -> _Index:
    """The entry keys of a reference set, built once and kept while the reference set lives."""
    index = _INDEXES.get(reference)
    if index is None:
        exact: dict[str, tuple[SanctionedEntity, str, bool]] = {}
        loose: dict[str, list[tuple[SanctionedEntity, str]]] = {}
        for entity in reference.entities:
            for text in (entity.name, *entity.aliases):
                words = _tokens(text)
                if not words:
                    continue
                short = _significant_length(words) < SHORT_NAME
                exact.setdefault("".join(words), (entity, text, short))
                pairs = loose.setdefault(_loose(words), [])
                if all(other is not entity for other, _ in pairs):
                    pairs.append((entity, text))
        keys = sorted(loose, key=len)
        index = _INDEXES[reference] = _Index(exact, loose, keys, [len(key) for key in keys])
    return index


def exact_entity(name: str, reference: ReferenceData) -> SanctionedEntity | None:
    """The entry whose name or alias has the same key as `name` (`normalise_company_name`), wherever the
    site is; `screen_company` also weighs the site's country and close names."""
    found = _index(reference).exact.get(normalise_company_name(name))
    return found[0] if found is not None else None


def screen_company(name: str, *, country: str | None, reference: ReferenceData) -> ScreeningResult:
    """Screen a company name against the UFLPA Entity List of `reference`.

    `country` is the site's ISO alpha-2 code, or None when unknown. The result is:

    - a listing when the name's key equals the key of an entry's name or alias, unless the name is short
      or generic (`is_short_or_generic`) and the site is not known to be in China or Hong Kong: then it
      is a possible match (score 100, `short`);
    - otherwise the entries whose loose key (without organisation words) scores at least
      POSSIBLE_MATCH_SCORE with fuzz.ratio, the closest MAX_POSSIBLE, as possible matches;
    - otherwise no match, which is not clearance.
    """
    if not reference.entities:
        return NO_MATCH
    return _screen(name, country, _index(reference))


def company_screener(reference: ReferenceData) -> Callable[[str, str | None], ScreeningResult]:
    """`screen_company` against `reference` as a function of (name, country), for screening every site
    of a chain: the reference set's keys are looked up once, not once per name."""
    if not reference.entities:
        return lambda name, country: NO_MATCH
    index = _index(reference)
    return lambda name, country: _screen(name, country, index)


def screen_sites(
    sites: Iterable[tuple[str, str | None]], reference: ReferenceData
) -> dict[tuple[str, str | None], ScreeningResult]:
    """The screening of each distinct (name, country) of `sites` that is not NO_MATCH, as
    `company_screener` finds it: worked out ahead of a chain's risk profiles (the command line does so
    in a forked child while it validates the chain) and read back through `screened`."""
    screen = company_screener(reference)
    found = {}
    for name, country in dict.fromkeys(sites):
        result = screen(name, country)
        if result != NO_MATCH:
            found[name, country] = result
    return found


def screened(
    found: Mapping[tuple[str, str | None], ScreeningResult],
) -> Callable[[str, str | None], ScreeningResult]:
    """`company_screener` of the sites that `screen_sites` screened into `found`: NO_MATCH for any other."""
    return lambda name, country: found.get((name, country), NO_MATCH)


def _screen(name: str, country: str | None, index: _Index) -> ScreeningResult:
    """`screen_company` with the reference set's keys at hand."""
    words = _tokens(name)
    if not words:
        return NO_MATCH
    key = "".join(words)
    found = index.exact.get(key)
    if found is not None:
        entity, matched, _ = found
        if country in LISTING_COUNTRIES or _significant_length(words) >= SHORT_NAME:
            return ScreeningResult(listing=entity, matched=matched)
        return ScreeningResult(possible=(PossibleMatch(entity, matched, 100, short=True),))
    loose = _loose(words)
    same = index.loose.get(loose)
    if same is not None:  # the same name but for organisation words ("Zijin Mining" for "... Group")
        return ScreeningResult(possible=tuple(PossibleMatch(e, m, 100) for e, m in same[:MAX_POSSIBLE]))
    if len(loose) < MIN_FUZZY_LENGTH:
        return NO_MATCH
    # fuzz.ratio is 2 * common / (a + b) <= 2 * min(a, b) / (a + b): only keys whose length is within
    # this window of the name's can reach the threshold, and only those are compared.
    window = index.windows.get(len(loose))
    if window is None:
        share = POSSIBLE_MATCH_SCORE / (200 - POSSIBLE_MATCH_SCORE)
        window = index.windows[len(loose)] = index.loose_keys[
            bisect_left(index.lengths, math.ceil(len(loose) * share)) : bisect_right(
                index.lengths, math.floor(len(loose) / share)
            )
        ]
    candidates = process.extract(
        loose, window, scorer=fuzz.ratio, score_cutoff=POSSIBLE_MATCH_SCORE, limit=MAX_POSSIBLE
    )
    possible: list[PossibleMatch] = []
    for candidate, score, _ in candidates:
        for entity, matched in index.loose[candidate]:
            if all(entity is not seen.entity for seen in possible):
                possible.append(PossibleMatch(entity, matched, int(score)))
    return ScreeningResult(possible=tuple(possible[:MAX_POSSIBLE])) if possible else NO_MATCH
