"""Deciding what kind of question was asked, from what :mod:`~mra_graph.questions.analysis`
read: each ``_kind`` function returns a reading or ``None``; :func:`decide` tries them in
an order that puts the more specific kinds first (a count before a relation, a relation
before a description).
"""

from __future__ import annotations

from dataclasses import replace

from mra_graph.model.names import fold_text
from mra_graph.model.schema import GovernanceModel, Node
from mra_graph.questions import frames as f
from mra_graph.questions.analysis import (
    Analysis,
    Base,
    Match,
    kind_word,
    tags_of,
    wh_noun_in,
    with_tags,
    without_context,
)
from mra_graph.questions.queries import composition_kinds
from mra_graph.questions.relations import relation
from mra_graph.questions.tagging import Tag, region_named, within_region

__all__ = ["decide"]


def decide(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    """The reading of what ``an`` read, or ``None`` when it reads as no question one way.

    With words left unread only a question about a figure can be read (its label's
    words need not be cues); otherwise the kinds are tried from the most specific.
    """
    if an.unknown:
        return _figure(model, an, base)
    if any(not t.nodes for t in an.tags):
        # a region named on its own scopes a list or a count, nothing else
        return _count(model, an, base) or _list(model, an, base)
    reading = _first(model, an, base)
    if reading is None and len(an.tags) > 1:
        # 'wat is de rol van de gemeente Amsterdam bij het MRA Bureau': about one name
        taken = {p for m in (*an.relations, *an.capacities) for p in m.positions}
        tags, unused = without_context(an, an.tags, taken)
        if unused:
            reading = _first(model, with_tags(an, tags), replace(base, unused=unused))
    return reading


def _first(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    for attempt in (
        _changes,
        _count,
        _when,
        _often,
        _path,
        _chain,
        relation,
        _members,
        _where,
        _list,
        _exists,
        _weak,
        _describe,
        _figure,
    ):
        reading = attempt(model, an, base)
        if reading is not None:
            return reading
    return None


def _changes(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if an.has("changes") and not an.tags and not an.relations:
        return base.make(f.ChangesReading, ())
    return None


def _count(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    how_big = (
        an.wh is not None
        and an.wh.asks == "how"
        and an.words[an.wh.position + 1 : an.wh.position + 2]
        in (
            ["groot"],
            ["big"],
            ["large"],
        )
    )
    if an.wh is None or (an.wh.asks != "how_many" and not how_big):
        return None
    if (
        an.relations
        and not an.has("members")
        and an.relations[0].cue.value not in composition_kinds(model.vocabulary)
    ):
        return None
    tags = tags_of(an)
    noun = an.words[an.wh_noun] if an.wh_noun is not None else None
    if an.has("often") and noun in _often_nouns(an):
        return base.make(f.AttributeReading, tags[:1]) if len(tags) == 1 else None
    if noun is not None and any(an.wh_noun in m.positions for m in an.frames.get("fte", [])):
        return base.make(f.CountReading, tags[:1], counted="figure") if len(tags) == 1 else None
    if len(tags) == 1 and (
        noun is None or any(an.wh_noun in m.positions for m in an.frames.get("members_nouns", []))
    ):
        return base.make(f.CountReading, tags, counted="members")
    if tags and tags[0].how == "class" and len(tags) <= 2:
        # 'how many regional secretaries does AM have': the nodes named so, counted
        region = region_of_tag(model, tags[1]) if len(tags) == 2 else None
        if len(tags) == 1 or region is not None:
            word = tags[0].read_as
            return base.make(f.ListReading, (), named=word, within_region=region, counted=True)
    if len(tags) == 2 and noun is None and tags[0].start < tags[1].start:
        counted, container = tags
        region = region_of_tag(model, container)
        if region is not None:
            # 'hoeveel portefeuillehoudersoverleggen heeft AM': the group of that region
            group = [n for n in within_region(model, counted, region) if is_group(model, n)]
            if len(group) == 1:
                return base.make(f.CountReading, [replace(counted, nodes=(group[0],))], counted="members")
        # 'hoeveel burgemeesters zitten in X': the first name is counted in the second
        return base.make(f.CountOfReading, (container, counted), counted="of")
    if len(tags) == 1 and noun is None:
        return base.make(f.CountReading, tags, counted="members")
    return None


def is_group(model: GovernanceModel, node: Node) -> bool:
    """Whether the model records members or parts of ``node``."""
    kinds = composition_kinds(model.vocabulary)
    return any(r.kind in kinds for r in model.relations_to.get(node.id, []))


def _figure(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    """A question about a row of a figure table, told by the words of its label: 'hoeveel
    fte totale capaciteit uit regionaal budget in 2017'. The row whose label shares most
    words with the question (a word spelt a little differently counts), when they make
    at least 60% of the question's own words and 30% of the label's, and no other row
    shares as many."""
    counts = an.wh is not None and (
        an.wh.asks == "how_many"
        or (an.wh.asks in ("what", "which") and (an.has("fte") or an.has("difference")))
    )
    if not counts or not model.figures:
        return None
    lex = an.lex
    skip = {"wh", "aux", "article", "prep", "conj"}
    fte = {i for m in an.frames.get("fte", []) + an.frames.get("difference", []) for i in m.positions}
    asked = {
        lex.stem(w)
        for i, w in enumerate(an.words)
        if an.roles.get(i) not in skip and i not in fte and not w.isdecimal()
    }
    if not asked:
        return None
    scored: list[tuple[float, str, str]] = []
    for table in model.figures:
        for row in table.rows:
            label = row.label_en if an.lang == "en" and row.label_en else row.label
            said = {lex.stem(w) for w in fold_text(label).split() if not lex.glue_word(w)}
            shared = sum(1 for s in said if _close_to_one_of(s, asked))
            if shared >= 2 and shared / len(asked) >= 0.6 and shared / len(said) >= 0.3:
                scored.append((shared / len(said) + shared / len(asked), table.id, row.id))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    _, table_id, row_id = scored[0]
    return base.make(f.FigureReading, (), table_id=table_id, row_id=row_id, difference=an.has("difference"))


def _close_to_one_of(stem: str, stems: set[str]) -> bool:
    """Whether ``stem`` is one of ``stems`` or, for a long word, spelt almost like one
    ('ondersteundende' in a label as the source spells it, 'ondersteunende' asked)."""
    if stem in stems:
        return True
    if len(stem) < 8:
        return False
    from rapidfuzz import fuzz

    return any(len(s) >= 8 and fuzz.ratio(stem, s) >= 90 for s in stems)


def _often_nouns(an: Analysis) -> set[str]:
    return {w for m in an.frames.get("often", []) for w in fold_text(m.cue.said).split()}


def _when(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    asks_when = an.wh is not None and (
        an.wh.asks == "when"
        or (an.wh.asks in ("which", "what") and wh_noun_in(an, "when"))
        or (
            an.wh.asks == "how"
            and an.has("when")
            and an.words[an.wh.position + 1 : an.wh.position + 2] in (["lang"], ["long"])
        )
    )
    if not asks_when:
        return None
    start, end = an.has("start"), an.has("end")
    edge = "from" if start and not end else "until" if end and not start else "both"
    kinds = {m.cue.value for m in an.relations}
    if len(kinds) > 1 or not 1 <= len(an.tags) <= 2:
        return None
    if kinds:
        # 'sinds wanneer stuurt de Agendacommissie het MRA Bureau aan'
        return base.make(f.WhenReading, tags_of(an), edge=edge, relation_kind=kinds.pop())
    if len(an.tags) != 1:
        return None
    return base.make(f.WhenReading, tags_of(an), edge=edge)


def _often(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if an.wh is None or an.wh.asks not in ("how", "how_many") or not an.has("often") or len(an.tags) != 1:
        return None
    if an.relations:
        return None
    return base.make(f.AttributeReading, tags_of(an))


def _path(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if not an.has("path") or len(an.tags) != 2:
        return None
    return base.make(f.PathReading, tags_of(an))


def _chain(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if not an.has("chain") or an.relations:
        return None
    if an.wh is None and len(an.tags) == 2:
        return base.make(f.ChainYesNoReading, tags_of(an))
    if an.wh is None or len(an.tags) != 1:
        return None
    return base.make(f.ChainReading, tags_of(an))


def _members(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if len(an.tags) != 1 or an.relations or an.wh is None:
        return None
    i = an.tags[0].start - 1
    while i > 0 and an.roles.get(i) == "article":
        i -= 1
    before = an.words[i] if i >= 0 else ""
    # 'who is in X', 'wie zitten er in X'
    in_it = before in ("in", "on", "op") and all(
        an.roles.get(i) in ("wh", "aux", "article", "filler", "prep", "cue") for i in range(an.tags[0].start)
    )
    if not an.has("members") and not in_it:
        return None
    if an.wh.asks not in ("who", "what", "which"):
        return None
    return base.make(f.MembersReading, tags_of(an))


def _where(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if an.wh is None or len(an.tags) != 1 or an.relations:
        return None
    place = kind_word(an, an.wh_noun) in ("place", "building", "district")
    if an.wh.asks == "where" or (an.wh.asks in ("which", "what") and (place or wh_noun_in(an, "where"))):
        return base.make(f.WhereReading, tags_of(an))
    return None


def _list(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if an.wh is None or an.wh.asks not in ("which", "what") or an.relations or len(an.tags) > 2:
        return None
    if an.has("describe"):
        return None
    kind = kind_word(an, an.wh_noun)
    tags = list(an.tags)
    # 'welke portefeuillehoudersoverleggen zijn er in AM': a group or a plural named after 'welke'
    if kind is None and tags and an.next_position(an.wh.position) == tags[0].start:
        named = tags.pop(0)
        within = tags[0] if tags else None
        region = region_of_tag(model, within) if within is not None else None
        if named.how in ("plural", "class"):
            word = named.read_as or named.said
            alike = [n for n in model.nodes if f.named_like(model, n, word) and region in (None, n.region)]
            if len(alike) > 1:
                inside = () if within is None or region is not None else (within,)
                return base.make(f.ListReading, inside, named=word, within_region=region)
        nodes = named.nodes if region is None else within_region(model, named, region)
        if len(nodes) == 1:
            # 'welke platforms heeft de MRA': the parts of the group (its members if it
            # has no parts)
            parts = model.vocabulary.kinds_with("part", "membership")
            if not parts:
                return None
            return base.make(
                f.RelationReading, [replace(named, nodes=nodes)], relation_kind=parts[0], asked="incoming"
            )
        return None
    if kind is None:
        return None
    region = region_of_tag(model, tags[0]) if tags else None
    scope: tuple[Tag, ...] = tuple(tags[:1]) if tags and region is None else ()
    # the node that stands for the region is not one of its own bodies
    exclude = tuple(n.id for n in tags[0].nodes) if tags else ()
    return base.make(f.ListReading, scope, of_kind=kind, within_region=region, exclude=exclude)


def region_of_tag(model: GovernanceModel, tag: Tag) -> str | None:
    """The region a tag names: a region's own name, or a node called by one (the body
    that stands for the region); ``None`` for any other name."""
    return region_named(model, tag)


def _exists(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    asks = an.has("exists") or _is_er(an)
    if an.wh is not None or not asks or len(an.tags) != 1 or an.relations:
        return None
    return base.make(f.ExistsReading, tags_of(an))


def _is_er(an: Analysis) -> bool:
    return an.words[:2] in (["is", "er"], ["zijn", "er"], ["is", "there"], ["are", "there"])


def _weak(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    """'wat heeft X', 'what does X have': a relation whose only phrase is an auxiliary,
    when nothing else in the question says what it asks."""
    if an.relations or an.frames or an.kinds or an.wh is None or len(an.tags) != 1:
        return None
    for cue in an.lex.cues:
        if cue.group != "weak":
            continue
        positions = [i for i, role in an.roles.items() if role == "aux" and an.words[i] == cue.stems[0]]
        if positions:
            match = Match(replace(cue, group="relation"), (positions[0],))
            roles = {**an.roles, positions[0]: "cue"}
            return relation(model, replace(an, relations=[match], roles=roles), base)
    return None


def _describe(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    if len(an.tags) != 1 or an.relations:
        return None
    # 'wat is X', 'who is X': a question word, a form of 'to be' and the name, no more
    plain = (
        an.wh is not None
        and an.wh.asks in ("what", "who")
        and an.wh_noun is None
        and all(role in ("name", "wh", "aux", "article", "filler") for role in an.roles.values())
    )
    if (
        an.has("describe")
        or _does_do(an)
        or (plain and not an.frames and not an.kinds)
        or (an.wh is not None and an.wh.imperative)
    ):
        return base.make(f.DescribeReading, tags_of(an))
    return None


def _does_do(an: Analysis) -> bool:
    """English 'what does X do': a form of 'do' after the name."""
    if not an.lex.do_auxiliaries or not an.tags:
        return False
    after = an.words[an.tags[-1].end :]
    return any(w in an.lex.do_auxiliaries for w in after)
