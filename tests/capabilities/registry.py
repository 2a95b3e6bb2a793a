"""Every capability of the suite, in a fixed order: each decision module's CAPABILITIES."""

from __future__ import annotations

from importlib import import_module

from capabilities.suite import Capability

# One module per decision family; each defines CAPABILITIES (a list of Capability).
MODULES = ("capabilities.rankings", "capabilities.events")


def all_capabilities() -> list[Capability]:
    found: list[Capability] = []
    for name in MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a family not written yet
        found.extend(module.CAPABILITIES)
    return found
