"""Findings: problems found in a chain, returned as data and never raised.

A finding names where the problem is (file row and column, or the node ids involved) and carries a
message code with parameters; the text is rendered in the reader's language from `chainmap.messages`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from chainmap.messages import render
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
