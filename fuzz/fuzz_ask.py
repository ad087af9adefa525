"""Coverage-guided fuzzing of the ``ask`` question parser and answerer (atheris).

Any text may be asked of the bundled model; ``answer_question`` must answer, and its
answer be written as text and JSON, or raise
one of our own errors (a question it does not understand, an unknown or ambiguous
name, a malformed date). Anything else is a finding and stops the run.

    .venv/bin/python fuzz/fuzz_ask.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048 \\
        /tmp/corpus-ask fuzz/corpus/ask
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["mra_graph"]):
    from mra_graph.ask import answer_question
    from mra_graph.ask_output import ask_json, ask_lines
    from mra_graph.errors import MraGraphError
    from mra_graph.loading import load

MODEL = load()
DAY = dt.date(2017, 6, 1)


def test_one_input(data: bytes) -> None:
    question = data.decode("utf-8", errors="replace")
    try:
        result = answer_question(MODEL, question, DAY)
        ask_lines(MODEL, result, sources=True)
        ask_json(MODEL, result)
    except MraGraphError as error:
        if not str(error):
            raise AssertionError("an error without a message") from None


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
