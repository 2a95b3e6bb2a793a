"""Event decisions: cue words in the text -> events (main or mentioned) and their participants.

Owns: the stage (`extract`, `find_events`: main vs mentioned and the event records), the cue words
(`cues`), its named rules (`rules`: host and place phrases; `timing`: date, year, tense; `sizes`:
delegation size), organizations, topics and the GCC flag (`attributes`), participants versus states
only named (`participants`) and where a delegation comes from (`origin`).

May import: core.text and what it may. Never core.rankings (the two decision stages are
siblings), reading, the review, the runner, Streamlit or ui.
"""
