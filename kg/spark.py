"""Loading and exporting with Apache Spark (`kg load --engine spark`, `kg export --engine spark`).

The same pipeline as `kg.pipeline`, with Spark doing the reading and extracting:

1. the driver lists the files (names only, as `loaders.read.keyed_files` keys them) and reads every
   stored document's content hash once, through the Neo4j Connector for Apache Spark;
2. the hashes are broadcast; each Spark task reads its files, hashes the documents, drops the
   unchanged ones and extracts the rest with the same `loaders` code (`mapPartitions`);
3. the driver collects the results a wave of partitions at a time (the next wave is extracted
   while this one is written) and writes them with the `Store`, `batch_size` documents per
   transaction — one writer, so executors never connect to Neo4j for writing.

A task that fails and is retried sends its results again only if its first attempt never finished
(Spark keeps one successful attempt per partition), and every result carries where it came from
(file number, line): the driver keeps the first result of each, so nothing is written twice.
Files are read by the executors from the path the driver names, so on a cluster the corpus must
be at that path on every machine (a shared file system).
"""
from __future__ import annotations

import atexit
import contextlib
import math
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from graph import cypher
from graph.errors import SparkError
from graph.model import ENTITY_LABELS, EVIDENCE, MENTIONS, NODE_LABELS, RELATION_TYPES, STATES, Failure
from graph.settings import Settings
from graph.store import Store, graph_rows
from kg.pipeline import Progress, Report, StrictStop

CONNECTOR = "org.neo4j:neo4j-connector-apache-spark_2.12:5.0.3_for_spark_3"
# The connector's build for Spark 3 depends on a `_common` artifact that its own jar already holds
# (and that Maven Central does not serve under that name).
CONNECTOR_EXCLUDES = "org.neo4j:neo4j-connector-apache-spark_2.12_common"
DATASOURCE = "org.neo4j.spark.DataSource"
DEFAULT_MASTER = "local[*]"
INSTALL_HINT = "install it with pip install 'kg[spark]'"
# Tests set this to a file path: the first attempt of the first task creates the file and fails,
# so that Spark retries it (with `local[N,retries]`).
FAIL_ONCE = "KG_SPARK_FAIL_ONCE"
FILES_PER_PARTITION = 64

_LOCAL = re.compile(r"local(\[(\*|[1-9]\d*)(,\s*[1-9]\d*)?\])?$")
_LOCAL_CLUSTER = re.compile(r"local-cluster\[\d+,\s*\d+,\s*\d+\]$")
_STANDALONE = re.compile(r"spark://([^\s/:,]+:\d+)(,[^\s/:,]+:\d+)*$")
MASTERS = "local[*], local[N], local[N,RETRIES], spark://HOST:7077, yarn or k8s://https://HOST:PORT"


def check_master(master: str) -> None:
    """Raise `SparkError` unless `master` is a Spark master URL that can be used now (a standalone
    master must accept connections), so that a typo fails in a second rather than after Spark's
    own minute of retries."""
    if _LOCAL.match(master) or _LOCAL_CLUSTER.match(master) or master == "yarn" \
            or master.startswith("k8s://") and len(master) > len("k8s://"):
        return
    if not _STANDALONE.match(master):
        raise SparkError(f"--master {master!r} is not a Spark master URL; use {MASTERS}")
    for address in master[len("spark://"):].split(","):
        host, port = address.rsplit(":", 1)
        try:
            socket.create_connection((host, int(port)), timeout=3).close()
            return
        except OSError:
            continue
    raise SparkError(f"cannot reach the Spark master at {master} — start it (sbin/start-master.sh) "
                     f"or correct --master")


def _is_local(master: str) -> bool:
    return master.startswith("local")


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


_jvm_log: dict[str, object] = {}  # this process's Spark JVM: the log file its output goes to


@contextlib.contextmanager
def session(master: str | None = None, app_name: str = "kg") -> Iterator["object"]:
    """A SparkSession on `master` with the Neo4j connector, stopped at the end.

    The first session of a process starts Spark's JVM (fetching the connector from Maven Central
    once, to ~/.ivy2); later ones reuse it. The JVM's console output (dependency resolution,
    log4j) goes to a log file, named in errors and removed at exit when nothing went wrong.
    Without `master`: spark-submit's `--master` when run by spark-submit, else `local[*]`.
    """
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # run by spark-submit, which started the JVM
    if master is None and not submitted:
        master = DEFAULT_MASTER
    if master is not None:
        check_master(master)
    try:
        from pyspark import SparkConf, SparkContext
        from pyspark.java_gateway import launch_gateway
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkError(f"--engine spark needs pyspark, which is not installed — {INSTALL_HINT}") from None
    if _java() is None:
        raise SparkError("Spark needs Java 17, and none was found — install a JDK 17 (e.g. "
                         "openjdk-17-jre-headless) or set JAVA_HOME")
    conf = (SparkConf().setAppName(app_name)
            .set("spark.jars.packages", CONNECTOR).set("spark.jars.excludes", CONNECTOR_EXCLUDES)
            .set("spark.ui.showConsoleProgress", "false")
            .set("spark.python.worker.reuse", "true"))
    if os.environ.get(FAIL_ONCE):
        conf.set(f"spark.executorEnv.{FAIL_ONCE}", os.environ[FAIL_ONCE])
    if master is not None:
        conf.setMaster(master)
    if master is not None and _is_local(master):
        # One machine: stay on loopback, no web UI, and the executors run this very Python
        # (PySpark takes the executors' Python from this variable only, not from a setting).
        conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
        conf.set("spark.ui.enabled", "false")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if "path" not in _jvm_log:
        handle = tempfile.NamedTemporaryFile(prefix="kg-spark-", suffix=".log", delete=False)
        _jvm_log.update(path=handle.name, handle=handle, keep=False)
        atexit.register(_remove_log)
    log = str(_jvm_log["path"])
    try:
        gateway = None
        if SparkContext._gateway is None:
            gateway = launch_gateway(conf, popen_kwargs={"stdout": _jvm_log["handle"],
                                                         "stderr": _jvm_log["handle"]})
        context = SparkContext(conf=conf, gateway=gateway)
    except Exception as error:  # noqa: BLE001 - the JVM's reason is in the log
        _jvm_log["keep"] = True
        raise SparkError(_startup_reason(log, error)) from None
    context.setLogLevel("ERROR")
    spark = SparkSession(context)
    try:
        yield spark
    except SparkError as error:
        _jvm_log["keep"] = True
        raise SparkError(f"{error}; Spark's log: {log}") from None
    finally:
        spark.stop()


def _remove_log() -> None:
    handle = _jvm_log.get("handle")
    if handle is not None:
        handle.close()
        if not _jvm_log.get("keep"):
            with contextlib.suppress(OSError):
                os.unlink(str(_jvm_log["path"]))


def _startup_reason(log_path: str, error: Exception) -> str:
    text = Path(log_path).read_text("utf-8", "replace")
    if "unresolved dependency" in text or "SERVER ERROR" in text or "download failed" in text:
        return (f"Spark could not fetch the Neo4j connector {CONNECTOR} from Maven Central — check "
                f"the network (it is downloaded once, to ~/.ivy2); Spark's log: {log_path}")
    lines = [ln.strip() for ln in text.splitlines() if "Exception" in ln or "Error" in ln]
    detail = lines[0] if lines else f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    return f"Spark did not start ({detail[:300]}); Spark's log: {log_path}"


def _job_failed(error: Exception) -> SparkError:
    text = str(error)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    python = [ln for ln in lines if re.match(r"\w+(Error|Exception)\b", ln)]
    detail = (python[-1] if python else lines[0] if lines else type(error).__name__)[:300]
    return SparkError(f"a Spark job failed ({detail})")


def connector_options(settings: Settings) -> dict[str, str]:
    """Options of the Neo4j Connector for Apache Spark for `settings`."""
    return {"url": settings.uri, "authentication.type": "basic",
            "authentication.basic.username": settings.user,
            "authentication.basic.password": settings.password, "database": settings.database}


def stored_hashes(spark, settings: Settings) -> dict[str, str]:
    """Every stored document's content hash, in one read through the connector."""
    frame = (spark.read.format(DATASOURCE).options(**connector_options(settings))
             .option("query", cypher.statement("all_document_hashes")).load())
    if "key" not in frame.columns:  # an empty graph: nothing to infer a schema from
        return {}
    return {row["key"]: row["hash"] for row in frame.toLocalIterator()}


# --- on the executors --------------------------------------------------------------------------

def _extract_partition(stored, rows: Iterable[tuple[int, str, str]]) -> Iterator[tuple]:
    """(file number, line, kind, document key, fallback reader?, payload, hash) for each document
    of the partition's files: kind "failed" (payload a Failure), "unchanged" or "extracted"
    (payload the Extraction or a Failure)."""
    from loaders import extract as extract_module
    from loaders.pipeline import safe_extract
    from loaders.read import read_file

    hashes = stored.value
    marker = os.environ.get(FAIL_ONCE)
    number = -1
    for number, (seq, path, key) in enumerate(rows):
        if marker and number == 1:  # halfway through, after the first file's results went out
            _fail_first_attempt(marker)
        for line, item in enumerate(read_file(Path(path), key)):
            if isinstance(item, Failure):
                yield seq, line, "failed", "", False, item, ""
                continue
            digest = extract_module.content_hash(item)
            fallback = item.reader == "fallback"
            if hashes.get(item.id) == digest:
                yield seq, line, "unchanged", item.id, fallback, item.source, digest
            else:
                yield seq, line, "extracted", item.id, fallback, safe_extract(item), digest
    if marker and number == 0:  # a partition of one file fails after it
        _fail_first_attempt(marker)


def _fail_first_attempt(marker: str) -> None:
    from pyspark import TaskContext

    task = TaskContext.get()
    if task is not None and task.partitionId() == 0 and task.attemptNumber() == 0:
        Path(marker).write_text(f"failed attempt 0 of stage {task.stageId()}\n", "utf-8")
        raise RuntimeError(f"{FAIL_ONCE}: failing the first attempt of partition 0 on purpose")


# --- on the driver -----------------------------------------------------------------------------

def load(paths: Iterable[str], store: Store, spark, settings: Settings, *, batch_size: int = 200,
         force: bool = False, strict: bool = False, on_progress: Progress | None = None) -> Report:
    """`kg.pipeline.load` with Spark reading and extracting; writes the same graph."""
    from loaders import extract as extract_module
    from loaders.read import keyed_files

    report = Report()
    store.apply_schema()
    store.check_layout()
    version = extract_module.EXTRACTOR_VERSION
    context = spark.sparkContext

    def fail(failure: Failure) -> None:
        report.failures.append(failure)
        if strict:
            raise StrictStop(failure)

    def progress() -> None:
        if on_progress:
            on_progress(report)

    listed: list[tuple[int, str, str]] = []
    for item, key in keyed_files(paths):
        if isinstance(item, Failure):
            fail(item)
        else:
            listed.append((len(listed), str(item), key))
    stored = {} if force else stored_hashes(spark, settings)
    shared = context.broadcast(stored)
    parallelism = max(1, context.defaultParallelism)
    per_partition = max(1, min(FILES_PER_PARTITION, math.ceil(len(listed) / (2 * parallelism))))
    partitions = max(1, math.ceil(len(listed) / per_partition))
    files = context.parallelize(listed, partitions)  # contiguous slices: partition order is file order
    waves = [list(range(start, min(start + 2 * parallelism, partitions)))
             for start in range(0, partitions, 2 * parallelism)] if listed else []

    def run(wave: list[int]) -> list[tuple]:
        return context.runJob(files, lambda rows: _extract_partition(shared, rows), wave)

    seen: set[tuple[int, int]] = set()  # (file number, line) already taken: a retried task's repeats
    names: dict[str, str] = {}  # document key -> source, as loaders.pipeline.unique_documents
    window: list = []
    hashes: dict[str, str] = {}

    def flush() -> None:
        if window:
            from loaders import copies as copies_module
            prints = {ex.document.id: copies_module.fingerprint(ex.document.text) for ex in window}
            report.stats.merge(store.write_rows(graph_rows(window, hashes, version, prints, (),
                                                           copies_module.SAME_STORY)))
            report.loaded += len(window)
            window.clear()
            hashes.clear()
            progress()

    with ThreadPoolExecutor(1, thread_name_prefix="kg-spark-jobs") as jobs:
        pending: Future | None = jobs.submit(run, waves[0]) if waves else None
        try:
            for index in range(len(waves)):
                try:
                    results = pending.result()
                except Exception as error:  # noqa: BLE001 - Py4J carries the job's failure
                    if type(error).__name__ in ("Py4JJavaError", "Py4JError"):
                        raise _job_failed(error) from None
                    raise
                pending = jobs.submit(run, waves[index + 1]) if index + 1 < len(waves) else None
                for seq, line, kind, key, fallback, payload, digest in results:
                    if (seq, line) in seen:
                        continue
                    seen.add((seq, line))
                    if kind == "failed":
                        fail(payload)
                        continue
                    source = payload if kind == "unchanged" else \
                        (payload.source if isinstance(payload, Failure) else payload.document.source)
                    if key in names:
                        fail(Failure(source or key, f"same document name {key!r} as {names[key]}; "
                                                    f"rename one of them"))
                        continue
                    names[key] = source or key
                    report.fallback += fallback
                    if kind == "unchanged":
                        report.skipped += 1
                    elif isinstance(payload, Failure):
                        fail(payload)
                    else:
                        window.append(payload)
                        hashes[key] = digest
                        if len(window) >= batch_size:
                            flush()
                progress()
            flush()
        except BaseException:
            context.cancelAllJobs()
            raise
        finally:
            report.seconds = time.monotonic() - report.started
            shared.unpersist()
    return report


# --- export ------------------------------------------------------------------------------------

def _relationship_kinds() -> list[tuple[str, str, str]]:
    """(type, source label, target label) of every relationship the schema allows."""
    kinds = [(MENTIONS, "Document", label) for label in ENTITY_LABELS]
    kinds.append((STATES, "Document", EVIDENCE))
    kinds += [(rel, s, t) for rel, (sources, targets) in RELATION_TYPES.items() for s in sources for t in targets]
    return kinds


def _property_types(store: Store, name: str, kind: str) -> dict[str, dict[str, list[str]]]:
    """{label or type: {property: [Cypher value types]}} from the stored graph."""
    def work(tx):
        found: dict[str, dict[str, list[str]]] = {}
        for row in tx.run(cypher.statement(name)):
            found.setdefault(row[kind], {})[row["property"]] = row["types"]
        return found
    return store._read(work)


def _spark_type(types: list[str]):
    """The Spark SQL type for a property whose values have these Cypher types (`valueType`)."""
    from pyspark.sql import types as T

    scalars = {"STRING": T.StringType(), "INTEGER": T.LongType(), "FLOAT": T.DoubleType(),
               "BOOLEAN": T.BooleanType(), "DATE": T.DateType()}
    names = {t.replace(" NOT NULL", "") for t in types} - {"LIST<NOTHING>", "NULL"}
    if not names:  # only empty lists
        return T.ArrayType(T.StringType())
    if len(names) == 1:
        (name,) = names
        if name in scalars:
            return scalars[name]
        inner = re.fullmatch(r"LIST<(\w+)>", name)
        if inner and inner.group(1) in scalars:
            return T.ArrayType(scalars[inner.group(1)])
    return T.StringType()


def export(spark, settings: Settings, store: Store, output: str) -> tuple[int, int]:
    """Write the graph as Parquet through the connector: `OUTPUT/nodes/<Label>/` (a column per
    property, `_id` and `_labels`) and `OUTPUT/relationships/<TYPE>/` (`_id`, `_type`, both ends'
    `_id`, label and key, a column per property). Returns (nodes, relationships) written."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    counts = store.counts()
    node_types = _property_types(store, "node_property_types", "label")
    relationship_types = _property_types(store, "relationship_property_types", "type")
    options = connector_options(settings)
    nodes = relationships = 0
    for label in NODE_LABELS:
        if not counts["node"].get(label):
            continue
        schema = T.StructType([T.StructField("<id>", T.LongType()),
                               T.StructField("<labels>", T.ArrayType(T.StringType()))]
                              + [T.StructField(name, _spark_type(types))
                                 for name, types in sorted(node_types.get(label, {}).items())])
        frame = (spark.read.format(DATASOURCE).options(**options).schema(schema)
                 .option("labels", label).load())
        frame = frame.withColumnRenamed("<id>", "_id").withColumnRenamed("<labels>", "_labels")
        target = f"{output.rstrip('/')}/nodes/{label}"
        frame.write.mode("overwrite").parquet(target)
        nodes += spark.read.parquet(target).count()
    by_type: dict[str, list] = {}
    for rel_type, source, target_label in _relationship_kinds():
        if not counts["relationship"].get(rel_type) or not counts["node"].get(source) \
                or not counts["node"].get(target_label):
            continue
        properties = sorted(relationship_types.get(rel_type, {}).items())
        schema = T.StructType(
            [T.StructField("<rel.id>", T.LongType()), T.StructField("<rel.type>", T.StringType()),
             T.StructField("<source.id>", T.LongType()), T.StructField("source.key", T.StringType()),
             T.StructField("<target.id>", T.LongType()), T.StructField("target.key", T.StringType())]
            + [T.StructField(f"rel.{name}", _spark_type(types)) for name, types in properties])
        frame = (spark.read.format(DATASOURCE).options(**options).schema(schema)
                 .option("relationship", rel_type).option("relationship.nodes.map", "false")
                 .option("relationship.source.labels", source)
                 .option("relationship.target.labels", target_label).load())
        by_type.setdefault(rel_type, []).append(frame.select(
            F.col("`<rel.id>`").alias("_id"), F.col("`<rel.type>`").alias("_type"),
            F.col("`<source.id>`").alias("_source_id"), F.lit(source).alias("_source_label"),
            F.col("`source.key`").alias("_source_key"),
            F.col("`<target.id>`").alias("_target_id"), F.lit(target_label).alias("_target_label"),
            F.col("`target.key`").alias("_target_key"),
            *[F.col(f"`rel.{name}`").alias(name) for name, _ in properties]))
    for rel_type, frames in by_type.items():
        frame = frames[0]
        for other in frames[1:]:
            frame = frame.unionByName(other)
        target = f"{output.rstrip('/')}/relationships/{rel_type}"
        frame.write.mode("overwrite").parquet(target)
        relationships += spark.read.parquet(target).count()
    return nodes, relationships
