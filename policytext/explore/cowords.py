"""Co-word networks: which terms occur in the same sentence (or clause), as a graph.

The ``top`` most frequent content terms of the corpus are the nodes. Two terms
are joined when they occur in the same unit (a sentence, a clause, or a whole
document); the edge weight is the number of units that hold both (presence,
not repetitions). Each edge also carries two association scores:

- ``jaccard = w / (u_a + u_b − w)``, with ``u_a``, ``u_b`` the units holding
  each term, a share of the units holding either;
- ``pmi = log2(w · U / (u_a · u_b))``, with ``U`` all units.

Each node carries its ``frequency`` (occurrences), ``units`` (units that hold
it), ``degree`` (edges) and ``strength`` (summed edge weights).

Memory: one pass over the documents; every unit is kept as a short array of
term numbers (a few bytes a token), never as text.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Document, Failure, _Row
from ._tokens import TokenStream, as_documents

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["CowordNode", "CowordEdge", "CowordNetwork", "coword_network", "COWORD_UNITS", "GEXF_NAMESPACE"]

#: The units within which terms co-occur.
COWORD_UNITS = ("sentence", "clause", "document")
#: The XML namespace of GEXF 1.3 (https://gexf.net/).
GEXF_NAMESPACE = "http://gexf.net/1.3"


@dataclass
class CowordNode(_Row):
    """A term of the network.

    Attributes:
        id: the node's number (``0`` is the most frequent term).
        term: the term.
        frequency: its occurrences in the corpus.
        units: the units that hold it.
        degree: the edges it has.
        strength: the summed weights of its edges.
    """

    id: int
    term: str
    frequency: int
    units: int
    degree: int = 0
    strength: int = 0


@dataclass
class CowordEdge(_Row):
    """Two terms that share units.

    Attributes:
        source: the first term (the more frequent one).
        target: the second term.
        weight: the units that hold both.
        jaccard: weight over the units that hold either.
        pmi: log2(weight · units / (units_source · units_target)).
    """

    source: str
    target: str
    weight: int
    jaccard: float
    pmi: float


@dataclass
class CowordNetwork:
    """A co-word network: nodes (terms) and weighted undirected edges.

    Attributes:
        nodes: the terms, most frequent first.
        edges: the edges, heaviest first (ties by the terms' order).
        unit: the co-occurrence unit (``sentence``, ``clause``, ``document``).
        n_units: the units counted (those with at least one content token).
    """

    nodes: list[CowordNode] = field(default_factory=list)
    edges: list[CowordEdge] = field(default_factory=list)
    unit: str = "sentence"
    n_units: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The network as ``{"unit", "units", "nodes": [...], "edges": [...]}`` (JSON-ready)."""
        return {
            "unit": self.unit,
            "units": self.n_units,
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }

    def to_gexf(self, *, description: str = "") -> str:
        """The network as a GEXF 1.3 document (for Gephi), as text.

        Nodes have ids ``0, 1, …`` and the term as label, with the attributes
        ``frequency``, ``units``, ``degree`` and ``strength``; edges are
        undirected, with ``weight`` and the attributes ``jaccard`` and ``pmi``.
        No timestamp is written, so the same network gives the same bytes.
        """
        ET.register_namespace("", GEXF_NAMESPACE)

        def q(tag: str) -> str:
            return f"{{{GEXF_NAMESPACE}}}{tag}"

        root = ET.Element(q("gexf"), {"version": "1.3"})
        meta = ET.SubElement(root, q("meta"))
        ET.SubElement(meta, q("creator")).text = "policytext"
        ET.SubElement(meta, q("description")).text = description or (
            f"Co-word network: terms co-occurring in the same {self.unit} ({self.n_units} units)"
        )
        graph = ET.SubElement(root, q("graph"), {"defaultedgetype": "undirected", "mode": "static"})
        node_attrs = [
            ("frequency", "integer"),
            ("units", "integer"),
            ("degree", "integer"),
            ("strength", "integer"),
        ]
        edge_attrs = [("jaccard", "double"), ("pmi", "double")]
        # Attribute ids are unique across both classes, which every GEXF reader accepts.
        node_ids = [str(i) for i in range(len(node_attrs))]
        edge_ids = [str(len(node_attrs) + i) for i in range(len(edge_attrs))]
        for cls, attrs, att_ids in (("node", node_attrs, node_ids), ("edge", edge_attrs, edge_ids)):
            block = ET.SubElement(graph, q("attributes"), {"class": cls, "mode": "static"})
            for att_id, (title, kind) in zip(att_ids, attrs):
                ET.SubElement(block, q("attribute"), {"id": att_id, "title": title, "type": kind})
        nodes = ET.SubElement(graph, q("nodes"), {"count": str(len(self.nodes))})
        ids = {}
        for node in self.nodes:
            ids[node.term] = str(node.id)
            el = ET.SubElement(nodes, q("node"), {"id": str(node.id), "label": node.term})
            values = ET.SubElement(el, q("attvalues"))
            for att_id, (title, _kind) in zip(node_ids, node_attrs):
                ET.SubElement(values, q("attvalue"), {"for": att_id, "value": str(getattr(node, title))})
        edges = ET.SubElement(graph, q("edges"), {"count": str(len(self.edges))})
        for k, edge in enumerate(self.edges):
            el = ET.SubElement(
                edges,
                q("edge"),
                {
                    "id": str(k),
                    "source": ids[edge.source],
                    "target": ids[edge.target],
                    "weight": str(edge.weight),
                },
            )
            values = ET.SubElement(el, q("attvalues"))
            for att_id, (title, _kind) in zip(edge_ids, edge_attrs):
                ET.SubElement(
                    values, q("attvalue"), {"for": att_id, "value": repr(float(getattr(edge, title)))}
                )
        ET.indent(root, space="  ")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def coword_network(
    documents: Iterable[Document | Failure | str],
    *,
    unit: str = "sentence",
    top: int = 50,
    min_weight: int = 1,
    segmenter: Segmenter | None = None,
    pos: str | Sequence[str] | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> CowordNetwork:
    """Build the co-word network of the ``top`` most frequent terms.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`) or texts.
        unit: ``sentence`` (default), ``clause`` (the deepest clause: sentences
            of one 条/款/项 together; sentences outside any clause stay alone),
            or ``document``.
        top: how many terms (by frequency; ties by term) become nodes.
        min_weight: drop edges shared by fewer units.
        segmenter, pos, lowercase, numbers, keep: see :class:`TokenStream`.

    Returns:
        The :class:`CowordNetwork`.

    Raises:
        ConfigError: an unknown unit, or ``top`` < 1.

    Example:
        >>> net = coword_network(["产教融合推动就业。产教融合推动就业。实训基地。"], top=3)
        >>> [(e.source, e.target, e.weight) for e in net.edges][:1]
        [('产教融合', '就业', 2)]
    """
    if unit not in COWORD_UNITS:
        raise ConfigError(f"unknown co-word unit {unit!r}; choose one of: {', '.join(COWORD_UNITS)}")
    if top < 1:
        raise ConfigError(f"--top must be at least 1, not {top}")
    stream = TokenStream(segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep)
    vocab: dict[str, int] = {}
    freq: Counter[int] = Counter()
    flat = array("i")  # the units' distinct term numbers, one after the other
    bounds = array("q", [0])
    for document in as_documents(documents):
        for term_ids in _units(document, stream, unit, vocab):
            freq.update(term_ids)
            distinct = sorted(set(term_ids))
            if distinct:
                flat.extend(distinct)
                bounds.append(len(flat))
    words = {i: w for w, i in vocab.items()}
    ranked = sorted(freq, key=lambda i: (-freq[i], words[i]))[:top]
    order = {i: k for k, i in enumerate(ranked)}
    unit_freq: Counter[int] = Counter()
    pairs: Counter[tuple[int, int]] = Counter()
    n_units = len(bounds) - 1
    for k in range(n_units):
        present = sorted(order[i] for i in flat[bounds[k] : bounds[k + 1]] if i in order)
        unit_freq.update(present)
        pairs.update(combinations(present, 2))
    nodes = [
        CowordNode(id=k, term=words[i], frequency=freq[i], units=unit_freq[k]) for k, i in enumerate(ranked)
    ]
    edges: list[CowordEdge] = []
    for (a, b), w in pairs.items():
        if w < min_weight:
            continue
        ua, ub = unit_freq[a], unit_freq[b]
        edges.append(
            CowordEdge(
                source=nodes[a].term,
                target=nodes[b].term,
                weight=w,
                jaccard=round(w / (ua + ub - w), 6),
                pmi=round(math.log2(w * n_units / (ua * ub)), 6),
            )
        )
        nodes[a].degree += 1
        nodes[b].degree += 1
        nodes[a].strength += w
        nodes[b].strength += w
    rank = {n.term: n.id for n in nodes}
    edges.sort(key=lambda e: (-e.weight, rank[e.source], rank[e.target]))
    return CowordNetwork(nodes=nodes, edges=edges, unit=unit, n_units=n_units)


def _units(document: Document, stream: TokenStream, unit: str, vocab: dict[str, int]) -> Iterable[list[int]]:
    """Each unit of the document as the term numbers of its content tokens."""

    def ids(tokens: Iterable[Any]) -> list[int]:
        return [vocab.setdefault(t.text, len(vocab)) for t in tokens if t.content]

    if unit == "sentence":
        for _sent, tokens in stream.sentences(document):
            yield ids(tokens)
        return
    if unit == "document":
        out: list[int] = []
        for _sent, tokens in stream.sentences(document):
            out.extend(ids(tokens))
        yield out
        return
    current: list[int] = []
    owner: str | None = None
    for sent, tokens in stream.sentences(document, clauses=True):
        if sent.clause is None or sent.clause != owner:
            if current:
                yield current
            current = []
        owner = sent.clause
        current.extend(ids(tokens))
    if current:
        yield current
