import gradio as gr
import ngrok
from flask import Flask
from flask_ngrok import run_with_ngrok
from pyngrok import ngrok as pyngrok

demo = gr.Interface(fn=answer, inputs="text", outputs="text")
demo.launch(share=True)  # expect: DSP073

public_url = pyngrok.connect(5000)  # expect: DSP073
listener = ngrok.forward(8000, authtoken_from_env=True)  # expect: DSP073

app = Flask(__name__)
run_with_ngrok(app)  # expect: DSP073
