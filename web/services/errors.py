"""The error a service raises when a form's input is refused: every problem at once, by field, as the
key of a web text, so that the page shows each message next to its field in the page's language."""


class FormInvalid(ValueError):
    """The input is refused as a whole; `errors` maps a field name to the key of its message, and
    `params` holds the values those messages name (e.g. the file that was refused)."""

    def __init__(self, errors: dict[str, str], params: dict[str, object] | None = None) -> None:
        super().__init__(", ".join(f"{field}: {key}" for field, key in errors.items()))
        self.errors = errors
        self.params = params or {}
