"""Coverage-guided fuzzing of the model loader (atheris, on libFuzzer).

Any bytes may come in; the loader must either return a valid model or raise
``ModelError`` whose every problem names the file, and a model it accepts must dump to
text that loads back to the same model. Anything else (another exception, a hang past
``-timeout``, memory past ``-rss_limit_mb``) is a finding and stops the run.

    .venv/bin/python fuzz/fuzz_loader.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048 \\
        /tmp/corpus-loader

The seeds are the test fixtures: before it starts, the script writes the valid model and
every broken model of ``tests/broken`` into the first corpus folder, where libFuzzer also
puts the new inputs it finds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.broken import VALID, broken_model, names

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


def write_seeds(argv: list[str]) -> None:
    """Write the fixtures of tests/broken into the first corpus folder named in ``argv``.

    Nothing is written when no folder is named or when the first is a file (an input to
    replay).
    """
    folders = [arg for arg in argv[1:] if not arg.startswith("-")]
    if not folders or Path(folders[0]).is_file():
        return
    corpus = Path(folders[0])
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "valid.json").write_bytes(VALID.read_bytes())
    for name in names():
        (corpus / f"{name}.json").write_bytes(broken_model(name))


def main() -> None:
    write_seeds(sys.argv)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
