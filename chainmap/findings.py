"""Findings: problems found in a chain, returned as data and never raised.

A finding names where the problem is (file row and column, or the node ids involved) and carries a
message code with parameters; the text is rendered in the reader's language from `chainmap.messages`.
`group_findings` gathers many findings of one kind into a `FindingGroup` for reading.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from chainmap.messages import MESSAGES, render
from chainmap.themes import Lang


class Severity(StrEnum):
    """An error blocks import and analysis; a warning is shown but does not block."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a chain file or chain graph.

    `row` is the 1-based row number as a spreadsheet shows it (the header is row 1), or for JSON files
    the 1-based position in the node list; `column` is the column name in the chain format.
    """

    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    nodes: tuple[str, ...] = ()

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: Lang = "en") -> str:
        return render(self.code, self.params, lang)

    def as_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The finding as JSON-ready data: {severity, code, row, column, nodes, message}."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "row": self.row,
            "column": self.column,
            "nodes": list(self.nodes),
            "message": self.message(lang),
        }


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding blocks import."""
    return any(f.blocking for f in findings)


# A kind of finding that occurs this often is shown as one group; fewer are shown one by one.
GROUP_FROM: Final = 4
# A group's summary names this many of its places and counts the rest.
PLACES_SHOWN: Final = 5


def finding_place(finding: Finding, lang: Lang = "en") -> str:
    """Where a finding is, in a few characters: its first site id, else its row ("row 3"), else its
    column (or the column it is about, as "chain.column_ignored" names it), else "" (the file as a
    whole)."""
    if finding.nodes:
        return finding.nodes[0]
    if finding.row is not None:
        return render("group.row", {"row": finding.row}, lang)
    return finding.column or str(finding.params.get("column") or "")


@dataclass(frozen=True, slots=True)
class FindingGroup:
    """Findings of one kind (message code and severity), to be read as one line.

    A large chain can give hundreds of findings of one kind (every customer whose shares add up to less
    than 100, every row with a good outside the vocabulary); listed one by one they bury the one finding
    of another kind that matters. The group says how many there are and where the first few are, and
    keeps every finding for the full list.
    """

    severity: Severity
    code: str
    findings: tuple[Finding, ...]

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def count(self) -> int:
        return len(self.findings)

    def places(self, lang: Lang = "en") -> list[str]:
        """Where each finding of the group is (see `finding_place`), in the group's order, without
        repeats or empty places."""
        places = (finding_place(finding, lang) for finding in self.findings)
        return [place for place in dict.fromkeys(places) if place]

    def summary(self, lang: Lang = "en", *, shown: int = PLACES_SHOWN) -> str:
        """One line for the whole group: "312 customers whose suppliers' shares add up to less than
        100%: n2, n3, n4, n5, n6 and 307 more.", with a text per kind where the catalogue has one and a
        general one quoting the first finding otherwise."""
        places = self.places(lang)
        listed = ", ".join(places[:shown])
        if len(places) > shown:
            listed = render("group.and_more", {"places": listed, "rest": len(places) - shown}, lang)
        code = f"group.{self.code}"
        if code not in MESSAGES:
            code = "group.any" if places else "group.any_unplaced"
        params = {"count": self.count, "places": listed, "first": self.findings[0].message(lang)}
        return render(code, params, lang)


def group_findings(
    findings: Iterable[Finding], *, group_from: int = GROUP_FROM
) -> list[Finding | FindingGroup]:
    """The findings for reading: each kind (code and severity) that occurs `group_from` times or more as
    one `FindingGroup` where its first finding stood, every other finding as itself, in the given order.

    Pure and linear; the findings themselves are unchanged (`chainmap analyse --format json` lists them
    flat), so grouping only changes how many lines a reader has to get through.
    """
    findings = list(findings)
    kinds: dict[tuple[Severity, str], list[Finding]] = {}
    for finding in findings:
        kinds.setdefault((finding.severity, finding.code), []).append(finding)
    read: list[Finding | FindingGroup] = []
    for finding in findings:
        kind = (finding.severity, finding.code)
        same = kinds[kind]
        if len(same) < group_from:
            read.append(finding)
        elif same[0] is finding:
            read.append(FindingGroup(finding.severity, finding.code, tuple(same)))
    return read
