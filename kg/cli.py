"""`kg`: the command line. Each command parses its arguments, builds one settings object, calls
one library function, and turns the project's own errors into one line on stderr with exit 1."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.settings import DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, DEV_PASSWORD
from kg.common import (EXIT_ERROR, EXIT_SOME_FAILED, EXIT_USAGE, Database, Password, Paths, Uri, User,  # noqa: F401
                       Workers, err, open_store, out, settings_of, user_errors)
from kg.explore import register

app = typer.Typer(help="Build and explore a knowledge graph of Vietnamese defence-industry news in Neo4j.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
server_app = typer.Typer(help="Run a local Neo4j Community server (no Docker needed).", no_args_is_help=True)
app.add_typer(server_app, name="server")


ServerHome = Annotated[Optional[Path], typer.Option("--home", envvar="KG_HOME",
                                                  help="Server folder (conf, data, logs) [default: ~/.local/share/kg/neo4j].")]


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]} docs/s"),
                    TimeElapsedColumn(), console=err, transient=False, disable=not err.is_terminal)


def _shows_rate(progress: Progress, task) -> Callable:
    """A progress callback for the load reports: documents seen and documents per second."""
    def show(report) -> None:
        elapsed = report.seconds or (progress.tasks[0].elapsed or 0)
        progress.update(task, completed=report.seen, rate=f"{report.seen / elapsed:.0f}" if elapsed else "–")
    return show


def _stopped(stop) -> None:
    """--strict met a failure: say which, and exit."""
    err.print(f"[red]failed:[/] {stop.failure.source}: {stop.failure.reason} (stopped: --strict)",
              highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_SOME_FAILED)


@contextlib.contextmanager
def _spark(engine: str, master: str | None, name: str):
    """A Spark session for --engine spark (None for the local engine)."""
    if engine != "spark":
        yield None
        return
    from kg.spark import session
    with contextlib.ExitStack() as stack:
        with err.status(f"starting Spark on {master or 'local[*]'}…"):
            spark = stack.enter_context(session(master, name))
        yield spark


def _report_failures(report) -> None:
    for failure in report.failures:
        err.print(f"[red]failed:[/] {failure.source}: {failure.reason}", highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: Paths,
    output: Annotated[Path, typer.Option("--output", "-o", help="JSONL file to write (- for stdout).")],
    workers: Workers = 1,
    strict: Annotated[bool, typer.Option(help="Stop at the first file that fails.")] = False,
) -> None:
    """Extract entities and relations to JSONL in the evaluation guide's format, without a database.

    Example: kg extract articles/ -o extracted.jsonl
    """
    from graph.model import Failure
    from loaders.pipeline import extract_paths
    from loaders.exchange import extraction_to_record

    done = failed = 0
    with user_errors():
        handle = sys.stdout if str(output) == "-" else None
        try:
            if handle is None:
                output.parent.mkdir(parents=True, exist_ok=True)
                handle = output.open("w", encoding="utf-8")
        except OSError as error:
            err.print(f"[red]error:[/] cannot write {output}: {error.strerror} — choose another --output")
            raise typer.Exit(EXIT_ERROR)
        with handle if handle is not sys.stdout else contextlib.nullcontext(), _progress() as progress:
            task = progress.add_task("extracting", total=None, rate="–")
            for item in extract_paths([str(p) for p in paths], workers=workers):
                if isinstance(item, Failure):
                    failed += 1
                    err.print(f"[red]failed:[/] {item.source}: {item.reason}", highlight=False, soft_wrap=True)
                    if strict:
                        raise typer.Exit(EXIT_SOME_FAILED)
                    continue
                handle.write(json.dumps(extraction_to_record(item), ensure_ascii=False) + "\n")
                done += 1
                elapsed = progress.tasks[0].elapsed or 0
                progress.update(task, completed=done, rate=f"{done / elapsed:.0f}" if elapsed else "–")
    err.print(f"extracted {done} documents, {failed} failed → {output}")
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)


Engine = Annotated[str, typer.Option("--engine", help="local (this machine, --workers processes) or spark "
                                     "(Apache Spark on --master; pip install 'kg\\[spark]').")]
Master = Annotated[Optional[str], typer.Option("--master", envvar="SPARK_MASTER", show_default=False,
                                               help="Spark master URL for --engine spark: local[*], local[N], "
                                                    "spark://HOST:7077, yarn, k8s://… \\[default: local[*], or "
                                                    "spark-submit's --master]")]


def _check_engine(engine: str, workers: int = 1) -> None:
    if engine not in ("local", "spark"):
        err.print(f"[red]error:[/] --engine {engine}: use local or spark")
        raise typer.Exit(EXIT_ERROR)
    if engine == "spark" and workers != 1:
        err.print("[red]error:[/] --workers is for --engine local; with --engine spark the parallelism "
                  "comes from --master (e.g. local[4])")
        raise typer.Exit(EXIT_ERROR)


@app.command()
def load(
    paths: Paths,
    workers: Workers = 1,
    engine: Engine = "local",
    master: Master = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per write transaction.")] = 200,
    force: Annotated[bool, typer.Option(help="Extract and write even unchanged documents.")] = False,
    strict: Annotated[bool, typer.Option(help="Stop at the first file that fails.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
    bulk: Annotated[bool, typer.Option("--bulk", help="First load into an EMPTY database through "
                                       "`neo4j-admin database import full` (see the README).")] = False,
    bulk_dir: Annotated[Optional[Path], typer.Option(help="With --bulk and a server other than the "
                                                     "managed one: where to write the import files.")] = None,
    home: ServerHome = None,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Extract documents and load them into Neo4j; unchanged documents are skipped.

    Example: kg load articles/ --workers 2;  kg load articles/ --engine spark --master local[4];
    kg load archive/ --bulk --workers 2 (empty database)
    """
    from kg.pipeline import StrictStop, load as load_paths

    _check_engine(engine, workers)
    settings = settings_of(uri, user, password, database)
    if bulk:
        if engine != "local":
            err.print("[red]error:[/] --bulk extracts with the local engine; leave out --engine spark")
            raise typer.Exit(EXIT_USAGE)
        _bulk_load(paths, settings, home, bulk_dir, workers, batch_size, strict, as_json)
        return
    with user_errors(), open_store(settings) as store, _spark(engine, master, "kg load") as spark, \
            _progress() as progress:
        task = progress.add_task("loading" if spark is None else f"loading with Spark ({spark.sparkContext.master})",
                                 total=None, rate="–")
        if spark is not None:
            from kg import spark as engine_spark

            def load_paths(paths, store, *, workers, **options):  # noqa: F811 - Spark's engine, same call
                return engine_spark.load(paths, store, spark, settings, **options)

        show = _shows_rate(progress, task)
        try:
            report = load_paths([str(p) for p in paths], store, workers=workers, batch_size=batch_size,
                                force=force, strict=strict, on_progress=show)
        except StrictStop as stop:
            _stopped(stop)
        show(report)
    _report_failures(report)
    if as_json:
        out.print_json(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        s = report.stats
        err.print(f"documents: {report.loaded} loaded, {report.skipped} unchanged (skipped), "
                  f"{report.failed} failed in {report.seconds:.1f}s · nodes +{s.nodes_created} "
                  f"-{s.nodes_deleted} · relationships +{s.relationships_created} "
                  f"-{s.relationships_deleted}")
        if s.lock_conflicts:
            err.print(f"{s.lock_conflicts} lock conflict{'s' if s.lock_conflicts > 1 else ''} retried "
                      f"(another write held the same nodes)")
        _report_copies(report)
        if report.fallback:
            err.print(f"{report.fallback} page{'s' if report.fallback > 1 else ''} read with the fallback "
                      f"reader (no main text found by trafilatura)")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _report_copies(report) -> None:
    if report.copies:
        err.print(f"{report.copies} exact cop{'ies' if report.copies > 1 else 'y'} merged into the "
                  f"document{'s' if report.copies > 1 else ''} {'they repeat' if report.copies > 1 else 'it repeats'} "
                  f"(one more source each)")


def _bulk_load(paths, settings, home, bulk_dir, workers, batch_size, strict, as_json) -> None:
    from kg.pipeline import StrictStop, bulk_load

    with user_errors(), _progress() as progress:
        task = progress.add_task("extracting", total=None, rate="–")

        show = _shows_rate(progress, task)
        try:
            report = bulk_load([str(p) for p in paths], settings, home=home, folder=bulk_dir,
                               workers=workers, batch_size=batch_size, strict=strict, on_progress=show,
                               on_step=lambda message: progress.update(task, description=message))
        except StrictStop as stop:
            _stopped(stop)
    _report_failures(report)
    if as_json:
        summary = report.as_dict()
        summary.update(imported=report.imported, command=report.command,
                       steps={k: round(v, 3) for k, v in report.steps.items()})
        out.print_json(json.dumps(summary, ensure_ascii=False))
    elif report.command:
        err.print(f"wrote import files for {report.loaded} documents to {report.files.folder} "
                  f"({report.failed} failed). {settings.uri} is not the managed server, so import "
                  f"them yourself: stop Neo4j (or its database {settings.database!r}), run where it is "
                  f"installed (paths as seen by that machine):", highlight=False, soft_wrap=True)
        out.print(report.command, highlight=False, soft_wrap=True, markup=False)
        err.print("then start it and run `kg schema --imported` (constraints, indexes, and what "
                  "the import carries but cannot finish: empty lists, exact copies, stories of "
                  "near-copies).", highlight=False, soft_wrap=True)
        _report_copies(report)
    else:
        err.print(f"documents: {report.loaded} loaded in bulk, {report.failed} failed in "
                  f"{report.seconds:.1f}s · {report.summary}", highlight=False, soft_wrap=True)
        _report_copies(report)
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def forget(
    docs: Annotated[list[str], typer.Argument(help="Document names (as `kg export` shows them).")],
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Remove documents and every fact only they supported.

    Example: kg forget 2024-05-12-hoi-nghi.txt
    """
    settings = settings_of(uri, user, password, database)
    with user_errors(), open_store(settings) as store:
        found, stats = store.forget(list(docs))
    missing = [d for d in docs if d not in found]
    err.print(f"forgot {len(found)} documents · nodes -{stats.nodes_deleted} · "
              f"relationships -{stats.relationships_deleted}")
    if missing:
        err.print(f"[red]error:[/] not in the graph: {', '.join(missing)} — see `kg export` for document names")
        raise typer.Exit(EXIT_ERROR)


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (- for stdout, jsonl only).")],
    format: Annotated[str, typer.Option("--format", help="jsonl (evaluation), graphml (Gephi, yEd), "
                                        "csv (OUTPUT-nodes.csv and OUTPUT-relationships.csv) or parquet "
                                        "(with --engine spark: OUTPUT/nodes/LABEL/, OUTPUT/relationships/TYPE/).")] = "jsonl",
    engine: Engine = "local",
    master: Master = None,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Export the graph: every document's entities and relations as JSONL, or the graph as GraphML/CSV.

    Example: kg export -o graph.jsonl;  kg export --format graphml -o graph.graphml;
    kg export --engine spark -o graph-parquet/
    """
    _check_engine(engine)
    settings = settings_of(uri, user, password, database)
    if engine == "spark" or format == "parquet":
        if engine != "spark" or format not in ("jsonl", "parquet"):
            err.print(f"[red]error:[/] --format {format} --engine {engine}: Parquet is written by "
                      f"--engine spark (use --engine spark, without --format or with --format parquet)")
            raise typer.Exit(EXIT_ERROR)
        if str(output) == "-":
            err.print("[red]error:[/] --engine spark writes a folder of Parquet files; give -o a folder")
            raise typer.Exit(EXIT_ERROR)
        from kg import spark as engine_spark
        with user_errors(), open_store(settings) as store, _spark(engine, master, "kg export") as spark, \
                err.status("exporting with Spark…"):
            nodes, relationships = engine_spark.export(spark, settings, store, str(output))
        err.print(f"exported {nodes} nodes and {relationships} relationships as Parquet → "
                  f"{output}/nodes/, {output}/relationships/")
        return
    if format not in ("jsonl", "graphml", "csv"):
        err.print(f"[red]error:[/] --format {format}: use jsonl, graphml or csv")
        raise typer.Exit(EXIT_ERROR)
    if format != "jsonl":
        from graph import export as exporter
        from graph.query import records
        with user_errors(), open_store(settings) as store:
            _, rows = records(store, "export-graph")
            graph = exporter.build((row["n"], row["r"], row["m"]) for row in rows)
        if format == "graphml":
            exporter.write_graphml(graph, output)
            err.print(f"exported {graph.number_of_nodes()} nodes, {graph.number_of_edges()} "
                      f"relationships → {output}")
        else:
            stem = output.with_suffix("")
            nodes, rels = Path(f"{stem}-nodes.csv"), Path(f"{stem}-relationships.csv")
            exporter.write_csv(graph, nodes, rels)
            err.print(f"exported {graph.number_of_nodes()} nodes → {nodes}, "
                      f"{graph.number_of_edges()} relationships → {rels}")
        return
    count = 0
    with user_errors(), open_store(settings) as store:
        with (contextlib.nullcontext(sys.stdout) if str(output) == "-"
              else output.open("w", encoding="utf-8")) as handle:
            for record in store.export():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    err.print(f"exported {count} documents → {output}")


@app.command()
def schema(
    imported: Annotated[bool, typer.Option("--imported", help="After importing the files of "
                                           "`kg load --bulk` yourself: also finish what the import "
                                           "cannot (empty lists, exact copies, stories of "
                                           "near-copies); safe to run again.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Create the constraints and indexes (idempotent; `kg load` does it too).

    Example: kg schema
    """
    settings = settings_of(uri, user, password, database)
    with user_errors(), open_store(settings) as store:
        n = store.apply_schema()
        if imported:
            store.await_indexes()
            store.finish_import()
    err.print(f"schema applied ({n} constraints and indexes) on {settings.uri}")


@app.command()
def reset(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Delete every document, entity and relationship in the database (constraints and indexes stay).

    Example: kg reset --yes
    """
    settings = settings_of(uri, user, password, database)
    if not yes:
        if not sys.stdin.isatty():
            err.print("[red]error:[/] kg reset deletes the whole graph — add --yes to confirm")
            raise typer.Exit(EXIT_USAGE)
        typer.confirm(f"Delete every node and relationship in database {settings.database!r} at "
                      f"{settings.uri}?", abort=True)
    with user_errors(), open_store(settings) as store:
        deleted = store.wipe()
    err.print(f"deleted {deleted.nodes_deleted} nodes and {deleted.relationships_deleted} "
              f"relationships from {settings.uri}")


@app.command()
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Count nodes by label and relationships by type.

    Example: kg stats
    """
    settings = settings_of(uri, user, password, database)
    with user_errors(), open_store(settings) as store:
        counts = store.counts()
    if as_json:
        out.print_json(json.dumps(counts, ensure_ascii=False))
        return
    table = Table("kind", "name", "count")
    for kind, rows in counts.items():
        for name, n in rows.items():
            table.add_row(kind, name, str(n))
    out.print(table)


def _print_status(status) -> None:
    out.print(f"Neo4j {status.version} is [bold]{status.state}[/]" + (f" (pid {status.pid})" if status.pid else ""))
    if status.state == "running":
        out.print(f"  Bolt URI:      {status.bolt_uri}")
        out.print(f"  Browser:       {status.browser_url}")
        out.print(f"  user/password: {status.user} / the development default (NEO4J_PASSWORD)")
    out.print(f"  home:          {status.home}")


@server_app.command("start")
def server_start(
    home: ServerHome = None,
    bolt_port: Annotated[int, typer.Option(help="Bolt port on 127.0.0.1.")] = 7687,
    http_port: Annotated[int, typer.Option(help="HTTP and Browser port on 127.0.0.1.")] = 7474,
    heap: Annotated[str, typer.Option(help="Java heap for the server.")] = "1g",
    pagecache: Annotated[str, typer.Option(help="Page cache for the server.")] = "512m",
) -> None:
    """Download (once) and start a local Neo4j Community server in the background.

    Example: kg server start
    """
    from graph import server

    with user_errors(), err.status("starting Neo4j…") as spinner:
        status = server.start(home=home, bolt_port=bolt_port, http_port=http_port, heap=heap,
                              pagecache=pagecache,
                              on_progress=lambda message: spinner.update(f"starting Neo4j: {message}"))
    _print_status(status)


@server_app.command("stop")
def server_stop(home: ServerHome = None) -> None:
    """Stop the server that `kg server start` started (and nothing else).

    Example: kg server stop
    """
    from graph import server

    with user_errors():
        stopped = server.stop(home=home)
    err.print("stopped Neo4j" if stopped else "Neo4j was not running (nothing to stop)")


@server_app.command("status")
def server_status(home: ServerHome = None) -> None:
    """Say whether the managed server is running, stopped or unreachable (exit 0 only if running).

    Example: kg server status
    """
    from graph import server

    with user_errors():
        status = server.status(home=home)
    _print_status(status)
    if status.state != "running":
        raise typer.Exit(EXIT_ERROR)


register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()
