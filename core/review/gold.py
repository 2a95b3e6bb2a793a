"""Reviewed articles as gold annotations: the evaluation schema `python -m core evaluate` reads.

Each article with at least one applied review entry becomes `<stem>.json` (events, rankings,
not_participants as in ../shared/devset/README.md), next to a copy of the article file and a
manifest.csv row, so `python -m core evaluate OUT` measures the extractor against the analyst's
reviews. The gold holds the article's reviewed tables: corrected values, added records, without
rejected ones; records the analyst left unreviewed are taken as they are. Rejected participants
become `not_participants` (named in the text, did not take part).
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd

from core.reading.decode import ARTICLE_SUFFIXES
from core.reading.ingest import MANIFEST
from core.review import ReviewError, reviewed_docs


def _value(value: object) -> object:
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def gold_of(corpus, doc: str) -> dict:
    """The gold annotation of one article from the corpus's (reviewed) tables."""
    events = corpus.events[corpus.events["doc"] == doc]
    participants = corpus.participants[corpus.participants["doc"] == doc]
    rankings = corpus.rankings[corpus.rankings["doc"] == doc]
    out_events = []
    for row in events.itertuples(index=False):
        named = participants[participants["event_id"] == row.event_id]
        host = _value(row.host_iso3) or None
        out_events.append({
            "role": row.role, "kind": row.kind, "year": _value(row.year), "date": _value(row.date) or None,
            "host": host, "participants": sorted({str(i) for i in named["iso3"]} - {host}),
            "countries_stated": _value(row.countries_stated), "gcc": bool(_value(row.gcc)),
            "organizations": [o for o in str(_value(row.organizations) or "").split(";") if o],
        })
    out_rankings = [{"survey_year": _value(r.survey_year), "scope": r.scope, "rank": _value(r.rank),
                     "country": r.country_iso3} for r in rankings.itertuples(index=False)]
    rejected = corpus.rejected
    if rejected.empty:
        rejected = pd.DataFrame(columns=["doc", "record", "iso3", "reason"])
    not_participants = rejected[(rejected["doc"] == doc) & (rejected["record"] == "participant")
                                & (rejected["reason"] == "rejected")]["iso3"]
    kept = {str(i) for i in participants["iso3"]}
    return {"doc": doc, "source": "analyst review (corrections.jsonl) of the extracted records",
            "events": out_events, "rankings": out_rankings,
            "not_participants": sorted({str(i) for i in not_participants} - kept)}


def write_gold(corpus, out: str | Path) -> list[str]:
    """Write every reviewed article of `corpus` (loaded with its log) as gold JSON, with the article
    file and manifest.csv, into `out`; returns the documents written.

    ReviewError, before anything is written, when `out` already holds articles or a manifest: it
    would overwrite an articles folder (the corpus's own, for one) and its manifest.
    """
    out = Path(out)
    if out.is_dir():
        held = sorted(p.name for p in out.iterdir()
                      if p.name == MANIFEST or p.name.lower().endswith(ARTICLE_SUFFIXES))
        if held:
            raise ReviewError(f"{out} holds articles or a manifest ({', '.join(held[:3])}"
                              f"{', …' if len(held) > 3 else ''}); choose a new or empty folder for the gold")
    out.mkdir(parents=True, exist_ok=True)
    docs = reviewed_docs(corpus)
    meta = corpus.documents.set_index("doc")
    rows = []
    for doc in docs:
        source = Path(corpus.folder) / doc
        shutil.copy2(source, out / doc)
        (out / (Path(doc).stem + ".json")).write_text(
            json.dumps(gold_of(corpus, doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        rows.append([doc, _value(meta.at[doc, "published"]) or "", _value(meta.at[doc, "source_url"]) or ""])
    with open(out / MANIFEST, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "published", "source_url"])
        writer.writerows(rows)
    return docs
