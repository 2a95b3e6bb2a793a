"""Plotly figure builders: plain functions of DataFrames (no Streamlit), so tests can call them directly.

Text is in the language of the run (ui.i18n). In Arabic, charts keep time running left to right
(the direction Arabic numerals and the Arab statistical offices' time series run, so a year axis
reads like the years printed in the text) and put the value axis, the title and the legend on the
right, where a right-to-left reader starts.

One module per kind of chart (`timeline`, `maps`, `rankings`, `bars`) over what they share
(`common`); the data they draw is shaped by ui/measures.py. Pages use the names below.
"""

from ui.charts.bars import BAR_LIMIT, delegation_bars, frequency_bars, member_bars, topic_heatmap
from ui.charts.common import GEO_CONFIG, count_ticks
from ui.charts.maps import engagement_map, survey_map
from ui.charts.rankings import CLAIM_DODGE, rank_figure
from ui.charts.timeline import (BY_PERIOD, STATUS_STYLE, TIMELINE_MAX_EVENTS, period_name, timeline_by_period,
                                timeline_figure)

__all__ = ["BAR_LIMIT", "BY_PERIOD", "CLAIM_DODGE", "GEO_CONFIG", "STATUS_STYLE", "TIMELINE_MAX_EVENTS",
           "count_ticks", "delegation_bars", "engagement_map", "frequency_bars", "member_bars", "period_name",
           "rank_figure", "survey_map", "timeline_by_period", "timeline_figure", "topic_heatmap"]
