import gradio as gr 

with gr.Blocks() as demo:
    gr.LogoutButton()

demo.launch()