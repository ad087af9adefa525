"""The PDF report: A4 pages, every font embedded, text a reader can search and copy."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import bundled_model_path
from mra_graph.report import write_report
from tests.test_determinism import ROOT, _reordered

pytestmark = [pytest.mark.exe, pytest.mark.slow]

pypdf = pytest.importorskip("pypdf", reason="the PDF tests need pypdf (in the dev extra)")
pytest.importorskip("weasyprint", reason="the PDF report needs WeasyPrint (the pdf extra)")

A4 = (595.3, 841.9)


@pytest.fixture(scope="module")
def pdf_path(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    write_report(model, target, at=dt.date(2017, 6, 1), lang="nl")
    return target


@pytest.fixture(scope="module")
def pdf(pdf_path: Path) -> Any:
    return pypdf.PdfReader(pdf_path)


def test_the_pdf_is_the_same_bytes_under_another_hash_seed_and_a_reordered_model_file(
    pdf_path: Path, tmp_path: Path
) -> None:
    # the PDF's part of tests/test_determinism.py, which leaves it out as too slow to
    # make four times: one more PDF, in a fresh process, from the file reordered
    data = json.loads(bundled_model_path().read_text(encoding="utf-8"))
    source = tmp_path / "organen.json"
    source.write_text(json.dumps(_reordered(data, 3), ensure_ascii=False, indent=1), encoding="utf-8")
    target = tmp_path / "rapport.pdf"
    code = (
        "import datetime as dt, sys; from mra_graph.model.loading import load; "
        "from mra_graph.report import write_report; "
        "write_report(load(sys.argv[1]), sys.argv[2], at=dt.date(2017, 6, 1), lang='nl')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(source), str(target)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "7"},
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert target.read_bytes() == pdf_path.read_bytes()


def _size(page: Any) -> tuple[float, float]:
    box = page.mediabox
    return (round(float(box.width), 1), round(float(box.height), 1))


def test_the_pdf_has_a4_pages_and_the_diagram_on_a_page_of_its_own(pdf: Any) -> None:
    sizes = [_size(page) for page in pdf.pages]
    assert 20 <= len(sizes) <= 120
    assert sizes[0] == A4
    assert all(size in (A4, (A4[1], A4[0])) for size in sizes)
    # the whole overview would print too small on A4: each region's overview gets a page across
    across = [i for i, size in enumerate(sizes) if size == (A4[1], A4[0])]
    assert across == [1, 2], "only the diagrams may lie across the page"
    for i, region in zip(across, ("Metropoolregio Amsterdam", "Amstelland-Meerlanden"), strict=True):
        text = pdf.pages[i].extract_text()
        assert f"{region}: de organen van de regio en hoe ze samenhangen" in text
        assert list(pdf.pages[i]["/Resources"]["/XObject"].keys()), f"a diagram is drawn on page {i + 1}"
    assert "hier volgt het per regio" in pdf.pages[0].extract_text()
    assert "Tekstalternatief" in pdf.pages[3].extract_text()


def test_every_font_is_embedded(pdf: Any) -> None:
    fonts: dict[str, Any] = {}
    for page in pdf.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = (
            font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        descriptor = descriptor.get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert any("DejaVu" in name for name in fonts)


def test_the_text_can_be_extracted(pdf: Any) -> None:
    first = pdf.pages[0].extract_text()
    assert "Bestuurlijke overleggen MRA en" in first
    assert "Stand op 2017-06-01" in first
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for expected in ("MRA Bureau", "opdrachtgever", "twee maal per jaar", "2,5", "Bronnenlijst"):
        assert expected in text, expected
    assert "Formatie MRA samenwerking (fte), 2016–2017" in text


def test_the_pdf_is_tagged_with_language_title_and_outline(pdf: Any) -> None:
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root, "a tagged PDF lets screen readers follow the structure"
    assert root["/Lang"] == "nl"
    assert pdf.metadata.title == "Bestuurlijke overleggen MRA en Amstelland-Meerlanden · Stand op 2017-06-01"
    assert pdf.outline, "the headings become bookmarks"


def test_a_pdf_template_reaches_no_file_and_no_network(model: GovernanceModel, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the report", encoding="utf-8")
    template = tmp_path / "mine.html.j2"
    template.write_text(
        f'<html><head><link rel="attachment" href="file://{secret}"></head>'
        '<body><h1>{{ report.title }}</h1><img src="http://192.0.2.1/x.png">'
        f'<a rel="attachment" href="file://{secret}">x</a></body></html>',
        encoding="utf-8",
    )
    target = tmp_path / "out.pdf"
    write_report(model, target, at=dt.date(2017, 6, 1), template=template)
    reader = pypdf.PdfReader(target)
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert all(
        "/Annots" not in page or not [a for a in page["/Annots"] if "/FS" in a.get_object()]
        for page in reader.pages
    )
    assert b"not for the report" not in target.read_bytes()
