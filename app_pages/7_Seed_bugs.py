"""The seed note's bugs: its lines, what they do when run, the lines that fix them."""
import textwrap

import streamlit as st

from negsamp.dashboard.seed_note import SOURCE, walk
from ui.i18n import texts
from ui.texts.seed_bugs import TEXT

T = texts(TEXT)
st.title(T["title"])
st.markdown(T["intro"])
steps, before, after = walk(seed=0)  # a private RandomState(0): see seed_note's docstring


def outcome(where, result):
    kind, text = result
    where.caption(T["raised"] if kind == "error" else T["returned"])
    where.code(text, language="text", wrap_lines=True)  # Python's own message, whole


for n, (bug, broken, fixed) in enumerate(steps, start=1):
    st.subheader(f"{n}. {T['title_' + bug.key]}")
    st.markdown(T["why_" + bug.key])
    st.caption(T["demo_" + bug.key])
    left, right = st.columns(2)
    left.markdown(T["broken"])
    left.code(textwrap.dedent("".join(bug.broken)).rstrip("\n"), language="python", wrap_lines=True)
    outcome(left, broken)
    right.markdown(T["fixed"])
    right.code(textwrap.dedent("".join(bug.fixed)).rstrip("\n"), language="python", wrap_lines=True)
    outcome(right, fixed)
    if n > 1:
        st.caption(T["earlier_fixed_1" if n == 2 else "earlier_fixed"].format(n=n - 1))

st.subheader(T["whole_header"])
st.markdown(T["whole_intro"])
left, right = st.columns(2)
left.markdown(T["whole_before"])
outcome(left, before)
right.markdown(T["whole_after"])
outcome(right, after)
with st.expander(T["source_header"]):
    st.code(SOURCE, language="python", wrap_lines=True)
