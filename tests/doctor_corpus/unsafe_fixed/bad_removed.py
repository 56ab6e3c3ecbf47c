"""Gradio 3/4/5 APIs removed in Gradio 6."""

import gradio as gr
from gradio_client import Client

with gr.Blocks() as demo:  # expect: GR014:16, GR014:40
    bot = gr.Chatbot()  # expect: GR013:22
    box = gr.Textbox()
    box.change(lambda x: x, box, box, every=5)  # expect: GR011:39
    box.submit(lambda x: x, box, box, api_visibility="undocumented")  # expect: GR012:39

chat = gr.ChatInterface(lambda m, h: m)  # expect: GR013:41
demo.queue(default_concurrency_limit=4, max_size=8)  # expect: GR009:12
demo.launch(footer_links=["gradio", "settings"], theme=gr.themes.Soft(), css=".x {}")  # expect: GR010:13, GR012:32
client = Client("abidlabs/whisper", token="hf_x")  # expect: GR015:37
