"""A generated view in headless Chromium with the network blocked: it draws the expected network,
asks for nothing beyond its own file, and no script from document text runs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import view
from graph.model import Document, Entity, Evidence, Extraction, Mention, Relation
from tests.conftest import ARTIFACTS, SAMPLES
from tests.graphs import load_samples

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
TEXT = (f"Hội nghị {SCRIPT} An toàn do Trung tướng Trần Minh Đức chủ trì tại Cục {IMG} Kỹ thuật, "
        f"nơi ông giữ chức Chủ nhiệm")
ENTITIES = [("Person", "Trần Minh Đức"), ("Meeting", f"Hội nghị {SCRIPT} An toàn"),
            ("Agency", f"Cục {IMG} Kỹ thuật")]
RELATIONS = [("CHAIRED", "Person", "Trần Minh Đức", "Meeting", f"Hội nghị {SCRIPT} An toàn", ""),
             ("HOLDS_POSITION", "Person", "Trần Minh Đức", "Agency", f"Cục {IMG} Kỹ thuật",
              '<b onmouseover="window.__pwned=3">Chủ nhiệm</b>'),
             ("ORGANIZED", "Agency", f"Cục {IMG} Kỹ thuật", "Meeting", f"Hội nghị {SCRIPT} An toàn", "")]
DOCUMENTS_AND_FACTS = """// Documents and the facts of what they mention
MATCH (d:Document)-[m:MENTIONS]->(e)
OPTIONAL MATCH (e)-[r]->(x) WHERE NOT x:Document
RETURN d, m, e, r, x
"""


def hostile_extraction() -> Extraction:
    """One document whose title, names, positions and evidence all carry script payloads; every
    mention and relation is evidenced by the whole text, so the payloads reach the tooltips."""
    doc = Document(id="hostile.txt", text=TEXT, source="hostile.txt", date="2024-05-01",
                   title=f"Tin {SCRIPT} {IMG}")
    entities = []
    for label, name in ENTITIES:
        start = TEXT.index(name)
        entities.append(Entity(label=label, key=" ".join(name.casefold().split()), name=name,
                               mentions=(Mention(label, name, start, start + len(name), 0, len(TEXT)),)))
    keys = {name: e.key for (_, name), e in zip(ENTITIES, entities)}
    relations = tuple(Relation(t, sl, keys[sn], tl, keys[tn], (Evidence(doc.id, 0, len(TEXT), TEXT),),
                               title=title, as_of=doc.date)
                      for t, sl, sn, tl, tn, title in RELATIONS)
    return Extraction(document=doc, entities=tuple(entities), relations=relations, content_hash="hostile")


@pytest.fixture
def browser_page(tmp_path):
    """Open a page in Chromium with every non-file request aborted and recorded."""
    if CHROMIUM is None:
        pytest.skip("Chromium not found (install it: apt-get install -y chromium, or `make browser`)")
    playwright = pytest.importorskip("playwright.sync_api", reason="the browser tests need playwright")
    requests: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        # bypass_csp: the page's own Content-Security-Policy would also stop injected scripts; the
        # test turns it off so that escaping alone has to keep them inert.
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 860}, bypass_csp=True, offline=True)

        def route(r):
            requests.append(r.request.url)
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                r.abort()
        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))

        def open_page(path: Path):
            page.goto(path.resolve().as_uri())
            page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
            return page
        yield open_page, requests, errors
        context.close()


def test_view_renders_offline_and_document_text_stays_inert(store, browser_page, tmp_path):
    store.write([hostile_extraction()])
    query_file = tmp_path / "documents-and-facts.cypher"
    query_file.write_text(DOCUMENTS_AND_FACTS, "utf-8")
    network = view.build(store, query=str(query_file))
    assert (len(network.nodes), len(network.edges)) == (4, 6)  # 1 document, 3 entities; 3 mentions, 3 facts
    path = view.write(network, tmp_path / "hostile.html")

    open_page, requests, errors = browser_page
    page = open_page(path)
    counts = page.evaluate("[window.kgNetwork.nodes.length, window.kgNetwork.edges.length]")
    assert counts == [len(network.nodes), len(network.edges)]
    assert page.evaluate("window.__pwned") is None

    # Hover every node so that each tooltip is drawn; the person's shows the hostile position.
    positions = page.evaluate("""() => {
        const n = window.kgNetwork.network;
        return window.kgNetwork.nodes.get().map(d => [d.label, n.canvasToDOM(n.getPositions([d.id])[d.id])]);
    }""")
    for label, pos in sorted(positions, key=lambda item: item[0] == "Trần Minh Đức"):
        page.mouse.move(pos["x"], pos["y"])
        page.wait_for_timeout(400)
    tooltip = page.locator("div.vis-tooltip").inner_text()
    assert "Trần Minh Đức" in tooltip and '<b onmouseover="window.__pwned=3">Chủ nhiệm</b>' in tooltip
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-hostile-tooltip.png"))
    # Put every edge tooltip into the page as well.
    page.evaluate("() => window.kgNetwork.edges.get().forEach(e => document.body.appendChild(e.title))")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    text = page.evaluate("document.body.innerText")
    assert SCRIPT in text and IMG in text  # shown as text, not run
    assert page.locator("script:not([id]):not([type])").count() == 2  # vis-network and the page's own
    assert page.locator("body img").count() == 0

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-hostile.png"))
    assert not errors, errors
    assert all(url.startswith("file:") for url in requests), requests
    assert requests == [path.resolve().as_uri()]


def test_samples_view_draws_the_whole_capped_graph(_session_store, browser_page, tmp_path):
    load_samples(_session_store)
    network = view.build(_session_store, limit=25)
    path = view.write(network, tmp_path / "network.html")
    open_page, requests, errors = browser_page
    page = open_page(path)
    assert page.evaluate("[window.kgNetwork.nodes.length, window.kgNetwork.edges.length]") == \
        [len(network.nodes), len(network.edges)] == [25, len(network.edges)]
    assert page.locator("#capped").inner_text().startswith("Showing 25 of")
    legend = page.locator("#legend").inner_text()
    assert "Person" in legend and "Agency" in legend
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-samples.png"))
    assert not errors, errors
    assert requests == [path.resolve().as_uri()]


def test_timeline_renders_offline_and_document_text_stays_inert(store, browser_page, tmp_path):
    from graph import timeline
    store.write([hostile_extraction()])
    built = timeline.build(store, person="tran minh duc")
    assert {item["kind"] for item in built.items} == {"CHAIRED", "HOLDS_POSITION"}
    path = timeline.write(built, tmp_path / "hostile-timeline.html")
    open_page, requests, errors = browser_page
    page = open_page(path)
    assert page.evaluate("[window.kgTimeline.items, window.kgTimeline.drawn]") == [2, 2]
    page.locator("circle.item").first.click()
    detail = page.locator("#detail").inner_text()
    assert TEXT in detail and "hostile.txt" in detail
    text = page.evaluate("document.body.innerText")
    assert SCRIPT in text and IMG in text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("body img").count() == 0
    assert not errors, errors
    assert requests == [path.resolve().as_uri()]


def test_samples_timelines_of_a_person_and_an_agency(store, browser_page, tmp_path):
    from graph import timeline
    from kg.pipeline import load
    assert load([str(SAMPLES)], store).failed == 0
    open_page, requests, errors = browser_page
    person = timeline.build(store, person="le quang vinh")
    kinds = {item["kind"] for item in person.items}
    assert {"HAS_RANK", "HOLDS_POSITION", "CHAIRED", "ATTENDED"} <= kinds
    assert all(item["sentence"] and item["document"] for item in person.items)
    # promoted: Major General in the 2021 article, Lieutenant General in the 2024 ones
    ranks = [(item["date"][:4], item["label_en"]) for item in person.items if item["kind"] == "HAS_RANK"]
    assert ("2021", "Major General") in ranks and ("2024", "Lieutenant General") in ranks
    path = timeline.write(person, tmp_path / "person.html", lang="en")
    page = open_page(path)
    dated = sum(1 for item in person.items if item["date"])
    assert page.evaluate("[window.kgTimeline.items, window.kgTimeline.drawn]") == [len(person.items), dated]
    assert dated == len(person.items)
    assert page.evaluate("window.kgTimeline.lanes") == ["Rank", "Position", "Meetings"]
    table = page.locator("#items").inner_text()
    assert "Major General" in table and "Lieutenant General" in table
    page.locator("circle.item").first.click()
    assert "2021-06-18" in page.locator("#detail").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-person.png"), full_page=True)

    agency = timeline.build(store, agency="tong cuc ky thuat")
    people = {item["lane"] for item in agency.items if item["kind"] == "HOLDS_POSITION"}
    assert "Lê Quang Vinh" in people and len(people) > 1
    path = timeline.write(agency, tmp_path / "agency.html")
    page = open_page(path)
    assert "Lê Quang Vinh" in page.evaluate("window.kgTimeline.lanes")
    page.screenshot(path=str(ARTIFACTS / "timeline-agency.png"), full_page=True)
    assert not errors, errors
    assert all(url.startswith("file:") for url in requests), requests
