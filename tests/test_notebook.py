"""The exploration notebook runs top to bottom against the test server, on the samples."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_explore_notebook_runs_on_the_samples(_session_store, neo4j_settings, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    from tests.graphs import load_samples

    load_samples(_session_store)
    # The kernel inherits the environment: the notebook reads the server from NEO4J_*.
    for name, value in (("NEO4J_URI", neo4j_settings.uri), ("NEO4J_USER", neo4j_settings.user),
                        ("NEO4J_PASSWORD", neo4j_settings.password),
                        ("NEO4J_DATABASE", neo4j_settings.database)):
        monkeypatch.setenv(name, value)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()

    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert neo4j_settings.uri in text  # it connected where it was told to
    for expected in ("Lương Văn Bình", "Nguyễn Văn Thạch", "Thượng tướng", "2024-11-20", "who-chaired-what",
                     "General Department of Technology"):
        assert expected in text, expected
    # the three plots: events per month, who led one agency, agencies together
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pictures) == 3
    frames = [o for o in outputs if "text/html" in o.get("data", {}) and "<iframe srcdoc=" in o["data"]["text/html"]]
    assert frames and "vis.Network" in frames[0]["data"]["text/html"].replace("&quot;", '"')
