"""What the CLI's commands share: exit codes, consoles, connection options, one-line user errors."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated, Iterator

import typer
from rich.console import Console
from rich.markup import escape

from graph.errors import KgError
from graph.settings import Settings

# Exit codes (documented in the README): 0 done, 1 a problem to fix (one line on stderr),
# 2 wrong usage, 3 a load or extract finished but some files failed (listed).
EXIT_ERROR, EXIT_USAGE, EXIT_SOME_FAILED = 1, 2, 3

out = Console()
err = Console(stderr=True)

Uri = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Neo4j Bolt URI.")]
User = Annotated[str, typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user.")]
Password = Annotated[str, typer.Option("--password", envvar="NEO4J_PASSWORD", show_default=False,
                                       help="Neo4j password \\[default: the development password of the managed server].")]
Database = Annotated[str, typer.Option("--database", envvar="NEO4J_DATABASE", help="Neo4j database.")]
Paths = Annotated[list[Path], typer.Argument(help="Files (.txt .html .htm .jsonl) or folders of them.",
                                             show_default=False)]
Workers = Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")]


def settings_of(uri: str, user: str, password: str, database: str) -> Settings:
    settings = Settings(uri=uri, user=user, password=password, database=database)
    if settings.uses_dev_password_remotely:
        err.print(f"[yellow]warning:[/] sending the development default password to {settings.uri}; "
                  f"set NEO4J_PASSWORD to that server's password")
    return settings


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Project errors become one line on stderr and exit 1; bugs keep their tracebacks."""
    try:
        yield
    except KgError as error:
        err.print(f"[red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_ERROR)
    except KeyboardInterrupt:
        err.print("[red]interrupted[/] — run the same command again to finish; finished documents are kept")
        raise typer.Exit(130)


def open_store(settings: Settings):
    from graph.store import Store
    return Store.open(settings)
