"""What happens when users load what their scrapers produced, and when the server goes away."""
from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata

import pytest

from graph import server
from graph.settings import Settings
from graph.store import Store
from graph.server import free_port
from tests.conftest import ROOT
from tests.graphs import SAMPLES, dump
from tests.test_loaders_read import to_cp1258

pytestmark = pytest.mark.neo4j

ARTICLE = ("Sáng 12/5/2024, Thượng tướng Nguyễn Văn Thạch, Thứ trưởng Bộ Quốc phòng chủ trì Hội nghị "
           "tổng kết công tác kỹ thuật năm 2024. Dự hội nghị có Trung tướng Lê Đình Khang, Chủ nhiệm "
           "Tổng cục Kỹ thuật.\n")


def kg(*args, env, timeout=600):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT)


def bad_folder(root):
    folder = root / "scraped"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n\t", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    (folder / "image-named.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (folder / "invalid-utf8.txt").write_bytes(ARTICLE.encode("utf-8")[:40] + b"\xff\xfe\x00\x9d" * 400)
    (folder / "windows-1258.txt").write_bytes(to_cp1258(ARTICLE.replace("Nguyễn Văn Thạch", "Phạm Hồng Sơn")))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ARTICLE.replace("Thạch", "Thành").encode("utf-16-le"))
    (folder / "nfd.txt").write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    # each readable file says something of its own: the same text twice would be one document (a copy)
    page = ARTICLE.replace("12/5/2024", "13/5/2024")
    (folder / "page.html").write_text(f"<html><body><nav>Menu</nav><article><p>{page}</p></article>"
                                      f"</body></html>", encoding="utf-8")
    feed = ARTICLE.replace("12/5/2024", "14/5/2024")
    (folder / "feed.jsonl").write_text(json.dumps({"text": feed}, ensure_ascii=False) + "\n{broken\n"
                                       + json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    return folder


def test_bad_input_is_reported_and_the_rest_loads(store, tmp_path, env_for_cli):
    folder = bad_folder(tmp_path)
    result = kg("load", str(folder), str(tmp_path / "missing.txt"), "--json", env=env_for_cli)
    assert result.returncode == 3, result.stderr
    summary = json.loads(result.stdout)
    failed = {f["source"].rsplit("/", 1)[-1]: f["reason"] for f in summary["failures"]}
    assert set(failed) == {"empty.txt", "blank.txt", "image.png", "image-named.txt", "invalid-utf8.txt",
                           "feed.jsonl:2", "feed.jsonl:3", "missing.txt"}
    assert (summary["loaded"], summary["copies_merged"]) == (5, 0)  # windows-1258, utf16, nfd, page.html, feed.jsonl#1
    for name in failed:
        assert any(line.startswith("failed: ") and name in line for line in result.stderr.splitlines())
    with store.driver.session(database=store.database) as session:
        people = {r["name"] for r in session.run("MATCH (p:Person) RETURN p.name AS name")}
    assert {"Phạm Hồng Sơn", "Nguyễn Văn Thành", "Nguyễn Văn Thạch", "Lê Đình Khang"} <= people
    # NFD and NFC spellings are one person
    assert len([p for p in people if unicodedata.normalize("NFC", p) == "Nguyễn Văn Thạch"]) == 1


def test_strict_stops_at_the_first_failure(store, tmp_path, env_for_cli):
    folder = bad_folder(tmp_path)
    result = kg("load", str(folder), "--strict", env=env_for_cli)
    assert result.returncode == 3
    assert "blank.txt" in result.stderr and "--strict" in result.stderr
    assert "image.png" not in result.stderr


def test_10000_small_files(store, tmp_path, env_for_cli):
    small = tmp_path / "small"
    for n in range(10_000):
        sub = small / f"{n // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:05d}.txt").write_text(f"Đại tá Nguyễn Văn Số{n % 97}, Chỉ huy trưởng Bộ Chỉ huy Quân sự "
                                          f"tỉnh {n % 50} dự hội nghị.\n", encoding="utf-8")
    result = kg("load", str(small), "--workers", "2", "--json", env=env_for_cli, timeout=1800)
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout)
    # 4,850 different texts (97 × 50); the others are exact copies, one more source each
    assert (summary["loaded"], summary["copies_merged"], summary["failed"]) == (4_850, 5_150, 0)
    assert store.counts()["node"]["Document"] == 4_850


def test_a_20_mb_article(store, tmp_path, env_for_cli):
    big = tmp_path / "big"
    big.mkdir()
    paragraph = ARTICLE + "Hội nghị đánh giá kết quả công tác kỹ thuật trong toàn quân. " * 20 + "\n"
    (big / "huge.txt").write_text(paragraph * (20_000_000 // len(paragraph.encode("utf-8")) + 1), encoding="utf-8")
    assert (big / "huge.txt").stat().st_size >= 20_000_000
    result = kg("load", str(big), "--json", env=env_for_cli, timeout=3600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (json.loads(result.stdout)["loaded"], store.counts()["node"]["Document"]) == (1, 1)


def test_server_stopped_mid_load_then_rerun_equals_clean_load(tmp_path):
    home = tmp_path / "neo4j"
    status = server.start(home=home, bolt_port=free_port(), http_port=free_port(), heap="512m", pagecache="128m")
    settings = Settings(uri=status.bolt_uri, password=server.DEFAULT_PASSWORD)
    env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_PASSWORD=settings.password)
    folder = tmp_path / "many"
    folder.mkdir()
    # each copy says something of its own: the same text twice would be one document (a copy), and
    # the load would be over before the server stops
    for copy in range(60):
        for sample in sorted(SAMPLES.glob("*.txt")):
            text = f"Bản tin số {copy} của {sample.stem}.\n" + sample.read_text("utf-8")
            (folder / f"{copy:02d}-{sample.name}").write_text(text, encoding="utf-8")
    try:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "load", str(folder), "--batch-size", "5"],
                                env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with Store.open(settings) as store:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and store.counts()["node"].get("Document", 0) < 20:
                time.sleep(0.05)
        server.stop(home)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 1, stderr
        assert "Traceback" not in stderr
        assert "Neo4j at " + settings.uri in stderr and "run the same command again" in stderr
        status = server.start(home=home, bolt_port=int(settings.uri.rsplit(":", 1)[1]),
                              http_port=int(status.http_url.rsplit(":", 1)[1]), heap="512m", pagecache="128m")
        assert kg("load", str(folder), env=env).returncode == 0
        with Store.open(settings) as store:
            rerun = dump(store)
            store.wipe()
        assert kg("load", str(folder), env=env).returncode == 0
        with Store.open(settings) as store:
            assert dump(store) == rerun
    finally:
        server.stop(home)


def test_passwords_are_never_printed(tmp_path, env_for_cli):
    env = dict(env_for_cli, NEO4J_PASSWORD="s3cret-Value")
    result = kg("stats", env=env)
    assert result.returncode == 1
    assert "s3cret-Value" not in result.stdout + result.stderr
    assert "s3cret-Value" not in repr(Settings(password="s3cret-Value"))
