"""The README's command-line example is the program's real output, so the two cannot drift apart."""

import re
from pathlib import Path

import pytest

from chainmap.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_readme_example_is_the_real_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(
        r"```\n\$ \.venv/bin/chainmap (?P<args>[^\n]+)\n(?P<output>.*?)```", readme, re.DOTALL
    )
    assert example is not None, "README.md has no chainmap example"
    monkeypatch.chdir(ROOT)
    assert main(example["args"].split()) == 0
    assert capsys.readouterr().out == example["output"]
