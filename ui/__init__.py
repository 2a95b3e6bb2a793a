"""Streamlit helpers shared by the dashboard pages: the cached loader, labels, figures, evidence HTML."""
