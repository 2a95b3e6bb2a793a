"""Text analysis shared by every decision stage: one pass per document, no decisions.

Owns: normalization with offsets back to the original (`normalize`), the tokens as columns
(`tokens`), sentences and clauses
(`segment`), the one morphology function (`morphology`), phrase matching (`phrases`), states and
places (`gazetteer`), numbers and ordinals (`numbers`), dates (`dates`), and the per-document
context that tags all of them once (`context`).

May import: core.records, core.tables, core.vocabulary, core.lexicon (the data files). Never
reading, the decision stages, the review, the runner, Streamlit or ui.
"""
