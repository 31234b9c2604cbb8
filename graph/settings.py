"""Connection settings, read from the environment into one object."""
from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlparse

# The password the managed local server (`kg server start`) and docker-compose.yml are set up
# with. It protects nothing but a development server on 127.0.0.1.
DEV_PASSWORD = "kg-dev-password"
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True)
class Settings:
    """Where Neo4j is and how to log in."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = DEV_PASSWORD
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Settings from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE."""
        env = os.environ if environ is None else environ
        return cls(
            uri=env.get("NEO4J_URI") or DEFAULT_URI,
            user=env.get("NEO4J_USER") or DEFAULT_USER,
            password=env.get("NEO4J_PASSWORD") or DEV_PASSWORD,
            database=env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        )

    @property
    def is_local(self) -> bool:
        host = urlparse(self.uri).hostname or ""
        return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")

    @property
    def uses_dev_password_remotely(self) -> bool:
        """True when the development default password is sent to a server that is not local."""
        return self.password == DEV_PASSWORD and not self.is_local

    def __repr__(self) -> str:  # never show the password
        return f"Settings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"
