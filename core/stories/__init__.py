"""Stories: the events of a whole folder that report the same occasion, joined (one event, many reports).

Owns the story records (`records`: what is compared, read from an events row and its evidence
sentence -- kind family, date and its precision, stated host, edition number, the event's own name,
tense, side event), the pair decisions (`rules`: named refusals, then the evidence for a join) and
the grouping and the stories table (`build`). Runs after the per-document extraction, on the tables
of the whole folder, so it never sees a file name's order.

May import: core.text (normalization, morphology, numbers, the word groups), core.tables,
core.lexicon and the libraries rapidfuzz (name similarity) and networkx (grouping). Never
core.events, core.rankings (it reads their tables, not their code), core.review or core.run.
"""

from core.stories.build import build_stories, group_stories, story_records  # noqa: F401
from core.stories.rules import join_basis, refusal  # noqa: F401
