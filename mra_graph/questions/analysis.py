"""Reading the words of a question around its names, in one language.

:func:`read_words` tags the model's names, then reads the other words in Dutch and in
English (:func:`analyse`): the question word, relation phrases and capacities (each
word used once, longest phrase first), then the cues of each kind of question, then the
function words. The language that reads more of the question is the question's. Words
left over are tried as a misspelt name or cue word (:func:`_correct`); what is still left
stays ``unknown`` and is reported, never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from mra_graph.model.names import NameIndex, fold_text
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions import frames as f
from mra_graph.questions.dates import Span
from mra_graph.questions.lexicon import Cue, Lexicon, all_lexicons, multiset_within
from mra_graph.questions.tagging import Tag, fuzzy_tags, part_of_name, settle, tag_names
from mra_graph.words import Lang

__all__ = ["Analysis", "Base", "Match", "Wh", "analyse", "read_words", "with_tags", "without_context"]

_CUE_CUTOFF = 85.0
_EXCLUSIVE = ("relation", "capacity", "filler")
R = TypeVar("R", bound=f.Reading)


@dataclass(frozen=True)
class Base:
    """What every reading of one question shares: its language, the day and dates it
    names, and the parts of it that were not used."""

    lang: Lang
    at: dt.date | None
    spans: tuple[Span, ...]
    unused: tuple[str, ...] = ()

    def make(self, kind: type[R], tags: Sequence[Tag], **fields: Any) -> R:
        """A reading of ``kind`` about ``tags``."""
        return kind(
            lang=self.lang, tags=tuple(tags), at=self.at, spans=self.spans, unused=self.unused, **fields
        )


@dataclass(frozen=True)
class Match:
    """A cue phrase found in a question, at these word positions (a position ``-1 - t``
    stands for the genitive an ``'s`` after tag ``t`` gives)."""

    cue: Cue
    positions: tuple[int, ...]


@dataclass(frozen=True)
class Wh:
    """The question word: where, as said, what it asks (``who``, ``what``, ``which``,
    ``where``, ``when``, ``how``, ``how_many``), and the preposition fused with it
    (``waarvan``) if any."""

    position: int
    said: str
    asks: str
    preposition: str | None = None
    imperative: bool = False


@dataclass
class Analysis:
    """One reading of the words around the names in one language."""

    lang: Lang
    lex: Lexicon
    words: list[str]
    tags: list[Tag]
    wh: Wh | None = None
    wh_noun: int | None = None
    relations: list[Match] = field(default_factory=list)
    capacities: list[Match] = field(default_factory=list)
    frames: dict[str, list[Match]] = field(default_factory=dict)
    kinds: list[Match] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    corrected: list[tuple[str, str]] = field(default_factory=list)
    originals: Sequence[str] = ()
    """The words as written (case kept), where they line up with ``words``."""
    noun_unread: bool = False
    """Whether the noun after the question word is a word no cue knows ('hoeveel inwoners')."""

    @property
    def unknown(self) -> list[int]:
        return [i for i, role in sorted(self.roles.items()) if role == "unknown"]

    @property
    def score(self) -> int:
        return sum(1 for role in self.roles.values() if role not in ("unknown", "name"))

    def has(self, frame: str) -> bool:
        return bool(self.frames.get(frame))

    def tag_at(self, position: int) -> int | None:
        for t, tag in enumerate(self.tags):
            if tag.start <= position < tag.end:
                return t
        return None

    def next_position(self, position: int) -> int | None:
        """The next word after ``position`` that is not an article or filler."""
        for i in range(position + 1, len(self.words)):
            if self.roles.get(i) not in ("article", "filler"):
                return i
        return None


def analyse(words: list[str], tags: list[Tag], lex: Lexicon) -> Analysis:
    an = Analysis(lex.lang, lex, words, tags)
    in_tag = {i for t in tags for i in range(t.start, t.end)}
    for i in in_tag:
        an.roles[i] = "name"
    free = [i for i in range(len(words)) if i not in in_tag]
    _find_wh(an, free)
    # the stems that may make a phrase: free words, the preposition of 'waarvan', the
    # genitive of "X's"
    stems: list[tuple[int, str]] = [(i, lex.stem(words[i])) for i in free if i not in an.roles]
    if an.wh is not None and an.wh.preposition:
        stems.append((an.wh.position, lex.stem(an.wh.preposition)))
    for t, tag in enumerate(tags):
        if tag.possessive and not tag.stands_for:
            stems.append((-1 - t, lex.stem(lex.genitive)))
    used: set[int] = set()
    for cue in lex.cues:
        if cue.group not in _EXCLUSIVE:
            continue
        while multiset_within(cue.stems, Counter(s for i, s in stems if i not in used)):
            positions = _place(cue, stems, used)
            used.update(positions)
            match = Match(cue, positions)
            if cue.group == "relation":
                # kinds that share the phrase are kept side by side; the names decide
                an.relations += [
                    Match(other, positions)
                    for other in lex.cues
                    if other.group == "relation" and other.stems == cue.stems and other.marker == cue.marker
                ]
            elif cue.group == "capacity":
                an.capacities.append(match)
            for p in positions:
                if p >= 0 and p not in an.roles:
                    an.roles[p] = "cue" if cue.group != "filler" else "filler"
    # frame cues may use the question word ('hoe vaak', 'how often', 'sinds wanneer')
    if an.wh is not None:
        stems += [
            (i, lex.stem(words[i])) for i in range(an.wh.position, an.wh.position + len(an.wh.said.split()))
        ]
    rest = Counter(s for i, s in stems if i not in used and i >= 0)
    for cue in lex.cues:
        if cue.group in _EXCLUSIVE or cue.group == "weak" or not multiset_within(cue.stems, rest):
            continue
        positions = tuple(dict.fromkeys(i for i, s in stems if s in cue.stems and i not in used and i >= 0))
        match = Match(cue, positions)
        if cue.group == "kind":
            an.kinds.append(match)
        else:
            an.frames.setdefault(cue.group, []).append(match)
        for p in positions:
            an.roles.setdefault(p, "cue")
    for i in free:
        # 'per raad', 'per jaar': what a count is per
        if i > 0 and words[i - 1] == "per" and i not in an.roles:
            an.roles[i] = "per"
    for i in free:
        if i in an.roles:
            continue
        w = words[i]
        if w in lex.auxiliaries:
            an.roles[i] = "aux"
        elif w in lex.articles:
            an.roles[i] = "article"
        elif w in lex.prepositions:
            an.roles[i] = "prep"
        elif w in lex.conjunctions:
            an.roles[i] = "conj"
        elif w in lex.negations:
            an.roles[i] = "neg"
        elif w in lex.fillers or w in lex.question_words or w in lex.imperative:
            an.roles[i] = "filler"
        else:
            an.roles[i] = "unknown"
    _find_wh_noun(an)
    return an


def _place(cue: Cue, stems: list[tuple[int, str]], used: set[int]) -> tuple[int, ...]:
    """Positions for each stem of ``cue``: the other words first, each at its first free
    place, then the marker preposition at the free one nearest after them (the one that
    takes the object)."""
    taken: list[int] = []
    free = [(i, s) for i, s in stems if i not in used]
    rest = list(cue.stems)
    if cue.marker_stem is not None:
        rest.remove(cue.marker_stem)
    for s in rest:
        taken.append(next(i for i, stem in free if stem == s and i not in taken))
    if cue.marker_stem is not None:
        anchor = max((p for p in taken if p >= 0), default=0)
        candidates = [i for i, stem in free if stem == cue.marker_stem and i not in taken]
        # after the verb first, nearest first; a genitive or fused preposition counts as near
        candidates.sort(key=lambda i: (0, 0) if i < 0 else (i < anchor, abs(i - anchor)))
        taken.append(candidates[0])
    return tuple(taken)


def _find_wh(an: Analysis, free: Sequence[int]) -> None:
    lex, words = an.lex, an.words
    for n, i in enumerate(free):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if lex.lang == "en" and w == "how" and nxt in ("many", "much"):
            an.wh = Wh(i, f"{w} {nxt}", "how_many")
            an.roles[i] = an.roles[i + 1] = "wh"
            return
        if w in lex.question_words:
            an.wh = Wh(i, w, lex.question_words[w])
            an.roles[i] = "wh"
            return
        if w in lex.r_pronouns:
            an.wh = Wh(i, w, "what", lex.r_pronouns[w])
            an.roles[i] = "wh"
            return
        if n == 0 and w in lex.imperative:
            an.wh = Wh(i, w, "what", imperative=True)
            an.roles[i] = "wh"


def _find_wh_noun(an: Analysis) -> None:
    """The noun after 'welke', 'which', 'hoeveel' or English 'what' that says what is
    asked for ('welke organen', 'what team', 'how many fte')."""
    if an.wh is None or an.wh.asks not in ("which", "what", "how_many"):
        return
    if an.wh.asks == "what" and an.lex.lang != "en":
        return  # Dutch 'wat' is followed by a verb, not a noun
    nouns = ("kind", "fte", "members_nouns", "often", "when", "where", "describe")
    i = an.wh.position + len(an.wh.said.split())
    # past articles, fillers and a word that qualifies the noun ('which new positions')
    while i < len(an.words) and (
        an.roles.get(i) in ("article", "filler")
        or (an.roles.get(i) == "cue" and not _cue_groups_at(an, i) & {*nouns, "relation", "capacity"})
    ):
        i += 1
    if i >= len(an.words) or an.tag_at(i) is not None:
        return
    role = an.roles.get(i)
    if role == "unknown" or (role == "cue" and _cue_groups_at(an, i) & set(nouns)):
        an.wh_noun = i
        an.noun_unread = role == "unknown"
        an.roles[i] = "noun"


def _cue_groups_at(an: Analysis, position: int) -> set[str]:
    groups = {m.cue.group for m in an.kinds if position in m.positions}
    groups |= {name for name, ms in an.frames.items() for m in ms if position in m.positions}
    return groups


def read_words(
    model: GovernanceModel,
    index: NameIndex,
    words: list[str],
    lang_hint: Lang | None,
    originals: Sequence[str],
) -> Analysis:
    """The best analysis of ``words``: in the language that reads more of it, with
    misspelt names and cue words read as what they misspell."""
    tags = tag_names(model, index, words, all_lexicons(model.vocabulary), originals)
    best = _best([analyse(words, tags, lex) for lex in all_lexicons(model.vocabulary)], lang_hint)
    best.originals = originals
    for _ in range(3):
        fixed = _correct(model, index, best, originals)
        if fixed is None:
            break
        best = fixed
        best.originals = originals
    return best


def _best(found: list[Analysis], lang_hint: Lang | None) -> Analysis:
    def key(an: Analysis) -> tuple[int, int, int]:
        return (an.score - len(an.unknown), an.wh is not None, an.lang == (lang_hint or "nl"))

    return max(found, key=key)


def _correct(
    model: GovernanceModel, index: NameIndex, an: Analysis, originals: Sequence[str] = ()
) -> Analysis | None:
    """``an`` read again with its first misspelling corrected: a run of unread words
    that is close to a name, or an unread word close to a cue word; ``None`` when there
    is nothing to correct."""
    unknown = an.unknown
    if not unknown:
        return None
    runs: list[tuple[int, int]] = []
    for i in unknown:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    # a name may be cut by a word read as a cue or article ('regie groep', 'werkgevers comissie')
    widened = [(max(0, s - 1), min(len(an.words), e + 1)) for s, e in runs]
    unread = set(unknown)

    def replaces_well(tag: Tag) -> bool:
        # a misspelling holds an unread word, and takes in whole the names it overlaps
        inside = set(range(tag.start, tag.end))
        whole = all(
            inside >= set(range(t.start, t.end)) for t in an.tags if inside & set(range(t.start, t.end))
        )
        return bool(inside & unread) and whole

    named = [
        (t, score)
        for t, score in fuzzy_tags(model, index, an.words, [*runs, *widened], unread)
        if replaces_well(t)
    ]
    cue = _cue_correction(an, unknown)
    best_name = max(named, key=lambda x: x[1], default=None)
    if best_name is not None and (cue is None or best_name[1] >= cue[2]):
        tag = best_name[0]
        tags = [t for t in an.tags if t.end <= tag.start or t.start >= tag.end] + [tag]
        tags.sort(key=lambda t: t.start)
        tags = settle(model, tags, an.words, all_lexicons(model.vocabulary))
        fixed = analyse(an.words, tags, an.lex)
        fixed.corrected = [*an.corrected, (tag.said, tag.read_as)]
        return fixed
    if cue is not None:
        position, word, _ = cue
        words = list(an.words)
        said = words[position]
        words[position] = word
        fixed = analyse(words, an.tags, an.lex)
        fixed.corrected = [*an.corrected, (said, word)]
        return fixed
    # a short word is part of a name only when written as an acronym ('WTC')
    runs = [
        (s, e)
        for s, e in runs
        if e - s > 1
        or len(an.words[s]) >= 8
        or (originals and originals[s].isupper() and len(originals[s]) > 1)
    ]
    part = part_of_name(model, an.words, runs)
    if part is not None:
        tags = sorted([*an.tags, part], key=lambda t: t.start)
        fixed = analyse(an.words, settle(model, tags, an.words, all_lexicons(model.vocabulary)), an.lex)
        fixed.corrected = [*an.corrected, (part.said, part.read_as)]
        return fixed
    return None


def _cue_correction(an: Analysis, unknown: Sequence[int]) -> tuple[int, str, float] | None:
    from rapidfuzz import fuzz, process

    choices = sorted(_cue_forms(an.lex))
    best: tuple[int, str, float] | None = None
    forms = set(choices)
    for i in unknown:
        said = an.words[i]
        if len(said) < 5 or said in forms:
            continue
        match = process.extractOne(said, choices, scorer=fuzz.ratio, score_cutoff=_CUE_CUTOFF)
        if match is not None and (best is None or match[1] > best[2]):
            best = (i, match[0], float(match[1]))
    return best


def _cue_forms(lex: Lexicon) -> set[str]:
    data_words = {
        w
        for cue in lex.cues
        for w in fold_text(cue.said.replace("…", " ")).split()
        if w not in lex.articles and len(w) >= 4
    }
    return data_words | set(lex.question_words) | set(lex.auxiliaries)


def names_as_words(an: Analysis) -> list[Analysis]:
    """``an`` read again with one of its one-word names taken as a word of a cue phrase
    instead, for each such name."""
    cue_stems = {s for c in an.lex.cues if c.group == "relation" for s in c.stems}
    found = []
    for tag in an.tags:
        if tag.end - tag.start == 1 and an.lex.stem(an.words[tag.start]) in cue_stems:
            found.append(analyse(an.words, [t for t in an.tags if t is not tag], an.lex))
    return found


def with_tags(an: Analysis, tags: list[Tag]) -> Analysis:
    """``an`` with only ``tags`` as its names (the others read as words that were used)."""
    return replace(an, tags=list(tags))


def tags_of(an: Analysis) -> tuple[Tag, ...]:
    return tuple(an.tags)


def kind_word(an: Analysis, position: int | None) -> str | None:
    if position is None:
        return None
    for m in an.kinds:
        if position in m.positions:
            return m.cue.value
    return None


def wh_noun_in(an: Analysis, frame: str) -> bool:
    return an.wh_noun is not None and any(an.wh_noun in m.positions for m in an.frames.get(frame, []))


def without_context(
    an: Analysis,
    tags: Sequence[Tag],
    taken: set[int] = frozenset(),  # type: ignore[assignment]
) -> tuple[list[Tag], tuple[str, ...]]:
    """``tags`` without the names that only say what the question is about, and those
    names as said: a name after a preposition of context that no phrase took ('over de
    MRA', 'bij het MRA Bureau', 'which meetings in AM'), and a name with an 's before
    another name ('the MRA Bureau's employers' committee'). One name always stays."""
    kept = list(tags)
    unused: list[str] = []
    for tag in list(kept):
        if len(kept) < 2:
            break
        after = next((t for t in kept if t.start == tag.end), None)
        before = tag.start - 1
        while before >= 0 and an.roles.get(before) == "article":
            before -= 1
        word = an.words[before] if before >= 0 else ""
        written = an.originals if len(an.originals) == len(an.words) else an.words
        if tag.possessive and after is not None:
            unused.append(" ".join(written[tag.start : tag.end]))
        elif before not in taken and word in an.lex.context:
            unused.append(" ".join(written[before : tag.end]))
        else:
            continue
        kept.remove(tag)
    return kept, tuple(unused)
