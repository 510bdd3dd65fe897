"""Refuse patterns that can backtrack for ever: nested repeats, ambiguous repeated alternations."""

from __future__ import annotations

from itertools import product

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAXREPEAT = sre_constants.MAXREPEAT
GREEDY = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}  # possessive repeats cannot backtrack
LONG = 10  # an outer repeat bounded at more than this many rounds counts as unbounded
CAP = 64  # most strings a repeated body may spell before the alternation check gives up on it

NESTED = "repeats a repeat (like '(a+)+')"
AMBIGUOUS = "repeats an alternation whose branches overlap (like '(a|a)*' or '(a|aa)*')"


def runaway(pattern: str) -> str | None:
    """Why PATTERN can take exponential time on some text (NESTED or AMBIGUOUS), or None."""
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - the caller reports patterns that do not compile
        return None
    return _walk(list(tree), inside=False)


def _walk(items: list, inside: bool) -> str | None:
    for op, av in items:
        if op in GREEDY:
            low, high, body = av
            if inside and high == MAXREPEAT:
                return NESTED
            long = high == MAXREPEAT or high > LONG
            if long and _ambiguous(_spell(list(body))):
                return AMBIGUOUS
            found = _walk(list(body), inside or long)
        else:
            found = next(filter(None, (_walk(list(s), inside) for s in _children(op, av))), None)
        if found:
            return found
    return None


def _children(op, av) -> list:
    """The sub-patterns under one node of the parsed tree."""
    if op is sre_constants.SUBPATTERN:
        return [av[-1]]
    if op is sre_constants.BRANCH:
        return list(av[1])
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [av[1]]
    if op is sre_constants.GROUPREF_EXISTS:
        return [b for b in av[1:] if b is not None]
    return []  # an atomic group gives back nothing once it has matched; the rest hold no pattern


def _ambiguous(spelt: list[str] | None) -> bool:
    """A repeated body that matches one text in two ways: a string twice, or one made of others."""
    if spelt is None:
        return False
    words = [w for w in spelt if w]
    unique = set(words)
    return len(unique) < len(words) or any(_split(w, unique) for w in unique)


def _split(word: str, words: set[str]) -> bool:
    """WORD is a run of two or more of the other strings (e.g. 'aa' from 'a' and 'a')."""
    ends = {0: 0}  # position reached -> most pieces used to reach it
    for i in range(len(word)):
        if i in ends:
            for w in words:
                if w != word and word.startswith(w, i):
                    ends[i + len(w)] = max(ends.get(i + len(w), 0), ends[i] + 1)
    return ends.get(len(word), 0) >= 2


def _spell(items: list) -> list[str] | None:
    """Every string a sequence matches, once per way of matching it (lower case), if few."""
    out = [""]
    for op, av in items:
        part = _spell_one(op, av)
        if part is None or len(out) * len(part) > CAP:
            return None
        out = [a + b for a, b in product(out, part)]
    return out


def _spell_one(op, av) -> list[str] | None:
    if op is sre_constants.LITERAL:
        return [chr(av).lower()]
    if op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in av):
        return sorted({chr(a).lower() for _, a in av})  # a set matches one character one way
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [""]
    if op is sre_constants.SUBPATTERN:
        return _spell(list(av[-1]))
    if op is sre_constants.BRANCH:
        branches = [_spell(list(b)) for b in av[1]]
        if any(b is None for b in branches) or sum(map(len, branches)) > CAP:
            return None
        return [w for b in branches for w in b]
    if op in GREEDY and av[1] == 1:
        inner = _spell(list(av[2]))
        return None if inner is None else [*inner, ""] if av[0] == 0 else inner
    return None
