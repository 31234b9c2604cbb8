"""The managed Neo4j server: start, status, idempotent start, stop, restart with data kept, and the
errors a user can meet (busy port, wrong password, a server that dies, missing Java or Maven)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import neo4j
import pytest

from graph import server
from graph.errors import ConfigError, ServerError
from graph.server import free_port


def count(records_query: str, status: server.ServerStatus, password: str = server.DEFAULT_PASSWORD):
    with neo4j.GraphDatabase.driver(status.bolt_uri, auth=("neo4j", password)) as driver:
        records, _, _ = driver.execute_query(records_query)
    return [r["v"] for r in records]


@pytest.mark.neo4j
def test_start_status_stop_restart(tmp_path):
    home = tmp_path / "home"
    assert server.status(home).state == "stopped"
    bolt, http = free_port(), free_port()
    messages = []
    status = server.start(home=home, bolt_port=bolt, http_port=http, heap="512m", pagecache="128m",
                          on_progress=messages.append)
    try:
        assert status.state == "running" and status.pid
        assert status.bolt_uri == f"bolt://127.0.0.1:{bolt}"
        assert status.browser_url == f"http://127.0.0.1:{http}/browser/"
        assert (status.user, status.version, status.home) == ("neo4j", server.NEO4J_VERSION, home)
        assert messages and all(isinstance(m, str) for m in messages), "start reports progress"
        with urllib.request.urlopen(status.browser_url, timeout=10) as page:
            assert page.status == 200 and b"Neo4j Browser" in page.read()
        # Java runs with the launcher's options from the conf: the page cache reaches its buffers
        debug_log = (home / "logs" / "debug.log").read_text("utf-8")
        assert "VM Arguments: [-Xms512m, -Xmx512m, -XX:+UseG1GC" in debug_log
        assert "--add-opens=java.base/java.nio=ALL-UNNAMED" in debug_log
        assert "using fallback mode" not in debug_log

        began = time.monotonic()
        assert server.status(home) == status
        assert time.monotonic() - began < 2, "status is quick"

        again = server.start(home=home, bolt_port=bolt, http_port=http)
        assert again.pid == status.pid, "a second start starts nothing"
        assert count("CREATE (p:Probe {value: 42}) RETURN p.value AS v", status) == [42]

        with pytest.raises(ServerError, match=f"port {bolt} \\(Bolt\\).*already in use.*--bolt-port"):
            server.start(home=tmp_path / "other", bolt_port=bolt, http_port=free_port())
        assert not (tmp_path / "other" / "run").exists(), "nothing started for the other home"
    finally:
        assert server.stop(home) is True
    assert server.status(home).state == "stopped"
    assert not (home / "run" / "kg-neo4j.pid").exists()
    assert server.stop(home) is False

    # the password was set when the data was created; another one is refused, and nothing keeps running
    with pytest.raises(ServerError, match="refused the password"):
        server.start(home=home, bolt_port=bolt, http_port=http, password="not-the-one",
                     heap="512m", pagecache="128m")
    assert server.status(home).state == "stopped"

    status = server.start(home=home, bolt_port=bolt, http_port=http, heap="512m", pagecache="128m")
    try:
        assert count("MATCH (p:Probe) RETURN p.value AS v", status) == [42], "data persists"
    finally:
        server.stop(home)


@pytest.mark.neo4j
def test_a_server_that_dies_while_starting_says_why(tmp_path):
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "databases").write_text("a file where Neo4j wants its databases folder")
    with pytest.raises(ServerError, match=r"exited while starting.*databases.* see .*neo4j\.log"):
        server.start(home=home, bolt_port=free_port(), http_port=free_port(), heap="256m",
                     pagecache="64m", timeout=60)
    assert server.status(home).state == "stopped"


def test_stop_leaves_foreign_processes_alone(tmp_path):
    home = tmp_path / "home"
    (home / "run").mkdir(parents=True)
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        for pid in (1, stranger.pid):  # neither is our Java server for this home
            (home / "run" / "kg-neo4j.pid").write_text(str(pid))
            assert server.status(home).state == "stopped"
            assert server.stop(home) is False
        assert stranger.poll() is None, "the stranger still runs"
    finally:
        stranger.kill()
        stranger.wait()


def test_busy_port_is_named_before_anything_is_downloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServerError, match=f"port {port} \\(HTTP\\)"):
            server.start(home=tmp_path / "home", bolt_port=free_port(), http_port=port)
    assert not (tmp_path / "cache" / "kg").exists()


@pytest.mark.parametrize("settings, message", [
    ({"heap": "1GB"}, "heap '1GB' is not a size"),
    ({"pagecache": "lots"}, "pagecache 'lots' is not a size"),
    ({"bolt_port": 0}, "bolt_port 0 is not a port"),
    ({"bolt_port": 7999, "http_port": 7999}, "both 7999"),
    ({"password": "short"}, "at least 8 characters"),
])
def test_wrong_settings_are_config_errors(tmp_path, settings, message):
    with pytest.raises(ConfigError, match=message):
        server.start(home=tmp_path / "home", **settings)


def bin_with(tmp_path, *programs: str):
    """A folder to use as PATH that holds only the given programs."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for program in programs:
        found = subprocess.run(["sh", "-c", f"command -v {program}"], capture_output=True, text=True)
        if found.returncode != 0:
            pytest.skip(f"{program} is not installed here")
        (folder / program).symlink_to(found.stdout.strip())
    return folder


def test_missing_java_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(bin_with(tmp_path)))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(ServerError, match="`java` is not installed — install a Java 17 or 21"):
        server.start(home=tmp_path / "home", bolt_port=free_port(), http_port=free_port())


def test_missing_maven_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # nothing downloaded yet
    monkeypatch.setenv("PATH", str(bin_with(tmp_path, "java")))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(ServerError, match="`mvn` is not installed — install Maven"):
        server.start(home=tmp_path / "home", bolt_port=free_port(), http_port=free_port())


def test_places_follow_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("KG_HOME", raising=False)
    assert server.cache_dir() == tmp_path / "cache" / "kg" / f"neo4j-{server.NEO4J_VERSION}"
    assert server.default_home() == tmp_path / "data" / "kg" / "neo4j"
    monkeypatch.setenv("KG_HOME", str(tmp_path / "mine"))
    assert server.default_home() == tmp_path / "mine"
    assert server.status().home == tmp_path / "mine"


@pytest.mark.parametrize("log, expected", [
    ("2026-01-01 00:00:00.000+0000 INFO  Starting...\n"
     "2026-01-01 00:00:01.000+0000 ERROR Failed to start Neo4j on 127.0.0.1:7474.\n"
     "java.lang.RuntimeException: Error starting Neo4j database server at /h/data/databases\n"
     "\tat org.neo4j.Foo.bar(Foo.java:1)\n"
     "Caused by: java.io.IOException: Unable to write directory path [/h/data/databases]\n"
     "Caused by: java.nio.file.FileAlreadyExistsException: /h/data/databases\n"
     "\t... 12 more\n"
     "2026-01-01 00:00:02.000+0000 INFO  Stopped.\n",
     "Failed to start Neo4j on 127.0.0.1:7474: Unable to write directory path [/h/data/databases]"),
    ("java.lang.IllegalArgumentException: Error evaluating value for setting 'x'\n"
     "Caused by: java.lang.IllegalArgumentException: 'bogus' is not a valid size, must be e.g. 10\n"
     "\t... 17 more\n",
     "'bogus' is not a valid size, must be e.g. 10"),
    ("Invalid maximum heap size: -Xmxfoo\nError: Could not create the Java Virtual Machine.\n",
     "Invalid maximum heap size: -Xmxfoo"),
    ("", "no output"),
])
def test_the_meaningful_line_of_a_log(log, expected):
    assert server._meaningful_line(log) == expected


FAKE_MVN = """#!/bin/sh
for arg in "$@"; do case "$arg" in -DoutputDirectory=*) out="${arg#-DoutputDirectory=}";; esac; done
echo "[INFO] Scanning for projects..."
echo "[INFO] Downloading from central: https://repo.example/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar"
echo "[INFO] Downloaded from central: https://repo.example/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar (9 MB at 20 MB/s)"
echo "[INFO] Downloaded from central: https://repo.example/org/neo4j/neo4j/5.26.30/neo4j-5.26.30.pom (2 kB at 20 kB/s)"
mkdir -p "$out" && touch "$out/neo4j-kernel-5.26.30.jar"
echo "[INFO] Copying neo4j-kernel-5.26.30.jar to $out/neo4j-kernel-5.26.30.jar"
echo "[INFO] BUILD SUCCESS"
"""

FAILING_MVN = """#!/bin/sh
echo "[INFO] Scanning for projects..."
echo "[ERROR] Failed to execute goal on project kg-neo4j-server: Could not resolve dependencies"
echo "[ERROR] -> [Help 1]"
exit 1
"""


def fake_maven(tmp_path, monkeypatch, script: str) -> None:
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    (folder / "mvn").write_text(script)
    (folder / "mvn").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_jars_are_downloaded_once_with_progress(tmp_path, monkeypatch):
    fake_maven(tmp_path, monkeypatch, FAKE_MVN)
    messages = []
    lib = server.ensure_jars(messages.append)
    assert lib == server.cache_dir() / "lib" and (lib / "neo4j-kernel-5.26.30.jar").exists()
    assert messages == [
        f"downloading Neo4j {server.NEO4J_VERSION} from Maven Central (once, ~140 MB)",
        "downloading (1 files) — neo4j-kernel-5.26.30.jar",
        "downloading (2 files) — neo4j-5.26.30.pom",
        "copying jars (1) — neo4j-kernel-5.26.30.jar",
    ]
    pom = (server.cache_dir() / "pom.xml").read_text()
    assert f"<version>{server.NEO4J_VERSION}</version>" in pom and "@" not in pom
    (tmp_path / "fake-bin" / "mvn").unlink()  # a second time needs no Maven at all
    later = []
    assert server.ensure_jars(later.append) == lib and later == []


def test_a_failed_download_says_what_maven_said(tmp_path, monkeypatch):
    fake_maven(tmp_path, monkeypatch, FAILING_MVN)
    with pytest.raises(ServerError, match="Maven could not fetch Neo4j.*Could not resolve dependencies"):
        server.ensure_jars()
    assert not (server.cache_dir() / "complete").exists()
    assert not (server.cache_dir() / "lib").exists()
