"""The pairing steps of :mod:`rectxl.core.diff`, kept linear in the size of the ledgers.

Pure and generic: items are indices into lists of keys or texts, the caller keeps the records.

- :func:`pair_equal` pairs equal keys one-to-one in order (a queue per key, not ``list.pop(0)``:
  a ledger with thousands of identical cells would make that quadratic);
- :func:`similar_pairs` / :func:`similarity` give the difflib ratio of the text pairs that reach
  a threshold. difflib costs ~100 µs for two 80-character measures, so the pairs that cannot
  reach it are ruled out first by exact upper bounds of the ratio; every pair that passes gets
  the very ratio difflib computes;
- :func:`greedy` pairs the scored candidates one-to-one, best first.
"""

from __future__ import annotations

import difflib
from collections import Counter, deque
from collections.abc import Hashable, Iterable, Sequence

__all__ = ["greedy", "pair_equal", "ratio", "similar_pairs", "similarity"]


def pair_equal(keys_a: Sequence[Hashable], keys_b: Sequence[Hashable], used_a: set[int],
               used_b: set[int]) -> list[tuple[int, int]]:
    """Pair items with equal keys, one-to-one, in order; items in ``used_*`` are skipped and
    the pairs found are added to them."""
    waiting: dict[Hashable, deque[int]] = {}
    for j, k in enumerate(keys_b):
        if j not in used_b:
            waiting.setdefault(k, deque()).append(j)
    out = []
    for i, k in enumerate(keys_a):
        if i in used_a:
            continue
        queue = waiting.get(k)
        if not queue:
            continue
        j = queue.popleft()
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    return out


def greedy(pairs: Iterable[tuple[float, int, int]], used_a: set[int], used_b: set[int]
           ) -> list[tuple[int, int, float]]:
    """One-to-one pairing of ``(score, a, b)`` candidates, best score first, ties in ledger
    order; the pairs found are added to ``used_*``."""
    out = []
    for score, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        out.append((a, b, score))
    return out


def ratio(a: str, b: str) -> float:
    """difflib's similarity of two texts (Ratcliff/Obershelp, no junk heuristic)."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _as_ratio(matches: int, length: int) -> float:
    """difflib's formula turning a number of matching characters into a ratio."""
    return 2.0 * matches / length if length else 1.0


def _common(ca: Counter[str], cb: Counter[str]) -> int:
    """Size of the multiset intersection of two character counts."""
    if len(ca) > len(cb):
        ca, cb = cb, ca
    n = 0
    for ch, k in ca.items():
        other = cb.get(ch)
        if other:
            n += k if k < other else other
    return n


def similar_pairs(texts_a: Sequence[str], texts_b: Sequence[str], threshold: float
                  ) -> list[tuple[float, int, int]]:
    """``(ratio, i, j)`` for every pair ``texts_a[i]``, ``texts_b[j]`` whose :func:`ratio` is at
    least ``threshold``.

    The ratio is ``2·M / (len(a) + len(b))``, M the number of characters in difflib's matching
    blocks. Two upper bounds of M rule most pairs out before difflib runs (~100 µs a pair of
    80-character measures): M ≤ the shorter length (free), and M ≤ the number of characters the
    texts have in common counted with multiplicity (difflib's ``quick_ratio``, here from
    character counts made once per text: ~5 µs a pair). Put through the same formula, a bound
    below the threshold means the ratio is too — the pairs returned are exactly those the
    ratio alone would give."""
    counts_b = [Counter(b) for b in texts_b]
    out = []
    for i, a in enumerate(texts_a):
        ca = Counter(a)
        for j, b in enumerate(texts_b):
            length = len(a) + len(b)
            if (_as_ratio(min(len(a), len(b)), length) < threshold
                    or _as_ratio(_common(ca, counts_b[j]), length) < threshold):
                continue
            r = ratio(a, b)
            if r >= threshold:
                out.append((r, i, j))
    return out


def similarity(a: str, b: str, threshold: float) -> float | None:
    """The :func:`ratio` of ``a`` and ``b`` when it is at least ``threshold``, else ``None``."""
    found = similar_pairs([a], [b], threshold)
    return found[0][0] if found else None


def uncovered(a: str, b: str) -> str:
    """The characters of ``a`` that difflib's matching blocks against ``b`` leave out, in order
    (what ``a`` says that ``b`` does not)."""
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    out, at = [], 0
    for i, _j, n in blocks:
        out.append(a[at:i])
        at = i + n
    return "".join(out)


def share_of(a: str, b: str) -> float:
    """The share of ``a``'s characters that ``b`` says too (difflib's matching blocks)."""
    return 1.0 - len(uncovered(a, b)) / len(a) if a else 0.0
