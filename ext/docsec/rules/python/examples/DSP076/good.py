import html

import streamlit as st

name = st.text_input("Your name")
st.markdown(f"<h1>Hello {html.escape(name)}</h1>", unsafe_allow_html=True)
st.markdown("<hr style='border: 1px solid red'>", unsafe_allow_html=True)
STYLE = "<style>.big {font-size: 2em}</style>"
st.markdown(STYLE, unsafe_allow_html=True)
st.markdown(f"**Hello {name}**")  # Markdown, escaped
