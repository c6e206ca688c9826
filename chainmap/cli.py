"""The `chainmap` command line: the file commands of the core (analyse, validate, diff, convert, risk,
reference build).

Exit codes: 0 success, 1 the chain file has blocking errors (all printed, by row), 2 usage error
(bad arguments, a missing file, an unknown country). A good outside the vocabulary is no error, only a
warning. Reports go to stdout; messages to stderr; user errors never show a traceback.
"""

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from chainmap import text_report
from chainmap.activities import ACTIVITIES, normalise_activity, sector_activity
from chainmap.analysis import analyse, assess_site, diff_chains, risk_as_dict
from chainmap.analysis.risk import SiteProfiles, site_profiles
from chainmap.chain import UNKNOWN_COUNTRY
from chainmap.collector import collector_paused
from chainmap.findings import Finding
from chainmap.forked import Forked, start_forked
from chainmap.messages import render
from chainmap.reference import (
    ScreeningResult,
    country_label,
    load_reference,
    screen_company,
    screen_sites,
    screened,
)
from chainmap.themes import LANGS, Lang

if TYPE_CHECKING:
    # The file formats and the graph library load only for the commands that read files (start-up).
    import networkx as nx

    from chainmap.chain import ChainRow
    from chainmap.validation import BuiltChain

EXIT_OK = 0
EXIT_BLOCKED = 1
EXIT_USAGE = 2
CHAIN_SUFFIXES = (".csv", ".xlsx", ".json")
# From this many sites `analyse` works out the risk profiles, and the JSON result the risk groups, in a
# second process (`chainmap.forked`): below, forking costs more than it saves.
FORK_FROM_SITES = 5_000
ALL_FINDINGS_HELP = "list every finding, also where many of one kind are shown as one line"


class UsageError(Exception):
    """A mistake in how the command was called; shown as one line, exit code 2."""


# What the file commands built, when the console script runs them (`run`): kept to the end of the
# process, which exits without freeing it object by object.
_left_to_exit: list[object] | None = None


def _leave_to_exit(*results: object) -> None:
    """Keep a command's large results alive until `run` exits (nothing when `main` is called in-process)."""
    if _left_to_exit is not None:
        _left_to_exit.extend(results)


def _say(code: str, lang: Lang, stream: TextIO | None = None, **params: Any) -> None:
    """Print a catalogue message; to stderr unless another stream is given (looked up at call time)."""
    print(render(code, params, lang), file=stream or sys.stderr)


def _chain_path(text: str, lang: Lang) -> Path:
    path = Path(text)
    if path.suffix.lower() not in CHAIN_SUFFIXES:
        raise UsageError(render("cli.unsupported_format", {"path": text}, lang))
    if path.is_dir():
        raise UsageError(render("cli.file_is_folder", {"path": text}, lang))
    if not path.is_file():
        raise UsageError(render("cli.file_not_found", {"path": text}, lang))
    return path


def write_chain_file(graph: "nx.DiGraph[str]", path: Path) -> None:
    """Write a chain file (`chainmap.chainfile.write_chain_file`); the file formats, with the spreadsheet
    library, load only for the commands that read or write chain files, so `risk` starts quickly."""
    from chainmap.chainfile import write_chain_file as write

    write(graph, path)


def _load(
    text: str, lang: Lang, *, all_findings: bool = False, profiles: "_ForkedProfiles | None" = None
) -> "BuiltChain":
    """Read and validate a chain file; print its findings to stderr, many of one kind as one line unless
    `all_findings`. `profiles` are started on the rows and the graph of a large chain meanwhile."""
    from chainmap.chainfile import build_chain_file, read_chain_file

    chain_file = read_chain_file(_chain_path(text, lang))
    _leave_to_exit(chain_file)  # its rows are freed with the process, not one by one
    linked = None
    if profiles is not None:
        profiles.rows_read(chain_file.rows)
        linked = profiles.graph_linked
    built = build_chain_file(chain_file, reference=load_reference(), linked=linked)
    for line in text_report.findings_lines(built.findings, lang, all_findings=all_findings):
        print(line, file=sys.stderr)
    return built


def _blocked(path: str, findings: Sequence[Finding], lang: Lang) -> int:
    _say("cli.blocked", lang, path=path, count=sum(1 for f in findings if f.blocking))
    return EXIT_BLOCKED


class _ForkedProfiles:
    """The risk profiles of a chain of FORK_FROM_SITES sites or more, worked out in forked children
    (`chainmap.forked`) while the chain is validated: the sites' names are screened from the rows as soon
    as they are read, and the profiles, with those screenings, once the graph is linked. `worked_out`
    then gives them to `analyse`; it is None for a smaller chain."""

    def __init__(self) -> None:
        self._screenings: Forked[dict[tuple[str, str | None], ScreeningResult]] | None = None
        self.worked_out: Forked[SiteProfiles] | None = None

    def rows_read(self, rows: Sequence["ChainRow"]) -> None:
        """Start screening the names of the rows of a large chain."""
        if len(rows) >= FORK_FROM_SITES:
            from chainmap.validation import cell_country

            reference = load_reference()
            self._screenings = start_forked(
                lambda: screen_sites(
                    ((row.name, cell_country(row.country, reference)) for row in rows), reference
                )
            )

    def graph_linked(self, graph: "nx.DiGraph[str]") -> None:
        """Start working out the profiles of the linked graph, with the screenings once they are in."""
        if self._screenings is not None and graph.number_of_nodes() >= FORK_FROM_SITES:
            screen = screened(self._screenings())
            reference = load_reference()
            self.worked_out = start_forked(lambda: site_profiles(graph, reference=reference, screen=screen))

    def cancel(self) -> None:
        """Stop the children of a chain found invalid: its profiles are not wanted."""
        for forked in (self._screenings, self.worked_out):
            if forked is not None:
                forked.cancel()


@collector_paused()
def cmd_analyse(args: argparse.Namespace, lang: Lang) -> int:
    profiles = _ForkedProfiles()
    built = _load(args.file, lang, all_findings=args.all_findings, profiles=profiles)
    if not built.ok:
        profiles.cancel()
        return _blocked(args.file, built.findings, lang)
    fork = built.graph.number_of_nodes() >= FORK_FROM_SITES
    analysis = analyse(
        built.graph,
        reference=load_reference(),
        findings=built.findings,
        order=built.upstream_order,
        links=built.links,
        profiles=profiles.worked_out,
        fork=fork,
        fork_groups=fork and args.format != "csv",  # the hotspot table has no risk groups
    )
    _leave_to_exit(built, analysis)
    if args.format == "json":
        sys.stdout.flush()
        analysis.write_json(sys.stdout.buffer, lang, top=args.top, fork=fork)
        sys.stdout.buffer.flush()
    elif args.format == "csv":
        from chainmap.hotspots_csv import write_hotspots_csv

        write_hotspots_csv(analysis, sys.stdout, lang, top=args.top)
    else:
        report = text_report.analysis_text(
            analysis,
            path=args.file,
            links=built.graph.number_of_edges(),
            top=args.top or 10,
            lang=lang,
            screening=text_report.screening_counts(node.risks for node in analysis.nodes),
            all_findings=args.all_findings,
        )
        print(report)
    return EXIT_OK


@collector_paused()
def cmd_validate(args: argparse.Namespace, lang: Lang) -> int:
    built = _load(args.file, lang, all_findings=args.all_findings)
    _leave_to_exit(built)
    if not built.ok:
        return _blocked(args.file, built.findings, lang)
    warnings = sum(1 for f in built.findings if not f.blocking)
    graph = built.graph
    _say(
        "cli.valid",
        lang,
        sys.stdout,
        path=args.file,
        nodes=graph.number_of_nodes(),
        links=graph.number_of_edges(),
        warnings=warnings,
    )
    return EXIT_OK


@collector_paused()
def cmd_diff(args: argparse.Namespace, lang: Lang) -> int:
    old = _load(args.old, lang, all_findings=args.all_findings)
    new = _load(args.new, lang, all_findings=args.all_findings)
    _leave_to_exit(old, new)
    for path, built in ((args.old, old), (args.new, new)):
        if not built.ok:
            return _blocked(path, built.findings, lang)
    diff = diff_chains(old.graph, new.graph, reference=load_reference()).as_dict(lang)
    if args.format == "json":
        json.dump(diff, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        names = {
            node: data.get("name", node)
            for graph in (old.graph, new.graph)
            for node, data in graph.nodes(data=True)
        }
        print(text_report.diff_text(diff, old=args.old, new=args.new, names=names, lang=lang))
    return EXIT_OK


def _load_mapped(text: str, map_text: str, lang: Lang, *, all_findings: bool) -> "BuiltChain":
    """Read a CSV or XLSX file in another layout through the mapping file `map_text` and validate the
    chain rows it makes, as `_load` does a chain file; a mapping file that cannot be read is a usage
    error naming every problem in it."""
    # The file formats and the graph library load only for the commands that read files (start-up).
    import networkx as nx

    from chainmap.chainfile import MAX_FILE_BYTES, MAX_ROWS
    from chainmap.chainfile.mapping import apply_mapping, drop_explained, parse_mapping, read_source_file
    from chainmap.findings import has_errors
    from chainmap.validation import BuiltChain, build_chain

    path = _chain_path(text, lang)
    if path.suffix.lower() == ".json":
        raise UsageError(render("cli.map_needs_table", {"path": text}, lang))
    map_path = Path(map_text)
    try:
        mapping_file = parse_mapping(map_path.read_bytes())
    except OSError as error:
        raise UsageError(
            render("cli.map_unreadable", {"path": map_text, "reason": error.strerror or str(error)}, lang)
        ) from error
    if mapping_file.mapping is None:
        problems = " ".join(finding.message(lang) for finding in mapping_file.findings)
        raise UsageError(render("cli.map_invalid", {"path": map_text, "problems": problems}, lang))
    table = read_source_file(path, max_rows=MAX_ROWS, max_bytes=MAX_FILE_BYTES)
    chain_file = apply_mapping(table, mapping_file.mapping, max_rows=MAX_ROWS)
    if has_errors(chain_file.findings) and not chain_file.rows:
        built = BuiltChain(nx.DiGraph(), chain_file.findings)
    else:
        checked = build_chain(chain_file.rows, reference=load_reference())
        built = replace(checked, findings=drop_explained([*chain_file.findings, *checked.findings]))
    for line in text_report.findings_lines(built.findings, lang, all_findings=all_findings):
        print(line, file=sys.stderr)
    return built


@collector_paused()
def cmd_convert(args: argparse.Namespace, lang: Lang) -> int:
    if args.map is not None:
        built = _load_mapped(args.source, args.map, lang, all_findings=args.all_findings)
    else:
        built = _load(args.source, lang, all_findings=args.all_findings)
    _leave_to_exit(built)
    if not built.ok:
        return _blocked(args.source, built.findings, lang)
    target = Path(args.target)
    if target.suffix.lower() not in CHAIN_SUFFIXES:
        raise UsageError(render("cli.unsupported_format", {"path": args.target}, lang))
    if target.exists() and target.resolve() == Path(args.source).resolve():
        raise UsageError(render("cli.convert_onto_source", {"path": args.target}, lang))
    try:
        write_chain_file(built.graph, target)
    except OSError as error:
        raise UsageError(
            render("cli.cannot_write", {"path": args.target, "reason": error.strerror or str(error)}, lang)
        ) from error
    _say(
        "cli.converted",
        lang,
        sys.stdout,
        source=args.source,
        target=args.target,
        nodes=built.graph.number_of_nodes(),
    )
    return EXIT_OK


def cmd_risk(args: argparse.Namespace, lang: Lang) -> int:
    reference = load_reference()
    good = reference.resolve_good(args.goods)
    if good is None:
        # A good outside the vocabulary (machinery, software, a service) is no error: the site is assessed
        # from its country and activity, with a warning that no DOL listing can match it.
        guess = reference.closest_good(args.goods)
        if guess is None:
            _say("cli.unknown_good", lang, goods=args.goods)
        else:
            _say("cli.unknown_good_close", lang, goods=args.goods, suggestion=guess)
    goods = good.name if good is not None else args.goods.strip()
    unknown_country = args.country.strip().casefold() == UNKNOWN_COUNTRY
    country = None if unknown_country else reference.resolve_country(args.country)
    if country is None and not unknown_country:
        close = reference.closest_country(args.country)
        if close is None:
            raise UsageError(render("cli.unknown_country", {"country": args.country}, lang))
        params = {"country": args.country, "suggestion": reference.countries[close].name, "code": close}
        raise UsageError(render("cli.unknown_country_close", params, lang))
    if args.activity is None:
        activity = sector_activity(good.sector if good is not None else "")
    else:
        found = normalise_activity(args.activity)
        if found is None:
            choices = ", ".join(sorted(ACTIVITIES))
            raise UsageError(
                render("cli.unknown_activity", {"activity": args.activity, "choices": choices}, lang)
            )
        activity = found
    risks = assess_site(
        country=country,
        activity=activity,
        goods=[goods],
        name=args.name or "",
        reference=reference,
        region=args.region or "",
    )
    result: dict[str, Any] = {
        "goods": goods,
        "country": country,
        "country_name": country_label(reference.countries[country].name, lang)
        if country is not None
        else render("cli.an_unknown_country", {}, lang),
        "activity": activity,
        "risks": {theme: risk_as_dict(risk, lang) for theme, risk in risks.items()},
    }
    if args.name:
        screening = screen_company(args.name, country=country, reference=reference)
        result["screening"] = screening_as_dict(args.name, screening, lang)
    if args.format == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(text_report.risk_text(result, lang=lang))
    return EXIT_OK


def screening_as_dict(name: str, screening: ScreeningResult, lang: Lang) -> dict[str, Any]:
    """A name's UFLPA screening as JSON-ready data: the outcome, the entry or the possible matches, the
    sentence that says it, and the reminder that no match is not clearance."""
    entities = [match.entity.name for match in screening.possible]
    listing = screening.listing
    params = {"name": name, "entity": listing.name if listing else "", "entities": ", ".join(entities)}
    return {
        "name": name,
        "outcome": screening.outcome,
        "entity": listing.name if listing else None,
        "possible": [
            {
                "entity": match.entity.name,
                "matched": match.matched,
                "score": match.score,
                "short": match.short,
            }
            for match in screening.possible
        ],
        "text": render(f"screening.{screening.outcome}", params, lang),
        "note": render("screening.not_clearance", {}, lang),
    }


def cmd_reference_build(args: argparse.Namespace, lang: Lang) -> int:
    from chainmap.reference.build import ReferenceBuildError, build_reference

    source = Path(args.source)
    if not source.is_dir():
        raise UsageError(render("cli.file_not_found", {"path": args.source}, lang))
    try:
        written = build_reference(source, Path(args.target))
    except ReferenceBuildError as error:
        _say("cli.reference_failed", lang, reason=str(error))
        return EXIT_BLOCKED
    _say("cli.reference_built", lang, sys.stdout, files=", ".join(p.name for p in written))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the core's file commands."""
    parser = argparse.ArgumentParser(
        prog="chainmap", description="Supply-chain due diligence: chain files and risk analysis."
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=os.environ.get("CHAINMAP_LANG", "en") if os.environ.get("CHAINMAP_LANG") in LANGS else "en",
        help="language of the output (default: en, or $CHAINMAP_LANG)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    formats = ("text", "json")

    analyse_cmd = commands.add_parser("analyse", aliases=["analyze"], help="risk analysis of a chain file")
    analyse_cmd.add_argument("file", help="chain file: .csv, .xlsx or .json")
    analyse_cmd.add_argument(
        "--format",
        choices=(*formats, "csv"),
        default="text",
        help="text report, JSON result (docs/json-format.md) or the hotspots as CSV for spreadsheets",
    )
    analyse_cmd.add_argument("--top", type=_positive, default=None, help="show only the N first hotspots")
    analyse_cmd.add_argument("--all-findings", action="store_true", help=ALL_FINDINGS_HELP)
    analyse_cmd.set_defaults(run=cmd_analyse)

    validate_cmd = commands.add_parser("validate", help="check a chain file and list every problem")
    validate_cmd.add_argument("file")
    validate_cmd.add_argument("--all-findings", action="store_true", help=ALL_FINDINGS_HELP)
    validate_cmd.set_defaults(run=cmd_validate)

    diff_cmd = commands.add_parser("diff", help="what changed between two versions of a chain")
    diff_cmd.add_argument("old")
    diff_cmd.add_argument("new")
    diff_cmd.add_argument("--format", choices=formats, default="text")
    diff_cmd.add_argument("--all-findings", action="store_true", help=ALL_FINDINGS_HELP)
    diff_cmd.set_defaults(run=cmd_diff)

    convert_cmd = commands.add_parser("convert", help="convert a chain file; formats from the suffixes")
    convert_cmd.add_argument("source")
    convert_cmd.add_argument("target")
    convert_cmd.add_argument("--all-findings", action="store_true", help=ALL_FINDINGS_HELP)
    convert_cmd.add_argument(
        "--map",
        metavar="FILE.json",
        help="read a CSV or XLSX list in another layout through this column mapping (docs/chain-format.md)",
    )
    convert_cmd.set_defaults(run=cmd_convert)

    risk_cmd = commands.add_parser("risk", help="quick risk look-up of one good from one country")
    risk_cmd.add_argument("--goods", required=True, help='a good, e.g. "Cotton"')
    risk_cmd.add_argument("--country", required=True, help="ISO code or English name, e.g. TM")
    risk_cmd.add_argument("--activity", help="activity at the site (default: from the good's sector)")
    risk_cmd.add_argument("--name", help="company name, checked against the UFLPA Entity List")
    risk_cmd.add_argument("--region", help="region in the country, e.g. Xinjiang (the UFLPA presumption)")
    risk_cmd.add_argument("--format", choices=formats, default="text")
    risk_cmd.set_defaults(run=cmd_risk)

    reference_cmd = commands.add_parser("reference", help="reference data tables")
    reference_commands = reference_cmd.add_subparsers(dest="reference_command", required=True)
    build_cmd = reference_commands.add_parser(
        "build", help="derive fixtures/reference/ from the public sources"
    )
    build_cmd.add_argument("--from", dest="source", required=True, help="e.g. ../shared/reference")
    build_cmd.add_argument("--to", dest="target", default="fixtures/reference")
    build_cmd.set_defaults(run=cmd_reference_build)
    _add_app_commands(commands)
    return parser


def _add_app_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """The web app's commands; they run in `web.cli`, which only they import."""
    db_cmd = commands.add_parser("db", help="the web app's database")
    db_commands = db_cmd.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the database to the newest schema").set_defaults(
        run=cmd_app
    )
    demo_cmd = commands.add_parser("demo", help="upgrade the database and add the demo accounts")
    demo_cmd.set_defaults(run=cmd_app)
    serve_cmd = commands.add_parser("serve", help="serve the web app")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--workers", type=_positive, default=1, help="server processes (default: 1)")
    serve_cmd.add_argument(
        "--proxy-headers",
        action="store_true",
        help="behind a reverse proxy: take the client's address from X-Forwarded-For",
    )
    serve_cmd.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="the proxy addresses whose X-Forwarded-For is believed, comma-separated (default: 127.0.0.1)",
    )
    serve_cmd.set_defaults(run=cmd_app)
    backup_cmd = commands.add_parser("backup", help="copy the database and the uploaded files into a folder")
    backup_cmd.add_argument("directory", help="a new or empty folder")
    backup_cmd.set_defaults(run=cmd_app)
    restore_cmd = commands.add_parser("restore", help="restore a backup folder (stop the app first)")
    restore_cmd.add_argument("directory", help="a folder made by chainmap backup")
    restore_cmd.add_argument(
        "--force", action="store_true", help="replace a database with data and uploaded files"
    )
    restore_cmd.set_defaults(run=cmd_app)
    user_cmd = commands.add_parser("user", help="web app users")
    user_commands = user_cmd.add_subparsers(dest="user_command", required=True)
    create_cmd = user_commands.add_parser("create", help="create a user (the first admin, for one)")
    create_cmd.add_argument("--email", required=True)
    create_cmd.add_argument(
        "--role", choices=("admin", "buyer", "contract_manager", "supplier"), default="admin"
    )
    create_cmd.add_argument("--organisation", help="organisation name (created when new)")
    create_cmd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    create_cmd.set_defaults(run=cmd_app)
    notify_cmd = commands.add_parser(
        "notify", help="make the due notifications and e-mail them (for cron or a systemd timer)"
    )
    notify_cmd.add_argument("--dry-run", action="store_true", help="print what it would do; change nothing")
    notify_cmd.add_argument("--today", type=_iso_date, help="the date to take as today (YYYY-MM-DD)")
    notify_cmd.set_defaults(run=cmd_app)
    report_cmd = commands.add_parser("report", help="a contract's report for the contract file (PDF or XLSX)")
    report_cmd.add_argument("reference", help="the contract's reference (unique per buyer)")
    report_cmd.add_argument("--format", dest="report_format", choices=("pdf", "xlsx"), required=True)
    report_cmd.add_argument("-o", "--output", required=True, help="the file to write")
    report_cmd.add_argument("--buyer", help="the buyer organisation, when several use the reference")
    report_cmd.add_argument(
        "--lang",
        dest="report_lang",
        choices=LANGS,
        help="language of the report (default: the --lang given before the command)",
    )
    report_cmd.set_defaults(run=cmd_app)


def cmd_app(args: argparse.Namespace, lang: Lang) -> int:
    from web import cli as app_cli  # the web stack loads only for the app's commands

    return app_cli.run(args, lang)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    args = build_parser().parse_args(argv)
    lang = cast(Lang, args.lang)
    try:
        return cast(int, args.run(args, lang))
    except UsageError as error:
        print(f"chainmap: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def run() -> NoReturn:
    """The console script `chainmap`: `main`, then the end of the process.

    The file commands (`analyse`, `validate`, `diff`, `convert`) run with the cyclic garbage collector
    paused (`collector_paused`) and leave what they built to the exit: freeing the graph and the analysis
    of a 100,000-site chain object by object takes a few tenths of a second and serves nothing, so once
    their output is flushed the process ends at once (`os._exit`). Other commands, such as `serve`, end
    as usual.
    """
    global _left_to_exit
    _left_to_exit = []
    code = main()
    if not _left_to_exit:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
