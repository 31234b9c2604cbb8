"""One root error class; each subclass's message says how to fix the problem."""


class KgError(Exception):
    """A problem the user can fix. The CLI prints its message as one line and exits 1."""


class InputError(KgError):
    """A file or folder that cannot be read as documents."""


class ConfigError(KgError):
    """A setting that is missing or wrong."""


class ServerError(KgError):
    """Neo4j cannot be reached, refused the credentials, or lacks the database."""


class QueryError(KgError):
    """A query file that is missing, malformed or given wrong parameters."""


class GraphLayoutError(KgError):
    """The graph was written by another version of kg in a layout this one cannot update."""


class SparkError(KgError):
    """Spark cannot run: pyspark or Java missing, a bad master URL, a job that failed."""


class NotEmptyError(KgError):
    """A bulk load was asked of a database that already holds a graph."""
