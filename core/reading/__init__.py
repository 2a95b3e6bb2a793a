"""Reading a folder of articles: bytes on disk -> decoded text with its metadata and problems.

Owns: bounded, safe file access and the folder lock (`folder`), encodings and HTML (`decode`),
`manifest.csv` (`manifest`), the whole folder with its duplicates and notices (`ingest`), uploads
(`uploads`) and the per-article extraction bound (`guard`).

May import: core.text (character normalization only), core.store, core.records, core.tables,
core.lexicon. Never the decision stages, the review, the runner, Streamlit or ui.
"""
