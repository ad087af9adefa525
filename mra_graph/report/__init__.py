"""Reports of the model for councils: self-contained HTML (also an interactive viewer),
Markdown and PDF, from Jinja2 templates that users can copy and adapt.

>>> import datetime as dt, mra_graph
>>> from mra_graph.report import build_report
>>> report = build_report(mra_graph.load(), at=dt.date(2017, 6, 1), lang="en")
>>> [c.ref.label for c in report.regions[0].cards][:3]
['Amsterdam Metropolitan Area', 'executive boards (MRA)', 'Agenda Committee']
"""

from mra_graph.report.content import Card, Report
from mra_graph.report.gather import build_report
from mra_graph.report.output import FORMATS, format_for, render_report, template_text, write_report

__all__ = [
    "FORMATS",
    "Card",
    "Report",
    "build_report",
    "format_for",
    "render_report",
    "template_text",
    "write_report",
]
