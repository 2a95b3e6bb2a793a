"""Event decisions: cue words in the text -> events (main or mentioned) and their participants.

Owns: the stage (`extract`, `find_events`: main vs mentioned, kind, year and date, tense, GCC,
topics, organizations), its named rules (`rules`: host, size, place phrases), participants versus
states only named (`participants`) and where a delegation comes from (`origin`).

May import: core.text and what it may. Never core.rankings (the two decision stages are
siblings), reading, the review, the runner, Streamlit or ui.
"""
