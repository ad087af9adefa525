"""Coverage-guided fuzzing of the importers (atheris): Popolo JSON and a CSV folder.

Each input is a Popolo file, or, after the first byte ``\\x01``, the rows of one CSV file
(``nodes.csv``) put into the CSV export of the bundled model. Importing must give a
valid model or raise one of our own errors with a message; anything else (a traceback)
is a finding and stops the run. The corpus starts from the bundled model's Popolo export
when the first folder is empty.

    .venv/bin/python fuzz/fuzz_import.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048 /tmp/corpus-import
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["mra_graph"]):
    from mra_graph.errors import MraGraphError
    from mra_graph.interchange import export_model, import_model, write_export
    from mra_graph.model.loading import load

MODEL = load()
WORK = Path(tempfile.mkdtemp(prefix="fuzz-import-"))
CSV = WORK / "csv"
write_export(export_model(MODEL, "csv"), CSV)
NODES = (CSV / "nodes.csv").read_bytes()


def _seed(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        (folder / "popolo").write_bytes(export_model(MODEL, "popolo").single)
        (folder / "csv-nodes").write_bytes(b"\x01" + NODES)


def test_one_input(data: bytes) -> None:
    if data[:1] == b"\x01":
        (CSV / "nodes.csv").write_bytes(data[1:])
        fmt, path = "csv", CSV
    else:
        path = WORK / "p.json"
        path.write_bytes(data)
        fmt = "popolo"
    try:
        import_model(fmt, path)
    except MraGraphError as error:
        if not str(error):
            raise AssertionError("an error without a message") from None
    finally:
        (CSV / "nodes.csv").write_bytes(NODES)


def main() -> None:
    folders = [a for a in sys.argv[1:] if not a.startswith("-")]
    if folders:
        _seed(Path(folders[0]))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
