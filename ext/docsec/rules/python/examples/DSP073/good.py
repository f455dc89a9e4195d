import os

import gradio as gr
import ngrok

demo = gr.Interface(fn=answer, inputs="text", outputs="text")
demo.launch()
demo.launch(share=True, auth=("reviewer", os.environ["DEMO_PASSWORD"]))
listener = ngrok.forward(8000, authtoken_from_env=True, basic_auth=["reviewer:" + os.environ["DEMO_PASSWORD"]])
db.connect("postgresql://localhost/app")
