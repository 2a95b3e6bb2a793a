"""Running extraction over a folder: the one orchestrator and its engines.

Owns: `pipeline` (one document -> records, a folder -> the tables, `load_corpus`), `engine`
(local or Dask, CSV and Parquet output), `dask_engine` (the per-document map on a Dask scheduler)
and `snapshot` (a warm start: the whole corpus's tables kept beside the cache).

May import: every stage below it (review, rankings, events, reading, text, store, reference and
the base modules). Never Streamlit or ui.
"""
