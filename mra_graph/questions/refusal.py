"""Refusing a question that cannot be read one way, in the question's language: naming
the words not understood, offering questions about the same names that the model can
answer, or, for a name the model lacks, suggesting the closest ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from mra_graph.errors import QuestionError, UnknownNameError
from mra_graph.model.names import NameIndex
from mra_graph.model.schema import GovernanceModel
from mra_graph.questions.analysis import Analysis
from mra_graph.questions.tagging import Tag, suggestions
from mra_graph.words import Lang, words

__all__ = ["refusal", "suggest"]


def refusal(
    model: GovernanceModel, index: NameIndex, question: str, an: Analysis, originals: Sequence[str]
) -> QuestionError | UnknownNameError:
    w = words(an.lang)
    # a noun after 'welke'/'hoeveel' that no cue knows was not understood either
    unknown = sorted([*an.unknown, *([an.wh_noun] if an.wh_noun is not None and an.noun_unread else [])])
    capitalised = _capitalised(unknown, originals)
    if (unknown and not an.tags) or capitalised or _looks_like_name(an, unknown, originals):
        run = _name_run(an, unknown)
        said = " ".join(an.words[i] for i in run)
        found = suggestions(index, said)
        for tag in an.tags:
            # 'MRA Buro': the unread word may end a name whose start was read
            if tag.end == run[0] or tag.start == run[-1] + 1:
                whole = " ".join(an.words[min(tag.start, run[0]) : max(tag.end, run[-1] + 1)])
                found = list(dict.fromkeys([*suggestions(index, whole), *found]))[:3]
        if found:
            listed = f" {w('ask', 'or')} ".join(f"'{model.label(s, an.lang)}' ({s})" for s in found)
            message = (
                w("ask", "unknown_name", name=said) + " (" + w("ask", "did_you_mean", names=listed) + ")"
            )
            return UnknownNameError(said, found, message=message)
        if capitalised:
            # written as a name, but none of the model's: say so rather than 'not understood'
            message = w("ask", "unknown_name", name=said) + " (" + w("ask", "see_list") + ")"
            return UnknownNameError(said, (), message=message)
    if unknown:
        listed = w.listing([f"'{an.words[i]}'" for i in unknown])
        reason = w("ask", "words_not_understood", words=listed)
    elif not an.tags:
        reason = w("ask", "no_name")
    elif len({m.cue.value for m in an.relations}) > 1:
        reason = w("ask", "two_relations", relations=w.listing(sorted({m.cue.said for m in an.relations})))
    elif len(an.tags) > 2 or (an.relations and len(an.tags) == 2 and an.wh is not None):
        reason = w("ask", "too_many_names", names=w.listing([f"'{t.said}'" for t in an.tags]))
    else:
        reason = w("ask", "no_question")
    examples = suggest(model, an.tags, an.lang)
    listed = "; ".join(f"'{e}'" for e in examples)
    # a model with no nodes yet has no question to offer instead
    key = "cannot_read" if examples else "cannot_read_empty"
    message = w("ask", key, question=question, reason=reason, examples=listed)
    return QuestionError(question, examples, message=message, unknown=tuple(an.words[i] for i in unknown))


def _capitalised(unknown: Sequence[int], originals: Sequence[str]) -> bool:
    """Whether an unread word other than the first is written with a capital."""
    return bool(originals) and any(i > 0 and originals[i][:1].isupper() for i in unknown)


def _looks_like_name(an: Analysis, unknown: Sequence[int], originals: Sequence[str]) -> bool:
    """Whether the unread words are likely a name: capitalised (not first), or after an
    article or a preposition where the question wants a name."""
    for i in unknown:
        if originals and i > 0 and originals[i][:1].isupper():
            return True
        if i > 0 and an.roles.get(i - 1) in ("article",) and len(an.tags) < 2:
            return True
    return False


def _name_run(an: Analysis, unknown: Sequence[int]) -> list[int]:
    run = [unknown[0]]
    for i in unknown[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            break
    return run


def suggest(model: GovernanceModel, tags: Sequence[Tag], lang: Lang, limit: int = 3) -> list[str]:
    """Questions about the names in ``tags`` that the model can answer (what X does, who
    stands in its first recorded relations); about the model's first relations when no
    name was found."""
    w = words(lang)
    vocab = model.vocabulary
    found: list[str] = []
    nodes = [t.nodes[0] for t in tags if t.nodes]
    for node in nodes[:1]:
        label = model.label(node.id, lang)
        found.append(w("ask", "example_describe", name=label))
        for relation in model.relations:
            if len(found) >= limit:
                break
            if relation.to == node.id:
                phrasing = vocab.relation_kinds[relation.kind].phrasing(lang)
                asked = w(
                    "ask", "example_who", verb=_with_slot(phrasing.active, phrasing.synonyms_active, label)
                )
                if asked not in found:
                    found.append(asked)
            elif relation.from_ == node.id:
                phrasing = vocab.relation_kinds[relation.kind].phrasing(lang)
                asked = w("ask", "example_what", verb=phrasing.passive, name=label)
                if asked not in found and phrasing.passive.split()[-1] in ("door", "by"):
                    found.append(asked)
    if found:
        return found[:limit]
    kinds: set[str] = set()
    for relation in model.relations:
        if len(found) >= limit or relation.kind in kinds:
            continue
        kinds.add(relation.kind)
        phrasing = vocab.relation_kinds[relation.kind].phrasing(lang)
        target = model.label(relation.to, lang)
        found.append(
            w("ask", "example_who", verb=_with_slot(phrasing.active, phrasing.synonyms_active, target))
        )
    return found


def _with_slot(active: str, synonyms: Sequence[str], name: str) -> str:
    """``stuurt MRA Bureau aan`` for a separable verb, else ``ondersteunt MRA Bureau``."""
    for synonym in synonyms:
        if "…" in synonym and synonym.replace("…", " ").split() == active.split():
            return synonym.replace("…", name)
    return f"{active} {name}"
