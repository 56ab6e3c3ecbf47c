"""The rules as data: a stable code, a one-line message that names the fix, a longer explanation."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    message: str
    explanation: str


_RULES = [
    Rule(
        "GR001",
        "queue() without max_size: the queue grows without bound; pass max_size=N",
        "Gradio 6's queue is unbounded unless `max_size` is set (`max_size=None` is the default).\n"
        "Under load every waiting request is held in memory until the process runs out of it.\n"
        "With a bound, extra clients get `QueueError: Queue is full!` at once instead.\n"
        "Fix: demo.queue(max_size=N, default_concurrency_limit=M), N read from settings.",
    ),
    Rule(
        "GR002",
        "app launched without queue() configuration: call demo.queue(max_size=N) before launch()",
        "Blocks.__init__ calls queue() with its defaults, so an app launched without its own\n"
        "queue() call has an unbounded queue and a concurrency limit of 1 per event.\n"
        "This rule looks at a module that both builds the app (gr.Blocks, gr.Interface,\n"
        "gr.ChatInterface, gr.TabbedInterface) and launches it, and finds no queue() call.\n"
        "Fix: demo.queue(max_size=N, default_concurrency_limit=M).launch(...).",
    ),
    Rule(
        "GR003",
        "event handler changes module-level mutable state shared by all users; use gr.State",
        "A list, dict, set or object created at module level exists once per process: every\n"
        "browser tab, user and API client sees and changes the same value, concurrently.\n"
        "The rule fires where an event handler mutates such a value (append, update, item\n"
        "assignment, `global` rebinding...). Read-only lookup tables are not reported.\n"
        "Fix: keep per-user data in gr.State (an input and an output of the handler).",
    ),
    Rule(
        "GR004",
        "handler changes a gr.State input but does not return it: list it in outputs",
        "gr.State keeps the value a function RETURNS. A handler that takes a State as input and\n"
        "changes it (rebinds or mutates the parameter) without the State among the event's\n"
        "outputs loses the change, or, for mutations in place, shares it in surprising ways.\n"
        "Fix: add the State to outputs and return the new value.",
    ),
    Rule(
        "GR005",
        "model loaded inside an event handler, once per request: load it once at module level",
        "from_pretrained(), transformers.pipeline(), torch.load(), joblib.load(),\n"
        "SentenceTransformer(), whisper.load_model(), spacy.load() and friends take seconds and\n"
        "memory. Called inside a handler they run on every request, and concurrent requests\n"
        "hold several copies. Fix: load once when the app starts, and let handlers use it.",
    ),
    Rule(
        "GR006",
        "batch=True handler returns a flat list: return one list per output, e.g. (outs,)",
        "With batch=True the function gets one list per input and must return a tuple or list\n"
        "of lists, one list per output, even for a single output. A plain list of strings does\n"
        "not raise: the server zips over the characters and answers garbage ('abc' -> 'a').\n"
        "Fix: `return (outputs,)` or `return [outputs]`.",
    ),
    Rule(
        "GR007",
        "plaintext credentials in auth=: read them from the environment or pass a callable",
        "auth=('user', 'password') written in the source ends up in git, in logs and in every\n"
        "copy of the code. Fix: read the credentials from environment variables (secrets), or\n"
        "pass auth=check(username, password) -> bool that compares against a stored hash.",
    ),
    Rule(
        "GR008",
        "share=True opens a public tunnel to this process: deploy instead, or read it from config",
        "share=True publishes the app through a gradio.live tunnel for up to a week, needs\n"
        "outbound access and a downloaded binary, and is ignored on Spaces. It is a demo tool,\n"
        "not a deployment. Fix: remove it (or drive it from GRADIO_SHARE for local demos).",
    ),
    Rule(
        "GR009",
        "concurrency_count was removed: use default_concurrency_limit= or concurrency_limit=",
        "queue(concurrency_count=N) raises TypeError in Gradio 6. Use\n"
        "queue(default_concurrency_limit=N) or concurrency_limit=N on the event, and\n"
        "concurrency_id to share one limit between events.",
    ),
    Rule(
        "GR010",
        "enable_queue was removed: the queue is always on; configure it with queue()",
        "launch(enable_queue=...) and gr.Interface(enable_queue=...) raise TypeError in Gradio 6.\n"
        "The queue is always enabled. Fix: remove the argument; use demo.queue(max_size=N).",
    ),
    Rule(
        "GR011",
        "every= on event listeners was removed: use gr.Timer(seconds).tick(fn, inputs, outputs)",
        "Event listeners no longer accept every= (TypeError in Gradio 6). Poll with a timer:\n"
        "timer = gr.Timer(5); timer.tick(fn, inputs, outputs).",
    ),
    Rule(
        "GR012",
        "show_api was removed: use api_visibility= on events or footer_links= in launch()",
        "show_api=False on an event became api_visibility='undocumented' (or 'private' to close\n"
        "the endpoint); launch(show_api=...) became footer_links=[...].",
    ),
    Rule(
        "GR013",
        "Chatbot/ChatInterface type= was removed: only the messages format exists",
        "Gradio 6 chat components take and return messages ({'role': ..., 'content': ...} or\n"
        "gr.ChatMessage) only; type= raises TypeError and tuple histories raise gr.Error.\n"
        "Fix: remove type= and use message dicts.",
    ),
    Rule(
        "GR014",
        "theme/css/js/head passed to gr.Blocks(): in Gradio 6 they are launch() arguments",
        "Gradio 6 moved theme, css, css_paths, js and head from gr.Blocks() to launch().\n"
        "Passed to gr.Blocks they no longer take effect. Fix: demo.launch(theme=..., css=...).",
    ),
    Rule(
        "GR015",
        "Client(hf_token=...) was removed: pass token=...",
        "gradio_client.Client takes token= (and reads HF_TOKEN); hf_token= raises TypeError.",
    ),
    Rule(
        "GR016",
        "app accepts uploads but launch() sets no max_file_size: pass max_file_size=...",
        "Gradio's default upload limit is NO limit (there is no GRADIO_MAX_FILE_SIZE variable).\n"
        "A module that creates an upload component (File, UploadButton, Image, Audio, Video,\n"
        "Gallery, Model3D, MultimodalTextbox...) and calls launch() without max_file_size\n"
        "accepts files of any size. Fix: launch(max_file_size='20mb') (or bytes from settings).",
    ),
    Rule(
        "GR017",
        "server_name='0.0.0.0' hard-coded: read it from the environment (GRADIO_SERVER_NAME)",
        "Binding every interface is right in a container and wrong on a laptop or a shared host.\n"
        "Leave server_name out (Gradio reads GRADIO_SERVER_NAME, default 127.0.0.1) or read\n"
        "it from your settings.",
    ),
    Rule(
        "GR018",
        "root_path hard-coded: read it from the environment (GRADIO_ROOT_PATH)",
        "The public subpath depends on the reverse proxy in front of the app, not on the code.\n"
        "Leave root_path out (Gradio reads GRADIO_ROOT_PATH) or read it from your settings.",
    ),
    Rule(
        "GR019",
        "file type mismatch: the handler uses this upload the other way than its type= delivers",
        "gr.File(type='binary') passes bytes; type='filepath' (the default) passes a path string.\n"
        "The rule fires when a binary upload reaches a handler that opens it as a path\n"
        "(open(), Path(), os.path.*), or a filepath upload reaches one that treats it as bytes\n"
        "(.decode(), io.BytesIO()). Fix: make type= match what the handler does.",
    ),
    Rule(
        "GR020",
        "cache_examples=True runs every example before launch() returns: use cache_mode='lazy'",
        "Eager example caching (the default mode) runs the function on every example before the\n"
        "server listens. The rule fires when the function looks slow (loads a model, streams,\n"
        "sleeps, calls .generate()/.predict() or the network).\n"
        "Fix: cache_mode='lazy' caches each example on first use.",
    ),
    Rule(
        "GR021",
        "listener on a hidden (visible=False) component is still a public API endpoint",
        "Hidden components' listeners still run and stay callable through the API: hiding a\n"
        "control in the UI does not close its endpoint. Fix: api_visibility='private' on the\n"
        "event, or do not register it until it is needed.",
    ),
    Rule(
        "GR022",
        "button starts slow work with trigger_mode changed from 'once': each click queues a run",
        "click() defaults to trigger_mode='once': clicks while a run is pending are ignored.\n"
        "'multiple' (and 'always_last') queue more runs of slow work from impatient clicks.\n"
        "Fix: keep the default, or trigger_mode='once'.",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
