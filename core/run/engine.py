"""Which engine extracts a folder for the export (local processes or Dask), and the Parquet writer.

`load(folder, engine=...)`: "local" is core.run.pipeline.load_corpus (this machine, `workers`
processes); "dask" is core.run.dask_engine.load_corpus (a LocalCluster of `workers` processes, or
the scheduler at `scheduler`). Both give the same tables.

`write_parquet(corpus, out)`: each table as a partitioned Parquet dataset, out/<table>/part-NNNNN.parquet,
one file per `partition_docs` consecutive documents (in document order), so a file holds every
row of its documents (the stories table, whose stories span documents, is whole in the first part) and the parts concatenated in name order are the whole table; dtypes
(string, Int64, boolean) are kept. Any engine that reads a folder of Parquet files reads them:
pandas.read_parquet(out / "events"), DuckDB read_parquet('out/events/*.parquet'), Spark, Dask.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from core.run.pipeline import Corpus
from core.run.pipeline import load_corpus as local_load_corpus
from core.run.progress import Progress

ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet")
TABLES = ("documents", "events", "participants", "rankings", "stories")
PARTITION_DOCS = 1000


def load(folder: str | Path, *, engine: str = "local", scheduler: str | None = None,
         workers: int | None = None, cache: bool = True, progress: Progress | None = None) -> Corpus:
    """The corpus of `folder` extracted by `engine` (see the module doc); `workers` None: 1 local, 2 on Dask.

    `progress`: called with (done, total) of the articles extracted (core.run.progress), either engine.
    """
    if engine == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return local_load_corpus(folder, cache=cache, workers=workers or 1, progress=progress)
    if engine == "dask":
        from core.run import dask_engine
        return dask_engine.load_corpus(folder, scheduler=scheduler, workers=workers or 2, cache=cache,
                                       progress=progress)
    raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")


def write_tables_csv(corpus: Corpus, out: Path) -> list[str]:
    """out/<table>.csv for the four tables, through core.store.csv_safety.write_csv (formulas escaped)."""
    from core.store.csv_safety import write_csv

    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        write_csv(getattr(corpus, name), out / f"{name}.csv")
    return [f"{name}.csv" for name in TABLES]


def write_parquet(corpus: Corpus, out: Path, partition_docs: int = PARTITION_DOCS) -> list[str]:
    """Write out/<table>/part-NNNNN.parquet for each table; an earlier export's parts are replaced."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = corpus.documents["doc"].astype(str).tolist()
    part_of = {doc: n // max(1, partition_docs) for n, doc in enumerate(docs)}
    parts = max(1, -(-len(docs) // max(1, partition_docs)))
    written = []
    for name in TABLES:
        frame: pd.DataFrame = getattr(corpus, name)
        folder = out / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if "doc" in frame.columns:
            index = frame["doc"].astype(str).map(part_of).to_numpy() if len(frame) else []
        else:  # stories span articles: the whole table in the first part
            index = [0] * len(frame)
            index = pd.Series(index, dtype="int64").to_numpy()
        schema = pa.Schema.from_pandas(frame, preserve_index=False)
        for n in range(parts):
            rows = frame[index == n] if len(frame) else frame
            table = pa.Table.from_pandas(rows, schema=schema, preserve_index=False)
            pq.write_table(table, folder / f"part-{n:05d}.parquet")
        written.append(f"{name}/ ({parts} part{'s' if parts != 1 else ''})")
    return written


def read_parquet(out: Path, name: str) -> pd.DataFrame:
    """A table written by write_parquet, read back whole (parts in name order)."""
    import pyarrow.parquet as pq

    files = sorted((Path(out) / name).glob("part-*.parquet"))
    tables = [pq.read_table(f) for f in files]
    import pyarrow as pa
    return pa.concat_tables(tables).to_pandas().reset_index(drop=True)
