"""The index a rank is on: the UN survey's overall index, a sub-index or another organisation's."""

from __future__ import annotations

from core.rankings.document import RankDoc, RankItem

AFTER_INDEX = 3      # an index named this many tokens after the rank at most is the rank's index
NEXT_ITEM = 6        # ... or after the next rank of the same list, when that starts this close


def _index_hit(doc: RankDoc, lo: int, hi: int, classes: tuple[str, ...], last: bool):
    hits = [h for h in doc.hits("index", lo, hi) if h[2] in classes]
    return (hits[-1] if last else hits[0]) if hits else None


def _document_index(doc: RankDoc) -> str:
    """"other" when the article names another organisation's index and never the UN survey."""
    classes = doc.index_classes
    return "other" if "other" in classes and not classes & {"overall", "survey"} else "overall"


def _resolve(hit, previous_index: str | None, doc: RankDoc) -> str:
    cls = hit[2]
    if cls == "anaphor":
        if previous_index:
            return previous_index
        before = _index_hit(doc, 0, hit[0], ("overall", "survey", "report", "sub", "other"), last=True)
        cls = before[2] if before else "report"
    if cls == "report":
        return _document_index(doc)
    return {"survey": "overall", "sub_topic": "sub"}.get(cls, cls)


def index_of_table(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """A table's rank column was read as the overall index from its header (pipe_tables.table_items)."""
    return ("overall", "table_header") if items[n].rule == "table" else None


def index_after(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The index named right after the rank, or after the last rank of its list:
    "والثامن عالميا في مؤشر الخدمات الذكية"."""
    sentence = doc.sentence(items[n].first)
    all_classes = ("overall", "sub", "sub_topic", "other", "anaphor")  # "في تقرير 2024" names no index
    while True:
        end = items[n].scope_end
        hit = _index_hit(doc, end, min(end + AFTER_INDEX + 1, sentence.last), all_classes, last=False)
        if hit:
            return _resolve(hit, previous_index, doc), "named_after"
        nxt = items[n + 1] if n + 1 < len(items) else None
        if nxt is None or nxt.first - end > NEXT_ITEM or nxt.first >= sentence.last or doc.mentions_in(end, nxt.first):
            return None
        n += 1


def index_in_clause(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The last index named before the rank in its clause, a topic word included."""
    c = doc.clause(items[n].first)
    hit = _index_hit(doc, c.first, items[n].first, ("overall", "survey", "report", "sub", "sub_topic", "other", "anaphor"), True)
    return (_resolve(hit, previous_index, doc), "named_in_clause") if hit else None


def index_in_sentence(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The last index named as an index before the rank in its sentence ("في مؤشر المشاركة الرقمية، حيث انتقلت")."""
    s = doc.sentence(items[n].first)
    hit = _index_hit(doc, s.first, items[n].first, ("overall", "survey", "report", "sub", "other", "anaphor"), True)
    return (_resolve(hit, previous_index, doc), "named_in_sentence") if hit else None


def index_continued(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """No index named in the sentence: the index of the rank before it in the article."""
    return (previous_index, "continued") if previous_index else None


def index_of_document(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """Another organisation's index when the article names one and never the UN survey; else overall."""
    index = _document_index(doc)
    return index, "document" if index == "other" else "assumed"


INDEX_RULES = (index_of_table, index_after, index_in_clause, index_in_sentence, index_continued, index_of_document)


def index_of(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None) -> tuple[str, str]:
    """overall | sub | other, and the rule that decided."""
    return next(r for rule in INDEX_RULES if (r := rule(doc, items, n, previous_index)) is not None)
