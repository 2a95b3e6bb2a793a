"""The baseline for bench/dashboard.py: a bare Streamlit app with one Plotly chart and one selectbox."""

import pandas as pd
import plotly.express as px
import streamlit as st

data = pd.DataFrame({"year": list(range(2003, 2025)) * 2,
                     "value": [((y * 7) % 23) + 10 for y in range(2003, 2025)] + [((y * 5) % 19) + 5 for y in range(2003, 2025)],
                     "series": ["A"] * 22 + ["B"] * 22})
series = st.selectbox("Series", ["A", "B"], key="series")
st.plotly_chart(px.line(data[data["series"] == series], x="year", y="value", markers=True), key="chart")
