"""The PDF report: A4 pages, every font embedded, text a reader can search and copy."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mra_graph.model import GovernanceModel
from mra_graph.report import write_report

pytestmark = pytest.mark.exe

pypdf = pytest.importorskip("pypdf", reason="the PDF tests need pypdf (in the dev extra)")
pytest.importorskip("weasyprint", reason="the PDF report needs WeasyPrint (the pdf extra)")

A4 = (595.3, 841.9)


@pytest.fixture(scope="module")
def pdf(model: GovernanceModel, tmp_path_factory: pytest.TempPathFactory) -> Any:
    target = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    write_report(model, target, at=dt.date(2017, 6, 1), lang="nl")
    return pypdf.PdfReader(target)


def _size(page: Any) -> tuple[float, float]:
    box = page.mediabox
    return (round(float(box.width), 1), round(float(box.height), 1))


def test_the_pdf_has_a4_pages_and_the_diagram_on_a_page_of_its_own(pdf: Any) -> None:
    sizes = [_size(page) for page in pdf.pages]
    assert 20 <= len(sizes) <= 120
    assert sizes[0] == A4
    assert all(size in (A4, (A4[1], A4[0])) for size in sizes)
    assert sizes.count((A4[1], A4[0])) <= 1, "only the diagram may lie across the page"
    diagram = pdf.pages[1]
    assert "Samenhang van de bestuurlijke overleggen" in diagram.extract_text()
    assert list(diagram["/Resources"]["/XObject"].keys()), "the diagram is drawn on page 2"
    assert "Tekstalternatief" in pdf.pages[2].extract_text()


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
