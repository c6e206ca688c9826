"""Sending e-mail (web.mail): a refusal is reported as FAILED and logged without the recipient's address."""

import logging
import smtplib
from email.message import EmailMessage
from types import TracebackType

import pytest

from web.mail import MailOutcome, send_mail
from web.settings import Settings

RECIPIENT = "verkoop@leverancier.example"


class RefusingServer:
    """An SMTP connection whose server refuses the recipient, as smtplib reports it."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host = host

    def __enter__(self) -> "RefusingServer":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None

    def starttls(self, context: object) -> None:
        return None

    def send_message(self, message: EmailMessage) -> None:
        raise smtplib.SMTPRecipientsRefused({RECIPIENT: (550, b"5.1.1 " + RECIPIENT.encode() + b" unknown")})


def test_a_refused_e_mail_is_failed_and_its_log_names_no_address(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("web.mail.smtplib.SMTP", RefusingServer)
    settings = Settings(environment="test", smtp_host="smtp.example", smtp_from="chainmap@gemeente.example")
    with caplog.at_level(logging.ERROR, logger="web.mail"):
        outcome = send_mail(settings=settings, to=RECIPIENT, subject="Uitnodiging", body="Welkom")
    assert outcome is MailOutcome.FAILED
    assert "SMTPRecipientsRefused" in caplog.text and "smtp.example" in caplog.text
    assert RECIPIENT not in caplog.text and "leverancier" not in caplog.text


def test_without_a_host_nothing_is_sent() -> None:
    outcome = send_mail(settings=Settings(environment="test"), to=RECIPIENT, subject="x", body="y")
    assert outcome is MailOutcome.NOT_CONFIGURED
