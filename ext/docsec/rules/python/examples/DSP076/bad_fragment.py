st.markdown(user_bio, unsafe_allow_html=True)  # expect: DSP076
