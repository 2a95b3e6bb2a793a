"""The seeds' tables hold what the core issue expects, scored with the project's own evaluator."""

from pathlib import Path

from core.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def test_seed_scores_are_perfect():
    result = evaluate(SEEDS, ROOT / "tests" / "seed_gold")
    assert result.documents == 5
    assert (result.participants.tp, result.participants.fp, result.participants.fn) == (21, 0, 0)
    assert (result.rankings.tp, result.rankings.fp, result.rankings.fn) == (6, 0, 0)
    assert result.main_correct == {"kind": 5, "year": 5, "size": 5, "gcc": 5}
    assert result.false_participants == [] and result.misses == []


def test_seed_tables_by_value(seeds_corpus):
    ev = seeds_corpus.events.set_index("event_id")
    main000 = ev.loc["000_9c6121f5688704d6.txt#e1"]
    assert (main000.kind, main000.year, main000.countries_stated, main000.organizations) == ("visit", 2015, 21, "UNDESA")
    assert (main000.date_basis, main000.countries_named) == ("published", 0)
    mentioned000 = ev.loc["000_9c6121f5688704d6.txt#e2"]
    assert (mentioned000.role, mentioned000.year, mentioned000.countries_stated) == ("mentioned", 2014, 15)
    main003 = ev.loc["003_895a194b73b9021e.txt#e1"]
    assert (main003.kind, main003.date, bool(main003.gcc), main003.host_iso3) == ("workshop", "2013-06-25", True, "BHR")
    topics004 = set(ev.loc["004_2b448d70e5f7c8b7.txt#e1"].topics.split(";"))
    assert {"cloud", "ai", "digital_identity", "e_payment", "data_exchange", "gcc_portal", "private_sector"} <= topics004
    parts = seeds_corpus.participants
    assert set(parts.loc[parts.event_id == "001_5381bd0356d4e17e.txt#e1", "iso3"]) == {"PSE", "LBN", "BRN"}
    assert set(parts.loc[parts.event_id == "002_00978ef207b782b4.txt#e1", "name_en"]) == {"Tunisia", "Comoros"}
    rk = seeds_corpus.rankings
    assert sorted(zip(rk.doc.str[:3], rk.scope, rk["rank"], rk.survey_year)) == [
        ("001", "arab", 1, 2010), ("001", "asia", 3, 2010), ("001", "gcc", 1, 2010),
        ("001", "middle_east", 1, 2010), ("001", "world", 13, 2010), ("002", "world", 18, 2024)]


def test_no_seed_file_name_in_code():
    names = [p.stem for p in SEEDS.glob("*.txt")] + [p.stem.split("_")[1] for p in SEEDS.glob("*.txt")]
    code = [p for d in ("core", "pages", "ui") for p in (ROOT / d).rglob("*.py")] + [ROOT / "dashboard.py"]
    for path in code:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            assert not any(n in text for n in names), f"{path} names a seed file"
