"""User-facing messages: reasons."""

from chainmap.themes import Lang

REASON_MESSAGES: dict[str, dict[Lang, str]] = {}
