"""Chain rows, chain files and a small reference for testing the chain file readers and validation."""

import csv
import io
from collections.abc import Sequence

from chainmap.chain import COLUMNS, ChainRow
from chainmap.reference import ReferenceData
from tests.factories.reference import make_country, make_reference

HEADER = ",".join(COLUMNS)


def chain_reference() -> ReferenceData:
    """Countries NL, BD, TR, MM (Burma) and CI (Côte d'Ivoire); goods Cotton, Fabric and Garments."""
    return make_reference(
        countries=[
            make_country("NL", iso3="NLD", name="Netherlands"),
            make_country("BD", iso3="BGD", name="Bangladesh"),
            make_country("TR", iso3="TUR", name="Turkey"),
            make_country("MM", iso3="MMR", name="Myanmar"),
            make_country("CI", iso3="CIV", name="Côte d'Ivoire"),
        ],
        country_aliases={"Burma": "MM"},
        goods=(("Cotton", "Agriculture"), ("Fabric", "Manufacturing"), ("Garments", "Manufacturing")),
    )


def make_row(
    row: int,
    node_id: str,
    supplies_to: str = "",
    *,
    name: str | None = None,
    country: str = "NL",
    activity: str = "trading",
    goods: str = "",
    share: str = "",
) -> ChainRow:
    """A chain row with plausible defaults; the name is "Site <id>" unless given."""
    return ChainRow(
        row=row,
        id=node_id,
        name=f"Site {node_id}" if name is None else name,
        country=country,
        activity=activity,
        goods=goods,
        supplies_to=supplies_to,
        share=share,
    )


def garment_rows() -> list[ChainRow]:
    """A valid four-site garment chain: contractor WK, two sewing sites, one mill supplying both."""
    return [
        make_row(2, "WK", goods="Garments"),
        make_row(3, "BD-CMT", "WK", country="BD", activity="cut-make-trim", goods="Garments", share="60"),
        make_row(4, "TR-CMT", "WK", country="TR", activity="cut-make-trim", goods="Garments", share="40"),
        make_row(
            5, "MILL", "BD-CMT;TR-CMT", country="TR", activity="weaving", goods="Fabric", share="100;50"
        ),
    ]


def csv_text(lines: Sequence[Sequence[str]], *, delimiter: str = ",") -> str:
    """CSV text from records of cells, quoted where needed, as Excel writes it."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(lines)
    return buffer.getvalue()


# A file as written before the optional region column: the columns up to share.
GARMENT_LINES: list[list[str]] = [
    list(COLUMNS[: COLUMNS.index("share") + 1]),
    ["WK", "Werkkleding BV", "NL", "trading", "Garments", "", ""],
    ["BD-CMT", "Dhaka Apparel", "Bangladesh", "cut-make-trim", "Garments", "WK", "60"],
    ["TR-CMT", "Denizli Konfeksiyon", "tur", "cut-make-trim", "Garments", "WK", "40"],
    ["MILL", "Bursa Örme", "TR", "weaving", "Fabric;Cotton", "BD-CMT;TR-CMT", "100;50,5"],
]
