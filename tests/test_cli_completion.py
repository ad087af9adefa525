"""Shell completion, called the way a shell calls it (click's ``bash_complete`` protocol)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.shell_completion import split_arg_string
from click.testing import CliRunner, Result

from mra_graph.cli import main
from mra_graph.model.schema import GovernanceModel
from mra_graph.model.vocabulary import bundled_model_path, vocabulary
from mra_graph.render import view_names
from tests.broken import broken_model


def complete(line: str) -> list[str]:
    """What bash is offered for the last word of ``line`` (a trailing space: a new word)."""
    words = split_arg_string(line)
    current = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_MRA_GRAPH_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(current)}
    result = CliRunner().invoke(main, [], env=env, prog_name="mra-graph", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [entry.split(",", 1)[1] for entry in result.stdout.splitlines() if entry]


@pytest.fixture
def own_model(tmp_path: Path) -> Path:
    """A copy of the model with one node that the bundled model does not have."""
    path = tmp_path / "eigen.json"
    path.write_bytes(bundled_model_path().read_bytes())
    result = CliRunner().invoke(
        main,
        ["--model", str(path), "add-node", "am-zandbak", "--kind", "body", "--name", "Zandbakoverleg",
         "--region", "am", "--source", "am-overleggen-brochure", "Regiegroep"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def test_views(model: GovernanceModel) -> None:
    assert complete("mra-graph render ") == view_names()
    assert complete("mra-graph render ov") == [v for v in view_names() if v.startswith("ov")]


@pytest.mark.parametrize(
    ("line", "ids"),
    [
        pytest.param("mra-graph show regiegroep-", ["regiegroep-am", "regiegroep-mra"], id="id"),
        pytest.param("mra-graph show Regiegroep", ["regiegroep-am", "regiegroep-mra"], id="name"),
        pytest.param("mra-graph show 'Steering Gr", ["regiegroep-am", "regiegroep-mra"], id="english-name"),
        pytest.param("mra-graph members MRA-Bur", ["mra-budget", "mra-bureau"], id="case"),
        pytest.param("mra-graph render focus mra-bur", ["mra-budget", "mra-bureau"], id="render-node"),
        pytest.param("mra-graph query supports --to mra-bur", ["mra-budget", "mra-bureau"], id="option"),
        pytest.param("mra-graph report --focus mra-bur", ["mra-budget", "mra-bureau"], id="report-focus"),
        pytest.param("mra-graph add-relation informs mra-bur", ["mra-budget", "mra-bureau"], id="edit"),
        pytest.param("mra-graph show qqq", [], id="nothing"),
    ],
)
def test_node_names_complete_to_ids(line: str, ids: list[str]) -> None:
    assert complete(line) == ids


def test_relation_ids_complete_where_an_edit_takes_any_id(model: GovernanceModel) -> None:
    relation = model.relations[0].id
    assert relation in complete(f"mra-graph end {relation[:-1]}")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("mra-graph --model {model} show zand", id="before"),
        pytest.param("mra-graph show --model {model} zand", id="after"),
    ],
)
def test_nodes_come_from_the_model_on_the_command_line(own_model: Path, line: str) -> None:
    assert complete(line.format(model=own_model)) == ["am-zandbak"]
    assert complete("mra-graph show zand") == []


def test_a_model_that_cannot_be_read_completes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "unknown-node.json"
    broken.write_bytes(broken_model("unknown-node"))
    assert complete(f"mra-graph --model {broken} show ") == []
    assert complete(f"mra-graph --model {tmp_path / 'none.json'} show ") == []


def test_relation_kinds() -> None:
    kinds = sorted(vocabulary().relation_kinds)
    assert complete("mra-graph query ") == kinds
    assert complete("mra-graph query su") == [k for k in kinds if k.startswith("su")]
    assert complete("mra-graph add-relation ") == kinds


def test_a_list_of_relation_kinds_completes_after_the_last_comma() -> None:
    kinds = sorted(vocabulary().relation_kinds)
    offered = complete("mra-graph path a b --relations supports,st")
    assert offered == [f"supports,{k}" for k in kinds if k.startswith("st")]
    assert "supports,supports" not in complete("mra-graph render overview --relations supports,")


def test_regions(model: GovernanceModel) -> None:
    assert complete("mra-graph list --region ") == [r.id for r in model.regions]


def test_commands_and_options_complete_too() -> None:
    assert complete("mra-graph for") == ["formation"]
    assert "--region" in complete("mra-graph list --")
    assert "--lang" in complete("mra-graph list --")


def test_the_bash_script_calls_back_into_the_program() -> None:
    result = CliRunner().invoke(main, [], env={"_MRA_GRAPH_COMPLETE": "bash_source"}, prog_name="mra-graph")
    assert result.exit_code == 0
    assert "_MRA_GRAPH_COMPLETE=bash_complete" in result.stdout
    assert "complete -o nosort -F _mra_graph_completion mra-graph" in result.stdout


def test_the_documented_bash_line_completes_in_a_real_bash(cli: Callable[..., Result]) -> None:
    line = next(x.strip() for x in cli("--help").stdout.splitlines() if x.strip().startswith("bash: "))
    setup = line.removeprefix("bash: ").split("   ")[0]
    script = (
        f"{setup}\n"
        "COMP_WORDS=(mra-graph render focus mra-bur); COMP_CWORD=3\n"
        "_mra_graph_completion mra-graph\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    program_folder = str(Path(sys.executable).parent)  # where the mra-graph script is installed
    env = {**os.environ, "PATH": program_folder + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, check=False)
    # the budget is named after the bureau ("budget van het MRA Bureau")
    assert (done.stdout, done.stderr) == ("mra-budget\nmra-bureau\n", "")
