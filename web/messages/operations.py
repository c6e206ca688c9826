"""Texts of the operator's commands (demo, backup, restore), in Dutch and English."""

from typing import Final

from chainmap.themes import Lang

OPERATIONS_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "operations.demo_in_production": {
        "en": "chainmap: the demo adds accounts with a published password; it does not run when "
        "CHAINMAP_ENVIRONMENT=production",
        "nl": "chainmap: de demo maakt accounts met een openbaar wachtwoord aan; hij draait niet als "
        "CHAINMAP_ENVIRONMENT=production",
    },
}
