"""Finding the model's names in a question, before anything else is read.

A question is cut into folded words; every run of words that is a name, English name,
alias, id or former name of a node is tagged, longest first. A run also matches with
its spaces taken out (``regie groep`` → ``regiegroep``), as a plural (``burgemeesters``),
after an abbreviation the model declares is written out, and, when nothing else fits,
as a misspelling of a name (:func:`fuzzy_tags`, with rapidfuzz). A name followed by the
region it belongs to (``de Regiegroep van de MRA``, ``AM's Regiegroep``) is narrowed
to that region; words that stand for a body (``het personeel van``) join its tag.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from mra_graph.model.names import NameIndex, fold_text
from mra_graph.model.schema import GovernanceModel, Node
from mra_graph.questions.lexicon import Lexicon

__all__ = [
    "MAX_WORDS",
    "Tag",
    "fuzzy_tags",
    "original_words",
    "part_of_name",
    "region_named",
    "settle",
    "suggestions",
    "tag_names",
    "within_region",
]

MAX_WORDS = 80
"""A question of more words than this is refused before it is read (bounded work)."""

_MAX_NAME_WORDS = 12
_FUZZY_CUTOFF = 85.0
_FUZZY_MARGIN = 5.0
_MAX_FUZZY_WORDS = 5
_SUGGEST_CUTOFF = 70.0

How = Literal["name", "joined", "plural", "fuzzy", "tail", "bag", "abbreviation", "class", "part", "region"]


@dataclass(frozen=True)
class Tag:
    """A name found in a question: the words ``start`` up to ``end`` (exclusive), the
    nodes they may mean, and how they were read (``read_as``: the name a misspelling,
    plural or abbreviation was read as). ``region`` is set when a region after the name
    narrowed it; ``possessive`` when an ``'s`` follows it."""

    start: int
    end: int
    said: str
    nodes: tuple[Node, ...]
    how: How = "name"
    read_as: str = ""
    region: str | None = None
    possessive: bool = False
    stands_for: str = ""


def original_words(text: str) -> list[str]:
    """The words of ``text`` as :func:`fold_text` cuts them, with their case kept (to tell
    a capitalised name from a word); empty when the two cuts do not line up."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.sub(r"[^0-9A-Za-z]+", " ", text).split()
    return words if len(words) == len(fold_text(text).split()) else []


class _Names:
    """The folded names of a model: as they are, with their spaces taken out, and as a
    bag of their words (``traffic transport portfolio holders meeting`` finds
    ``portfolio holders' meeting Traffic and Transport``); and the abbreviations it
    declares, folded, each with its long form and plural."""

    def __init__(self, index: NameIndex, glue: frozenset[str]) -> None:
        self.index = index
        self.keys = index.by_key
        self.glue = glue
        self.abbreviations = {
            fold_text(a.short): (fold_text(a.long), fold_text(a.plural or a.long))
            for a in index.model.abbreviations
        }
        self.joined: dict[str, list[str]] = {}
        self.bags: dict[str, dict[str, None]] = {}
        # an id is no name to write without spaces, reorder or misspell; where two names
        # are one without spaces ('regie groep', 'regiegroep'), such a word names both
        for key in sorted(index.name_keys):
            self.joined.setdefault(key.replace(" ", ""), []).append(key)
            bag = self.bag(key.split())
            if bag.count(" ") >= 1:
                for node_id in self.keys[key]:
                    self.bags.setdefault(bag, {})[node_id] = None
        self.longest = min(_MAX_NAME_WORDS, max((k.count(" ") + 1 for k in self.keys), default=1))

    def bag(self, words: Sequence[str]) -> str:
        """The words of a name that say something, sorted: no articles, 'and', 'of'."""
        return " ".join(sorted(w for w in words if w not in self.glue))

    def nodes(self, key: str) -> tuple[Node, ...]:
        found = self.keys.get(key)
        if not found:
            return ()
        by_id = self.index.model.nodes_by_id
        return tuple(by_id[i] for i in found)


def _names(index: NameIndex, lexicons: Sequence[Lexicon] = ()) -> _Names:
    # made once for each model's index, and kept with the model
    found: _Names | None = index.model.derived.get("question names")
    if found is None or found.index is not index:
        # the words a name's words may be joined with in another order: 'Traffic and
        # Transport', 'regional secretary for the economy'; not a preposition that may
        # tie the name to something else ('onder', 'bij')
        glue = frozenset(
            w for lex in lexicons for w in (*lex.articles, *lex.conjunctions, lex.genitive, "voor", "for")
        )
        found = index.model.derived["question names"] = _Names(index, glue)
    return found


def _singulars(word: str, lexicons: Sequence[Lexicon]) -> Iterable[str]:
    """The singulars ``word`` may be the plural of: ``secretarissen`` → ``secretaris``,
    ``overleggen`` → ``overleg`` (a doubled consonant before the ending is single)."""
    for lex in lexicons:
        for ending, replacement in lex.plurals:
            if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= 3:
                singular = word[: -len(ending)] + replacement
                yield singular
                if len(singular) > 3 and singular[-1] == singular[-2] and singular[-1] not in "aeiou":
                    yield singular[:-1]


class _Found(NamedTuple):
    """What a run of words names: the ids, how it was read, and the name it was read as
    (the folded name, where that is not what was said)."""

    ids: tuple[str, ...]
    how: How
    read_as: str = ""


def _span_match(names: _Names, span: Sequence[str], lexicons: Sequence[Lexicon]) -> _Found | None:
    """The name a run of words is, or ``None``: as it is, without spaces, as a plural,
    with abbreviations written out, or as the last words or the bag of words of a name."""
    said = " ".join(span)

    def by_key(key: str, how: How) -> _Found:
        return _Found(tuple(names.keys[key]), how, key if key != said else "")

    def by_keys(keys: list[str], how: How) -> _Found:
        if len({frozenset(names.keys[k]) for k in keys}) == 1:
            return by_key(keys[0], how)  # names of the same nodes
        # several names written alike without spaces: each node they name, read as said
        return _Found(tuple(dict.fromkeys(i for key in keys for i in names.keys[key])), how, "")

    if said in names.keys:
        return by_key(said, "name")
    joined = names.joined.get(said.replace(" ", ""))
    if joined is not None:
        return by_keys(joined, "joined")
    for singular in _singulars(span[-1], lexicons):
        key = " ".join([*span[:-1], singular])
        if key in names.keys:
            return by_key(key, "plural")
        joined = names.joined.get(key.replace(" ", ""))
        if joined is not None:
            return by_keys(joined, "plural")
        tail = names.index.by_tail.get(key) if len(span) >= 2 else None
        if tail:
            # 'regional secretaries': the plural of words several names end in, a class
            return _Found(tuple(tail), "class", key)
    written = _written_out(names, span)
    if written is not None:
        found = _span_match(names, written, lexicons)
        if found is not None:
            return _Found(found.ids, "abbreviation", found.read_as or " ".join(written))
    if len(span) >= 2 and not any(lex.glue_word(span[0]) or lex.glue_word(span[-1]) for lex in lexicons):
        # the last words of a longer name ('secretaries meeting'), or its words in
        # another order ('Housing portfolio holders meeting')
        tail = names.index.by_tail.get(said)
        if tail:
            return _Found(tuple(tail), "tail")
        bag = names.bags.get(names.bag(span))
        if bag:
            return _Found(tuple(bag), "bag")
    return None


def _written_out(names: _Names, span: Sequence[str]) -> list[str] | None:
    """``span`` with the model's abbreviations written out (``pho s`` →
    ``portefeuillehoudersoverleggen``, ``algemeen rs`` → ``algemeen regiosecretaris``);
    ``None`` when it holds none."""
    if not names.abbreviations or not any(w in names.abbreviations for w in span):
        return None
    out: list[str] = []
    i = 0
    while i < len(span):
        found = names.abbreviations.get(span[i])
        if found is None:
            out.append(span[i])
            i += 1
        elif i + 1 < len(span) and span[i + 1] == "s":  # "PHO's"
            out += found[1].split()
            i += 2
        else:
            out += found[0].split()
            i += 1
    return out


def tag_names(
    model: GovernanceModel,
    index: NameIndex,
    words: Sequence[str],
    lexicons: Sequence[Lexicon],
    originals: Sequence[str] = (),
) -> list[Tag]:
    """Every name in ``words``, longest first from the left, narrowed by a region after it.

    >>> from mra_graph import load
    >>> from mra_graph.model.names import index
    >>> from mra_graph.questions.lexicon import all_lexicons
    >>> m = load()
    >>> words = "wie ondersteunt de regiegroep van de mra".split()
    >>> [(t.said, [n.id for n in t.nodes]) for t in tag_names(m, index(m), words, all_lexicons())]
    [('regiegroep van de mra', ['regiegroep-mra'])]
    """
    names = _names(index, lexicons)
    function = {w for lex in lexicons for w in (*lex.articles, *lex.auxiliaries, *lex.question_words)}
    tags: list[Tag] = []
    i = 0
    while i < len(words):
        # a function word ('am', 'de') is a name of its own only when written in capitals
        # ('AM'); otherwise it starts a name only with more words after it
        capitals = bool(originals) and originals[i].isupper() and len(originals[i]) > 1
        shortest = 2 if words[i] in function and not capitals else 1
        for length in range(min(names.longest, len(words) - i), shortest - 1, -1):
            span = words[i : i + length]
            found = _span_match(names, span, lexicons)
            if found is not None:
                said = " ".join(span)
                nodes = tuple(model.nodes_by_id[k] for k in found.ids)
                read_as = found.read_as or (model.label(nodes[0].id) if found.how in ("tail", "bag") else "")
                tags.append(Tag(i, i + length, said, nodes, found.how, read_as))
                i += length
                break
        else:
            region = _region_at(model, words, i, capitals)
            if region is not None:
                # a region no node is named after ('de Veenstreek'): a qualifier or a scope
                tags.append(region)
                i = region.end
            else:
                i += 1
    return settle(model, tags, words, lexicons)


def _region_at(model: GovernanceModel, words: Sequence[str], i: int, capitals: bool) -> Tag | None:
    """The region whose name (or, written in capitals, short name) starts at ``i``, as a
    tag of no node."""
    for region in model.regions:
        said = [region.name, region.name_en or ""] + ([region.short] if capitals else [])
        for name in said:
            key = fold_text(name).split()
            if key and list(words[i : i + len(key)]) == key:
                return Tag(i, i + len(key), " ".join(key), (), "region", region=region.id)
    return None


def settle(
    model: GovernanceModel, tags: list[Tag], words: Sequence[str], lexicons: Sequence[Lexicon]
) -> list[Tag]:
    """Tags with their possessive ``'s``, the words that stand for the body and the
    region beside them taken in (after tagging, and again after a misspelling is read)."""
    tags = _possessives(tags, words)
    tags = _stands_for(tags, words, lexicons)
    return _narrowed(model, tags, words, lexicons)


def _possessives(tags: list[Tag], words: Sequence[str]) -> list[Tag]:
    found = []
    for tag in tags:
        if tag.possessive:
            found.append(tag)
            continue
        if tag.end < len(words) and words[tag.end] == "s" and not any(t.start == tag.end for t in tags):
            tag = replace(tag, end=tag.end + 1, possessive=True)
        found.append(tag)
    return found


def _stands_for(tags: list[Tag], words: Sequence[str], lexicons: Sequence[Lexicon]) -> list[Tag]:
    """A tag with the words before it that stand for the body (``het personeel van X``)
    or after its ``'s`` (``X's staff``) taken in."""
    found = []
    taken = {i for t in tags for i in range(t.start, t.end)}
    for tag in tags:
        for lex in lexicons:
            for phrase in lex.stands_for:
                n = len(phrase)
                before = tuple(words[tag.start - n : tag.start]) if tag.start >= n else ()
                if before == phrase and not taken.intersection(range(tag.start - n, tag.start)):
                    tag = replace(tag, start=tag.start - n, stands_for=" ".join(phrase))
                    break
                head = phrase[:-1]  # 'staff of' → X's staff
                after = tuple(words[tag.end : tag.end + len(head)])
                if (
                    tag.possessive
                    and head
                    and after == head
                    and not taken.intersection(range(tag.end, tag.end + len(head)))
                ):
                    tag = replace(tag, end=tag.end + len(head), stands_for=" ".join(head))
                    break
        found.append(tag)
    return found


def _regions_said(model: GovernanceModel) -> dict[str, str]:
    said: dict[str, str] = {}
    for region in model.regions:
        for name in (region.id, region.name, region.name_en, region.short):
            if name:
                said[fold_text(name)] = region.id
    return said


def region_named(model: GovernanceModel, tag: Tag) -> str | None:
    """The region ``tag`` names: a region's own name, or a node one of whose names is a
    region's name; ``None`` for any other name."""
    return _region_of(model, tag, _regions_said(model), strict=True)


def _region_of(model: GovernanceModel, tag: Tag, regions: dict[str, str], strict: bool = False) -> str | None:
    """The region ``tag`` names: a region's own name, a node one of whose names is a
    region's name (``Amstelland-Meerlanden``), or, unless
    ``strict``, any node of just one region."""
    if tag.how == "region":
        return tag.region
    if tag.said in regions:
        return regions[tag.said]
    for node in tag.nodes:
        names = {fold_text(n) for n in (node.name, node.name_en or "", *node.aliases, *node.own_aliases)}
        if node.region and any(regions.get(n) == node.region for n in names):
            return node.region
    within = {n.region for n in tag.nodes}
    if len(within) == 1 and not strict:
        return within.pop()
    return None


def _narrowed(
    model: GovernanceModel, tags: list[Tag], words: Sequence[str], lexicons: Sequence[Lexicon]
) -> list[Tag]:
    """Tags with a region beside them merged: ``X van de MRA``, ``X in AM``, ``AM's X``,
    ``de AM Regiegroep``, when X may mean nodes of several regions, one of them that one."""
    regions = _regions_said(model)
    qualifiers = {w for lex in lexicons for w in lex.qualifiers}
    articles = {w for lex in lexicons for w in lex.articles}
    merged: list[Tag] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if i + 1 < len(tags):
            nxt = tags[i + 1]
            between = words[tag.end : nxt.start]
            joined = None
            # 'X van de MRA', 'X in AM', 'X AM'
            if (
                all(w in qualifiers or w in articles for w in between)
                and sum(w in qualifiers for w in between) <= 1
            ):
                region = _region_of(model, nxt, regions, strict=len(tag.nodes) == 1)
                joined = _narrow(model, tag, nxt, region, tag.start, nxt.end)
                if joined is None:
                    joined = _narrow_to_parts(model, tag, nxt)
            # "AM's X", 'de AM Regiegroep'
            if joined is None and (not between) and (tag.possessive or tag.said in regions):
                region = _region_of(model, tag, regions, strict=len(nxt.nodes) == 1)
                joined = _narrow(model, nxt, tag, region, tag.start, nxt.end)
            if joined is not None:
                merged.append(joined)
                i += 2
                continue
        merged.append(tag)
        i += 1
    return merged


def _narrow_to_parts(model: GovernanceModel, tag: Tag, whole: Tag) -> Tag | None:
    """``tag`` narrowed to the nodes that are part of the one node ``whole`` names, as in
    ``het dagelijks bestuur van het AM-overleg`` or ``de Regiegroep van het AM-overleg``;
    ``None`` when none of them is."""
    if len(whole.nodes) != 1 or whole.nodes[0] in tag.nodes:
        return None
    # a part's own name needs no narrowing: 'de secretaris-directeur van het MRA Bureau'
    # asks about the two, which the question's other words must relate
    if len(tag.nodes) == 1 and tag.said in {
        fold_text(n) for n in (tag.nodes[0].name, tag.nodes[0].name_en or "")
    }:
        return None
    parts = parts_of(model, whole.nodes[0].id)
    within = tuple(n for n in tag.nodes if n.id in parts)
    if not within:
        return None
    return replace(tag, end=whole.end, nodes=within, said=f"{tag.said} ({whole.said})")


def parts_of(model: GovernanceModel, whole: str) -> frozenset[str]:
    """Every node that is part of ``whole``, directly or through other parts, by the
    relation kinds the vocabulary calls ``dependent``."""
    dependent = {k for k, info in model.vocabulary.relation_kinds.items() if info.dependent}
    found: set[str] = set()
    todo = [whole]
    while todo:
        for rel in model.relations_to.get(todo.pop(), ()):
            if rel.kind in dependent and rel.from_ not in found:
                found.add(rel.from_)
                todo.append(rel.from_)
    return frozenset(found)


def _narrow(
    model: GovernanceModel, tag: Tag, qualifier: Tag, region: str | None, start: int, end: int
) -> Tag | None:
    """``tag`` narrowed to ``region`` by the qualifier beside it, or ``None`` when the
    qualifier is no region of it (then it is a name of its own)."""
    if region is None or (qualifier.nodes and all(n in tag.nodes for n in qualifier.nodes)):
        return None
    within = within_region(model, tag, region, qualifier.said)
    if not within:
        return None
    said = f"{tag.said} ({qualifier.said})"
    possessive = qualifier.possessive if qualifier.start > tag.start else tag.possessive
    return replace(tag, start=start, end=end, nodes=within, region=region, said=said, possessive=possessive)


def within_region(model: GovernanceModel, tag: Tag, region: str, said: str = "") -> tuple[Node, ...]:
    """The nodes ``tag`` may mean in ``region``: its own nodes there, else the names
    that are the tag's words with the region's (``portefeuillehoudersoverleggen AM``),
    else the longer names the tag's words end."""
    within = tuple(n for n in tag.nodes if n.region == region)
    if within:
        return within
    from mra_graph.model.names import index as name_index

    index = name_index(model)
    found = model.regions_by_id.get(region)
    words = {
        fold_text(w) for w in (said, region, found.short if found else "", found.name if found else "") if w
    }
    name = tag.read_as if tag.how in ("abbreviation", "plural", "joined") and tag.read_as else tag.said
    for word in sorted(words):
        for key in (f"{name} {word}", f"{word} {name}"):
            nodes = tuple(n for n in index.matches(key) if n.region == region)
            if nodes:
                return nodes
    return tuple(n for n in index.tail_matches(name) if n.region == region)


def fuzzy_tags(
    model: GovernanceModel,
    index: NameIndex,
    words: Sequence[str],
    runs: Sequence[tuple[int, int]],
    unread: set[int],
    cutoff: float = _FUZZY_CUTOFF,
) -> list[tuple[Tag, float]]:
    """Misspelt names in the ``runs`` of words (``[start, end)``), each the best match of
    a part of a run that holds an ``unread`` word, at or above ``cutoff`` (0-100), and
    clearly closer to one node's names than to any other's, with its score."""
    from rapidfuzz import fuzz, process

    names = _names(index)
    choices = list(names.joined)
    found: list[tuple[Tag, float]] = []
    for start, end in runs:
        best: tuple[Tag, float] | None = None
        for i in range(start, end):
            # a misspelt name is a few words; longer runs are not tried whole (bounded work)
            for j in range(min(end, i + _MAX_FUZZY_WORDS), i, -1):
                said = " ".join(words[i:j])
                if len(said.replace(" ", "")) < 5 or not unread.intersection(range(i, j)):
                    continue
                matches = process.extract(said.replace(" ", ""), choices, scorer=fuzz.ratio, limit=8)
                if not matches or matches[0][1] < cutoff:
                    continue
                keys = names.joined[matches[0][0]]
                if len({frozenset(names.keys[k]) for k in keys}) > 1:
                    continue  # names alike without spaces, of other nodes: it reads two ways
                key = keys[0]
                score = float(matches[0][1])
                # a misspelling that comes as close to another node's name reads two ways
                rivals = [
                    m
                    for m in matches[1:]
                    if {i for k in names.joined[m[0]] for i in names.keys[k]} != set(names.keys[key])
                ]
                if rivals and score - rivals[0][1] < _FUZZY_MARGIN:
                    continue
                if (
                    best is None
                    or score > best[1]
                    or (score == best[1] and j - i > best[0].end - best[0].start)
                ):
                    best = (Tag(i, j, said, names.nodes(key), "fuzzy", key), score)
        if best is not None:
            found.append(best)
    return found


def part_of_name(model: GovernanceModel, words: Sequence[str], runs: Sequence[tuple[int, int]]) -> Tag | None:
    """The first run of unread words that is part of exactly one node's name (each of its
    words a word of that name): 'programmaleiders' of 'programmaleiders en
    beleidsmedewerkers van de stadsregio Amsterdam', 'WTC' of 'Amsterdam WTC'. ``None``
    when no run is, or a run is part of several names."""
    for start, end in runs:
        said = words[start:end]
        found: dict[str, Node] = {}
        for node in model.nodes:
            for name in (node.name, node.name_en or "", *node.aliases, *node.aliases_en, *node.own_aliases):
                if set(said) <= set(fold_text(name).split()):
                    found[node.id] = node
        if len(found) == 1:
            node = next(iter(found.values()))
            return Tag(start, end, " ".join(said), (node,), "part", model.label(node.id))
    return None


def suggestions(index: NameIndex, said: str, limit: int = 3) -> list[str]:
    """Ids of the nodes whose names come closest to ``said``, best first."""
    from rapidfuzz import fuzz, process

    names = _names(index)
    ids: list[str] = []
    for key, _, _ in process.extract(
        said.replace(" ", ""),
        list(names.joined),
        scorer=fuzz.ratio,
        score_cutoff=_SUGGEST_CUTOFF,
        limit=limit * 2,
    ):
        for node in (n for name in names.joined[key] for n in names.nodes(name)):
            if node.id not in ids:
                ids.append(node.id)
    return ids[:limit]
