"""Copy-paste detection across a batch: drafts that are one template sent to many readers."""

# Each draft becomes a set of word shingles (3 words, lowercased) after normalisations that undo
# what a mail-merge changes: leading header lines (Subject:, To:) and the greeting line ("Hi
# Priya,") are dropped and every capitalised word (names, companies, the sign-off name) becomes one
# placeholder token. The
# shingle sets are sketched with datasketch's MinHash; MinHashLSH finds candidate pairs without
# comparing all pairs (10,000 drafts stay cheap), each candidate pair is confirmed with the MinHash
# Jaccard estimate, and confirmed pairs are joined into groups with a union-find.

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH

from intro_lint.apps.grade.values import DuplicateGroup

NUM_PERM = 128
SHINGLE = 3  # words per shingle
MIN_WORDS = 6  # fewer words than this (after dropping the greeting) is too short to call a template
SEED = 1
SIMILARITY_SAMPLE = 400  # distinct sketches compared pairwise for a group's lowest similarity
REPRESENTATIVES = 16  # drafts of one group kept in the LSH index (see find_groups)

_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|hiya|greetings|good\s+(?:morning|afternoon|evening)|to\s+whom)"
    r"\b.{0,60}$",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^(?:subject|to|from|cc|bcc|date|reply-to)\s*:", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NAME_TOKEN = "§"  # stands for any capitalised word; not produced by _WORD (not alphanumeric)
_NUMBER_TOKEN = "#"


def _drop_greeting(text: str) -> str:
    """The text without its leading header lines (Subject:, To:, ...) and greeting line."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or _HEADER.match(line):
            continue
        if _GREETING.match(line):
            i += 1
        return "\n".join(lines[i:])
    return ""


def words(text: str) -> list[str]:
    """The normalised words a draft's shingles are made of (greeting dropped, names masked).

    Capitalised words (Priya, Acme, McKinsey, I) become one placeholder and numbers another, so a
    mail-merge's swapped names and companies do not count as differences. A draft that is mostly
    capitals (shouted, or a list of names) keeps its words, lowercased: masking would erase it.
    """
    raw = _WORD.findall(_drop_greeting(text or ""))
    masked = [
        _NUMBER_TOKEN if w[0].isdigit() else _NAME_TOKEN if w[0].isupper() else w for w in raw
    ]
    if masked.count(_NAME_TOKEN) * 2 > len(masked):
        return [w.lower() for w in raw]
    return [w.lower() for w in masked]


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word shingles of a draft; empty when it has fewer than MIN_WORDS words."""
    tokens = words(text)
    if len(tokens) < max(MIN_WORDS, size):
        return set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:  # path compression
            self.parent[a], a = root, self.parent[a]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller input index stays the root: groups keep input order cheaply
            self.parent[max(ra, rb)] = min(ra, rb)


def _lowest_similarity(hashes: np.ndarray, budget: int = 4_000_000) -> float:
    """Lowest pairwise MinHash Jaccard estimate among the rows of `hashes` (k x NUM_PERM).

    Exact copies share one sketch, so only distinct sketches are compared (at most
    SIMILARITY_SAMPLE of them), in blocks of at most `budget` cells to keep memory small.
    """
    hashes = np.unique(hashes, axis=0)
    if len(hashes) < 2:
        return 1.0
    if len(hashes) > SIMILARITY_SAMPLE:  # k^2 pairs is too many: an evenly spread, fixed sample
        hashes = hashes[np.linspace(0, len(hashes) - 1, SIMILARITY_SAMPLE).astype(int)]
    lowest = hashes.shape[1]
    chunk = max(1, budget // (len(hashes) * hashes.shape[1]))
    for start in range(0, len(hashes), chunk):
        block = hashes[start : start + chunk]
        equal = np.count_nonzero(block[:, None, :] == hashes[None, :, :], axis=2)
        lowest = min(lowest, int(equal.min()))
    return lowest / hashes.shape[1]


class NearCopies:
    """Sketch drafts one at a time as they are graded; group the near-copies once all are in.

    Two drafts are linked when the MinHash estimate of the Jaccard similarity of their shingle
    sets is at least `threshold`; a group is a connected set of linked drafts (so two members may
    be less similar than `threshold` through a chain), and its `similarity` is the lowest
    pairwise estimate inside it. Groups are numbered 1..n in the order of their first member.
    Exact for groups of up to REPRESENTATIVES distinct drafts; past that, a new draft joins the
    group when it is close enough to one of the group's first REPRESENTATIVES distinct drafts.
    Only the sketches are kept (128 numbers a draft), never the texts.
    """

    def __init__(self, threshold: float = 0.8):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        self.threshold = threshold
        self.ids: list[str] = []
        # input position -> sketch, for drafts long enough to sketch
        self.sketches: dict[int, MinHash] = {}
        # crc32 instead of the default sha1: ~5x faster, and datasketch mixes hash inputs
        # (fmix) anyway
        self._blank = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32)

    def add(self, draft_id: str, text: str) -> None:
        found = shingles(text)
        if found:
            sketch = self._blank.copy()  # what MinHash.bulk does: the permutations are made once
            sketch.update_batch([s.encode("utf-8") for s in found])
            self.sketches[len(self.ids)] = sketch
        self.ids.append(draft_id)

    def groups(self) -> list[DuplicateGroup]:
        keep, by_index, threshold = sorted(self.sketches), self.sketches, self.threshold
        if len(keep) < 2:
            return []
        # LSH only proposes candidates, each confirmed below: a slightly lower LSH threshold misses
        # fewer true pairs; datasketch cannot band above ~0.9 with 128 permutations
        lsh = MinHashLSH(threshold=min(max(threshold - 0.1, 0.1), 0.9), num_perm=NUM_PERM)
        uf = _UnionFind(len(self.ids))
        indexed: dict[
            int, int
        ] = {}  # union-find root -> how many of its drafts are in the LSH index
        seen: dict[
            bytes, int
        ] = {}  # sketch -> the first draft with it: exact copies skip the index
        for n in keep:
            sketch = by_index[n]
            key = sketch.hashvalues.tobytes()
            if key in seen:
                uf.union(n, seen[key])
                continue
            seen[key] = n
            for other in lsh.query(sketch):
                a, b = uf.find(n), uf.find(other)
                if a != b and sketch.jaccard(by_index[other]) >= threshold:
                    uf.union(a, b)
                    indexed[min(a, b)] = indexed.pop(a, 0) + indexed.pop(b, 0)
            root = uf.find(n)
            # a big group keeps only REPRESENTATIVES drafts in the index: without the cap, a
            # blast of k varied copies fills the same buckets and costs k^2 candidate checks
            if indexed.get(root, 0) < REPRESENTATIVES:
                lsh.insert(n, sketch)
                indexed[root] = indexed.get(root, 0) + 1

        members: dict[int, list[int]] = {}
        for n in keep:
            members.setdefault(uf.find(n), []).append(n)
        groups = []
        for root in sorted(members):
            found = members[root]
            if len(found) < 2:
                continue
            hashes = np.stack([by_index[n].hashvalues for n in found])
            groups.append(
                DuplicateGroup(
                    group=len(groups) + 1,
                    ids=tuple(self.ids[n] for n in found),
                    similarity=round(_lowest_similarity(hashes), 3),
                )
            )
        return groups


def find_groups(texts: Mapping[str, str], threshold: float = 0.8) -> list[DuplicateGroup]:
    """Near-duplicate groups, keyed by draft id; ids keep the input order (see NearCopies)."""
    copies = NearCopies(threshold)
    for draft, text in texts.items():
        copies.add(draft, text)
    return copies.groups()


def membership(groups: Iterable[DuplicateGroup]) -> dict[str, int]:
    """Draft id -> its duplicate group number (for DraftRow.duplicate_group)."""
    return {draft: g.group for g in groups for draft in g.ids}
