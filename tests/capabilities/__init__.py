"""The capability suite: the extractor's decisions tested across their whole space (CheckList style).

Each capability is one decision (rank expression, scope, survey year, host, participants, size, …)
and its cases are generated from templates written here × slot values (states, verbs, number forms,
word orders, lists and duals), with negatives beside the positives. `python tools/capabilities.py`
prints one row per capability; tests/test_capabilities.py asserts each capability's floor.

Modules: `suite` (the case and capability types, the generator, the runner), `slots` (slot values
shared by the templates: states with their Arabic forms, numbers in every written form), and one
module per decision family (`rankings`, `events`, …) each exposing CAPABILITIES.
"""
