"""User-facing messages: findings."""

from chainmap.themes import Lang

FINDING_MESSAGES: dict[str, dict[Lang, str]] = {}
