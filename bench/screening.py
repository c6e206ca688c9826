"""Time to screen 100,000 distinct company names against the UFLPA Entity List (issue 11).

The names are generated to look like list entries (a Chinese place, two pinyin syllables, one or two trade
words and a legal form, in a fixed random order), so that the close comparison has work to do: nearly
none of them is on the list, as in a real chain. The screening index is built before the clock starts;
the time is that of `screen_company` for every name, one core. Target: under 5 s. The count of possible
matches is printed too, the false alarms on names that are not listed (docs/risk-model.md, "UFLPA
screening").
"""

import random
import sys
import time
from collections import Counter
from typing import Final

from bench.web import verdict
from chainmap.reference import load_reference, screen_company

NAMES: Final = 100_000
TARGET_S: Final = 5.0
PLACES: Final = [
    "Xinjiang",
    "Aksu",
    "Kashgar",
    "Hotan",
    "Urumqi",
    "Shihezi",
    "Changji",
    "Turpan",
    "Hami",
    "Korla",
    "Yili",
    "Zhuhai",
    "Nanjing",
    "Hangzhou",
    "Ningbo",
    "Jiangsu",
    "Shandong",
    "Henan",
    "Hubei",
    "Anhui",
    "Fujian",
    "Guangdong",
    "Shenzhen",
    "Tianjin",
    "Qingdao",
    "Hebei",
    "Dalian",
    "Wuxi",
    "Suzhou",
    "Xiamen",
]
SYLLABLES: Final = [
    "hua",
    "fu",
    "zhong",
    "tai",
    "tian",
    "shan",
    "xin",
    "jiang",
    "da",
    "qo",
    "hong",
    "yuan",
    "jin",
    "li",
    "ming",
    "sheng",
    "long",
    "feng",
    "hai",
    "yang",
    "guo",
    "an",
    "kang",
    "rui",
    "bao",
    "cheng",
    "de",
    "xing",
    "chang",
]
WORDS: Final = [
    "Textile",
    "Cotton",
    "Spinning",
    "Garment",
    "Apparel",
    "Silicon",
    "Solar",
    "Energy",
    "Food",
    "Trading",
    "Logistics",
    "Chemical",
    "Mining",
    "Metals",
    "Technology",
    "Biotech",
    "Pharmaceutical",
    "Industrial",
    "Machinery",
    "Electronics",
    "Printing",
    "Dyeing",
    "Knitting",
]
FORMS: Final = ("Co., Ltd.", "Co. Ltd", "Company Limited", "Group Co., Ltd.", "Corp.", "", "Ltd")


def names(count: int, seed: int = 7) -> list[str]:
    """`count` distinct generated company names, the same for the same seed."""
    rng = random.Random(seed)
    found: dict[str, None] = {}
    while len(found) < count:
        parts = [
            rng.choice(PLACES),
            rng.choice(SYLLABLES).title() + rng.choice(SYLLABLES),
            rng.choice(WORDS),
            rng.choice(WORDS) if rng.random() < 0.3 else "",
            rng.choice(FORMS),
        ]
        found[" ".join(part for part in parts if part)] = None
    return list(found)


def main() -> int:
    reference = load_reference()
    screen_company("warm-up", country="CN", reference=reference)  # builds the index of entry keys
    generated = names(NAMES)
    started = time.perf_counter()
    outcomes = Counter(screen_company(name, country="CN", reference=reference).outcome for name in generated)
    elapsed = time.perf_counter() - started
    print(
        f"UFLPA screening of {NAMES:,} distinct names: {elapsed:.2f} s; "
        f"listings {outcomes['listing']}, possible matches {outcomes['possible']}, none {outcomes['none']}"
    )
    return 0 if verdict("UFLPA screening of 100,000 names", elapsed * 1000, TARGET_S * 1000) else 1


if __name__ == "__main__":
    sys.exit(main())
