"""The Review page under AppTest: correct an event's host (and GCC flag), reject a participant, add one, and
every page shows it after a rerun; the reviewed-only filter; refused values; inert notes; the loader sees
the log without a restart.

Seed facts: article 002 reports a workshop hosted by Bahrain (event ev-a8f6f369e5 as extracted) with
Tunisia and Comoros named; Tunisia appears in no other article, Egypt in none.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from folder_helpers import seeds_copy
from streamlit.testing.v1 import AppTest

from core import load_corpus

from core import review
from ui.data import folder_fingerprint
from ui.review import extracted_text, review_url, table_view
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
DOC = "002_00978ef207b782b4.txt"
NOTE = "held in Doha **bold** <img src=x onerror=alert(1)> [link](http://example.com)"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    copy = seeds_copy(tmp_path, monkeypatch, ROOT / "seeds")
    monkeypatch.setenv("EGOV_CACHE_DIR", str(ROOT / ".cache" / "extract"))
    return copy


def run(path: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / path))
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=90)
    assert not at.exception, [e.value for e in at.exception]
    return at


def ids(folder: Path) -> dict[str, str]:
    corpus = load_corpus(folder)
    ev = corpus.events[(corpus.events["doc"] == DOC) & (corpus.events["role"] == "main")].iloc[0]
    pa = corpus.participants.set_index(["doc", "iso3"])
    return {"event": ev["record_id"], "TUN": pa.loc[(DOC, "TUN"), "record_id"]}


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run(timeout=90)
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with(at: AppTest, *columns: str):
    found = [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]
    assert found, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def plain(text: str) -> str:
    """Markdown as it reads (md_escape puts a backslash before punctuation)."""
    return text.replace("\\", "")


def successes(at: AppTest) -> list[str]:
    return [plain(s.value) for s in at.success]


def markdown_bodies(at: AppTest) -> list[str]:
    return [el.value for kind in ("markdown", "caption", "success", "error", "warning", "info")
            for el in getattr(at, kind)]


def review_three_things(folder: Path) -> dict[str, str]:
    """Through the Review page's widgets: host -> Qatar and GCC on (with a note), reject Tunisia, add Egypt."""
    record = ids(folder)
    at = run("pages/5_Review.py", rv_doc=DOC, rv_record=record["event"])
    event = record["event"]
    at.selectbox(key=f"rv_host_{event}").set_value("QAT")
    at.checkbox(key=f"rv_gcc_{event}").check()
    at.text_input(key=f"rv_note_{event}").input(NOTE)
    click(at, "rv_save")
    assert f"{event}: corrected GCC, host." in successes(at), successes(at)

    at.selectbox(key="rv_record").set_value(record["TUN"]).run(timeout=90)
    click(at, "rv_reject")
    assert f"{record['TUN']} rejected." in successes(at), successes(at)

    at.radio(key="rv_add_what").set_value("participant").run(timeout=90)
    at.selectbox(key="rv_add_event").set_value(event)
    at.selectbox(key="rv_add_state").set_value("EGY")
    click(at, "rv_add")
    assert f"Egypt added to {event}." in successes(at), successes(at)
    return record


def test_review_page_writes_the_log_and_every_page_shows_it(folder):
    before = folder_fingerprint(folder)
    record = review_three_things(folder)
    assert folder_fingerprint(folder) != before  # the loader's cache key moved: no restart needed
    lines = [json.loads(x) for x in (folder / review.LOG_NAME).read_text(encoding="utf-8").splitlines()]
    assert [(e["action"], e.get("field")) for e in lines] == [
        ("correct", "gcc"), ("correct", "host_iso3"), ("reject", None), ("add", None)]
    assert lines[1]["note"] == NOTE and lines[1]["old"] == "BHR" and lines[1]["new"] == "QAT"

    # Review page: the record shows its mark and the extracted value
    at = run("pages/5_Review.py", rv_doc=DOC, rv_record=record["event"])
    bodies = markdown_bodies(at)
    assert any("corrected by analyst" in b for b in bodies)
    assert any("extracted: GCC: False; host: BHR" in plain(b) for b in bodies)
    assert any(r"\<img src\=x onerror\=alert\(1\)\>" in b for b in bodies)  # the note, escaped
    assert not any("<img" in b.replace(r"\<img", "") for b in bodies)

    # Overview: the events table carries the reviewed host and the mark; Egypt is on the map, Tunisia is not
    at = run("dashboard.py", ov_tables="true")  # the extracted tables are drawn while their expander is open
    events = frame_with(at, "event_id", "host_iso3", "review")
    main = events[events["record_id"] == record["event"]].iloc[0]
    assert (main["host_iso3"], main["review"], main["extracted"]) == ("QAT", "corrected by analyst",
                                                                    "GCC: False; host: BHR")
    assert main["review_link"] == review_url(DOC, record["event"])
    fig = next(el.figure for el in page_charts(at) if el.figure["layout"]["title"]["text"].startswith("States engaged"))
    states = {loc for trace in fig["data"] if trace.get("name") == "states engaged" for loc in trace["locations"]}
    assert "EGY" in states and "TUN" not in states
    assert any("2 record(s) reviewed by analysts (1 corrected, 1 added, 0 confirmed); 1 rejected" in c.value
               for c in at.caption)

    # Delegations: Egypt marked as added, Tunisia gone; Qatar is a host to filter by
    at = run("pages/2_Delegations.py")
    named = frame_with(at, "state", "ISO3", "review")  # Delegations headers are display names
    rows = named[named["article"] == DOC].set_index("ISO3")
    assert set(rows.index) == {"COM", "EGY"} and rows.at["EGY", "review"] == "added by analyst"
    assert "QAT" in at.multiselect(key="dl_host").options or "Qatar" in at.multiselect(key="dl_host").options

    # GCC cooperation: the event is now a GCC event hosted by Qatar, marked on its card
    at = run("pages/3_GCC_cooperation.py")
    bodies = markdown_bodies(at)
    cards = [html.unescape(b.proto.body) for b in at.get("html") if 'dir="rtl"' in b.proto.body]
    assert any("host: Qatar" in card for card in cards) and any("corrected by analyst" in b for b in bodies)

    # Ranking trajectory: the review summary is there; the claims table carries the review column
    at = run("pages/1_Ranking_trajectory.py")
    assert "review" in frame_with(at, "claim_id", "verdict").columns
    assert any("1 rejected" in c.value for c in at.caption)

    # Country profile: Egypt now took part in the workshop; Tunisia took part in nothing
    at = run("pages/6_Country_profile.py", iso3="EGY")
    assert any(DOC in " ".join(map(str, d.value.astype(str).values.ravel())) for d in at.dataframe)
    at = run("pages/6_Country_profile.py", iso3="TUN")
    assert not any(DOC in " ".join(map(str, d.value.astype(str).values.ravel())) for d in at.dataframe)

    # Sources: the article's tables show the reviewed records, and a link to review them
    at = run("pages/4_Sources.py", src_doc=DOC)
    parts = frame_with(at, "iso3", "via", "review")
    assert set(parts["iso3"]) == {"COM", "EGY"}
    assert any("Review the records of this article" in m.value for m in at.markdown)


def test_reviewed_only_filter_keeps_reviewed_records(folder):
    review_three_things(folder)
    at = run("pages/2_Delegations.py", dl_reviewed="true")
    named = frame_with(at, "state", "ISO3", "review")
    assert list(named["ISO3"]) == ["EGY"]
    at = run("dashboard.py", ov_reviewed="true", ov_tables="true")
    events = frame_with(at, "event_id", "host_iso3", "review")
    assert list(events["doc"]) == [DOC] and len(events) == 1


def test_bad_value_is_refused_on_the_page_and_nothing_written(folder):
    record = ids(folder)
    at = run("pages/5_Review.py", rv_doc=DOC, rv_record=record["event"])
    at.text_input(key=f"rv_year_{record['event']}").input("1850")
    click(at, "rv_save")
    assert any("outside 2003–2026" in plain(e.value) for e in at.error), [e.value for e in at.error]
    assert not (folder / review.LOG_NAME).exists()


def test_undo_on_the_page_and_orphans_listed(folder):
    record = ids(folder)
    at = run("pages/5_Review.py", rv_doc=DOC, rv_record=record["TUN"])
    click(at, "rv_reject")
    click(at, "rv_undo")
    assert "TUN" in set(load_corpus(folder).participants["iso3"])
    # the article changes: a new correction of it is orphaned and listed on the Review and Sources pages
    at = run("pages/5_Review.py", rv_doc=DOC, rv_record=record["event"])
    at.selectbox(key=f"rv_kind_{record['event']}").set_value("forum")
    click(at, "rv_save")
    path = folder / DOC
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    at = run("pages/5_Review.py", rv_doc=DOC)
    assert any("orphaned" in w.value for w in at.warning)
    assert list(frame_with(at, "line", "reason")["reason"]) == ["article changed since the review"]
    at = run("pages/4_Sources.py", src_doc=DOC)
    assert any("orphaned correct of event" in plain(w.value) for w in at.warning)


def test_table_view_marks_and_links():
    import pandas as pd
    frame = pd.DataFrame({"doc": ["a b.txt", "x.txt"], "record_id": ["ev-1", pd.NA],
                          "review": ["corrected", "unreviewed"], "extracted": ['{"host_iso3": ""}', ""]})
    shown, config = table_view(frame)
    assert list(shown["review"]) == ["corrected by analyst", ""]
    assert list(shown["extracted"]) == ["host: not stated", ""]
    assert shown["review_link"].iloc[0] == "Review?rv_doc=a+b.txt&rv_record=ev-1"
    assert pd.isna(shown["review_link"].iloc[1])  # no record id, no link
    assert set(config) == {"review", "review_link"}
    assert extracted_text("") == ""
