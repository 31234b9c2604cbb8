"""A real Neo4j Community server run from Maven Central's artifacts on the local Java, for users
without Docker and for the tests.

The jars are resolved once with Maven into the user's cache (`~/.cache/kg/neo4j-<version>/lib`);
each server home (`~/.local/share/kg/neo4j` unless `KG_HOME` or an argument says otherwise) holds
its configuration, data, logs and the pid of the process this module started.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, Optional

from graph.errors import ConfigError, ServerError
from graph.settings import DEV_PASSWORD, Settings

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
# The development password the managed local server is created with (the same default as
# docker-compose.yml). It only protects a server listening on 127.0.0.1.
DEFAULT_PASSWORD = DEV_PASSWORD
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
USER = "neo4j"
MIN_JAVA = 17  # Neo4j 5 runs on Java 17 or 21

Progress = Optional[Callable[[str], None]]

# Sizes as the JVM understands them (-Xmx512m); Neo4j's own settings accept these too.
_SIZE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")
_BOLT_MAGIC = b"\x60\x60\xb0\x17"
# Bolt 5.0-5.4 and 4.0-4.4: any Neo4j 5 agrees to one of them.
_BOLT_VERSIONS = b"\x00\x04\x04\x05" + b"\x00\x04\x04\x04" + b"\x00" * 8


@dataclass(frozen=True)
class ServerStatus:
    """What `status` found; plain data, printed by the CLI."""

    state: str  # "running" | "stopped" | "unreachable"
    home: Path
    pid: int | None = None
    bolt_uri: str = ""
    http_url: str = ""
    browser_url: str = ""
    user: str = USER
    version: str = NEO4J_VERSION


def cache_dir() -> Path:
    """Where the server's jars are kept: `$XDG_CACHE_HOME/kg/neo4j-<version>` (~/.cache by default)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg" / f"neo4j-{NEO4J_VERSION}"


def default_home() -> Path:
    """The server home: `$KG_HOME`, else `$XDG_DATA_HOME/kg/neo4j` (~/.local/share by default)."""
    if os.environ.get("KG_HOME"):
        return Path(os.environ["KG_HOME"]).expanduser().resolve()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kg" / "neo4j"


def _home(home: Path | str | None) -> Path:
    return Path(home).expanduser().resolve() if home else default_home()


def _need(program: str, hint: str) -> str:
    found = shutil.which(program)
    if not found:
        raise ServerError(f"`{program}` is not installed — {hint}")
    return found


def _java() -> str:
    """The java to run: $JAVA_HOME's if set (as Neo4j's own scripts do), else the one on PATH."""
    hint = ("install a Java 17 or 21 runtime (e.g. `apt-get install openjdk-17-jre-headless`), "
            "or run Neo4j with `docker compose up -d --wait`")
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else ""
    if not (java and os.access(java, os.X_OK)):
        java = _need("java", hint)
    try:
        banner = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServerError(f"cannot run {java}: {exc} — {hint}") from None
    found = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    major = int(found.group(1)) if found else 0
    if major == 1 and found and found.group(2):  # "1.8.0" is Java 8
        major = int(found.group(2))
    if major < MIN_JAVA:
        first = banner.strip().splitlines()[0] if banner.strip() else "no version"
        raise ServerError(f"Neo4j {NEO4J_VERSION} needs Java {MIN_JAVA} or newer, {java} is "
                          f"`{first}` — {hint}, or point JAVA_HOME at one")
    return java


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder`, so two first starts do not download into one place."""
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_jars(on_progress: Progress = None) -> Path:
    """The folder of server jars, downloaded from Maven Central the first time only.

    `on_progress` receives one short line per downloaded file, with a running count.
    """
    work = cache_dir()
    lib, marker = work / "lib", work / "complete"
    if marker.exists():
        return lib
    mvn = _need("mvn", "install Maven (e.g. `apt-get install maven`) for the first download, "
                       "or run Neo4j with `docker compose up -d --wait`")
    with _locked(work):
        if marker.exists():  # another process finished the download while we waited
            return lib
        pom = resources.files("graph").joinpath("neo4j", "pom.xml").read_text("utf-8")
        pom = pom.replace("@NEO4J_VERSION@", NEO4J_VERSION).replace("@BROWSER_VERSION@", BROWSER_VERSION)
        (work / "pom.xml").write_text(pom, encoding="utf-8")
        partial = work / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        if on_progress:
            on_progress(f"downloading Neo4j {NEO4J_VERSION} from Maven Central (once, ~140 MB)")
        try:
            proc = subprocess.Popen(
                [mvn, "-B", "-f", str(work / "pom.xml"), "dependency:copy-dependencies",
                 f"-DoutputDirectory={partial}", "-DincludeScope=runtime"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=work)
        except OSError as exc:
            raise ServerError(f"cannot run {mvn}: {exc}") from None
        tail: list[str] = []
        downloaded = copied = 0
        for line in proc.stdout:  # type: ignore[union-attr]
            line = line.rstrip()
            tail = (tail + [line])[-40:]
            if not on_progress:
                continue
            message = line.split("] ", 1)[-1] if line.startswith("[") else line  # drop "[INFO] "
            if message.startswith("Downloaded from"):
                downloaded += 1
                url = message.split()[3] if len(message.split()) > 3 else ""
                on_progress(f"downloading ({downloaded} files) — {url.rsplit('/', 1)[-1]}")
            elif message.startswith("Copying "):
                copied += 1
                on_progress(f"copying jars ({copied}) — {message.split()[1]}")
        if proc.wait() != 0:
            errors = [ln for ln in tail if "ERROR" in ln] or tail[-1:]
            raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}: "
                              f"{errors[0] if errors else 'no output'} — check access to Maven Central "
                              f"(proxies and mirrors go in ~/.m2/settings.xml)")
        shutil.rmtree(lib, ignore_errors=True)
        partial.rename(lib)
        marker.write_text(NEO4J_VERSION, encoding="utf-8")
    return lib


def _pid_file(home: Path) -> Path:
    return home / "run" / "kg-neo4j.pid"


def _ports_file(home: Path) -> Path:
    return home / "run" / "kg-neo4j.ports"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except FileNotFoundError:
        if Path("/proc/self").exists():
            return ""  # Linux, and the process is gone
    except OSError:
        return ""
    try:  # no /proc (macOS): ask ps
        return subprocess.run(["ps", "-ww", "-o", "args=", "-p", str(pid)], capture_output=True,
                              text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _our_pid(home: Path) -> int | None:
    """The pid in the pid file when that process is still our server for this home."""
    try:
        pid = int(_pid_file(home).read_text().strip())
    except (OSError, ValueError):
        return None
    cmdline = _cmdline(pid)
    # the pid may have been reused since; only our Java with our home counts
    if MAIN_CLASS in cmdline and f"--home-dir={home} " in cmdline + " ":
        return pid
    return None


def _ports(home: Path) -> tuple[int, int] | None:
    try:
        bolt, http = _ports_file(home).read_text().split()
        return int(bolt), int(http)
    except (OSError, ValueError):
        return None


def _port_taken(port: int) -> bool:
    """Whether something already listens on the port (on 127.0.0.1 or on all addresses)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no owner
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def _bolt_answers(port: int, timeout: float = 0.5) -> bool:
    """Whether a Bolt server completes the version handshake on the port (no login needed)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
            conn.sendall(_BOLT_MAGIC + _BOLT_VERSIONS)
            agreed = b""
            while len(agreed) < 4:
                chunk = conn.recv(4 - len(agreed))
                if not chunk:
                    return False
                agreed += chunk
            return agreed != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _http_answers(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _bolt_login(uri: str, password: str) -> str:
    """"ok", "refused" (wrong credentials) or "down" (not ready yet)."""
    import neo4j
    from neo4j.exceptions import AuthError

    try:
        with neo4j.GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=2) as driver:
            driver.verify_connectivity()
        return "ok"
    except AuthError:
        return "refused"
    except Exception:  # noqa: BLE001 - any other failure means "not ready yet"
        return "down"


def _status_for(home: Path, pid: int | None, ports: tuple[int, int] | None, state: str) -> ServerStatus:
    if not ports:
        return ServerStatus(state=state, home=home, pid=pid)
    bolt, http = ports
    return ServerStatus(state=state, home=home, pid=pid, bolt_uri=f"bolt://127.0.0.1:{bolt}",
                        http_url=f"http://127.0.0.1:{http}",
                        browser_url=f"http://127.0.0.1:{http}/browser/")


def status(home: Path | str | None = None) -> ServerStatus:
    """Running (our process answers Bolt), unreachable (alive but Bolt silent) or stopped.

    Reads the pid file and does one Bolt handshake, so it takes well under a second.
    """
    home = _home(home)
    pid = _our_pid(home)
    ports = _ports(home)
    if pid is None:
        return _status_for(home, None, ports, "stopped")
    state = "running" if ports and _bolt_answers(ports[0]) else "unreachable"
    return _status_for(home, pid, ports, state)


_NOISE = re.compile(r"^\s*(at |\.\.\. \d+ more|$)")
_LOGGED_ERROR = re.compile(r"\d (?:ERROR|FATAL)\s+(.*)")
_EXCEPTION = re.compile(r"^(?:Caused by: )?[\w.$]+(?:Exception|Error): (.*)")
_ERRORISH = re.compile(r"ERROR|Error|[Ii]nvalid|[Ff]ailed|[Cc]ould not|[Cc]annot")


def _meaningful_line(text: str) -> str:
    """What went wrong, from a log or a Java stack trace: the last logged error, followed by the
    deepest cause that says more than a bare name or path."""
    lines = [ln.strip() for ln in text.splitlines() if not _NOISE.match(ln)]
    logged = [m.group(1).strip() for ln in lines if (m := _LOGGED_ERROR.search(ln))]
    causes = [m.group(1).strip() for ln in lines if (m := _EXCEPTION.match(ln))]
    causes = [c for c in causes if len(c.split()) >= 4] or causes
    parts = [p for p in (logged[-1:] + causes[-1:]) if p]
    if not parts:
        errorish = [ln for ln in lines if _ERRORISH.search(ln)]
        parts = (errorish or lines or ["no output"])[:1]
    if len(parts) == 2:
        parts = parts[:1] if parts[1] in parts[0] else [parts[0].rstrip("."), parts[1]]
    return ": ".join(parts)[:400]


def _read_from(path: Path, offset: int) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _check_settings(bolt_port: int, http_port: int, heap: str, pagecache: str, password: str) -> None:
    for name, port in (("bolt_port", bolt_port), ("http_port", http_port)):
        if not 0 < port < 65536:
            raise ConfigError(f"{name} {port} is not a port number (1-65535)")
    if bolt_port == http_port:
        raise ConfigError(f"the Bolt and HTTP ports are both {bolt_port} — choose two different ports")
    for name, size in (("heap", heap), ("pagecache", pagecache)):
        if not _SIZE.match(str(size)):
            raise ConfigError(f"{name} {size!r} is not a size like 512m or 2g")
    if len(password) < 8:  # Neo4j's own minimum, checked here before anything is started
        raise ConfigError("the Neo4j password must have at least 8 characters")


def _write_conf(home: Path, bolt_port: int, http_port: int, heap: str, pagecache: str) -> None:
    conf = resources.files("graph").joinpath("neo4j", "neo4j.conf").read_text("utf-8")
    for key, value in (("@BOLT_PORT@", bolt_port), ("@HTTP_PORT@", http_port), ("@HOME@", home),
                       ("@HEAP@", heap), ("@PAGECACHE@", pagecache)):
        conf = conf.replace(key, str(value))
    (home / "conf" / "neo4j.conf").write_text(conf, encoding="utf-8")


def start(home: Path | str | None = None, bolt_port: int = 7687, http_port: int = 7474,
          password: str = DEFAULT_PASSWORD, heap: str = "1g", pagecache: str = "512m",
          on_progress: Progress = None, timeout: float = 120) -> ServerStatus:
    """Start the server in the background (downloading it the first time) and wait for Bolt.

    Returns the running server's status. When this home's server is already running it is left
    alone and its status returned (with the ports it was started with). `password` is set on a
    fresh home only; later starts must pass the same one. `timeout` bounds the wait for Bolt
    after Java is launched (not the first download). If the server does not come up, it is
    stopped again and a `ServerError` says why.
    """
    home = _home(home)
    _check_settings(bolt_port, http_port, heap, pagecache, password)
    current = status(home)
    if current.state == "running":
        return current
    if current.state == "unreachable":  # hung or still starting: start afresh
        stop(home)
    for port, name in ((bolt_port, "Bolt"), (http_port, "HTTP")):
        if _port_taken(port):
            raise ServerError(f"port {port} ({name}) on 127.0.0.1 is already in use — stop what uses "
                              f"it or choose another with `kg server start --{name.lower()}-port`")
    java = _java()
    lib = ensure_jars(on_progress)
    for sub in ("conf", "data", "logs", "import", "plugins", "run"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    _write_conf(home, bolt_port, http_port, heap, pagecache)
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    classpath = f"{lib}/*"
    # the password takes effect only before the system database exists; later it is kept
    if not (home / "data" / "databases" / "system").exists():
        if on_progress:
            on_progress("setting the initial password")
        done = subprocess.run([java, "-cp", classpath, ADMIN_CLASS, "dbms", "set-initial-password",
                               password], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(f"could not set the initial password in {home}: "
                              f"{_meaningful_line(done.stderr + done.stdout)}")
    console, user_log = home / "logs" / "console.log", home / "logs" / "neo4j.log"
    offsets = {console: _size(console), user_log: _size(user_log)}  # read only this run's lines
    if on_progress:
        on_progress(f"starting Neo4j {NEO4J_VERSION}")
    with console.open("ab") as log:
        proc = subprocess.Popen(
            [java, f"-Xms{heap}", f"-Xmx{heap}", *_jvm_options(home), "-Dfile.encoding=UTF-8",
             "-cp", classpath, MAIN_CLASS, f"--home-dir={home}", f"--config-dir={home / 'conf'}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=home,
            start_new_session=True)
    _pid_file(home).write_text(str(proc.pid))
    _ports_file(home).write_text(f"{bolt_port} {http_port}")
    uri = f"bolt://127.0.0.1:{bolt_port}"
    if on_progress:
        on_progress(f"waiting for Bolt on {uri}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _pid_file(home).unlink(missing_ok=True)
            news = "\n".join(_read_from(path, offset) for path, offset in offsets.items())
            raise ServerError(f"Neo4j exited while starting (code {proc.returncode}): "
                              f"{_meaningful_line(news)} — see {user_log} and {console}")
        if _bolt_answers(bolt_port) and _http_answers(http_port):
            login = _bolt_login(uri, password)
            if login == "ok":
                return status(home)
            if login == "refused":
                stop(home)
                raise ServerError(f"Neo4j in {home} refused the password for user {USER}: it keeps "
                                  f"the password set when its data was created — pass that one, or "
                                  f"delete {home / 'data'} to start afresh (this deletes the graph)")
        time.sleep(0.5)
    stop(home)
    raise ServerError(f"Neo4j did not answer on {uri} within {timeout:.0f}s and was stopped — "
                      f"see {user_log} and {console}; a slow machine may need a longer timeout")


def stop(home: Path | str | None = None, timeout: float = 60) -> bool:
    """Stop the server started for `home`; returns whether one was running.

    Only the process in the home's pid file is stopped, and only while its command line is our
    Java server for this home: SIGTERM, then SIGKILL after `timeout` seconds.
    """
    home = _home(home)
    pid = _our_pid(home)
    if pid is None:
        _pid_file(home).unlink(missing_ok=True)
        return False
    ports = _ports(home) or ()
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:  # it ended on its own just now
        _pid_file(home).unlink(missing_ok=True)
        return False
    if not _gone(home, pid, timeout):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _gone(home, pid, 10)
    _pid_file(home).unlink(missing_ok=True)
    # an exiting process loses its command line before its sockets close: wait for the ports too
    deadline = time.monotonic() + 10
    while any(_port_taken(port) for port in ports) and time.monotonic() < deadline:
        time.sleep(0.1)
    return True


def serves(settings: Settings, home: Path | str | None = None) -> Path | None:
    """The home of the managed server `settings` point at (running, on this machine, on the
    Bolt port `settings.uri` names), or None when they point at another server."""
    from urllib.parse import urlparse

    current = status(home)
    if current.state != "running" or not settings.is_local:
        return None
    try:
        port = urlparse(settings.uri).port or 7687
    except ValueError:
        return None
    return current.home if urlparse(current.bolt_uri).port == port else None


def _conf_value(home: Path, name: str) -> str | None:
    try:
        for line in (home / "conf" / "neo4j.conf").read_text("utf-8").splitlines():
            if line.startswith(name + "="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def _jvm_options(home: Path) -> list[str]:
    """The `server.jvm.additional` options of this home's neo4j.conf, in order (Neo4j's launcher
    passes them to Java the same way)."""
    prefix = "server.jvm.additional="
    lines = (home / "conf" / "neo4j.conf").read_text("utf-8").splitlines()
    return [line[len(prefix):].strip() for line in lines if line.startswith(prefix)]


def import_full(home: Path | str | None, arguments: list[str], password: str = DEFAULT_PASSWORD,
                on_progress: Progress = None) -> str:
    """Stop this home's running server, run `neo4j-admin database import full` with `arguments`
    (see `graph.bulk.ImportFiles.arguments`) and start the server again on the same ports with
    the same memory. Returns the import's summary (its last lines of output).

    The caller has made sure the database is empty: the import replaces it.
    """
    home = _home(home)
    current = status(home)
    ports = _ports(home)
    if current.state != "running" or ports is None:
        raise ServerError(f"the managed Neo4j in {home} is not running — start it with "
                          f"`kg server start --home {home}`")
    heap = _conf_value(home, "server.memory.heap.max_size") or "1g"
    pagecache = _conf_value(home, "server.memory.pagecache.size") or "512m"
    java = _java()
    lib = ensure_jars(on_progress)
    if on_progress:
        on_progress("stopping Neo4j for the import")
    stop(home)
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    if on_progress:
        on_progress("importing with neo4j-admin database import full")
    done = subprocess.run([java, "-cp", f"{lib}/*", ADMIN_CLASS, "database", "import", "full",
                           *arguments], env=env, capture_output=True, text=True, cwd=home)
    output = done.stdout + done.stderr
    (home / "logs" / "kg-import.log").write_text(output, encoding="utf-8")
    failed = done.returncode != 0
    if on_progress:
        on_progress("starting Neo4j again")
    start(home, bolt_port=ports[0], http_port=ports[1], password=password, heap=heap,
          pagecache=pagecache, on_progress=on_progress)
    if failed:
        raise ServerError(f"neo4j-admin could not import: {_meaningful_line(output)} — see "
                          f"{home / 'logs' / 'kg-import.log'}")
    summary = output[output.rfind("IMPORT DONE"):] if "IMPORT DONE" in output else output[-400:]
    return " ".join(summary.split())


def _gone(home: Path, pid: int, timeout: float) -> bool:
    """Wait up to `timeout` seconds for our server `pid` to end; whether it did."""
    deadline = time.monotonic() + timeout
    while _our_pid(home) == pid:
        try:  # reap it if it is our own child (tests start and stop in one process)
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def free_port() -> int:
    """A port on 127.0.0.1 that is free now (for a server started beside others).

    Chosen below the kernel's ephemeral range, where outgoing connections of other programs take
    their local ports, so that a server stopped and started again on the same port does not find
    it taken by some client in between; the ephemeral range is the fallback."""
    low = _ephemeral_low()
    for port in random.sample(range(20000, low), min(200, max(0, low - 20000))):
        if not _port_taken(port):
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ephemeral_low() -> int:
    """The first port of the kernel's ephemeral range (32768 where it cannot be read)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


@contextmanager
def temporary(heap: str = "1g", pagecache: str = "512m") -> Iterator[Settings]:
    """Settings of a throw-away server, for tests and benchmarks: the one NEO4J_URI names if it is
    set (callers wipe its database), otherwise a managed server in a temporary folder on free
    ports, stopped and deleted at the end."""
    if os.environ.get("NEO4J_URI"):
        yield Settings.from_env()
        return
    with tempfile.TemporaryDirectory(prefix="kg-neo4j-") as folder:
        home = Path(folder)
        status = start(home=home, bolt_port=free_port(), http_port=free_port(), heap=heap,
                       pagecache=pagecache)
        try:
            yield Settings(uri=status.bolt_uri, password=DEFAULT_PASSWORD)
        finally:
            stop(home)
