"""Every record's offsets slice the original text back to its evidence; tables keep their schema."""

import subprocess
import sys
from pathlib import Path

import pytest

from core import extract_document, load_corpus, tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

OWN_SENTENCES = [
    "استقبلت مُمْلَكَةُ البحرين أمس وفداً من جمهوريتي تونس وجزر القمر مكوناً من ١٢ دولة.",
    "وحققت البحرين المرتبة الـ18 عالمياً والثانية عربياً في تقرير الأممالمتحدة ٢٠٢٤م.",
    "اختتمت الورشـــة الخليجية بحضور وفود دول مجلس التعاون\u200f في مسقط.",
]


def check_offsets(text, result):
    for e in result.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.surface
        for p in e.participants:
            assert text[p.start:p.end] == p.surface
    for c in result.rankings:
        assert text[c.surface_start:c.surface_end] == c.surface
        assert text[c.evidence.start:c.evidence.end] == c.evidence.surface


@pytest.mark.parametrize("text", OWN_SENTENCES)
def test_offsets_on_own_sentences(text):
    result = extract_document(text, "2024-05")
    assert result.events or result.rankings
    check_offsets(text, result)


def test_offsets_on_every_seed_table(seeds_corpus):
    texts = seeds_corpus.texts
    for row in seeds_corpus.events.itertuples():
        assert texts[row.doc][row.start:row.end] == row.evidence
    for row in seeds_corpus.participants.itertuples():
        assert texts[row.doc][row.start:row.end] == row.surface
    for row in seeds_corpus.rankings.itertuples():
        assert texts[row.doc][row.start:row.end] == row.evidence
        assert texts[row.doc][row.surface_start:row.surface_end] == row.surface


def test_tables_follow_their_schema(seeds_corpus):
    for name in tables.SCHEMAS:
        frame = getattr(seeds_corpus, name)
        tables.check_table(name, frame)
        assert list(frame.columns) == tables.SCHEMAS[name]
    assert set(seeds_corpus.events["kind"]) <= set(tables.EVENT_KINDS)
    assert set(seeds_corpus.rankings["scope"]) <= set(tables.SCOPES)


def test_duplicate_key_is_refused():
    with pytest.raises(tables.SchemaError, match="not unique"):
        tables.build_table("documents", [{"doc": "a.txt"}, {"doc": "a.txt"}])


def test_core_imports_no_streamlit():
    code = "import core, core.reference, core.evaluate, sys; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_new_article_in_folder_is_extracted(tmp_path):
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "new_visit.txt").write_text(
        "استقبلت هيئة المعلومات والحكومة الإلكترونية وفدا من دولة الكويت وسلطنة عمان للاطلاع على التجربة.",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 6
    parts = corpus.participants[corpus.participants.doc == "new_visit.txt"]
    assert set(parts.iso3) == {"KWT", "OMN"}
    ev = corpus.events[corpus.events.doc == "new_visit.txt"]
    assert list(ev.kind) == ["visit"] and ev.year.isna().all() and list(ev.date_basis) == ["none"]
