"""The ranking trajectory: official ranks or EGDI of Bahrain and peers, with the articles' claims overlaid."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.i18n import N_, _, is_rtl, number
from ui.labels import (state_label, is_missing, scope_label,
                       verdict_label)

from ui.charts.common import finish, hover_text, integer_ticks, state_colour
from ui.measures import EGDI_GROUPS, MEASURES, egdi_group, group_level, measure_label


# Verdict of an article claim against the official data: colour and a distinct symbol each,
# so the difference survives colour-blindness and greyscale printing.
VERDICT_STYLE = {
    "matches": {"color": "#1b9e77", "symbol": "circle", "label": N_("claim matches UN data")},
    "differs": {"color": "#d62728", "symbol": "x", "label": N_("claim differs from UN data")},
    "unverifiable": {"color": "#7570b3", "symbol": "diamond-open", "label": N_("claim unverifiable")},
}


# Claims are drawn this far (in years) right of their edition: a claim that matches would otherwise sit
# exactly on the official point, hide it, and lose the hover to it.
CLAIM_DODGE = 0.35


def rank_figure(official: pd.DataFrame, claims: pd.DataFrame, countries: list[str], names: dict[str, str],
                view: str, scope: str) -> go.Figure:
    """One measure of the survey by edition, one line per country; article claims as markers (rank only).

    official: one row per (country_iso3, survey_year) with the measure's column (MEASURES[view][0]:
    rank, egdi, osi, hci, tii, epart_rank) and `tied` for ranks; claims: rows of ranking_history
    with source 'article' for the same scope. view is a key of MEASURES ('egdi_group' reads egdi).
    Ranks have rank 1 at the top (reversed axis, a tick at 1). Lines are labelled at their end.
    """
    column, _msgid, higher_better = MEASURES[view]
    is_rank = not higher_better
    fig = go.Figure()
    labels: list[dict] = []
    for iso in countries:
        rows = official[official["country_iso3"] == iso].sort_values("survey_year")
        if column not in rows:
            continue
        rows = rows.dropna(subset=[column])
        if rows.empty:
            continue
        bahrain = iso == "BHR"
        colour = state_colour(iso)
        name = state_label(iso, names)
        raw = rows[column].astype(float)
        if view == "egdi_group":
            groups = [egdi_group(v) for v in raw]
            y = np.array([group_level(g) for g in groups])
            shown = [_(g) if g else "" for g in groups]
        else:
            y = raw.to_numpy()
            shown = [number(v, None if is_rank else 3) for v in raw]
        tied = rows["tied"].fillna(False).astype(bool) if "tied" in rows else pd.Series(False, index=rows.index)
        measure = scope_label(scope) + " " + _("rank") if view == "rank" else measure_label(view)
        hover = [f"<b>{html.escape(name)}</b>, {number(int(yr))}<br>{html.escape(measure)}: {s}"
                 + (" (" + html.escape(_("tied")) + ")" if t else "")
                 + "<br><i>" + html.escape(_("Click for the country profile")) + "</i>"
                 for yr, s, t in zip(rows["survey_year"], shown, tied)]
        fig.add_trace(go.Scatter(
            x=rows["survey_year"].astype(int).to_numpy(), y=y, mode="lines+markers", name=name,
            hovertext=hover, hoverinfo="text", customdata=[iso] * len(rows), legendgroup=iso, showlegend=False,
            line={"width": 4 if bahrain else 2, "color": colour}, marker={"size": 8 if bahrain else 6},
        ))
        labels.append({"x": int(rows["survey_year"].iloc[-1]), "y": float(y[-1]), "text": html.escape(name),
                       "colour": colour, "bold": bahrain})
    # Direct labels at the end of each line, so a line is read without the legend.
    for label in labels:
        fig.add_annotation(x=label["x"], y=label["y"], text=f"<b>{label['text']}</b>" if label["bold"] else label["text"],
                           showarrow=False, xanchor="left", xshift=8, font={"color": label["colour"], "size": 12})
    if view == "rank":
        for verdict, style in VERDICT_STYLE.items():
            # A claim is placed by its edition and rank: one without either (the article named no year)
            # cannot be drawn; the page lists it in the claims table and counts it under the chart.
            rows = claims[claims["verdict"].astype("string") == verdict].dropna(subset=["survey_year", "rank"])
            if rows.empty:
                continue
            # One marker per distinct claim; its hover quotes the first article and counts the others.
            key = ["country_iso3", "survey_year", "rank"]
            repeats = rows.groupby(key, sort=False, dropna=False)["rank"].transform("size")
            rows = rows.assign(articles=repeats).drop_duplicates(key)
            fig.add_trace(go.Scatter(
                x=rows["survey_year"].astype(int) + CLAIM_DODGE, y=rows["rank"].astype(float), mode="markers",
                name=_(style.get("label", "")), hovertext=[_claim_hover(r, names) for r in rows.itertuples()],
                hoverinfo="text", customdata=rows["doc"].astype(str).to_numpy(dtype=object),
                hoverlabel={"align": "right", "bgcolor": "white", "font": {"color": "#212121"},
                            "bordercolor": style["color"]},
                marker={"symbol": style["symbol"], "color": style["color"], "size": 15,
                        "line": {"width": 2, "color": style["color"]}},
            ))
    if is_rank:
        values = list(official[column].dropna()) if column in official else []
        if view == "rank":
            values += list(claims.dropna(subset=["survey_year"])["rank"].dropna())
        worst = float(max(values)) if values else 10.0
        ticks, text = integer_ticks([worst], start_at_one=True)
        # Reversed axis, rank 1 at the top; the range stops short of 0 so no "0th" tick is drawn.
        title_text = (_("{scope} rank (1 = best)").format(scope=scope_label(scope)) if view == "rank"
                      else _("E-participation rank (1 = best)"))
        fig.update_yaxes(range=[worst * 1.06 + 1, 0.5], tickvals=ticks, ticktext=text, title=title_text)
        title = (_("Official UN E-Government Survey rank by edition: {scope}").format(scope=scope_label(scope))
                 if view == "rank" else _("UN E-Government Survey: e-participation rank by edition"))
    elif view == "egdi_group":
        levels = [1, 2, 3, 4]
        fig.update_yaxes(range=[0.5, 4.5], tickvals=levels,
                         ticktext=[_(n) for _f, n in reversed(EGDI_GROUPS)], title=measure_label(view))
        title = _("UN E-Government Survey: EGDI group by edition")
    else:
        ticks = [0, 0.25, 0.5, 0.75, 1.0]
        fig.update_yaxes(title=_("{measure} (0–1, higher is better)").format(measure=measure_label(view)),
                         range=[0, 1.02], tickvals=ticks, ticktext=[number(t, 2) for t in ticks])
        title = (_("UN E-Government Development Index (EGDI) by edition") if view == "egdi"
                 else _("UN E-Government Survey: {measure} by edition").format(measure=measure_label(view)))
    editions = list(range(2004, 2025, 2))
    fig.update_xaxes(title=_("Survey edition"), tickvals=editions, ticktext=[number(e) for e in editions],
                     range=[2002, 2029.5 if is_rtl() else 2026.5])  # room for the longer Arabic line labels
    # Lines carry their names at their end; the legend below explains the claim markers only.
    fig.update_layout(title=title, height=500, hovermode="closest", margin={"r": 110, "l": 110},
                      legend={"title": {"text": ""}, "orientation": "h", "y": -0.22, "x": 0.5, "xanchor": "center"})
    return finish(fig)


def _claim_hover(row: object, names: dict[str, str]) -> str:
    iso = str(row.country_iso3)
    official = ("" if is_missing(row.official_rank)
                else "; " + _("official rank {rank}").format(rank=number(int(row.official_rank))))
    more = ("<br><i>" + html.escape(_("and {n} more article(s) with the same claim").format(n=number(row.articles - 1)))
            + "</i>") if row.articles > 1 else ""
    head = _("Article claim: {country} {scope} rank {rank} in {year}").format(
        country=state_label(iso, names), scope=scope_label(str(row.scope)), rank=number(int(row.rank)),
        year=number(int(row.survey_year)))
    verdict = _("Verdict: {verdict}").format(verdict=verdict_label(row.verdict))
    return (f"<b>{html.escape(head)}</b><br>"
            f"{html.escape(verdict)}{official}<br>"
            f"{hover_text(row.evidence, 70)}<br>"
            "<i>" + html.escape(_("Article")) + f": {html.escape(str(row.doc))}</i>{more}<br>"
            "<i>" + html.escape(_("Click for the article and its evidence")) + "</i>")
