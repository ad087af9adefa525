"""The words ``ask`` reads a question with, one :class:`Lexicon` per language.

Function words (question words, auxiliaries, articles, prepositions, fillers) are
matched as written, after folding. Cue phrases are matched by the stems of their words,
in any order: the relation phrasings of the vocabulary (``ondersteunt``, ``wordt
ondersteund door``, ``is lid van``), the capacities, the names of node kinds and types,
and the cues of each kind of question in ``model/questions.json``. Stems come from the
Snowball stemmers (PyStemmer), so that ``ondersteunt``, ``ondersteund`` and
``ondersteunen`` share one; a Dutch stem also loses a final ``t`` or ``d``, so that a d/t spelling error reads
as the verb it misspells. Irregular forms map to a regular word first (``leden`` →
``lid``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from mra_graph.model.names import fold_text
from mra_graph.model.vocabulary import Vocabulary, data_file, vocabulary
from mra_graph.words import LANGUAGES, Lang

__all__ = ["FRAMES", "Cue", "Lexicon", "lexicon", "questions_data"]

FRAMES = (
    "describe",
    "chain",
    "members",
    "path",
    "when",
    "start",
    "end",
    "where",
    "often",
    "changes",
    "exists",
    "members_nouns",
    "fte",
    "difference",
)
"""The kinds of cue phrase under ``frames`` in questions.json (``stands_for`` apart)."""

_SLOT = "…"
Voice = Literal["active", "passive"]


@dataclass(frozen=True)
class Cue:
    """A phrase that tells what a question asks.

    ``group`` is ``relation`` (``value`` is the relation kind), ``capacity``, ``kind`` (a
    node kind or type), ``filler`` or one of :data:`FRAMES`. A relation phrase has a
    ``voice`` (active: its subject is the relation's source) and, when it ends in a
    preposition that takes the other end (``is lid van``), that preposition as
    ``marker``; ``particle`` is set for a separable verb (``stuurt … aan``), whose
    last word is no preposition; ``primary`` for a kind's own active or passive phrase
    (not a synonym), which wins where two kinds share a phrase.
    """

    group: str
    value: str
    said: str
    stems: tuple[str, ...]
    voice: Voice | None = None
    marker: str | None = None
    marker_stem: str | None = None
    particle: bool = False
    primary: bool = False

    @property
    def size(self) -> int:
        return len(self.stems)


@dataclass
class Lexicon:
    """The words of one language that ``ask`` understands."""

    lang: Lang
    question_words: dict[str, str]
    r_pronouns: dict[str, str]
    imperative: frozenset[str]
    auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    do_auxiliaries: frozenset[str]
    articles: frozenset[str]
    prepositions: frozenset[str]
    conjunctions: frozenset[str]
    negations: frozenset[str]
    fillers: frozenset[str]
    agent: str
    genitive: str
    qualifiers: frozenset[str]
    context: frozenset[str]
    plurals: tuple[tuple[str, str], ...]
    stands_for: tuple[tuple[str, ...], ...]
    verb_second: dict[str, Any] | None
    irregular: dict[str, str]
    cues: tuple[Cue, ...] = ()
    _stems: dict[str, str] = field(default_factory=dict, repr=False)
    vocabulary: Vocabulary = field(kw_only=True, repr=False, compare=False)
    """The vocabulary whose relation phrases, capacities and kinds the cues are."""

    def stem(self, word: str) -> str:
        """The stem ``word`` is compared by: ``ondersteund`` → ``ondersteun``."""
        found = self._stems.get(word)
        if found is None:
            found = self._stems[word] = _stem(self.lang, self.irregular.get(word, word))
        return found

    def stems(self, words: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.stem(w) for w in words)

    def glue_word(self, word: str) -> bool:
        """Whether ``word`` only joins others (article, preposition, conjunction,
        auxiliary, question word): no name starts or ends with one."""
        return (
            word in self.articles
            or word in self.prepositions
            or word in self.conjunctions
            or word in self.auxiliaries
            or word in self.question_words
        )


@cache
def _stemmer(lang: Lang) -> Any:
    # imported here: only a question needs it, not the other commands
    import Stemmer  # type: ignore[import-not-found]

    return Stemmer.Stemmer("english" if lang == "en" else "dutch")


def _stem(lang: Lang, word: str) -> str:
    stem: str = _stemmer(lang).stemWord(word)
    if lang == "nl" and len(stem) > 3 and stem[-1] in "td":
        # 'ondersteunt', 'ondersteund' and 'ondersteunen' share 'ondersteun'
        stem = stem[:-1]
        if stem.endswith("d"):  # 'wordt' → 'word' → 'wor', as 'worden'
            stem = stem[:-1]
    return stem


@cache
def questions_data() -> dict[str, Any]:
    """The parsed ``model/questions.json``."""
    import json

    data: dict[str, Any] = json.loads(data_file("model", "questions.json").read_text(encoding="utf-8"))
    return data


def _words(text: str) -> list[str]:
    return fold_text(text).split()


def _relation_cue(lex: Lexicon, kind: str, phrase: str, voice: Voice, primary: bool = False) -> Cue | None:
    """The cue of one phrasing of a relation kind. A phrase of one auxiliary (``heeft``,
    ``has``) would match almost any question: it is a ``weak`` cue, read only when
    nothing else in the question says what it asks; other phrases without a content
    word (``is van``) are none."""
    particle = _SLOT in phrase
    words = _words(phrase.replace(_SLOT, " "))
    if any(w in lex.r_pronouns or w in lex.question_words for w in words):
        return None  # a phrase that is itself a question ('waarover besluit'); the slots say it
    kept = [w for w in words if w not in lex.articles and w not in lex.auxiliaries]
    content = [w for w in kept if w not in lex.prepositions]
    if not content:
        if len(words) == 1 and voice == "active":
            return Cue("weak", kind, phrase, (words[0],), voice)
        return None
    marker = kept[-1] if not particle and kept[-1] in lex.prepositions else None
    marker_stem = lex.stem(marker) if marker else None
    stems = tuple(sorted(lex.stems(kept)))
    return Cue("relation", kind, phrase, stems, voice, marker, marker_stem, particle, primary)


def _phrase_cue(lex: Lexicon, group: str, value: str, phrase: str) -> Cue | None:
    words = [w for w in _words(phrase) if w not in lex.articles]
    if not words:
        return None
    return Cue(group, value, phrase, tuple(sorted(lex.stems(words))))


def _build(lang: Lang, vocab: Vocabulary) -> Lexicon:
    data = questions_data()[lang]
    lex = Lexicon(
        vocabulary=vocab,
        lang=lang,
        question_words=dict(data["question_words"]),
        r_pronouns=dict(data["r_pronouns"]),
        imperative=frozenset(data["imperative"]),
        auxiliaries=frozenset(data["auxiliaries"]),
        passive_auxiliaries=frozenset(data["passive_auxiliaries"]),
        do_auxiliaries=frozenset(data["do_auxiliaries"]),
        articles=frozenset(data["articles"]),
        prepositions=frozenset(data["prepositions"]),
        conjunctions=frozenset(data["conjunctions"]),
        negations=frozenset(data["negations"]),
        fillers=frozenset(w for w in data["fillers"] if " " not in w),
        agent=data["agent"],
        genitive=data["genitive"],
        qualifiers=frozenset(data["qualifiers"]),
        context=frozenset(data["context"]),
        plurals=tuple((a, b) for a, b in data["plurals"]),
        stands_for=tuple(tuple(_words(p)) for p in data["frames"]["stands_for"]),
        verb_second=data["verb_second"],
        irregular={fold_text(k): fold_text(v) for k, v in data["irregular"].items()},
    )
    cues: list[Cue | None] = []
    for kind, info in vocab.relation_kinds.items():
        phrasing = info.phrasing(lang)
        cues.append(_relation_cue(lex, kind, phrasing.active, "active", primary=True))
        cues += [_relation_cue(lex, kind, phrase, "active") for phrase in phrasing.synonyms_active]
        cues.append(_relation_cue(lex, kind, phrasing.passive, "passive", primary=True))
        cues += [_relation_cue(lex, kind, phrase, "passive") for phrase in phrasing.synonyms_passive]
    for capacity, term in vocab.capacities.items():
        for word in term.words_en if lang == "en" else term.words_nl:
            cues.append(_phrase_cue(lex, "capacity", capacity, word))
    for kind, kind_info in vocab.node_kinds.items():
        cues.append(_phrase_cue(lex, "kind", kind, kind_info.en if lang == "en" else kind_info.nl))
        for type_, name in kind_info.types.items():
            cues.append(_phrase_cue(lex, "kind", type_, name.text(lang)))
    for value, phrases in data["kind_words"].items():
        cues += [_phrase_cue(lex, "kind", value, p) for p in phrases]
    for frame in FRAMES:
        cues += [_phrase_cue(lex, frame, frame, p) for p in data["frames"][frame]]
    cues += [_phrase_cue(lex, "filler", "filler", p) for p in data["fillers"] if " " in p]
    unique: dict[tuple[object, ...], Cue] = {}
    for c in cues:
        if c is not None:
            # the first of equal phrases is kept: a kind's own phrase before a synonym
            unique.setdefault((c.group, c.value, c.stems, c.voice, c.marker, c.particle), c)
    # longest first; at equal length the order of the data (relations first) decides
    lex.cues = tuple(sorted(unique.values(), key=lambda c: -c.size))
    return lex


def lexicon(lang: Lang, vocab: Vocabulary | None = None) -> Lexicon:
    """The lexicon of ``lang`` for ``vocab`` (the bundled vocabulary when None), built on
    first use and kept with the vocabulary.

    >>> lexicon("nl").stem("ondersteund") == lexicon("nl").stem("ondersteunt")
    True
    >>> lexicon("en").stem("supported") == lexicon("en").stem("supports")
    True
    """
    vocab = vocab or vocabulary()
    built: dict[str, Lexicon] = vocab.lexicons
    if lang not in built:
        built[lang] = _build(lang, vocab)
    return built[lang]


def all_lexicons(vocab: Vocabulary | None = None) -> tuple[Lexicon, ...]:
    """The lexicon of every language for ``vocab`` (the bundled vocabulary when None)."""
    return tuple(lexicon(lang, vocab) for lang in LANGUAGES)


def multiset_within(needed: tuple[str, ...], available: Counter[str]) -> bool:
    """Whether every stem of ``needed`` (with repeats) is among ``available``."""
    return all(available[s] >= n for s, n in Counter(needed).items())
