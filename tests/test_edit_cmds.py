"""Editing model files: the commands, the lock, the on-disk check and the atomic write."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from mra_graph import load
from mra_graph.editing import edits as editing
from mra_graph.editing.files import write_atomically
from mra_graph.editing.model_file import edit_model_file, lock_path
from mra_graph.errors import EditError, ExportError
from mra_graph.model.vocabulary import bundled_model_path

Cli = Callable[..., Result]
SOURCE = ("--source", "am-overleggen-brochure", "Regiegroep")


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "organen.json"
    path.write_bytes(bundled_model_path().read_bytes())
    return path


def test_edits_need_an_explicit_model_file(cli: Cli) -> None:
    before = bundled_model_path().read_bytes()
    result = cli("--lang", "en", "set", "regiegroep-am", "size=12")
    assert result.exit_code == 2
    assert "say which model file to change with --model PATH" in result.stderr
    assert bundled_model_path().read_bytes() == before


def test_add_node_then_relation_then_query(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    result = cli(
        "--model", m, "add-node", "am-testplatform", "--kind", "body", "--type", "platform",
        "--name", "Testplatform", "--region", "am", "--from", "2017-01-01", *SOURCE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{m}: onderdeel 'am-testplatform' toegevoegd\n"
    result = cli(
        "--model", m, "add-relation", "informs", "Testplatform", "regiegroep-am",
        "--from", "2017-01-01", *SOURCE, "--quote", "Regiegroep",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    edited = load(model_file)
    relation = next(r for r in edited.relations if r.id == "am-testplatform.informs.regiegroep-am")
    assert relation.sources[0].quote == "Regiegroep"
    asked = cli("--model", m, "--format", "json", "query", "informs", "--from", "Testplatform")
    assert "regiegroep-am" in asked.stdout


def test_add_relation_and_node_take_modality_and_scopes(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    result = cli("--lang", "en",
        "--model", m, "add-relation", "informs", "AM-team", "portefeuillehoudersoverleggen AM",
        "--from-scope", "one_of", "--to-scope", "each_member", "--modality", "proposed", *SOURCE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = cli("--lang", "en",
        "--model", m, "add-node", "am-proefteam", "--kind", "body", "--name", "Proefteam", "--region", "am",
        "--modality", "conditional", "--condition", "als de Regiegroep instemt", *SOURCE,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    edited = load(model_file)
    relation = next(r for r in edited.relations if r.id == "am-team.informs.pho-am")
    scoped = (relation.from_scope, relation.to_scope, relation.modality)
    assert scoped == ("one_of", "each_member", "proposed")
    node = edited.nodes_by_id["am-proefteam"]
    assert (node.modality, node.condition) == ("conditional", "als de Regiegroep instemt")
    # a condition needs modality 'conditional'
    refused = cli("--lang", "en",
        "--model", m, "add-node", "am-ander", "--kind", "body", "--name", "Ander",
        "--condition", "als", *SOURCE,
    )  # fmt: skip
    assert refused.exit_code == 1
    assert "'condition' needs modality 'conditional'" in refused.stderr


def test_an_edit_through_a_symbolic_link_edits_the_file_and_keeps_the_link(
    cli: Cli, model_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(model_file)
    result = cli("--model", str(link), "set", "regiegroep-am", "size=12")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert next(n for n in load(model_file).nodes if n.id == "regiegroep-am").size == 12


def test_output_onto_a_device_writes_to_it_and_leaves_it_a_device(cli: Cli, tmp_path: Path) -> None:
    before = os.lstat("/dev/null")
    for args in (
        ["export", "graphml", "-o", "/dev/null"],
        ["--at", "2017-06-01", "render", "overview-am", "-o", "/dev/null", "--format", "dot"],
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.output
    after = os.lstat("/dev/null")
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)


def test_set_reads_json_values_and_text(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    result = cli("--model", m, "set", "regiegroep-am", "size=12", 'aliases=["RG AM"]', "name_en=Board")
    assert result.exit_code == 0, result.output
    node = load(model_file).nodes_by_id["regiegroep-am"]
    assert (node.size, node.aliases, node.name_en) == (12, ["RG AM"], "Board")
    assert cli("--model", m, "set", "regiegroep-am", "--unset", "size").exit_code == 0
    assert load(model_file).nodes_by_id["regiegroep-am"].size is None
    # a quoted value is text, even when it reads as a number
    assert cli("--model", m, "set", "regiegroep-am", 'name_en="12"').exit_code == 0
    assert load(model_file).nodes_by_id["regiegroep-am"].name_en == "12"


def test_invalid_edit_exits_1_and_leaves_the_file_alone(cli: Cli, model_file: Path) -> None:
    before = model_file.read_bytes()
    result = cli("--lang", "en", "--model", str(model_file), "set", "regiegroep-am", "size=-3")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {model_file} /nodes/")
    assert "Traceback" not in result.output
    assert model_file.read_bytes() == before
    assert [p.name for p in model_file.parent.iterdir() if p.suffix == ".tmp"] == []


def test_usage_errors_exit_2(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    assert cli("--model", m, "set", "regiegroep-am", "size").exit_code == 2
    assert cli("--model", m, "set", "regiegroep-am").exit_code == 2
    assert cli("--model", m, "end", "mra-bureau", "--on", "2024-01-01").exit_code == 2
    assert cli("--model", m, "add-node", "x", "--kind", "body", "--name", "X").exit_code == 2
    assert cli("--model", m, "end", "mra-bureau", "--on", "gisteren").exit_code == 2


def test_end_and_rename_commands(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    result = cli("--model", m, "rename", "mra-bureau", "Bureau MRA", "--on", "2024-01-01")
    assert result.exit_code == 0, result.output
    result = cli("--model", m, "end", "mra-bureau", "--on", "2025-01-01", "--with-relations")
    assert result.exit_code == 0, result.output
    node = load(model_file).nodes_by_id["mra-bureau"]
    assert node.name == "Bureau MRA"
    assert node.former_names[0].name == "MRA Bureau"
    shown = cli("--model", m, "--at", "2024-06-01", "--format", "json", "show", "MRA Bureau")
    detail = json.loads(shown.stdout)
    assert detail["id"] == "mra-bureau"
    assert detail["former_names"] == [{"name": "MRA Bureau", "valid_to": "2024-01-01"}]
    # the sources end in 2018, so 2024 is answered as of then: before the rename
    text = cli("--model", m, "--at", "2024-06-01", "show", "mra-bureau").stdout
    assert "\nMRA Bureau  [mra-bureau]\n" in text
    assert "  Heet Bureau MRA vanaf 2024-01-01\n" in text


def test_dry_run_prints_a_diff_and_writes_nothing(cli: Cli, model_file: Path) -> None:
    before = model_file.read_bytes()
    result = cli("--model", str(model_file), "set", "regiegroep-am", "size=12", "--dry-run")
    assert result.exit_code == 0
    assert '+      "size": 12,\n' in result.stdout
    assert model_file.read_bytes() == before


def test_an_edit_changes_only_its_own_lines(cli: Cli, model_file: Path) -> None:
    before = model_file.read_text(encoding="utf-8").splitlines()
    assert cli("--model", str(model_file), "set", "regiegroep-am", "size=12").exit_code == 0
    after = model_file.read_text(encoding="utf-8").splitlines()
    assert [line for line in after if line not in before] == ['      "size": 12,']
    assert len(after) == len(before) + 1


def test_a_file_changed_on_disk_meanwhile_is_not_overwritten(model_file: Path) -> None:
    def meddle(draft: editing.Draft) -> str:
        # someone saves the file in a text editor (which takes no lock) mid-edit
        model_file.write_text(model_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return editing.draft_set_fields(draft, "regiegroep-am", {"size": 12})

    with pytest.raises(EditError, match="changed on disk while this edit was made; nothing was written"):
        edit_model_file(model_file, meddle, lang="en")
    assert load(model_file).nodes_by_id["regiegroep-am"].size is None


def test_a_held_lock_makes_an_edit_wait_then_give_up(model_file: Path) -> None:
    with open(lock_path(model_file), "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        start = time.monotonic()
        with pytest.raises(EditError, match="is being edited by another process"):
            edit_model_file(model_file, lambda draft: None, lock_timeout=0.2, lang="en")
        assert time.monotonic() - start >= 0.2


def _slow_add(path: str, index: int) -> None:
    def change(draft: editing.Draft) -> str:
        time.sleep(0.15)  # a wide window in which an unlocked editor would lose the others' edits
        return editing.draft_add_node(
            draft,
            {
                "id": f"am-test-{index}",
                "kind": "body",
                "name": f"Test {index}",
                "region": "am",
                "sources": [{"document": "am-overleggen-brochure", "section": "Regiegroep"}],
            },
        )

    edit_model_file(path, change)


@pytest.mark.slow
def test_concurrent_editors_never_lose_an_edit(model_file: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_slow_add, args=(str(model_file), i)) for i in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0] * 6
    ids = set(load(model_file).nodes_by_id)
    assert {f"am-test-{i}" for i in range(6)} <= ids


@pytest.mark.slow
def test_concurrent_command_line_edits_never_lose_an_edit(model_file: Path) -> None:
    commands = [
        [sys.executable, "-m", "mra_graph", "--model", str(model_file), "add-node", f"am-cli-{i}",
         "--kind", "body", "--name", f"CLI {i}", "--region", "am", *SOURCE]
        for i in range(4)
    ]  # fmt: skip
    processes = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 4, outputs
    assert {f"am-cli-{i}" for i in range(4)} <= set(load(model_file).nodes_by_id)


def test_write_atomically_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ExportError, match="No space left on device"):
        write_atomically(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_add_region_and_document_then_a_node_citing_both(cli: Cli, model_file: Path) -> None:
    m = str(model_file)
    result = cli(
        "--model", m, "add-document", "notitie-2018", "--title", "Notitie", "--file", "notitie.txt",
        "--period", "2018", "--section", "Inleiding", "--section", "Besluit",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{m}: document 'notitie-2018' toegevoegd\n"
    result = cli(
        "--model", m, "add-region", "zk", "--name", "Zaanstreek", "--name-en", "Zaan area", "--short", "ZK",
        "--source", "notitie-2018", "Inleiding", "--quote", "De Zaanstreek",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{m}: regio 'zk' toegevoegd\n"
    result = cli(
        "--model", m, "add-node", "regiegroep-zk", "--kind", "body", "--name", "Regiegroep",
        "--region", "zk", "--source", "notitie-2018", "Besluit",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    edited = load(model_file)
    assert edited.regions_by_id["zk"].sources[0].quote == "De Zaanstreek"
    assert edited.label("regiegroep-zk") == "Regiegroep (ZK)"
    # a view for the new region, at once
    drawn = cli("--model", m, "render", "overview-zk", "-f", "dot", "-o", "-")
    assert drawn.exit_code == 0, drawn.output
    assert 'id="node-regiegroep-zk"' in drawn.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(
            ("add-document", "d", "--title", "T", "--file", "d.txt", "--period", "2018"),
            2,
            "Error: a document needs its section headings: give --section HEADING (repeatable)",
            id="document-without-section",
        ),
        pytest.param(
            ("add-region", "zk", "--name", "Zaanstreek", "--short", "ZK"),
            2,
            "Error: every fact needs a source: give --source DOCUMENT SECTION",
            id="region-without-source",
        ),
        pytest.param(
            ("add-region", "am", "--name", "AM", "--short", "AM", *SOURCE),
            2,
            "Error: a region with the id 'am' exists already; choose another id",
            id="region-taken",
        ),
        pytest.param(
            ("add-region", "zk", "--name", "Zaanstreek", "--short", "ZK", "--source", "nergens", "x"),
            1,
            "/regions/2/sources/0/document: unknown document 'nergens'",
            id="region-citing-nothing",
        ),
    ],
)
def test_bad_region_and_document_edits_write_nothing(
    cli: Cli, model_file: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = model_file.read_bytes()
    result = cli("--lang", "en", "--model", str(model_file), *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert model_file.read_bytes() == before


def test_add_region_dry_run_shows_the_diff(cli: Cli, model_file: Path) -> None:
    before = model_file.read_bytes()
    result = cli("--model", str(model_file), "add-region", "zk", "--name", "Zaanstreek", "--short", "ZK",
                 *SOURCE, "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert '+      "id": "zk",' in result.stdout
    assert model_file.read_bytes() == before


def test_a_read_only_model_file_is_refused(cli: Cli, model_file: Path) -> None:
    before = model_file.read_bytes()
    os.chmod(model_file, 0o444)
    result = cli("--lang", "en", "--model", str(model_file), "set", "regiegroep-am", "size=12")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {str(model_file)!r} is read-only; nothing was written. "
        "Make it writable (chmod u+w) or give --force to change it anyway\n"
    )
    assert model_file.read_bytes() == before
    # a dry run writes nothing, so it needs no permission
    assert cli("--model", str(model_file), "set", "regiegroep-am", "size=12", "--dry-run").exit_code == 0


def test_force_changes_a_read_only_model_file_and_keeps_it_read_only(cli: Cli, model_file: Path) -> None:
    os.chmod(model_file, 0o444)
    result = cli("--model", str(model_file), "set", "regiegroep-am", "size=12", "--force")
    assert result.exit_code == 0, result.output
    assert load(model_file).nodes_by_id["regiegroep-am"].size == 12
    assert model_file.stat().st_mode & 0o777 == 0o444


def _killed_edit(model_file: Path, signum: int) -> subprocess.CompletedProcess[str]:
    # the edit is killed while it writes the new file, after the temporary file is full
    program = (
        "import os, sys\n"
        f"os.fsync = lambda descriptor: os.kill(os.getpid(), {signum})\n"
        "from mra_graph.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    args = ["--model", str(model_file), "set", "regiegroep-am", "size=12"]
    return subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, check=False, timeout=120
    )


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_an_edit_killed_outright_leaves_a_temporary_file_the_next_edit_removes(
    cli: Cli, model_file: Path
) -> None:
    before = model_file.read_bytes()
    done = _killed_edit(model_file, 9)
    assert done.returncode == -9
    assert model_file.read_bytes() == before
    left = _temporaries(model_file.parent)
    assert len(left) == 1
    assert left[0].startswith(".organen.json.")
    assert cli("--model", str(model_file), "set", "regiegroep-am", "size=11").exit_code == 0
    assert _temporaries(model_file.parent) == []
    assert load(model_file).nodes_by_id["regiegroep-am"].size == 11


@pytest.mark.parametrize("signum", [15, 1, 3], ids=["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_an_edit_stopped_by_a_signal_removes_its_own_temporary_file(model_file: Path, signum: int) -> None:
    before = model_file.read_bytes()
    done = _killed_edit(model_file, signum)
    assert done.returncode == 128 + signum
    assert done.stderr == ""
    assert model_file.read_bytes() == before
    assert _temporaries(model_file.parent) == []


def _killed_render(target: Path, signum: int) -> subprocess.CompletedProcess[str]:
    program = (
        "import os, sys\n"
        f"os.fsync = lambda descriptor: os.kill(os.getpid(), {signum})\n"
        "from mra_graph.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    args = ["--at", "2017-06-01", "render", "overview-am", "--format", "dot", "-o", str(target)]
    return subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, check=False, timeout=120
    )


def test_a_render_killed_outright_leaves_a_temporary_file_the_next_write_removes(
    cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "am.dot"
    assert _killed_render(target, 9).returncode == -9
    assert len(_temporaries(tmp_path)) == 1
    # the killed process is gone, so any later write of the same file cleans up after it
    assert (
        cli("--at", "2017-06-01", "render", "overview-am", "--format", "dot", "-o", str(target)).exit_code
        == 0
    )
    assert _temporaries(tmp_path) == []
    assert target.read_text(encoding="utf-8").startswith("digraph")
