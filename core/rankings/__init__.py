"""Ranking decisions: rank expressions in the text -> ranking claims (country, survey year, scope, rank).

Owns: the rank wording tables (`lexicon`), rank expressions and their items (`items`), the named
rules deciding index, scope, country and survey edition (`rules`), and the stage (`extract`,
`find_rank_claims`). A new rank wording goes into core/data/rank_cues.tsv; a new decision into
`rules` as a named rule.

May import: core.text and what it may. Never core.events (the two decision stages are siblings),
reading, the review, the runner, Streamlit or ui.
"""
