"""Every text of the web app's pages, in Dutch and English, in one place, split by area like
`chainmap.messages`. Texts about chains and risks come from `chainmap.messages`, so the site and the
command line say the same thing."""

from typing import Final

from chainmap.themes import Lang
from web.messages.admin import ADMIN_MESSAGES
from web.messages.attachments import ATTACHMENT_MESSAGES
from web.messages.chain_files import CHAIN_FILE_MESSAGES
from web.messages.chain_form import CHAIN_FORM_MESSAGES
from web.messages.common import COMMON_MESSAGES
from web.messages.contracts import CONTRACT_MESSAGES
from web.messages.dashboard import DASHBOARD_MESSAGES
from web.messages.errors import ERROR_MESSAGES
from web.messages.escalation import ESCALATION_MESSAGES
from web.messages.exports import EXPORT_MESSAGES
from web.messages.invitations import INVITATION_MESSAGES
from web.messages.membership import MEMBERSHIP_MESSAGES
from web.messages.notifications import NOTIFICATION_MESSAGES
from web.messages.operations import OPERATIONS_MESSAGES
from web.messages.plan import PLAN_MESSAGES
from web.messages.progress_reports import PROGRESS_REPORT_MESSAGES
from web.messages.review import REVIEW_MESSAGES

WEB_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    **COMMON_MESSAGES,
    **ADMIN_MESSAGES,
    **CONTRACT_MESSAGES,
    **CHAIN_FORM_MESSAGES,
    **CHAIN_FILE_MESSAGES,
    **INVITATION_MESSAGES,
    **MEMBERSHIP_MESSAGES,
    **REVIEW_MESSAGES,
    **ESCALATION_MESSAGES,
    **EXPORT_MESSAGES,
    **PLAN_MESSAGES,
    **NOTIFICATION_MESSAGES,
    **PROGRESS_REPORT_MESSAGES,
    **DASHBOARD_MESSAGES,
    **ATTACHMENT_MESSAGES,
    **ERROR_MESSAGES,
    **OPERATIONS_MESSAGES,
}


def web_text(key: str, lang: Lang, **params: object) -> str:
    """The text `key` in `lang` with its parameters; an unknown key is a programming error."""
    return WEB_MESSAGES[key][lang].format(**params)
