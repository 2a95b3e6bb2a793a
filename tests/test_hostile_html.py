"""HTML decoding is bounded (a page with more tags than MAX_HTML_TAGS is refused before parsing)
and cached by content hash (the same bytes are converted once per process: a review save, which changes
the folder's fingerprint, does not convert the folder's HTML again)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import load_corpus, review
from core.reading import decode

ROOT = Path(__file__).resolve().parents[1]
PAGE = "<html><body><article><h1>وفد البحرين</h1><p>زار وفد من مملكة البحرين سلطنة عمان.</p></article></body></html>"


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = decode.html_to_text

    def counting(markup: str) -> str:
        calls.append(markup)
        return real(markup)
    monkeypatch.setattr(decode, "html_to_text", counting)
    decode.clear_html_cache()
    return calls


def test_the_same_html_bytes_are_converted_once(counted):
    first = decode.read_article_bytes("a.html", PAGE.encode("utf-8"))
    again = decode.read_article_bytes("a.html", PAGE.encode("utf-8"))
    renamed = decode.read_article_bytes("b.html", PAGE.encode("utf-8"))
    assert len(counted) == 1
    assert first == again and first.text == "وفد البحرين\nزار وفد من مملكة البحرين سلطنة عمان."
    assert renamed.messages[0].startswith("b.html: ")  # the messages name the file they are about


def test_a_review_save_does_not_convert_the_html_again(counted, tmp_path):
    folder = Path(shutil.copytree(ROOT / "seeds", tmp_path / "articles",
                                  ignore=shutil.ignore_patterns(review.LOG_NAME, review.LOCK_NAME, "reference")))
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    corpus = load_corpus(folder)
    rid = corpus.events[corpus.events["doc"] == "page.html"].iloc[0]["record_id"]
    review.set_status(corpus, rid, "confirm", folder=folder)
    assert load_corpus(folder).events.set_index("record_id").loc[rid, "review"] == "confirmed"
    assert len(counted) == 1


def test_html_with_too_many_elements_is_refused_before_parsing(counted, monkeypatch):
    monkeypatch.setattr(decode, "MAX_HTML_TAGS", 100)
    crafted = "<html><body>" + "<p>وفد</p>" * 200 + "</body></html>"
    decoded = decode.read_article_bytes("crafted.html", crafted.encode("utf-8"))
    assert decoded.status == "error" and counted == []
    assert decoded.messages[-1] == ("crafted.html: HTML with more than 100 tags (404); not converted "
                                    "(save the article's text as .txt)")
