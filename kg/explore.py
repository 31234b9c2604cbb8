"""`kg query`, `kg view` and `kg timeline`: run the query library, draw networks and timelines.
Thin wrappers over `graph.query`, `graph.view` and `graph.timeline`, registered on the main
app by `register(app)`."""
from __future__ import annotations

import sys
import webbrowser
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from kg.common import (Database, EXIT_USAGE, Password, Uri, User, err, open_store, out, settings_of,
                    user_errors)
from graph.settings import DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, DEV_PASSWORD

Params = Annotated[Optional[list[str]], typer.Option(
    "--param", "-p", help="A query parameter as key=value (repeatable); the header's examples are the defaults.",
    show_default=False)]


def query(
    name: Annotated[Optional[str], typer.Argument(help="A library query name (see --list) or a .cypher file.",
                                                  show_default=False)] = None,
    param: Params = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="table, json (a list of row objects) or csv.")] = "table",
    list_queries: Annotated[bool, typer.Option("--list", help="List the library's queries with their titles.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the graph.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Run a library query or a .cypher file (read-only unless --write) and print the rows.

    Example: kg query person-profile --param name="Nguyễn Văn Thạch" --format json
    """
    from graph import query as queries

    if list_queries:
        with user_errors():
            items = queries.library()
        table = Table("query", "title", "parameters (examples)", show_lines=False)
        for q in items:
            table.add_row(q.name, q.title, ", ".join(f"{k}={v!r}" for k, v in q.defaults.items()))
        out.print(table)
        return
    if not name:
        err.print("[red]error:[/] give a query name or .cypher file, or --list to see the library")
        raise typer.Exit(EXIT_USAGE)
    if output_format not in queries.FORMATS:
        err.print(f"[red]error:[/] --format {output_format}: use one of {', '.join(queries.FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    settings = settings_of(uri, user, password, database)
    with user_errors():
        q = queries.load(name)
        params = queries.parse_params(param or [], q)
        with open_store(settings) as store:
            result = queries.run(store, q, params, write=write)
    if output_format == "json":
        sys.stdout.write(queries.to_json(result) + "\n")
    elif output_format == "csv":
        sys.stdout.write(queries.to_csv(result))
    else:
        out.print(_table(result, q.title, out.width))
    err.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


def view(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("network.html"),
    query_name: Annotated[Optional[str], typer.Option("--query", "-q", help="Draw what a library query or .cypher file returns.",
                                                      show_default=False)] = None,
    param: Params = None,
    person: Annotated[Optional[str], typer.Option(help="Draw a person's neighbourhood (key or part of the name).",
                                                  show_default=False)] = None,
    agency: Annotated[Optional[str], typer.Option(help="Draw an agency's neighbourhood (key or part of the name).",
                                                  show_default=False)] = None,
    hops: Annotated[int, typer.Option(min=0, max=6, help="Steps from --person or --agency.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="Most nodes to draw.")] = 300,
    ranks: Annotated[bool, typer.Option("--ranks", help="Draw rank nodes (by default a person's rank is shown on the person).")] = False,
    lang: Annotated[str, typer.Option("--lang", help="vi, or en to label ranks, positions and agencies in English.")] = "vi",
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Write an interactive HTML network (works offline) of a query, a person, an agency or the whole graph.

    Example: kg view --person "nguyen van thach" --hops 2 --lang en -o person.html --open
    """
    from graph import query as queries
    from graph import view as views

    if sum(x is not None for x in (query_name, person, agency)) > 1:
        err.print("[red]error:[/] give only one of --query, --person and --agency")
        raise typer.Exit(EXIT_USAGE)
    if param and query_name is None:
        err.print("[red]error:[/] --param goes with --query")
        raise typer.Exit(EXIT_USAGE)
    settings = settings_of(uri, user, password, database)
    with user_errors():
        params = None
        if query_name is not None:
            params = queries.parse_params(param or [], queries.load(query_name))
        with open_store(settings) as store:
            network = views.build(store, query=query_name, params=params, person=person,
                                  agency=agency, hops=hops, limit=limit, ranks=ranks, lang=lang)
        path = views.write(network, output)
    if network.message:
        err.print(f"[yellow]capped:[/] {network.message}", highlight=False)
    err.print(f"{len(network.nodes)} nodes, {len(network.edges)} relationships → {path}", highlight=False)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


def timeline(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("timeline.html"),
    person: Annotated[Optional[str], typer.Option(help="A person: key or part of the name, diacritics optional.",
                                                  show_default=False)] = None,
    agency: Annotated[Optional[str], typer.Option(help="An agency: key or part of the name, diacritics optional.",
                                                  show_default=False)] = None,
    lang: Annotated[str, typer.Option("--lang", help="vi, or en for English ranks, positions and agencies.")] = "vi",
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in a browser.")] = False,
    uri: Uri = DEFAULT_URI, user: User = DEFAULT_USER, password: Password = DEV_PASSWORD,
    database: Database = DEFAULT_DATABASE,
) -> None:
    """Write an offline HTML timeline of a person (ranks, positions, meetings) or an agency (who held its positions).

    Example: kg timeline --person "nguyen van thach" -o thach.html --open
    """
    from graph import timeline as timelines

    if (person is None) == (agency is None):
        err.print("[red]error:[/] give one of --person NAME or --agency NAME")
        raise typer.Exit(EXIT_USAGE)
    if lang not in ("vi", "en"):
        err.print(f"[red]error:[/] --lang {lang}: use vi or en")
        raise typer.Exit(EXIT_USAGE)
    settings = settings_of(uri, user, password, database)
    with user_errors():
        with open_store(settings) as store:
            built = timelines.build(store, person=person, agency=agency)
        path = timelines.write(built, output, lang=lang)
    err.print(f"{built.subject}: {len(built.items)} items from {built.documents} documents → {path}",
              highlight=False)
    if open_page:
        webbrowser.open(path.resolve().as_uri())


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
def _table(result, title: str, width: int) -> Table:
    """The rows as a table `width` characters wide at most, one line per row: short columns keep
    their text, the long ones share what is left and end in an ellipsis (--format json or csv
    has the full text)."""
    from rich.cells import cell_len

    from graph import query as queries

    cells = [[" ".join(queries.cell(row[c]).split()) for c in result.columns] for row in result.rows]
    natural = [max([cell_len(c)] + [cell_len(line[i]) for line in cells]) for i, c in enumerate(result.columns)]
    room = width - 3 * len(natural) - 1  # "│ " before each cell, " " after it, and the last "│"
    widths = list(natural)
    if sum(natural) > room:  # the narrowest columns first get all they need, the others share the rest
        left = len(natural)
        for i in sorted(range(len(natural)), key=natural.__getitem__):
            widths[i] = max(1, min(natural[i], room // left))
            room, left = room - widths[i], left - 1
    table = Table(title=title, caption="cells cut to fit: --format json or csv has them whole"
                  if widths != natural else None, caption_justify="left")
    for column, size in zip(result.columns, widths):
        table.add_column(column, width=size, no_wrap=True, overflow="ellipsis")
    for line in cells:
        table.add_row(*map(Text, line))
    return table


def register(app: typer.Typer) -> None:
    """Add `kg query`, `kg view` and `kg timeline` to the main app."""
    app.command("query")(query)
    app.command("view")(view)
    app.command("timeline")(timeline)
