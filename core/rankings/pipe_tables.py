"""Ranks in a pipe table: a scoped rank column and a state in each row."""

from __future__ import annotations

from bisect import bisect_left

from core.rankings.document import RankDoc, RankItem
from core.rankings.expressions import MAX_RANK

def _table_rows(text: str):
    """Runs of consecutive lines written as a pipe table ("| a | b |"): each a list of rows, each row
    a list of (start, end) cell spans in the text."""
    tables, current, pos = [], [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("|"):
            lead = pos + line.index("|")
            cells, start = [], lead + 1
            for k in range(lead + 1, pos + len(line.rstrip("\r\n"))):
                if text[k] == "|":
                    cells.append((start, k))
                    start = k + 1
            tail = pos + len(line.rstrip("\r\n"))
            if text[start:tail].strip():
                cells.append((start, tail))  # a row cut before its closing bar
            current.append(cells)
        elif current:
            tables.append(current)
            current = []
        pos += len(line)
    if current:
        tables.append(current)
    return tables


def table_items(doc: RankDoc) -> list[RankItem]:
    """Ranks in a pipe table: a header cell that is a scoped rank of the overall index ("الترتيب
    العربي", "الترتيب العالمي العام"; not "الترتيب في مؤشر الخدمات الإلكترونية") makes its column a
    rank column, and each row whose first cell is a state gives that state the number in the column."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if "|" not in text:
        return []
    starts = toks.starts

    def cell_tokens(span):
        return bisect_left(starts, span[0]), bisect_left(starts, span[1])

    items = []
    for rows in _table_rows(text):
        header, columns = rows[0], {}
        for c, span in enumerate(header):
            a, b = cell_tokens(span)
            if a >= b:
                continue
            scoped = doc.lex.pre_scopes.match(toks, a, text)
            if scoped and not any(h[2] in ("sub", "sub_topic", "other") for h in doc.hits("index", a, b)):
                columns[c] = scoped[0]
        for row in rows[1:]:
            if not row or not columns:
                continue
            a, b = cell_tokens(row[0])
            states = [m for m in doc.mentions_in(a, b) if doc.ctx.mention_tokens[m][1] <= b]
            if len(states) != 1:
                continue
            for c, scope in columns.items():
                if c >= len(row):
                    continue
                a, b = cell_tokens(row[c])
                if b - a != 1 or not toks.texts[a].isdigit() or not 1 <= int(toks.texts[a]) <= MAX_RANK:
                    continue
                items.append(RankItem(int(toks.texts[a]), a, a + 1, a + 1, [scope], "table",
                                      subject=doc.ctx.mention_at[states[0]].iso3))
    return items
