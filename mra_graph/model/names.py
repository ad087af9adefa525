"""Finding nodes by the names people use: id, name, English name, alias or label.

Matching ignores case, accents, punctuation and a leading article (de, het, the).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from mra_graph.errors import AmbiguousNameError, UnknownNameError
from mra_graph.model.schema import GovernanceModel, Node

__all__ = ["NameIndex", "fold", "fold_text", "index", "resolve", "resolve_all"]

_ARTICLES = ("de ", "het ", "the ", "een ", "a ", "an ")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold_text(text: str) -> str:
    """Lower case, accents and punctuation gone, single spaces.

    >>> fold_text("Door wie wordt het MRA-Bureau aangestuurd?")
    'door wie wordt het mra bureau aangestuurd'
    """
    text = text.casefold()
    if not text.isascii():  # ASCII text has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def fold(name: str) -> str:
    """The form names are compared in: :func:`fold_text` without a leading article.

    >>> fold("Het  MRA-Bureau")
    'mra bureau'
    >>> fold("Coördinator")
    'coordinator'
    """
    text = fold_text(name)
    for article in _ARTICLES:
        if text.startswith(article):
            text = text[len(article) :]
            break
    return text


class NameIndex:
    """Every way of naming each node of one model, folded.

    Built once per model (see :func:`index`); each folded name maps to the ids it may
    mean in model order, so a lookup costs the same however many nodes share a name.
    """

    def __init__(self, model: GovernanceModel) -> None:
        self.model = model
        self._order = {n.id: i for i, n in enumerate(model.nodes)}
        # a dict per key keeps the ids in model order and adds one in constant time;
        # names repeat across nodes, so each is folded once
        self.by_key: dict[str, dict[str, None]] = {}
        folded: dict[str, str] = {}

        def key_of(name: str) -> str:
            found = folded.get(name)
            if found is None:
                found = folded[name] = fold(name)
            return found

        # the last two or more words of every name that has more: 'secretaries meeting'
        # for 'municipal secretaries meeting' (names only, not ids)
        self.by_tail: dict[str, dict[str, None]] = {}
        self.name_keys: set[str] = set()
        """The keys that are a name (not only an id)."""
        tails: dict[str, tuple[str, ...]] = {}
        for node in model.nodes:
            said = [
                node.name,
                model.labels[node.id],
                model.labels_en[node.id],
                *node.aliases,
                *node.aliases_en,
                *node.own_aliases,
            ]
            said += [f.name for f in node.former_names]
            said += [f.name_en for f in node.former_names if f.name_en]
            if node.name_en:
                said.append(node.name_en)
            names = set(map(key_of, said))
            self.name_keys |= names
            for key in {node.id, fold(node.id), *names}:
                if key:
                    self.by_key.setdefault(key, {})[node.id] = None
            for key in names:
                if key not in tails:
                    words = key.split()
                    tails[key] = tuple(" ".join(words[start:]) for start in range(1, len(words) - 1))
                for tail in tails[key]:
                    self.by_tail.setdefault(tail, {})[node.id] = None

    def matches(self, name: str) -> list[Node]:
        """Every node ``name`` may mean, in model order; empty when none."""
        nodes = self.model.nodes_by_id
        if name in nodes:
            return [nodes[name]]
        return [nodes[i] for i in self.by_key.get(fold(name), {})]

    def tail_matches(self, name: str) -> list[Node]:
        """Every node with a name whose last two or more words are ``name``, in model order."""
        nodes = self.model.nodes_by_id
        ids = self.by_tail.get(fold(name), {})
        return sorted((nodes[i] for i in ids), key=lambda n: self._order[n.id])

    def suggestions(self, name: str, limit: int = 3) -> list[str]:
        """Ids of the nodes whose names come closest to ``name``."""
        close = difflib.get_close_matches(fold(name), list(self.by_key), n=limit * 2, cutoff=0.75)
        ids: list[str] = []
        for key in close:
            for node_id in self.by_key[key]:
                if node_id not in ids:
                    ids.append(node_id)
        return ids[:limit]

    def resolve_all(self, name: str) -> list[Node]:
        """Every node ``name`` may mean; raises :class:`UnknownNameError` when none."""
        found = self.matches(name)
        if not found:
            raise UnknownNameError(name, self.suggestions(name))
        return found

    def resolve(self, name: str) -> Node:
        """The one node ``name`` means; raises UnknownNameError or AmbiguousNameError."""
        found = self.resolve_all(name)
        if len(found) > 1:
            raise AmbiguousNameError(name, [(n.id, self.model.labels[n.id], n.region) for n in found])
        return found[0]


def index(model: GovernanceModel) -> NameIndex:
    """The name index of ``model``, built on first use and kept with the model."""
    # models are immutable, so an index built once stays right
    index: NameIndex | None = model.derived.get("name index")
    if index is None:
        index = model.derived["name index"] = NameIndex(model)
    return index


def resolve(model: GovernanceModel, name: str) -> Node:
    """The node ``name`` means in ``model``.

    >>> from mra_graph import load
    >>> resolve(load(), "het mra-bureau").id
    'mra-bureau'
    """
    # an exact id needs no index of every name (which costs a second at 10^5 relations)
    node = model.nodes_by_id.get(name)
    return node if node is not None else index(model).resolve(name)


def resolve_all(model: GovernanceModel, name: str) -> Sequence[Node]:
    """Every node ``name`` may mean in ``model`` (two for 'Regiegroep')."""
    node = model.nodes_by_id.get(name)
    return [node] if node is not None else index(model).resolve_all(name)
