"""Texts of evidence on actions and attachments to escalation steps, in Dutch and English (evidence is
"bewijsstuk", an attachment "bijlage"). The error texts take `limit`, the size limit as the page writes
it (e.g. "10 MB")."""

from typing import Final

from chainmap.themes import Lang

ATTACHMENT_MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    "attachments.evidence": {"en": "Evidence", "nl": "Bewijsstukken"},
    "attachments.no_evidence": {"en": "No evidence added yet.", "nl": "Nog geen bewijsstukken toegevoegd."},
    "attachments.attachments": {"en": "Attachments", "nl": "Bijlagen"},
    "attachments.size": {"en": "{size} kB", "nl": "{size} kB"},
    "attachments.added_by": {"en": "added {at} by {who}", "nl": "toegevoegd {at} door {who}"},
    "attachments.evidence_form": {"en": "Add evidence", "nl": "Bewijsstuk toevoegen"},
    "attachments.file": {"en": "File", "nl": "Bestand"},
    "attachments.files": {"en": "Attachments (optional)", "nl": "Bijlagen (optioneel)"},
    "attachments.hint": {
        "en": "PDF, image (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV or text, at most {limit}. The type is "
        "checked by the file's content, not by its name.",
        "nl": "PDF, afbeelding (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV of tekst, hoogstens {limit}. Het "
        "type wordt gecontroleerd aan de inhoud van het bestand, niet aan de naam.",
    },
    "attachments.step_hint": {
        "en": "Up to 5 files: PDF, image (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV or text, each at most "
        "{limit}.",
        "nl": "Tot 5 bestanden: PDF, afbeelding (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV of tekst, elk "
        "hoogstens {limit}.",
    },
    "attachments.submit": {"en": "Add evidence", "nl": "Bewijsstuk toevoegen"},
    "attachments.errors": {
        "en": "The evidence was not added; see the field below.",
        "nl": "Het bewijsstuk is niet toegevoegd; zie het veld hieronder.",
    },
    "attachments.back": {"en": "Back to the contract", "nl": "Terug naar het contract"},
    "attachments.action": {"en": "Action: {title}", "nl": "Actie: {title}"},
    "attachments.error.required": {"en": "Choose a file.", "nl": "Kies een bestand."},
    "attachments.error.empty": {"en": "“{filename}” is empty.", "nl": "“{filename}” is leeg."},
    "attachments.error.too_large": {
        "en": "“{filename}” is larger than {limit}.",
        "nl": "“{filename}” is groter dan {limit}.",
    },
    "attachments.error.type": {
        "en": "“{filename}” is not a PDF, image (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV or text file. Its "
        "content decides, not its name.",
        "nl": "“{filename}” is geen PDF, afbeelding (PNG, JPEG, GIF, WebP), XLSX, DOCX, CSV of tekst. De "
        "inhoud beslist, niet de naam.",
    },
    "attachments.error.too_many": {
        "en": "Attach at most 5 files to a step.",
        "nl": "Voeg hoogstens 5 bestanden toe aan een stap.",
    },
    "timeline.attachment_added": {
        "en": "Evidence added to the action “{action}”: {filename}",
        "nl": "Bewijsstuk toegevoegd aan de actie “{action}”: {filename}",
    },
    "timeline.attachment_added_to_step": {
        "en": "Attachment added to the escalation step {step}: {filename}",
        "nl": "Bijlage toegevoegd aan de escalatiestap {step}: {filename}",
    },
}
