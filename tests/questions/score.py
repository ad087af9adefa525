"""Keeps the score of the question corpus and of the blind question sets;
`tests/conftest.py` registers these hooks.

The score is taken from the test reports, which reach the main process also when the
tests run on several workers (``-n``).
"""

from __future__ import annotations

from collections import Counter

import pytest

_CORPUS_TEST = "test_the_corpus_question_is_answered_as_the_sources_say["
_TALLY: Counter[str] = Counter()
"""``right``, ``gap`` (a known gap, failing as marked) and ``wrong``, per question asked."""


_BLIND: dict[str, Counter[str]] = {}
"""Per blind set, how many questions were answered ``right``, ``refused`` or ``wrong``."""


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        for key, value in report.user_properties:
            if key == "blind":
                name, outcome = str(value).split(":")
                _BLIND.setdefault(name, Counter())[outcome] += 1
    if _CORPUS_TEST not in report.nodeid or report.when != "call":
        return
    if report.skipped and hasattr(report, "wasxfail"):
        _TALLY["gap"] += 1
    elif report.passed:
        _TALLY["right"] += 1
    else:
        _TALLY["wrong"] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for name, tally in sorted(_BLIND.items()):
        asked = sum(tally.values())
        terminalreporter.write_line(
            f"{name}: {tally['right']} of {asked} answered right ({100 * tally['right'] / asked:.0f}%), "
            f"{tally['refused']} refused, {tally['wrong']} wrong"
        )
    asked = sum(_TALLY.values())
    if asked:
        terminalreporter.write_line(
            f"question corpus: {_TALLY['right']} of {asked} answered right "
            f"({100 * _TALLY['right'] / asked:.0f}%); {_TALLY['gap']} known gaps, {_TALLY['wrong']} wrong"
        )
