"""Gradio 3/4/5 APIs removed in Gradio 6."""

import gradio as gr
from gradio_client import Client

with gr.Blocks(theme=gr.themes.Soft(), css=".x {}") as demo:  # expect: GR014:16, GR014:40
    bot = gr.Chatbot(type="messages")  # expect: GR013:22
    box = gr.Textbox()
    box.change(lambda x: x, box, box, every=5)  # expect: GR011:39
    box.submit(lambda x: x, box, box, show_api=False)  # expect: GR012:39

chat = gr.ChatInterface(lambda m, h: m, type="messages")  # expect: GR013:41
demo.queue(concurrency_count=4, max_size=8)  # expect: GR009:12
demo.launch(enable_queue=True, show_api=False)  # expect: GR010:13, GR012:32
client = Client("abidlabs/whisper", hf_token="hf_x")  # expect: GR015:37
