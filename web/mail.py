"""Sending e-mail through the SMTP server the settings name (CHAINMAP_SMTP_*), with the standard
library's smtplib. Without CHAINMAP_SMTP_HOST nothing is sent: chainmap works without e-mail, and the
pages say so (an invitation's link is shown to the buyer either way)."""

import logging
import smtplib
import ssl
from email.message import EmailMessage
from enum import StrEnum
from typing import Final

from web.settings import Settings

LOG: Final = logging.getLogger(__name__)
SMTP_TIMEOUT: Final = 10  # seconds to wait for the mail server before giving up


class MailOutcome(StrEnum):
    """What became of an e-mail: sent, not sent because no server is set up, or refused on the way."""

    SENT = "sent"
    NOT_CONFIGURED = "not_configured"
    FAILED = "failed"


def mail_configured(settings: Settings) -> bool:
    """Whether the settings name an SMTP server to send through."""
    return bool(settings.smtp_host)


def _one_line(text: str) -> str:
    """A header value on one line: a line break in a header would start another header."""
    return " ".join(text.split())


def _failure(error: Exception) -> str:
    """What went wrong, for the log, without the recipient: an address is personal data, and the
    server's refusal of a recipient repeats it (SMTPRecipientsRefused), so only the kind of error and
    the server's reply code are kept."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if isinstance(code, int) else type(error).__name__


def send_mail(*, settings: Settings, to: str, subject: str, body: str) -> MailOutcome:
    """Send a plain-text e-mail to `to`; a refusal by the server or the network is logged and reported
    as FAILED, so that the caller's work (already saved) stands and the page can say so."""
    if not mail_configured(settings):
        return MailOutcome.NOT_CONFIGURED
    message = EmailMessage()
    message["From"] = _one_line(settings.smtp_from)
    message["To"] = _one_line(to)
    message["Subject"] = _one_line(subject)
    message.set_content(body)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError, ValueError) as error:
        LOG.error("an e-mail through %s was not sent: %s", settings.smtp_host, _failure(error))
        return MailOutcome.FAILED
    return MailOutcome.SENT
