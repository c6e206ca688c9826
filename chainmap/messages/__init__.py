"""Every user-facing message of the core, in English and Dutch, in one place.

Messages are looked up by code and formatted with named parameters. The catalogues are split by what
they speak about: `findings` (validation of chain files and graphs), `reasons` (why a risk has its
level), `cli` (command-line output), `template` (the chain template workbook) and `mapping` (importing other
lists through a column mapping).
"""

from collections.abc import Mapping
from typing import Any

from chainmap.messages.cli import CLI_MESSAGES
from chainmap.messages.findings import FINDING_GROUP_MESSAGES, FINDING_MESSAGES
from chainmap.messages.mapping import MAPPING_MESSAGES
from chainmap.messages.reasons import REASON_MESSAGES
from chainmap.messages.template import TEMPLATE_MESSAGES
from chainmap.themes import Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    **FINDING_MESSAGES,
    **FINDING_GROUP_MESSAGES,
    **REASON_MESSAGES,
    **CLI_MESSAGES,
    **TEMPLATE_MESSAGES,
    **MAPPING_MESSAGES,
}


def render(code: str, params: Mapping[str, Any], lang: Lang = "en") -> str:
    """The message for `code` in `lang`, with its parameters filled in.

    An unknown code is a programming error and raises KeyError.
    """
    return MESSAGES[code][lang].format(**params)
