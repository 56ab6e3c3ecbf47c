"""No queue() at all, uploads without a size limit."""

from gradio import Blocks, File

with Blocks() as demo:
    upload = File()

demo.launch()  # expect: GR002:6, GR016:6
