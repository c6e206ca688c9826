"""User-facing messages: cli."""

from chainmap.themes import Lang

CLI_MESSAGES: dict[str, dict[Lang, str]] = {}
