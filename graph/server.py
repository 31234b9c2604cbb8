"""A real Neo4j Community server run from Maven Central's artifacts on the local Java, for users
without Docker and for the tests.

The jars are resolved once with Maven into the user's cache (`~/.cache/kg/neo4j-<version>/lib`);
each server home (`~/.local/share/kg/neo4j` unless `KG_HOME` or an argument says otherwise) holds
its configuration, data, logs and the pid of the process this module started.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

from graph.errors import ServerError
from graph.settings import DEV_PASSWORD

NEO4J_VERSION = "5.26.30"
BROWSER_VERSION = "5.24.0"
DEFAULT_PASSWORD = DEV_PASSWORD
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.cli.AdminTool"
USER = "neo4j"

Progress = Optional[Callable[[str], None]]


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
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg" / f"neo4j-{NEO4J_VERSION}"


def default_home() -> Path:
    if os.environ.get("KG_HOME"):
        return Path(os.environ["KG_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kg" / "neo4j"


def _home(home: Path | str | None) -> Path:
    return Path(home).expanduser().resolve() if home else default_home()


def _need(program: str, hint: str) -> str:
    found = shutil.which(program)
    if not found:
        raise ServerError(f"`{program}` is not installed — {hint}")
    return found


def ensure_jars(on_progress: Progress = None) -> Path:
    """The folder of server jars, downloaded from Maven Central the first time only."""
    lib = cache_dir() / "lib"
    marker = cache_dir() / "complete"
    if marker.exists():
        return lib
    mvn = _need("mvn", "install Maven (e.g. `apt-get install maven`), or run Neo4j with "
                       "`docker compose up -d --wait`")
    work = cache_dir()
    work.mkdir(parents=True, exist_ok=True)
    pom = resources.files("graph").joinpath("neo4j", "pom.xml").read_text("utf-8")
    pom = pom.replace("@NEO4J_VERSION@", NEO4J_VERSION).replace("@BROWSER_VERSION@", BROWSER_VERSION)
    (work / "pom.xml").write_text(pom, encoding="utf-8")
    partial = work / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    if on_progress:
        on_progress(f"downloading Neo4j {NEO4J_VERSION} from Maven Central (once, ~140 MB)")
    proc = subprocess.Popen(
        [mvn, "-B", "-f", str(work / "pom.xml"), "dependency:copy-dependencies",
         f"-DoutputDirectory={partial}", "-DincludeScope=runtime"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=work)
    tail: list[str] = []
    for line in proc.stdout:  # type: ignore[union-attr]
        line = line.rstrip()
        tail = (tail + [line])[-20:]
        if on_progress and ("Downloaded" in line or "Copying" in line):
            on_progress(line.split("]", 1)[-1].strip()[:100])
    if proc.wait() != 0:
        errors = [ln for ln in tail if "ERROR" in ln] or tail[-1:]
        raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION}: {errors[0] if errors else 'no output'}"
                          f" — check access to Maven Central (settings in ~/.m2/settings.xml)")
    shutil.rmtree(lib, ignore_errors=True)
    partial.rename(lib)
    marker.write_text(NEO4J_VERSION, encoding="utf-8")
    return lib


def _pid_file(home: Path) -> Path:
    return home / "run" / "kg-neo4j.pid"


def _ports_file(home: Path) -> Path:
    return home / "run" / "kg-neo4j.ports"


def _our_pid(home: Path) -> int | None:
    """The pid in the pid file when that process is still our server for this home."""
    try:
        pid = int(_pid_file(home).read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
    except (OSError, ValueError):
        return None
    if MAIN_CLASS in cmdline and f"--home-dir={home}" in cmdline:
        return pid
    return None


def _ports(home: Path) -> tuple[int, int] | None:
    try:
        bolt, http = _ports_file(home).read_text().split()
        return int(bolt), int(http)
    except (OSError, ValueError):
        return None


def _answers(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _bolt_login(uri: str, password: str) -> bool:
    import neo4j
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=2) as driver:
            driver.verify_connectivity()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready yet"
        return False


def _status_for(home: Path, pid: int | None, ports: tuple[int, int] | None, state: str) -> ServerStatus:
    if not ports:
        return ServerStatus(state=state, home=home, pid=pid)
    bolt, http = ports
    return ServerStatus(state=state, home=home, pid=pid, bolt_uri=f"bolt://127.0.0.1:{bolt}",
                        http_url=f"http://127.0.0.1:{http}",
                        browser_url=f"http://127.0.0.1:{http}/browser/")


def status(home: Path | str | None = None) -> ServerStatus:
    """Running (our process answers on Bolt), unreachable (alive but not answering) or stopped."""
    home = _home(home)
    pid = _our_pid(home)
    ports = _ports(home)
    if pid is None:
        return _status_for(home, None, ports, "stopped")
    state = "running" if ports and _answers(ports[0]) else "unreachable"
    return _status_for(home, pid, ports, state)


def _last_error(log: Path) -> str:
    try:
        lines = log.read_text("utf-8", "replace").splitlines()
    except OSError:
        return "no log written"
    for line in reversed(lines):
        if "ERROR" in line or "Exception" in line or "Caused by" in line:
            return line.strip()[:300]
    return (lines[-1].strip()[:300] if lines else "no log written")


def start(home: Path | str | None = None, bolt_port: int = 7687, http_port: int = 7474,
          password: str = DEFAULT_PASSWORD, heap: str = "1g", pagecache: str = "512m",
          on_progress: Progress = None, timeout: float = 180) -> ServerStatus:
    """Start the server in the background (downloading it the first time) and wait for Bolt."""
    home = _home(home)
    current = status(home)
    if current.state == "running":
        return current
    if current.state == "unreachable":
        stop(home)
    java = _need("java", "install a Java 17 or 21 runtime (e.g. `apt-get install openjdk-17-jre-headless`)")
    for port, name in ((bolt_port, "Bolt"), (http_port, "HTTP")):
        if _answers(port, 0.3):
            raise ServerError(f"port {port} ({name}) on 127.0.0.1 is already in use — stop what uses "
                              f"it or choose another with `kg server start --{name.lower()}-port`")
    lib = ensure_jars(on_progress)
    for sub in ("conf", "data", "logs", "import", "plugins", "run"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    conf = resources.files("graph").joinpath("neo4j", "neo4j.conf").read_text("utf-8")
    for key, value in (("@BOLT_PORT@", bolt_port), ("@HTTP_PORT@", http_port), ("@HOME@", home),
                       ("@HEAP@", heap), ("@PAGECACHE@", pagecache)):
        conf = conf.replace(key, str(value))
    (home / "conf" / "neo4j.conf").write_text(conf, encoding="utf-8")
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf"))
    classpath = f"{lib}/*"
    if not (home / "data" / "dbms").exists():
        if on_progress:
            on_progress("setting the initial password")
        done = subprocess.run([java, "-cp", classpath, ADMIN_CLASS, "dbms", "set-initial-password",
                               password], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(f"could not set the initial password in {home}: "
                              f"{(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    console = home / "logs" / "console.log"
    if on_progress:
        on_progress(f"starting Neo4j {NEO4J_VERSION}")
    with console.open("ab") as log:
        proc = subprocess.Popen(
            [java, f"-Xmx{heap}", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-cp", classpath, MAIN_CLASS,
             f"--home-dir={home}", f"--config-dir={home / 'conf'}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=home,
            start_new_session=True)
    _pid_file(home).write_text(str(proc.pid))
    _ports_file(home).write_text(f"{bolt_port} {http_port}")
    uri = f"bolt://127.0.0.1:{bolt_port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"Neo4j exited while starting: {_last_error(home / 'logs' / 'neo4j.log')}"
                              f" — see {console}")
        if _answers(bolt_port, 0.5) and _answers(http_port, 0.5) and _bolt_login(uri, password):
            return status(home)
        time.sleep(0.5)
    raise ServerError(f"Neo4j did not answer on {uri} within {timeout:.0f}s — see {console}")


def stop(home: Path | str | None = None, timeout: float = 60) -> bool:
    """Stop the server started for `home`; returns whether one was running."""
    home = _home(home)
    pid = _our_pid(home)
    if pid is None:
        _pid_file(home).unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _our_pid(home) == pid:
        try:  # reap it if it is our own child (tests start and stop in one process)
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.2)
    if _our_pid(home) == pid:
        os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
    _pid_file(home).unlink(missing_ok=True)
    return True
