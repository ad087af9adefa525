"""Questions about a relation: which way it is asked, and which kind it is.

A preposition that ends the relation phrase (*is lid van X*) takes the name after it as
the object; a question word before it or fused with it (*waarvan*, *by whom*) is the
object itself; English word order and *does* decide the rest; a Dutch question with the
verb second (*wat ondersteunt X*) reads two ways, and the likelier reading is chosen by
number agreement, the kinds of node the relation joins and the question word's usual
role (:func:`_likelier`). Where kinds share a phrase, the names' kinds choose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from mra_graph.errors import UsageError
from mra_graph.model.schema import GovernanceModel, Node
from mra_graph.questions import frames as f
from mra_graph.questions.analysis import Analysis, Base, Match, kind_word, tags_of, with_tags, without_context
from mra_graph.questions.queries import Direction
from mra_graph.questions.tagging import Tag
from mra_graph.words import words

__all__ = ["relation"]


def _fitting(an: Analysis) -> list[Match]:
    """The relation phrases found, without those of a kind whose node kinds cannot join
    the names (``is located in``: a body is housed somewhere, a place lies somewhere)."""
    kinds = {m.cue.value for m in an.relations}
    if len(kinds) < 2:
        return an.relations
    vocab = an.lex.vocabulary.relation_kinds

    def fits(match: Match) -> bool:
        ends = set(vocab[match.cue.value].from_kinds + vocab[match.cue.value].to_kinds)
        return all(any(n.kind.value in ends for n in t.nodes) for t in an.tags)

    fit = [m for m in an.relations if fits(m)]
    if len({m.cue.value for m in fit}) > 1:
        # 'is located in': the kind whose own phrase it is, before one it is a synonym of
        fit = [m for m in fit if m.cue.primary] or fit
    return fit if len({m.cue.value for m in fit}) == 1 else an.relations


def relation(model: GovernanceModel, an: Analysis, base: Base) -> f.Reading | None:
    """A question about a relation: yes/no with two names, who or what with one (a name
    right after the question word or after a preposition of context left aside)."""
    if not an.relations:
        return None
    relations = _fitting(an)
    kinds = {m.cue.value for m in relations}
    vocab = model.vocabulary.relation_kinds
    where = an.wh is not None and an.wh.asks == "where" and len(an.tags) == 1
    if where and all("place" in vocab[k].to_kinds for k in kinds):
        # 'waar is X gehuisvest': a question about a place, answered as one
        return base.make(f.WhereReading, tags_of(an))
    if len(kinds) > 1:
        return None
    match = relations[0]
    capacity = _capacity(an, match.cue.value)
    if an.wh is None and len(an.tags) == 2:
        source_first = _source_first(an, match)
        return base.make(
            f.YesNoReading,
            tags_of(an),
            relation_kind=match.cue.value,
            source_first=source_first,
            narrowed_to=capacity,
        )
    if an.wh is None or an.wh.asks not in ("who", "what", "which", "where"):
        return None
    tags, unused = _subject_tags(an, match)
    if len(tags) != 1:
        return None
    an = with_tags(an, tags)
    base = replace(base, unused=unused)
    tag = an.tags[0]
    role = _name_role(an, match, tag)
    if role is None:
        return _two_way(an, match, tag, capacity, base)
    direction = _direction(role, match.cue.voice or "active")
    info = model.vocabulary.relation_kinds[match.cue.value]
    if not any(
        n.kind.value in (info.from_kinds if direction == "outgoing" else info.to_kinds) for n in tag.nodes
    ):
        return None  # 'what does X belong to' for a role that cannot own: not this relation
    if not _noun_fits(an, match.cue.value, direction):
        # 'in which building has office space been reserved for X': not who reserved it
        if _noun_kind(an) == "place" and len(an.tags) == 1:
            return base.make(f.WhereReading, tags_of(an))
        return None
    return base.make(
        f.RelationReading, tags_of(an), relation_kind=match.cue.value, asked=direction, narrowed_to=capacity
    )


def _noun_kind(an: Analysis) -> str | None:
    """The node kind the question's noun asks for ('welke organen': body), if any."""
    value = kind_word(an, an.wh_noun)
    if value is None:
        return None
    for kind, info in an.lex.vocabulary.node_kinds.items():
        if value == kind or value in info.types:
            return kind
    return None


def _noun_fits(an: Analysis, relation_kind: str, direction: Direction) -> bool:
    """Whether what the question's noun asks for can stand at the end of the relation
    the answer comes from."""
    kind = _noun_kind(an)
    if kind is None:
        return True
    info = an.lex.vocabulary.relation_kinds[relation_kind]
    return kind in (info.from_kinds if direction == "incoming" else info.to_kinds)


def _subject_tags(an: Analysis, match: Match) -> tuple[list[Tag], tuple[str, ...]]:
    """The names a who/what question is about, without a name right after the question
    word that only says what kind of answer is wanted ('welke burgemeester', 'which
    mayor') and a name that only says what the question is about ('over de MRA'), which
    is reported as not used."""
    tags = list(an.tags)
    assert an.wh is not None
    if (
        len(tags) > 1
        and an.next_position(an.wh.position) == tags[0].start
        and an.wh.said not in ("whose", "wiens")
    ):
        tags.pop(0)
    return without_context(an, tags, set(match.positions))


def _capacity(an: Analysis, kind: str) -> str | None:
    if not an.capacities:
        return None
    capacity = an.capacities[0].cue.value
    allowed = [k for k, info in an.lex.vocabulary.relation_kinds.items() if capacity in info.capacities]
    if kind not in allowed:
        said = " ".join(an.words[p] for p in an.capacities[0].positions if p >= 0)
        vocab = an.lex.vocabulary.relation_kinds
        phrases = ", ".join(f"'{vocab[k].phrasing(an.lang).active}'" for k in allowed)
        asked = vocab[kind].phrasing(an.lang).active
        raise UsageError(words(an.lang)("ask", "capacity_only", said=said, kinds=phrases, kind=asked))
    return capacity


def _direction(name_role: str, voice: str) -> Direction:
    """The direction asked from the name: as the subject of an active phrase it is the
    relation's source (outgoing), as the subject of a passive one its target."""
    subject = name_role == "subject"
    return "outgoing" if subject == (voice == "active") else "incoming"


def _marker_position(an: Analysis, match: Match) -> int | None:
    """Where the preposition that ends the relation phrase is: a word, the fused
    question word (``waarvan``) or a genitive ``'s`` (negative)."""
    if match.cue.marker_stem is None:
        return None
    return match.positions[-1]


def _name_role(an: Analysis, match: Match, tag: Tag) -> str | None:
    """Whether the name is the subject or the object of the relation phrase; ``None``
    when the question reads both ways (Dutch verb second)."""
    marker = _marker_position(an, match)
    if marker is not None:
        if marker < 0:
            return "object"  # "X's employer": the employer of X
        if an.wh is not None and marker == an.wh.position:
            return "subject"  # 'waarvan is X lid'
        nxt = an.next_position(marker)
        if nxt is not None and tag.start <= nxt < tag.end:
            return "object"
        if nxt is not None and an.wh is not None and nxt == an.wh.position:
            return "subject"  # 'van wie', 'by whom'
        if an.wh is not None and an.roles.get(an.wh.position + 1) == "noun" and nxt == an.wh.position + 1:
            return "subject"  # 'van welk overleg'
        stranded = nxt is None or all(
            an.roles.get(i) in ("filler", "article") for i in range(marker + 1, len(an.words))
        )
        if stranded and (an.lang == "en" or (an.wh is not None and an.wh.said == "waar")):
            return "subject"  # 'who is X supported by', 'waar is X lid van'
    content = [p for p in match.positions if p >= 0 and an.roles.get(p) == "cue"]
    verb = min(content, default=0)
    if an.lang == "en":
        if any(an.words[i] in an.lex.do_auxiliaries for i in range(0, tag.start)) and (
            an.wh is None or an.wh.position < tag.start
        ):
            return "subject"  # 'what does X support'
        if tag.start < verb:
            return "subject"  # 'which body is X a member of', 'X supports whom'
        return "object"  # 'who supports X'
    if tag.start < verb and (an.wh is None or an.wh.position > tag.start):
        return "subject"  # 'het MRA Bureau ondersteunt wie'
    if an.wh is not None and an.wh.position > tag.start:
        return "subject"
    passive_aux = any(an.words[i] in an.lex.passive_auxiliaries for i in range(len(an.words)))
    if match.cue.voice == "passive" and passive_aux:
        # 'wat wordt X ondersteund' has no agent word: X is the subject of the passive
        return "subject"
    return None


def _source_first(an: Analysis, match: Match) -> bool:
    """For a yes/no question: whether the first name is the relation's source."""
    first, second = an.tags[0], an.tags[1]
    marker = _marker_position(an, match)
    first_is_subject = True
    if marker is not None and marker >= 0:
        nxt = an.next_position(marker)
        if nxt is not None and first.start <= nxt < first.end:
            first_is_subject = False
    elif marker is not None and marker < 0:
        first_is_subject = -1 - marker != 0
    del second
    active = (match.cue.voice or "active") == "active"
    return first_is_subject == active


def _two_way(an: Analysis, match: Match, tag: Tag, capacity: str | None, base: Base) -> f.Reading:
    """A Dutch verb-second question: answered in its likelier reading, the other kept."""
    assert an.wh is not None
    voice = match.cue.voice or "active"
    wh_subject: Direction = _direction("object", voice)  # the question word is the subject
    name_subject: Direction = _direction("subject", voice)
    chosen, why = _likelier(an, match, tag.nodes, wh_subject, name_subject)
    other: Direction = name_subject if chosen == wh_subject else wh_subject
    wh = an.wh.said + (f" {an.words[an.wh_noun]}" if an.wh_noun is not None else "")
    return base.make(
        f.RelationReading,
        tags_of(an),
        relation_kind=match.cue.value,
        asked=chosen,
        narrowed_to=capacity,
        flipped=other,
        wh=wh,
        why=why,
    )


def _likelier(
    an: Analysis, match: Match, nodes: Sequence[Node], wh_subject: Direction, name_subject: Direction
) -> tuple[Direction, str]:
    """First grammar: a question word and verb that differ in number cannot be subject
    and verb, so the name is the subject. Then the relation's node kinds: a reading in
    which the name stands where its kind cannot is out. Last the question word's role."""
    assert an.wh is not None
    second = an.lex.verb_second or {}
    # the finite verb stands right after the question word (and its noun)
    after = an.next_position(an.wh_noun if an.wh_noun is not None else an.wh.position)
    verb = an.words[after] if after is not None else ""
    plural_verb = verb in second.get("plural_verbs", []) or verb.endswith(
        tuple(second.get("plural_verb_endings", []))
    )
    wh_number: str | None = None
    if an.wh.said in second.get("singular_wh", []) and an.wh_noun is None:
        wh_number = "singular"
    elif an.wh_noun is not None:
        noun = an.words[an.wh_noun]
        wh_number = "plural" if noun.endswith(tuple(second.get("plural_noun_endings", []))) else "singular"
    if wh_number is not None and (wh_number == "plural") != plural_verb:
        return name_subject, "agreement"
    info = an.lex.vocabulary.relation_kinds[match.cue.value]

    def fits(direction: Direction) -> bool:
        kinds = info.from_kinds if direction == "outgoing" else info.to_kinds
        return any(n.kind in kinds for n in nodes)

    if fits(wh_subject) != fits(name_subject):
        return (wh_subject if fits(wh_subject) else name_subject), "kinds"
    if an.wh.said in second.get("subject_wh", []):
        return wh_subject, "default"
    return name_subject, "default_object"
