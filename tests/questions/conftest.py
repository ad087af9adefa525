"""Keeps the score of the question corpus and prints it after the test run."""

from __future__ import annotations

from collections import Counter

import pytest

_SCORE = pytest.StashKey[Counter[str]]()


@pytest.fixture
def corpus_score(request: pytest.FixtureRequest) -> Counter[str]:
    """``right``, ``gap`` (a known gap, not answered right) and ``wrong``, per question asked."""
    return request.config.stash.setdefault(_SCORE, Counter())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    score = config.stash.get(_SCORE, Counter())
    asked = sum(score.values())
    if asked:
        terminalreporter.write_line(
            f"question corpus: {score['right']} of {asked} answered right "
            f"({100 * score['right'] / asked:.0f}%); {score['gap']} known gaps, {score['wrong']} wrong"
        )
