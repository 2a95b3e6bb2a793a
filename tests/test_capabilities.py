"""The capability suite: every capability reaches its floor over its generated cases.

Each capability is a decision over cases generated from templates x slot values (tests/capabilities/).
A capability below its floor names its reason in `known_miss` and is xfail(strict=True) here.
"""

from __future__ import annotations

import pytest

from capabilities.registry import all_capabilities
from capabilities.suite import TESTS, run

CAPABILITIES = all_capabilities()


def _param(capability):
    marks = [pytest.mark.xfail(strict=True, reason=capability.known_miss)] if capability.known_miss else []
    return pytest.param(capability, id=capability.name, marks=marks)


@pytest.mark.parametrize("capability", [_param(c) for c in CAPABILITIES])
def test_capability_reaches_its_floor(capability):
    result = run(capability)
    shown = "; ".join(f"want {f.case.expected!r} got {f.actual!r}: {f.case.text[:90]}" for f in result.failures[:3])
    assert result.accuracy >= capability.floor, f"{result.accuracy:.3f} < {capability.floor}: {shown}"


def test_every_capability_has_enough_cases_of_known_kinds():
    for capability in CAPABILITIES:
        assert len(capability.cases) >= 40, capability.name
        assert {case.test for case in capability.cases} <= set(TESTS), capability.name
    assert len({c.name for c in CAPABILITIES}) == len(CAPABILITIES)
