import gradio as gr 

with gr.Blocks() as demo:
    gr.Timeseries()

demo.launch()