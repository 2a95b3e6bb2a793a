"""Arabic evidence as right-to-left HTML, built only from escaped pieces of the (untrusted) article text."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ui.i18n import N_, _, country
from ui.labels import is_missing, kind_label, scope_label, text_of

# Highlight kinds in the order they are listed in the legend; when spans overlap, the shortest
# (innermost) one colours the characters, so a rank expression shows inside its sentence.
HIGHLIGHT_STYLE = {
    "event": (N_("event evidence"), "#fff1a8"),
    "participant": (N_("participant state"), "#9fd8f5"),
    "claim": (N_("ranking claim sentence"), "#e6d3f2"),
    "rank": (N_("rank expression"), "#c39bd3"),
}
RTL_STYLE = ("direction:rtl;text-align:right;unicode-bidi:isolate;line-height:2;font-size:1.05rem;"
             "font-family:'Noto Naskh Arabic','Noto Sans Arabic','Noto Kufi Arabic','DejaVu Sans',sans-serif;")


@dataclass(frozen=True)
class Highlight:
    """A half-open span [start, end) of the article text, its kind (a HIGHLIGHT_STYLE key) and a tooltip."""

    start: int
    end: int
    kind: str
    note: str


def doc_highlights(doc: str, events: pd.DataFrame, participants: pd.DataFrame,
                   rankings: pd.DataFrame) -> list[Highlight]:
    """Every extracted span of one document (event evidence, participants, claim sentences, rank words),
    one Highlight per distinct (start, end, kind)."""
    found: list[Highlight] = []

    def add(start: object, end: object, kind: str, note: str) -> None:
        if not is_missing(start) and not is_missing(end) and int(end) > int(start):
            found.append(Highlight(int(start), int(end), kind, note))

    for row in events[events["doc"] == doc].itertuples():
        add(row.start, row.end, "event", _("event {id}: {kind}").format(id=row.event_id, kind=kind_label(str(row.kind))))
    for row in participants[participants["doc"] == doc].itertuples():
        add(row.start, row.end, "participant", _("participant: {name} ({iso3}), {event}").format(
            name=country(str(row.iso3), row.name_en), iso3=row.iso3, event=row.event_id))
    for row in rankings[rankings["doc"] == doc].itertuples():
        claim = _("{scope} rank {rank} in {year}").format(scope=scope_label(str(row.scope)), rank=row.rank,
                                                          year=row.survey_year)
        add(row.start, row.end, "claim", _("ranking claim {id}: {claim}").format(id=row.claim_id, claim=claim))
        add(row.surface_start, row.surface_end, "rank", _("rank expression: {claim}").format(claim=claim))
    # Several records can share one span (a GCC phrase standing for five states, one phrase carrying
    # three regional ranks): one highlight per span, its tooltip naming every record.
    merged: dict[tuple[int, int, str], list[str]] = {}
    for h in found:
        merged.setdefault((h.start, h.end, h.kind), []).append(h.note)
    return [Highlight(start, end, kind, "; ".join(notes)) for (start, end, kind), notes in merged.items()]


def highlighted_html(text: str, highlights: list[Highlight]) -> str:
    """The article as one right-to-left <div> with each highlight as a coloured <mark>.

    Every piece of article text is html.escape'd; spans outside the text are clipped; overlapping
    spans never nest (each character takes the innermost span covering it). Line breaks become <br>
    so the block stays one line of HTML.
    """
    spans = [h for h in ((Highlight(max(0, h.start), min(len(text), h.end), h.kind, h.note)) for h in highlights)
             if h.end > h.start and h.kind in HIGHLIGHT_STYLE]
    bounds = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    pieces: list[str] = []
    current: Highlight | None = None
    buffer = ""
    for a, b in zip(bounds, bounds[1:]):
        covering = [h for h in spans if h.start <= a and b <= h.end]
        inner = min(covering, key=lambda h: (h.end - h.start, -list(HIGHLIGHT_STYLE).index(h.kind)), default=None)
        if inner != current:
            pieces.append(_mark(buffer, current))
            current, buffer = inner, ""
        buffer += text[a:b]
    pieces.append(_mark(buffer, current))
    return f'<div dir="rtl" lang="ar" class="article-text" style="{RTL_STYLE}">{"".join(pieces)}</div>'


def _mark(segment: str, highlight: Highlight | None) -> str:
    body = html.escape(segment).replace("\r\n", "\n").replace("\n", "<br>")
    if not segment:
        return ""
    if highlight is None:
        return body
    label, colour = HIGHLIGHT_STYLE[highlight.kind]
    return (f'<mark class="hl-{highlight.kind}" title="{html.escape(_(label) + " — " + highlight.note)}" '
            f'style="background:{colour};padding:0 1px;border-radius:3px;">{body}</mark>')


def rtl_block(text: object, *, heading: bool = False) -> str:
    """One escaped Arabic passage (an evidence sentence; a title when `heading`) as a right-to-left <div>."""
    body = html.escape(text_of(text)).replace("\n", "<br>")
    weight = "font-weight:700;font-size:1.35rem;" if heading else ""
    return f'<div dir="rtl" lang="ar" style="{RTL_STYLE}{weight}">{body}</div>'


def metadata_html(meta: dict[str, str]) -> str:
    """A document's metadata (a documents-table row as text) as an escaped definition list.

    The source URL becomes a link only when it is http(s).
    """
    url = meta.get("source_url", "")
    link = (f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">{html.escape(url)}</a>'
            if url.lower().startswith(("http://", "https://")) else html.escape(url or _("not given")))
    size = _("{chars} characters, {encoding}").format(chars=meta.get("chars", ""), encoding=meta.get("encoding", ""))
    rows = [(_("Published"), html.escape(meta.get("published") or _("not given"))), (_("Source"), link),
            (_("File"), f'<bdi dir="ltr">{html.escape(meta.get("doc", ""))}</bdi>'),
            (_("Size"), html.escape(size)),
            ("SHA-256", f'<code>{html.escape(meta.get("sha256", "")[:16])}…</code>')]
    if meta.get("duplicate_of"):
        rows.append((_("Duplicate of"), html.escape(meta["duplicate_of"])))
    cells = "".join(f"<dt style='font-weight:600;'>{html.escape(k)}</dt>"
                    f"<dd style='margin:0 0 4px 0;overflow-wrap:anywhere;'>{v}</dd>" for k, v in rows)
    return f'<dl class="doc-meta" style="display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;">{cells}</dl>'


def legend_html() -> str:
    """The colour legend of highlight kinds, in the language of the run."""
    chips = "".join(
        f'<span style="background:{colour};padding:2px 8px;border-radius:4px;margin-inline-end:8px;">'
        f'{html.escape(_(label))}</span>'
        for label, colour in HIGHLIGHT_STYLE.values()
    )
    return f'<div class="highlight-legend" style="line-height:2.2;">{chips}</div>'
