"""A realistic national governance model of any size, for benchmarks and load tests.

``--municipalities N`` builds N municipalities (each an organisation with its council,
its college, a mayor and a town clerk) in about N/28 provinces (each with its states
and executive), and about 3.8 regional cooperations per municipality, as in the
Netherlands (342 municipalities, some 1,300 cooperations). Each cooperation is a
region of the model with a general board, an executive board, one to three platforms
of portfolio holders, a bureau, a chair and a secretary, and its member municipalities
in the same province: the municipality, its college on the board and on the platforms,
its mayor as the chair of one. Cooperations start on a date; about one in ten has
ended (and so have its bodies and relations) and one in twenty is planned. Each
province has a staffing table of its cooperations' bureaus (for ``formation``). Every
fact cites a section of the province's synthetic founding document.

The model is valid under ``mra-graph check``; names and ids are made up and repeat
nothing real. The same arguments always give the same file.

    .venv/bin/python -m benchmarks.synthetic --municipalities 342 -o national.json
    .venv/bin/mra-graph check --model national.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["national_model", "relations_per_municipality"]

Item = dict[str, Any]

_FIRST = ["Oost", "West", "Noord", "Zuid", "Hoog", "Laag", "Nieuw", "Oud", "Groot", "Klein", "Sint ", "Ter "]
_STEM = [
    "brug",
    "dam",
    "veen",
    "horst",
    "wijk",
    "dorp",
    "hoven",
    "rade",
    "lo",
    "zand",
    "meer",
    "berg",
    "kerk",
]
_THEMES = [
    ("Veiligheidsregio", "Safety region"),
    ("Omgevingsdienst", "Environmental service"),
    ("GGD", "Public health service"),
    ("Sociale Dienst", "Social services"),
    ("Afvalschap", "Waste authority"),
    ("Recreatieschap", "Recreation authority"),
    ("Werkbedrijf", "Employment service"),
    ("Jeugdzorgregio", "Youth care region"),
    ("Belastingsamenwerking", "Tax cooperation"),
    ("Regio", "Region"),
]
_PLATFORMS = ["Wonen", "Mobiliteit", "Economie", "Duurzaamheid", "Sociaal Domein", "Financiën"]
SECTIONS = ["Deelnemers", "Bestuur", "Werkwijze", "Ambtelijke ondersteuning"]
COOPERATIONS_PER_MUNICIPALITY = 3.8


def _source(document: str, section: str) -> list[Item]:
    return [{"document": document, "section": section}]


def _names(count: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = rng.choice(_FIRST) + rng.choice(_STEM)
        name = name[0].upper() + name[1:]
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    return names


def _period(rng: random.Random) -> Item:
    start = f"{rng.randint(1995, 2016)}-{rng.randint(1, 12):02d}-01"
    luck = rng.random()
    if luck < 0.05:
        return {"status": "planned"}
    if luck < 0.15:
        return {"status": "ended", "valid_from": start, "valid_to": f"{rng.randint(2017, 2022)}-01-01"}
    return {"valid_from": start}


def relations_per_municipality() -> float:
    """About how many relations the generator makes per municipality (to size a model)."""
    return 242.0


def _cooperation(
    relate: Callable[..., None],
    nodes: list[Item],
    rid: str,
    doc: str,
    period: Item,
    title: str,
    members: list[str],
    area: str,
    rng: random.Random,
) -> None:
    """One regional cooperation, its bodies and posts, and its members' seats in them."""

    def body(suffix: str, kind_type: str, name: str, section: str, kind: str = "body") -> str:
        ident = f"{rid}-{suffix}" if suffix else rid
        nodes.append({"id": ident, "kind": kind, "type": kind_type, "name": name, "region": rid,
                      **period, "sources": _source(doc, section)})  # fmt: skip
        return ident

    def link(kind: str, a: str, b: str, section: str, **extra: Any) -> None:
        relate(kind, a, b, doc, section, **extra, **period)

    coop = body("", "cooperation", title, "Deelnemers")
    board = body("ab", "steering_group", "Algemeen Bestuur", "Bestuur")
    executive = body("db", "college", "Dagelijks Bestuur", "Bestuur")
    bureau = body("bureau", "bureau", "Bureau", "Ambtelijke ondersteuning")
    chair = body("voorzitter", "post", "Voorzitter", "Bestuur", kind="role")
    secretary = body("secretaris", "post", "Secretaris", "Ambtelijke ondersteuning", kind="role")
    link("part_of", board, coop, "Bestuur")
    link("part_of", executive, coop, "Bestuur")
    link("part_of", bureau, coop, "Ambtelijke ondersteuning")
    link("chairs", chair, board, "Bestuur")
    link("chairs", chair, executive, "Bestuur")
    link("is_secretary_of", secretary, board, "Ambtelijke ondersteuning", count=1)
    link("supports", bureau, board, "Ambtelijke ondersteuning")
    link("supports", bureau, executive, "Ambtelijke ondersteuning")
    link("prepares", executive, board, "Werkwijze")
    link("employs", members[0], secretary, "Ambtelijke ondersteuning")
    link("commissions", board, bureau, "Werkwijze", capacity="bestuurlijk")
    link("commissions", secretary, bureau, "Werkwijze", capacity="ambtelijk")
    platforms = []
    for topic in rng.sample(_PLATFORMS, rng.randint(1, 3)):
        platform = body(f"po-{topic.lower().replace(' ', '-').replace('ë', 'e')}", "platform",
                        f"Portefeuillehoudersoverleg {topic}", "Werkwijze")  # fmt: skip
        platforms.append(platform)
        link("part_of", platform, coop, "Werkwijze")
        link("prepares", platform, board, "Werkwijze")
        link("supports", bureau, platform, "Ambtelijke ondersteuning")
    for i, member in enumerate(members):
        link("member_of", member, coop, "Deelnemers")
        link("member_of", f"{member}-college", board, "Bestuur", count=1, per="gemeente")
        if i < 3:
            link("member_of", f"{member}-college", executive, "Bestuur")
        for platform in platforms:
            link("member_of", f"{member}-college", platform, "Werkwijze")
        link("informs", board, f"{member}-raad", "Werkwijze")
    mayor = f"{members[0]}-burgemeester"
    link("represents", chair, coop, "Bestuur", role=f"vervuld door de burgemeester van {area}")
    link("liaises_with", mayor, board, "Bestuur")


def national_model(municipalities: int, seed: int = 1) -> dict[str, Any]:
    """The data of a model file with ``municipalities`` municipalities (at least 3)."""
    if municipalities < 3:
        raise ValueError("give at least 3 municipalities")
    rng = random.Random(seed)
    provinces = max(1, round(municipalities / 28.5))
    documents: list[Item] = []
    nodes: list[Item] = []
    relations: list[Item] = []
    regions: list[Item] = []

    def relate(kind: str, a: str, b: str, document: str, section: str, **extra: Any) -> None:
        relations.append(
            {
                "id": f"{a}.{kind}.{b}",
                "kind": kind,
                "from": a,
                "to": b,
                **extra,
                "sources": _source(document, section),
            }
        )

    names = _names(municipalities, rng)
    members_of: list[list[str]] = [[] for _ in range(provinces)]
    for p in range(provinces):
        doc = f"gr-provincie-{p}"
        documents.append(
            {
                "id": doc,
                "title": f"Gemeenschappelijke regelingen in provincie {p}",
                "file": f"{doc}.md",
                "period": "1995-2025",
                "sections": SECTIONS,
            }
        )
        pid = f"provincie-{p}"
        nodes.append({"id": pid, "kind": "organisation", "type": "provincie", "name": f"Provincie {p}",
                      "sources": _source(doc, "Deelnemers")})  # fmt: skip
        for suffix, kind_type, name in (
            ("ps", "council", "Provinciale Staten"),
            ("gs", "college", "Gedeputeerde Staten"),
        ):
            nodes.append({"id": f"{pid}-{suffix}", "kind": "body", "type": kind_type, "name": f"{name} {p}",
                          "sources": _source(doc, "Bestuur")})  # fmt: skip
            relate("part_of", f"{pid}-{suffix}", pid, doc, "Bestuur")
    for m, name in enumerate(names):
        p = m * provinces // municipalities
        doc, pid = f"gr-provincie-{p}", f"provincie-{p}"
        gid = f"gemeente-{m}"
        members_of[p].append(gid)
        nodes += [
            {"id": gid, "kind": "organisation", "type": "gemeente", "name": f"Gemeente {name}",
             "aliases": [name], "sources": _source(doc, "Deelnemers")},
            {"id": f"{gid}-raad", "kind": "body", "type": "council", "name": f"Gemeenteraad {name}",
             "sources": _source(doc, "Bestuur")},
            {"id": f"{gid}-college", "kind": "body", "type": "college", "name": f"College van B&W {name}",
             "sources": _source(doc, "Bestuur")},
            {"id": f"{gid}-burgemeester", "kind": "role", "type": "post", "name": f"Burgemeester van {name}",
             "sources": _source(doc, "Bestuur")},
            {"id": f"{gid}-secretaris", "kind": "role", "type": "post", "name": f"Gemeentesecretaris {name}",
             "sources": _source(doc, "Ambtelijke ondersteuning")},
        ]  # fmt: skip
        relate("part_of", f"{gid}-raad", gid, doc, "Bestuur")
        relate("part_of", f"{gid}-college", gid, doc, "Bestuur")
        relate("member_of", f"{gid}-burgemeester", f"{gid}-college", doc, "Bestuur")
        relate("chairs", f"{gid}-burgemeester", f"{gid}-raad", doc, "Bestuur")
        relate("employs", gid, f"{gid}-secretaris", doc, "Ambtelijke ondersteuning")
        relate("supports", f"{gid}-secretaris", f"{gid}-college", doc, "Ambtelijke ondersteuning")
        relate("informs", f"{gid}-college", f"{gid}-raad", doc, "Werkwijze")
        relate("part_of", gid, pid, doc, "Deelnemers")

    cooperations = round(municipalities * COOPERATIONS_PER_MUNICIPALITY)
    bureaus: list[list[tuple[str, str]]] = [[] for _ in range(provinces)]
    for c in range(cooperations):
        p = c * provinces // cooperations
        doc = f"gr-provincie-{p}"
        pool = members_of[p]
        size = min(len(pool), rng.randint(3, 12))
        start = rng.randrange(len(pool))
        members = [pool[(start + i) % len(pool)] for i in range(size)]
        theme, theme_en = _THEMES[c % len(_THEMES)]
        area = names[int(members[0].rsplit("-", 1)[1])]
        rid = f"gr-{c}"
        regions.append(
            {"id": rid, "name": f"{theme} {area}", "name_en": f"{theme_en} {area}",
             "short": f"{theme[:3].upper()}-{c}", "sources": _source(doc, "Deelnemers")}
        )  # fmt: skip
        _cooperation(relate, nodes, rid, doc, _period(rng), f"{theme} {area}", members, area, rng)
        bureaus[p].append((f"{rid}-bureau", f"{theme[:3].upper()}-{c}"))

    return {
        "title": f"Synthetisch landelijk model: {municipalities} gemeenten, {cooperations} samenwerkingen",
        "title_en": f"Synthetic national model: {municipalities} municipalities, {cooperations} cooperations",
        "documents": documents,
        "regions": regions,
        "nodes": nodes,
        "relations": relations,
        "figures": [_staffing(p, found, rng) for p, found in enumerate(bureaus) if found],
    }


def _staffing(province: int, bureaus: list[tuple[str, str]], rng: random.Random) -> Item:
    """The staffing table of a province's cooperation bureaus: a row each and their total."""
    years = ["2016", "2017"]
    rows: list[Item] = []
    for ident, short in bureaus:
        before = float(rng.randint(1, 12))
        after = before + rng.choice((-1.0, 0.0, 0.0, 1.0, 2.0))
        values = {"2016": before, "2017": after}
        rows.append({"id": f"fte-{ident}", "label": f"Bureau {short}", "values": values,
                     "stated_difference": after - before, "nodes": [ident],
                     "sources": _source(f"gr-provincie-{province}", "Ambtelijke ondersteuning")})  # fmt: skip
    total = {y: sum(r["values"][y] for r in rows) for y in years}
    rows.append({"id": f"fte-provincie-{province}", "label": "Totaal", "values": total,
                 "total_of": [r["id"] for r in rows],
                 "sources": _source(f"gr-provincie-{province}", "Ambtelijke ondersteuning")})  # fmt: skip
    return {
        "id": f"formatie-provincie-{province}",
        "title": f"Formatie van de bureaus in provincie {province}",
        "unit": "fte",
        "years": years,
        "rows": rows,
        "sources": _source(f"gr-provincie-{province}", "Ambtelijke ondersteuning"),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--municipalities", type=int, required=True, help="how many (342 for the Netherlands)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    data = national_model(args.municipalities, args.seed)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    counts = (len(data["nodes"]), len(data["relations"]), len(data["regions"]))
    print("{} nodes, {} relations, {} cooperations".format(*counts), file=sys.stderr)


if __name__ == "__main__":
    main()
