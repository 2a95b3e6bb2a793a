"""Ranking decisions: rank expressions in the text -> ranking claims (country, survey year, scope, rank).

Owns: the rank wording tables (`lexicon`), the document seen by the rules (`document`), rank
expressions and their items (`items`, by the rules of `expressions`, `leaders`, `lists` and
`pipe_tables`), the named rules deciding index (`indexes`), scope (`scopes`), country (`subjects`) and
survey edition and year (`editions`), and the stage (`extract`, `find_rank_claims`). Each decision is
an ordered list of named rules; each returns (value, basis) or None and the first that fires wins,
so a claim can say why it reads as it does. A new rank wording goes into core/data/rank_cues.tsv; a
new decision into the module of its concern as a named rule.

May import: core.text and what it may. Never core.events (the two decision stages are siblings),
reading, the review, the runner, Streamlit or ui.
"""
