"""Skip a regex search if the text lacks every word the pattern needs (same results, less work)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

# the parser behind re.compile and its extra case pairs; private, so any surprise turns
# screening off
try:
    from re import _casefix
    from re import _constants as sre
    from re import _parser as sre_parse

    EXTRA_CASES = {chr(c) for pair in _casefix._EXTRA_CASES.items() for c in (pair[0], *pair[1])}
except (ImportError, AttributeError):  # pragma: no cover - Python < 3.11 is not supported anyway
    sre = sre_parse = None
    EXTRA_CASES = set()
NON_ASCII = re.compile(r"[^\x00-\x7f]")

CAP = 48  # most strings one stretch of a pattern may spell before it stops being a useful screen
WARM_UP = 64  # searches a pattern runs unscreened before its screen is built
LONG = 300  # characters: past this, testing each string with `in` is faster than one alternation
SHORTEST = 2  # a required string shorter than this screens out too little to pay for the check

Strings = frozenset[str]


class Screened:
    """A compiled pattern plus strings (lower case) of which every match contains at least one.

    The pattern runs only if text.lower() contains one of them. That is exact when every character
    of the text is ASCII or has no case at all (curly quotes, dashes, emoji): there, matching while
    ignoring case is lower-case equality. Text with other characters (an accented name) always runs
    the pattern, as does a pattern for which no such strings can be named.
    """

    __slots__ = ("regex", "_uses", "_screen")

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        self._uses = 0
        self._screen: tuple[Strings | None, re.Pattern | None] | None = (
            None  # built after WARM_UP searches
        )

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def flags(self) -> int:
        return self.regex.flags

    @property
    def needs(self) -> Strings | None:
        return self._built()[0]

    def _built(self) -> tuple[Strings | None, re.Pattern | None]:
        if self._screen is None:
            needs = required_strings(self.regex)
            # one case-sensitive alternation of plain strings: re scans for it far faster than
            # for the pattern
            alternation = (
                None
                if needs is None
                else re.compile("|".join(map(re.escape, sorted(needs))) or "(?!)")
            )
            self._screen = (needs, alternation)
        return self._screen

    def could_match(self, text: str) -> bool:
        if self._screen is None:
            self._uses += 1
            if (
                self._uses < WARM_UP
            ):  # a one-draft check never pays the ~3 ms it takes to build the screen
                return True
        needs, alternation = self._built()
        if needs is None or not (
            text.isascii() or all(map(caseless, set(NON_ASCII.findall(text))))
        ):
            return True
        low = text.lower()
        if len(low) > LONG:  # memchr-backed `in` beats a scan of the alternation on whole drafts
            return any(s in low for s in needs)
        return alternation.search(low) is not None

    def search(self, text: str, *args) -> re.Match | None:
        return self.regex.search(text, *args) if self.could_match(text) else None

    def match(self, text: str, *args) -> re.Match | None:
        return self.regex.match(text, *args) if self.could_match(text) else None

    def finditer(self, text: str, *args) -> Iterator[re.Match]:
        return self.regex.finditer(text, *args) if self.could_match(text) else iter(())

    def findall(self, text: str, *args) -> list:
        return self.regex.findall(text, *args) if self.could_match(text) else []

    def __repr__(self) -> str:
        return f"Screened({self.regex!r}, needs={sorted(self.needs) if self.needs else None})"


def required_strings(regex: re.Pattern) -> Strings | None:
    """Lower-case strings one of which is in every match, or None if the pattern names none
    worth checking."""
    if sre_parse is None or not isinstance(regex.pattern, str):
        return None
    try:
        needs = _needs(list(sre_parse.parse(regex.pattern, regex.flags)))
    except Exception:  # an op this reading does not know: no screen, the regex still runs
        return None
    if needs is None or (needs and min(map(len, needs)) < SHORTEST):
        return None  # an empty set is kept: the pattern cannot match ASCII text at all
    return frozenset(
        s for s in needs if not any(t != s and t in s for t in needs)
    )  # "would love" needs " love"


def _needs(seq: list) -> Strings | None:
    """Best set for a sequence: from literal stretches it spells, or one of its required parts."""
    best: Strings | None = None
    run: set[str] = {""}  # the strings the current stretch of spellable elements can match
    for op, av in seq:
        spelt = _spell(op, av)
        if spelt is not None and len(run) * len(spelt) <= CAP:
            run = {a + b for a in run for b in spelt}
        else:
            best = _better(best, _better(_stretch(run), _part_needs(op, av)))
            run = (
                spelt if spelt is not None else {""}
            )  # the stretch ends here; a spellable element starts the next
        if not run:
            return frozenset()  # a character no ASCII text has: this sequence never matches one
    return _better(best, _stretch(run))


def _stretch(run: set[str]) -> Strings | None:
    return None if "" in run else frozenset(run)


def _part_needs(op, av) -> Strings | None:
    """What one element requires on its own: every branch's need, a group's, a repeated item's."""
    if op is sre.BRANCH:
        parts = [_needs(list(alt)) for alt in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    if op is sre.SUBPATTERN:
        return _needs(list(av[3]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        once = _spell_seq(list(av[2]))
        if once is not None and len(once) == 1 and av[0] <= CAP:
            return frozenset({once.pop() * av[0]}) - {""} or None  # "-{3,}" needs "---"
        return _needs(list(av[2]))
    if op is sre.ATOMIC_GROUP:
        return _needs(list(av))
    return None


def _spell(op, av) -> set[str] | None:
    """Every string this element can match, if few and all ASCII; zero-width ones spell ''."""
    if op is sre.LITERAL:
        return _screenable(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.BRANCH:
        return _spell_alternatives([list(alt) for alt in av[1]])
    if op is sre.SUBPATTERN:
        return _spell_seq(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _spell_seq(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _spell_seq(list(av[2]))
        return None if inner is None else inner | {""}
    if op is sre.IN and all(o is sre.LITERAL for o, a in av):
        return set().union(*(_screenable(a) for o, a in av))
    return None


@cache
def _screenable(code: int) -> frozenset[str]:
    """What a pattern character matches in text the screen reads (ASCII and caseless characters),
    in lower case, ignoring case or not: 'K' -> {'k'}; the Kelvin sign -> {'k'}; '’' -> {'’'};
    'é' -> {} (such text always runs the pattern, so a branch that needs 'é' cannot match where
    the screen decides)."""
    char = chr(code)
    if code < 128:
        return frozenset({char.lower()})
    found = {
        a.lower() for a in map(chr, range(128)) if re.fullmatch(re.escape(char), a, re.IGNORECASE)
    }
    return frozenset(found | ({char} if caseless(char) else set()))


@lru_cache(maxsize=4096)
def caseless(char: str) -> bool:
    """No upper, lower or folded form and no special case pairing: it matches only itself."""
    return char.lower() == char.upper() == char.casefold() == char and char not in EXTRA_CASES


def _spell_seq(seq: list) -> set[str] | None:
    out = {""}
    for op, av in seq:
        spelt = _spell(op, av)
        if spelt is None or len(out) * len(spelt) > CAP:
            return None
        out = {a + b for a in out for b in spelt}
    return out


def _spell_alternatives(alternatives: list[list]) -> set[str] | None:
    out: set[str] = set()
    for alt in alternatives:
        spelt = _spell_seq(alt)
        if spelt is None:
            return None
        out |= spelt
        if len(out) > CAP:
            return None
    return out


def _better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The more selective set: longer shortest string first, then fewer strings."""
    if a is None or b == frozenset():
        return b
    if b is None or a == frozenset():
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))
