"""Scoring extraction against gold annotations (schema: ../shared/devset/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.run.pipeline import Corpus, load_corpus


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    participants: Score = field(default_factory=Score)
    rankings: Score = field(default_factory=Score)
    main_total: int = 0
    main_correct: dict[str, int] = field(default_factory=lambda: {"kind": 0, "year": 0, "size": 0, "gcc": 0})
    false_participants: list[str] = field(default_factory=list)
    spurious_main: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    documents: int = 0
    # The headline metrics as the development set's scorer defines them: participants of main
    # events only; year, size and host judged only where the gold has a value; false participants
    # are main-event participants the gold lists as not taking part.
    main_participants: Score = field(default_factory=Score)
    headline_counts: dict[str, list[int]] = field(
        default_factory=lambda: {w: [0, 0] for w in ("kind", "year", "size", "gcc", "host")})
    headline_false: list[str] = field(default_factory=list)
    # Pairs of events of different articles in one story (gold: stories.csv beside the gold files),
    # "main" for main events only, "all" with mentioned events; None when there is no stories.csv.
    stories: dict[str, Score] | None = None

    def accuracy(self, what: str) -> float:
        return self.main_correct[what] / self.main_total if self.main_total else 1.0

    def headline(self) -> dict[str, float]:
        """participants_f1, rankings_f1 and kind/year/size/gcc/host accuracy (scorer definitions)."""
        out = {"participants_f1": self.main_participants.f1, "rankings_f1": self.rankings.f1}
        for what, (ok, n) in self.headline_counts.items():
            out[what] = ok / n if n else 1.0
        return out

    def lines(self) -> list[str]:
        p, r = self.participants, self.rankings
        out = [
            f"documents: {self.documents}",
            f"participants: P={p.precision:.3f} R={p.recall:.3f} F1={p.f1:.3f} (tp={p.tp} fp={p.fp} fn={p.fn})",
            f"rankings: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f} (tp={r.tp} fp={r.fp} fn={r.fn})",
        ]
        for what in ("kind", "year", "size", "gcc"):
            out.append(f"main {what} accuracy: {self.accuracy(what):.3f} ({self.main_correct[what]}/{self.main_total})")
        out.append(f"false participants: {len(self.false_participants)}")
        out.append(f"spurious main events: {len(self.spurious_main)}")
        head = self.headline()
        out.append("headline (main events; year/size/host where the gold has one): " +
                   ", ".join(f"{k} {v:.3f}" for k, v in head.items()) +
                   f", false participants {len(self.headline_false)}; lowest {min(head.values()):.3f}")
        if self.stories is not None:
            out.append("stories (pairs of events in one story): " + ", ".join(
                f"{name} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (pairs {s.tp + s.fn})"
                for name, s in self.stories.items()))
        return out


def _events_of(corpus: Corpus, doc: str) -> list[dict]:
    ev = corpus.events[corpus.events["doc"] == doc]
    parts = corpus.participants[corpus.participants["doc"] == doc]
    out = []
    for row in ev.itertuples(index=False):
        out.append({
            "role": row.role, "kind": row.kind, "year": None if pd.isna(row.year) else int(row.year),
            "countries_stated": None if pd.isna(row.countries_stated) else int(row.countries_stated),
            "gcc": bool(row.gcc), "participants": set(parts.loc[parts["event_id"] == row.event_id, "iso3"]),
            "event_id": row.event_id, "host": "" if pd.isna(row.host_iso3) else str(row.host_iso3),
        })
    return out


def _pair_events(gold: list[dict], pred: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Main with main (a tour's mains by their host, then in order); mentioned by kind and year, then
    by kind, then left unpaired."""
    pairs: list[tuple[dict | None, dict | None]] = []
    g_main = [g for g in gold if g["role"] == "main"]
    p_main = [p for p in pred if p["role"] == "main"]
    if len(g_main) > 1:
        for g in list(g_main):
            match = next((p for p in p_main if g.get("host") and p["host"] == g.get("host")), None)
            if match is not None:
                pairs.append((g, match))
                g_main.remove(g)
                p_main.remove(match)
    if g_main or p_main:
        pairs.append((g_main[0] if g_main else None, p_main[0] if p_main else None))
    g_rest = [g for g in gold if g["role"] != "main"]
    p_rest = [p for p in pred if p["role"] != "main"]
    for same_year in (True, False):
        for g in list(g_rest):
            match = next((p for p in p_rest if p["kind"] == g["kind"] and (not same_year or p["year"] == g["year"])), None)
            if match is not None:
                pairs.append((g, match))
                g_rest.remove(g)
                p_rest.remove(match)
    pairs += [(g, None) for g in g_rest] + [(None, p) for p in p_rest]
    return [pair for pair in pairs if pair != (None, None)]


def _score_headline(result: Evaluation, doc: str, gold: dict, pred: dict | None, not_part: set[str]) -> None:
    """Add one main event to the scorer-defined headline counts."""
    got = pred["participants"] if pred else set()
    result.main_participants.tp += len(got & gold["participants"])
    result.main_participants.fp += len(got - gold["participants"])
    result.main_participants.fn += len(gold["participants"] - got)
    result.headline_false += [f"{doc}:{iso3}" for iso3 in sorted(got & not_part)]
    checks = {"kind": (True, pred and pred["kind"] == gold["kind"]),
              "gcc": (True, pred and pred["gcc"] == bool(gold.get("gcc"))),
              "year": (gold.get("year") is not None, pred and pred["year"] == gold.get("year")),
              "size": (gold.get("countries_stated") is not None,
                       pred and pred["countries_stated"] == gold.get("countries_stated")),
              "host": (bool(gold.get("host")), pred and pred["host"] == gold.get("host"))}
    for what, (judged, ok) in checks.items():
        if judged:
            result.headline_counts[what][1] += 1
            result.headline_counts[what][0] += bool(ok)
            if not ok and what == "host":
                result.misses.append(f"{doc} main: host {pred['host'] if pred else None!r}, gold {gold['host']!r}")


def evaluate(folder: str | Path, gold_dir: str | Path | None = None) -> Evaluation:
    """Extract `folder` (with its manifest) and score it against `<gold_dir>/<stem>.json` files."""
    folder = Path(folder)
    gold_dir = Path(gold_dir) if gold_dir else folder
    corpus = load_corpus(folder)
    result = Evaluation()
    docs = set(corpus.documents["doc"].tolist())  # once, not once per gold file
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = gold.get("doc") or gold_path.stem + ".txt"
        if doc not in docs:
            result.misses.append(f"{doc}: gold file has no article in {folder}")
            continue
        result.documents += 1
        pred = _events_of(corpus, doc)
        gold_events = [{**g, "participants": set(g.get("participants") or [])} for g in gold.get("events", [])]
        gold_states = set().union(*(g["participants"] for g in gold_events)) if gold_events else set()
        not_part = set(gold.get("not_participants") or [])
        for g, p in _pair_events(gold_events, pred):
            gp = g["participants"] if g else set()
            pp = p["participants"] if p else set()
            result.participants.tp += len(gp & pp)
            result.participants.fp += len(pp - gp)
            result.participants.fn += len(gp - pp)
            label = f"{doc} {(g or p)['role']} {(g or p)['kind']}"
            for iso3 in sorted(pp - gp):
                why = "named but did not take part" if iso3 in not_part else "not a participant in gold"
                result.misses.append(f"{label}: extra participant {iso3} ({why})")
                if iso3 not in gold_states or iso3 in not_part:
                    result.false_participants.append(f"{doc}:{iso3}")
            for iso3 in sorted(gp - pp):
                result.misses.append(f"{label}: missed participant {iso3}")
            if g is None:
                result.misses.append(f"{label}: event not in gold (year {p['year']})")
                if p["role"] == "main":
                    result.spurious_main.append(doc)
                continue
            if p is None:
                result.misses.append(f"{label}: gold event not extracted (year {g['year']})")
            if g["role"] != "main":
                continue
            _score_headline(result, doc, g, p, not_part)
            result.main_total += 1
            checks = {
                "kind": p is not None and p["kind"] == g["kind"],
                "year": p is not None and p["year"] == g.get("year"),
                "size": p is not None and p["countries_stated"] == g.get("countries_stated"),
                "gcc": p is not None and p["gcc"] == bool(g.get("gcc")),
            }
            for what, ok in checks.items():
                if ok:
                    result.main_correct[what] += 1
                elif p is not None:
                    gold_value = {"kind": g["kind"], "year": g.get("year"), "size": g.get("countries_stated"),
                                  "gcc": bool(g.get("gcc"))}[what]
                    got = {"kind": p["kind"], "year": p["year"], "size": p["countries_stated"], "gcc": p["gcc"]}[what]
                    result.misses.append(f"{doc} main: {what} {got!r}, gold {gold_value!r}")
        rk = corpus.rankings[corpus.rankings["doc"] == doc]
        pred_claims = {(r.country_iso3, None if pd.isna(r.survey_year) else int(r.survey_year), r.scope, int(r.rank))
                       for r in rk.itertuples(index=False)}
        gold_claims = {(c["country"], c.get("survey_year"), c["scope"], c["rank"]) for c in gold.get("rankings", [])}
        result.rankings.tp += len(pred_claims & gold_claims)
        result.rankings.fp += len(pred_claims - gold_claims)
        result.rankings.fn += len(gold_claims - pred_claims)
        for c in sorted(pred_claims - gold_claims, key=str):
            result.misses.append(f"{doc}: extra ranking {c}")
        for c in sorted(gold_claims - pred_claims, key=str):
            result.misses.append(f"{doc}: missed ranking {c}")
    result.stories = story_scores(corpus, gold_dir)
    return result


def story_scores(corpus: Corpus, gold_dir: Path) -> dict[str, Score] | None:
    """Pair scores of events.story_id against `gold_dir/stories.csv` (doc, event_index, role, story),
    matched as the development set's scorer does: a predicted main event to the article's gold main
    event, mentioned events to gold mentioned events of the same year (then kind), in order."""
    path = gold_dir / "stories.csv"
    if not path.exists():
        return None
    gold_rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    gold_story = {(Path(r.doc).stem, int(r.event_index)): r.story for r in gold_rows.itertuples()
                  if Path(r.doc).stem in golds}
    events = corpus.events.assign(stem=corpus.events["doc"].astype(str).map(lambda d: Path(d).stem))
    pred_story: dict[tuple[str, int], str] = {}
    for stem, gold in golds.items():
        preds = [r for r in events[events["stem"] == stem].to_dict("records") if r.get("story_id")]
        for i, ge in enumerate(gold.get("events", [])):
            cands = [e for e in preds if e["role"] == ge["role"]]
            if ge["role"] == "mentioned":
                cands = [e for e in cands if (None if pd.isna(e["year"]) else int(e["year"])) == ge.get("year")]
                cands = [e for e in cands if e["kind"] == ge["kind"]] or cands
            if cands:
                pred_story[(stem, i)] = cands[0]["story_id"]
                preds.remove(cands[0])
    out = {}
    for name in ("main", "all"):
        keys = sorted(k for k in gold_story if name == "all" or golds[k[0]]["events"][k[1]]["role"] == "main")
        gold_pairs = _pairs(gold_story, keys)
        pred_pairs = _pairs(pred_story, [k for k in keys if k in pred_story])
        out[name] = Score(tp=len(gold_pairs & pred_pairs), fp=len(pred_pairs - gold_pairs), fn=len(gold_pairs - pred_pairs))
    return out


def _pairs(labels: dict, keys: list) -> set:
    return {(a, b) for n, a in enumerate(keys) for b in keys[n + 1:] if a[0] != b[0] and labels[a] == labels[b]}
