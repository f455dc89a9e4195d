import gradio as gr
import streamlit as st
from dash import dcc

name = st.text_input("Your name")
st.markdown(f"<h1>Hello {name}</h1>", unsafe_allow_html=True)  # expect: DSP076
st.write(comment.body, unsafe_allow_html=True)  # expect: DSP076
dcc.Markdown(post["text"], dangerously_allow_html=True)  # expect: DSP076
gr.HTML(value=response.text)  # expect: DSP076
