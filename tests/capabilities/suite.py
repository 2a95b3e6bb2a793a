"""Cases, capabilities, the template generator and the runner of the capability suite."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from core.records import DocumentExtraction
from core.run.pipeline import extract_document

# Kinds of test, as CheckList names them: minimum functionality (the decision on a plain case),
# invariance (a change that must not change the decision: word order, digits, a dual), and the
# negative beside each positive (a look-alike that must give nothing or something else).
TESTS = ("mft", "inv", "neg")


@dataclass(frozen=True)
class Case:
    """One generated article: its text, the value the decision must give (None: it must stay empty)."""

    text: str
    expected: Any
    test: str = "mft"
    published: str = "2024-06-15"
    template: str = ""


@dataclass
class Capability:
    """One decision over many cases; `read` takes the decision's value off one extraction."""

    name: str
    decision: str
    read: Callable[[DocumentExtraction], Any]
    cases: list[Case] = field(default_factory=list)
    floor: float = 0.90
    # A capability known to fall below its floor: the reason, and its test is xfail(strict=True)
    # so that reaching the floor is noticed (the mark is then removed).
    known_miss: str = ""

    def add(self, cases: Iterable[Case]) -> "Capability":
        self.cases.extend(cases)
        return self


@dataclass(frozen=True)
class Failure:
    case: Case
    actual: Any


@dataclass(frozen=True)
class Result:
    capability: Capability
    passed: int
    failures: tuple[Failure, ...]

    @property
    def total(self) -> int:
        return self.passed + len(self.failures)

    @property
    def accuracy(self) -> float:
        return self.passed / self.total if self.total else 0.0


def generate(template: str, expected: Any, *, test: str = "mft", published: str = "2024-06-15",
             **slots: Sequence[Mapping[str, Any] | Any]) -> list[Case]:
    """Every combination of the slot values put into `template`.

    A slot value is either a plain value (written as it is in `{slot}`) or a mapping whose keys are
    reachable as `{slot[key]}` in the template. `expected` is a value, or a function of the filled
    slots (a dict slot name -> value) giving the value.
    """
    if test not in TESTS:
        raise ValueError(f"unknown test kind {test!r}")
    names = list(slots)
    cases = []
    for values in product(*(slots[name] for name in names)):
        filled = dict(zip(names, values))
        text = template.format(**filled)
        value = expected(filled) if callable(expected) else expected
        cases.append(Case(text=text, expected=value, test=test, published=published, template=template))
    return cases


def same(expected: Any, actual: Any) -> bool:
    """Sets and lists of values compare as sets; everything else by equality."""
    if isinstance(expected, (set, frozenset)):
        return set(actual or ()) == set(expected)
    return expected == actual


def run(capability: Capability) -> Result:
    passed, failures = 0, []
    memo: dict[tuple[str, str], DocumentExtraction] = {}
    for case in capability.cases:
        key = (case.text, case.published)
        if key not in memo:
            memo[key] = extract_document(case.text, published=case.published)
        actual = capability.read(memo[key])
        if same(case.expected, actual):
            passed += 1
        else:
            failures.append(Failure(case, actual))
    return Result(capability, passed, tuple(failures))
