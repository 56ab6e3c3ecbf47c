"""Gradio 3/4/5 APIs removed in Gradio 6."""

import gradio as gr
from gradio_client import Client

with gr.Blocks(theme=gr.themes.Soft(), css=".x {}") as demo:  # expect: GR014, GR014
    bot = gr.Chatbot(type="messages")  # expect: GR013
    box = gr.Textbox()
    box.change(lambda x: x, box, box, every=5)  # expect: GR011
    box.submit(lambda x: x, box, box, show_api=False)  # expect: GR012

chat = gr.ChatInterface(lambda m, h: m, type="messages")  # expect: GR013
demo.queue(concurrency_count=4, max_size=8)  # expect: GR009
demo.launch(enable_queue=True, show_api=False)  # expect: GR010, GR012
client = Client("abidlabs/whisper", hf_token="hf_x")  # expect: GR015
