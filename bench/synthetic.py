"""Synthetic chain files for benchmarks: layered supply chains of a given size.

A chain has 6-10 tiers; every site supplies one to five customers in the next tier down (about three
links per site on average), so the graph is a DAG in which every site reaches the contractor. About a
third of the customers give shares for some of their suppliers, the way real files are half filled in.
"""

import csv
import random
from pathlib import Path

COUNTRIES = (
    *("CN", "IN", "BD", "VN", "TR", "PK", "KH", "ID", "MY", "TH", "MM", "ET", "KE", "GH", "CI", "BR"),
    *("PE", "BO", "CO", "MX", "CD", "ZM", "ZA", "MG", "TM", "UZ", "KZ", "PL", "RO", "PT", "IT", "DE"),
    *("NL", "BE", "ES", "US", "TW", "KR", "JP", "unknown"),
)
# Activities from the raw-material end (highest tier) to the contractor (tier 0).
ACTIVITY_BY_DEPTH = (
    ("farming", "Cotton"),
    ("mining", "Cobalt ore (heterogenite)"),
    ("quarrying", "Granite"),
    ("ginning", "Cotton"),
    ("spinning", "Thread/Yarn"),
    ("weaving", "Textiles"),
    ("dyeing", "Textiles"),
    ("cut-make-trim", "Garments"),
    ("processing", "Stones"),
    ("smelting", "Tin"),
    ("manufacturing", "Electronics"),
    ("assembly", "Electronics"),
    ("trading", "Garments"),
)


def synthetic_rows(size: int, *, seed: int = 1) -> list[dict[str, str]]:
    """Rows of the chain exchange format for a layered chain of `size` sites."""
    rng = random.Random(seed)
    tiers = rng.randint(6, 10)
    # Tier sizes grow upstream roughly geometrically, as real chains fan out towards raw material.
    weights = [1.6**t for t in range(1, tiers + 1)]
    remaining = size - 1
    counts = [max(1, round(remaining * w / sum(weights))) for w in weights]
    counts[-1] += remaining - sum(counts)
    layers: list[list[int]] = [[0]]
    next_id = 1
    for count in counts:
        layers.append(list(range(next_id, next_id + count)))
        next_id += count
    suppliers_of: dict[int, list[int]] = {}
    customers_of: dict[int, list[int]] = {}
    for depth in range(1, len(layers)):
        below = layers[depth - 1]
        for site in layers[depth]:
            chosen = rng.sample(below, min(len(below), rng.randint(1, 5)))
            customers_of[site] = chosen
            for customer in chosen:
                suppliers_of.setdefault(customer, []).append(site)
    shares: dict[tuple[int, int], str] = {}
    for customer, suppliers in suppliers_of.items():
        if rng.random() < 0.35:
            part = 50 // len(suppliers)
            for supplier in suppliers[: len(suppliers) // 2]:
                shares[(supplier, customer)] = str(part)
    rows = []
    depth_of = {site: depth for depth, layer in enumerate(layers) for site in layer}
    for site in range(next_id):
        depth = depth_of[site]
        from_top = len(layers) - 1 - depth
        activity, goods = ACTIVITY_BY_DEPTH[min(from_top * 2 + rng.randint(0, 1), len(ACTIVITY_BY_DEPTH) - 1)]
        targets = customers_of.get(site, [])
        rows.append(
            {
                "id": f"S{site}",
                "name": f"Site {site}",
                "country": "NL" if site == 0 else rng.choice(COUNTRIES),
                "activity": "trading" if site == 0 else activity,
                "goods": goods,
                "supplies_to": ";".join(f"S{t}" for t in targets),
                "share": ";".join(shares.get((site, t), "") for t in targets)
                if any((site, t) in shares for t in targets)
                else "",
            }
        )
    return rows


def write_synthetic_csv(path: Path, size: int, *, seed: int = 1) -> int:
    """Write a synthetic chain of `size` sites as CSV; returns the number of links."""
    rows = synthetic_rows(size, seed=seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return sum(len(r["supplies_to"].split(";")) for r in rows if r["supplies_to"])
