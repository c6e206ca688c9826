"""WCAG 2.1 A and AA checks of a page in the browser tests, by axe-core (npm, at the exact version of
package-lock.json; a test tool, never served by the app).

axe is read from node_modules/axe-core/axe.min.js (installed by `npm ci` in `make setup`) and evaluated
in the page through the DevTools protocol, which the page's content security policy does not govern: the
policy forbids inline scripts, so a <script> tag with axe's source would be blocked, and the app must not
be weakened to be tested. axe then checks the document as it is at that moment, htmx swaps included.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Page

AXE_SOURCE: Final = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# The rules of WCAG 2.0 and 2.1, levels A and AA: what public bodies must meet (EN 301 549).
WCAG_21_AA: Final = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
RUN_AXE: Final = """
(tags) => axe.run(document, {
  runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"],
}).then((results) => results.violations.map((violation) => ({
  rule: violation.id,
  impact: violation.impact || "",
  help: violation.help,
  help_url: violation.helpUrl,
  targets: violation.nodes.map((node) => node.target.join(" ")),
  summaries: violation.nodes.map((node) => node.failureSummary || ""),
})))
"""


@dataclass(frozen=True)
class Violation:
    """One rule axe found broken on a page: which, how badly, where (CSS selectors) and what to read."""

    rule: str
    impact: str
    help: str
    help_url: str
    targets: tuple[str, ...]
    summaries: tuple[str, ...]

    def text(self) -> str:
        """The violation as a few readable lines for a test failure."""
        places = "".join(
            f"\n      {target}" + (f"\n        {summary.replace(chr(10), ' ')}" if summary else "")
            for target, summary in zip(self.targets, self.summaries, strict=True)
        )
        return f"  {self.rule} ({self.impact}): {self.help}\n    {self.help_url}{places}"


@cache
def axe_source() -> str:
    """axe-core's script; a clear failure when `npm ci` (make setup) has not installed it."""
    if not AXE_SOURCE.is_file():
        raise FileNotFoundError(f"{AXE_SOURCE} is missing: run `make setup` (npm ci installs axe-core)")
    return AXE_SOURCE.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[Violation]:
    """The WCAG 2.1 A/AA violations axe finds in the page's document as it is now (axe is added to the
    document first when it is not there yet: every navigation starts a new one)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(RUN_AXE, list(WCAG_21_AA))
    return [
        Violation(
            rule=item["rule"],
            impact=item["impact"],
            help=item["help"],
            help_url=item["help_url"],
            targets=tuple(item["targets"]),
            summaries=tuple(item["summaries"]),
        )
        for item in found
    ]


def violations_text(where: str, violations: list[Violation]) -> str:
    """A readable list of a page's violations, headed by the page (empty when there are none)."""
    if not violations:
        return ""
    return f"{where}:\n" + "\n".join(violation.text() for violation in violations)


def expect_accessible(page: Page, where: str | None = None) -> None:
    """Fail with every violation on the page, by rule, impact, selectors and help URL, when axe finds any."""
    found = axe_violations(page)
    assert not found, "axe-core found WCAG 2.1 A/AA violations on " + violations_text(
        where or page.url, found
    )
