"""Coverage-guided fuzzing of the model loader (atheris, on libFuzzer).

Any bytes may come in; the loader must either return a valid model or raise
``ModelError`` whose every problem names the file, and a model it accepts must dump to
text that loads back to the same model. Anything else (another exception, a hang past
``-timeout``, memory past ``-rss_limit_mb``) is a finding and stops the run.

    .venv/bin/python fuzz/fuzz_loader.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048 \\
        /tmp/corpus-loader fuzz/corpus/loader

New inputs go into the first folder; the committed seeds in ``fuzz/corpus/loader`` are
read only.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["mra_graph"]):
    from mra_graph.dumping import dump_text
    from mra_graph.errors import ModelError
    from mra_graph.loading import load_text


def test_one_input(data: bytes) -> None:
    try:
        model = load_text(data, "fuzz.json")
    except ModelError as error:
        if not error.problems or any(p.file != "fuzz.json" or not p.message for p in error.problems):
            raise AssertionError(f"a ModelError without a located problem: {error.problems!r}") from None
        return
    again = load_text(dump_text(model), "fuzz.json")
    if again != model:
        raise AssertionError("a loaded model does not survive dumping and loading again")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
