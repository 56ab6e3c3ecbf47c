"""The rules as data: a stable code, a one-line message that names the fix, an explanation.

Checks refer to rules through the constants below, never through string literals, and each
check declares the codes it emits (checks.py, api_checks.py); tests/test_doctor.py checks that
every rule has exactly one check. Codes GR1xx are the Gradio 6 API family: uses that the
installed Gradio cannot accept, found against the generated API file.
"""

from dataclasses import dataclass

UNBOUNDED_QUEUE = "GR001"
NO_QUEUE_CONFIG = "GR002"
SHARED_STATE = "GR003"
STATE_NOT_RETURNED = "GR004"
MODEL_PER_REQUEST = "GR005"
FLAT_BATCH_RETURN = "GR006"
PLAINTEXT_AUTH = "GR007"
SHARE_TUNNEL = "GR008"
CONCURRENCY_COUNT = "GR009"
ENABLE_QUEUE = "GR010"
EVERY = "GR011"
SHOW_API = "GR012"
CHAT_TYPE = "GR013"
APP_SETTINGS_IN_CONSTRUCTOR = "GR014"
CLIENT_TOKEN = "GR015"
NO_UPLOAD_LIMIT = "GR016"
BIND_ALL = "GR017"
HARD_CODED_ROOT_PATH = "GR018"
FILE_TYPE_MISMATCH = "GR019"
EAGER_CACHE = "GR020"
HIDDEN_ENDPOINT = "GR021"
REPEATED_CLICKS = "GR022"
TUPLE_HISTORY = "GR023"
API_NAME = "GR100"
API_KEYWORD = "GR101"
API_MEMBER = "GR102"
API_ARGUMENTS = "GR103"
API_VALUE = "GR104"


@dataclass(frozen=True)
class Rule:
    code: str
    message: str  # the general message; findings of the API family carry their own details
    explanation: str
    limits: str  # what the rule cannot see statically

    @property
    def text(self) -> str:
        return f"{self.explanation}\n\nKnown limits: {self.limits}"


_REMOVED = (
    "Found against the API file generated from the pinned Gradio, so a keyword is reported only\n"
    "where the receiver is known to be a Gradio object (or, for launch(), queue() and event\n"
    "listeners, not known to be anything else)."
)

_RULES = [
    Rule(
        UNBOUNDED_QUEUE,
        "queue() without max_size: the queue grows without bound; pass max_size=N",
        "Gradio 6's queue is unbounded unless `max_size` is set (`max_size=None` is the default).\n"
        "Under load every waiting request is held in memory until the process runs out of it.\n"
        "With a bound, extra clients get `QueueError: Queue is full!` at once instead.\n"
        "Fix: demo.queue(max_size=N, default_concurrency_limit=M), N read from settings.",
        "max_size passed through **kwargs is trusted; a queue() call on an object of unknown\n"
        "origin in a module that uses Gradio is taken to be an app's.",
    ),
    Rule(
        NO_QUEUE_CONFIG,
        "app launched without queue() configuration: call demo.queue(max_size=N) before launch()",
        "Blocks.__init__ calls queue() with its defaults, so an app launched without its own\n"
        "queue() call has an unbounded queue and a concurrency limit of 1 per event.\n"
        "The rule looks at a module that launches a Gradio app and finds no queue() call.\n"
        "Fix: demo.queue(max_size=N, default_concurrency_limit=M).launch(...).",
        "a queue() call in another module (the app built in one file, launched in another)\n"
        "is not seen; launch() on an object of unknown origin is reported only when the module\n"
        "builds a Gradio app itself.",
    ),
    Rule(
        SHARED_STATE,
        "event handler changes module-level state shared by all users; use gr.State",
        "A list, dict, set or object created at module level exists once per process: every\n"
        "browser tab, user and API client sees and changes the same value, concurrently.\n"
        "The rule fires where an event handler mutates such a value (append, update, item\n"
        "assignment...) or rebinds any module-level name it declares `global`.\n"
        "Read-only lookup tables are not reported. Fix: keep per-user data in gr.State\n"
        "(an input and an output of the handler).",
        "only handlers that are functions of the same module are followed (not the helpers\n"
        "they call); caches meant to be shared (a model loaded once) look the same: silence\n"
        "them with `# noqa: GR003`.",
    ),
    Rule(
        STATE_NOT_RETURNED,
        "handler changes a gr.State input but does not return it: list it in outputs",
        "gr.State keeps the value a function RETURNS. A handler that takes a State as input and\n"
        "changes it (rebinds or mutates the parameter) without the State among the event's\n"
        "outputs loses the change, or, for mutations in place, shares it in surprising ways.\n"
        "Fix: add the State to outputs and return the new value.",
        "inputs and outputs must be literal lists of names bound to gr.State(...) once.",
    ),
    Rule(
        MODEL_PER_REQUEST,
        "model loaded inside an event handler, once per request: load it once at module level",
        "from_pretrained(), transformers.pipeline(), torch.load(), joblib.load(),\n"
        "SentenceTransformer(), whisper.load_model(), spacy.load() and friends take seconds and\n"
        "memory. Called inside a handler they run on every request, and concurrent requests\n"
        "hold several copies. Fix: load once when the app starts, and let handlers use it.\n"
        "Not reported: lazy singletons (`model = model or load()`, `if model is None:` guards,\n"
        "results kept in a `global`), and pipeline() wrapping a model object already loaded.",
        "a loader called through a helper function, or under another name, is not seen.",
    ),
    Rule(
        FLAT_BATCH_RETURN,
        "batch=True handler returns a flat list: return one list per output, e.g. (outs,)",
        "With batch=True the function gets one list per input and must return a tuple or list\n"
        "of lists, one list per output, even for a single output. A plain list of strings does\n"
        "not raise: the server zips over the characters and answers garbage ('abc' -> 'a').\n"
        "Fix: `return (outputs,)` or `return [outputs]`.",
        "only list comprehensions, literal lists of scalars and names bound to them are known\n"
        "to be flat.",
    ),
    Rule(
        PLAINTEXT_AUTH,
        "plaintext credentials in auth=: read them from the environment or pass a callable",
        "auth=('user', 'password') written in the source ends up in git, in logs and in every\n"
        "copy of the code. Fix: read the credentials from environment variables (secrets), or\n"
        "pass auth=check(username, password) -> bool that compares against a stored hash.",
        "credentials in a variable defined elsewhere are not followed.",
    ),
    Rule(
        SHARE_TUNNEL,
        "share=True opens a public tunnel to this process: deploy instead, or read it from config",
        "share=True publishes the app through a gradio.live tunnel for up to a week, needs\n"
        "outbound access and a downloaded binary, and is ignored on Spaces. It is a demo tool,\n"
        "not a deployment. Fix: remove it (or drive it from GRADIO_SHARE for local demos).",
        "only the literal True is reported.",
    ),
    Rule(
        CONCURRENCY_COUNT,
        "concurrency_count was removed: use default_concurrency_limit= or concurrency_limit=",
        "queue(concurrency_count=N) raises TypeError since Gradio 4. Use\n"
        "queue(default_concurrency_limit=N) or concurrency_limit=N on the event, and\n"
        "concurrency_id to share one limit between events. --fix renames it to\n"
        "default_concurrency_limit (a limit per event, where the old count was for the queue).",
        _REMOVED,
    ),
    Rule(
        ENABLE_QUEUE,
        "enable_queue was removed: the queue is always on; configure it with queue()",
        "launch(enable_queue=...) and gr.Interface(enable_queue=...) raise TypeError since\n"
        "Gradio 4. The queue is always enabled. Fix: remove the argument (--fix does, safely for\n"
        "enable_queue=True); configure the queue with demo.queue(max_size=N).",
        _REMOVED,
    ),
    Rule(
        EVERY,
        "every= on event listeners was removed: use gr.Timer(seconds).tick(fn, inputs, outputs)",
        "Event listeners no longer accept every= (TypeError since Gradio 5). Poll with a timer:\n"
        "timer = gr.Timer(5); timer.tick(fn, inputs, outputs).",
        f"not fixed automatically (the timer must be created inside the Blocks). {_REMOVED}",
    ),
    Rule(
        SHOW_API,
        "show_api was removed: use api_visibility= on events or footer_links= in launch()",
        "show_api=False on an event became api_visibility='undocumented' (or 'private' to close\n"
        "the endpoint); launch(show_api=False) became footer_links=['gradio', 'settings'].\n"
        "--fix writes both.",
        _REMOVED,
    ),
    Rule(
        CHAT_TYPE,
        "Chatbot/ChatInterface type= was removed: only the messages format exists",
        "Gradio 6 chat components take and return messages ({'role': ..., 'content': ...} or\n"
        "gr.ChatMessage) only; type= raises TypeError and tuple histories raise gr.Error.\n"
        "Fix: remove type= (--fix does, safely for type='messages'; with --unsafe-fixes for\n"
        "'tuples', after which the handlers must return message dicts).",
        _REMOVED,
    ),
    Rule(
        APP_SETTINGS_IN_CONSTRUCTOR,
        "theme/css/js/head passed to the app's constructor: Gradio 6 takes them in launch()",
        "Gradio 6 moved theme, css, css_paths, js, head and head_paths from gr.Blocks() (and\n"
        "Interface, ChatInterface, TabbedInterface) to launch(). gr.Blocks and gr.Interface\n"
        "still take them with a UserWarning and apply them when that app is launched; nested in\n"
        "another app they are ignored, and gr.ChatInterface raises TypeError.\n"
        "Fix: demo.launch(theme=..., css=...); --fix moves them where the app's launch() call\n"
        "is in the same module and the values are defined there.",
        "an app launched from another module keeps its arguments (the finding stays).",
    ),
    Rule(
        CLIENT_TOKEN,
        "Client(hf_token=...) was removed: pass token=...",
        "gradio_client.Client takes token= (and reads HF_TOKEN); hf_token= raises TypeError.",
        _REMOVED,
    ),
    Rule(
        NO_UPLOAD_LIMIT,
        "app accepts uploads but launch() sets no max_file_size: pass max_file_size=...",
        "Gradio's default upload limit is NO limit (there is no GRADIO_MAX_FILE_SIZE variable).\n"
        "A module that creates an upload component (any component with an upload event: File,\n"
        "UploadButton, Image, Audio, Video, Model3D, MultimodalTextbox...) and calls launch()\n"
        "without max_file_size accepts files of any size.\n"
        "Fix: launch(max_file_size='20mb') (or bytes from settings).",
        "components built in another module are not seen; **kwargs in launch() are trusted.",
    ),
    Rule(
        BIND_ALL,
        "server_name='0.0.0.0' hard-coded: read it from the environment (GRADIO_SERVER_NAME)",
        "Binding every interface is right in a container and wrong on a laptop or a shared host.\n"
        "Leave server_name out (Gradio reads GRADIO_SERVER_NAME, default 127.0.0.1) or read\n"
        "it from your settings.",
        "only the literal string is reported.",
    ),
    Rule(
        HARD_CODED_ROOT_PATH,
        "root_path hard-coded: read it from the environment (GRADIO_ROOT_PATH)",
        "The public subpath depends on the reverse proxy in front of the app, not on the code.\n"
        "Leave root_path out (Gradio reads GRADIO_ROOT_PATH) or read it from your settings.",
        "only literal strings are reported.",
    ),
    Rule(
        FILE_TYPE_MISMATCH,
        "file type mismatch: the handler uses this upload the other way than its type= delivers",
        "gr.File(type='binary') passes bytes; type='filepath' (the default) passes a path string.\n"
        "The rule fires when a binary upload reaches a handler that opens it as a path\n"
        "(open(), Path(), os.path.*), or a filepath upload reaches one that treats it as bytes\n"
        "(.decode(), io.BytesIO()). Fix: make type= match what the handler does.",
        "only direct uses of the parameter in the handler itself are seen.",
    ),
    Rule(
        EAGER_CACHE,
        "cache_examples=True runs every example before launch() returns: use cache_mode='lazy'",
        "Eager example caching (the default mode) runs the function on every example before the\n"
        "server listens. The rule fires when the function looks slow (loads a model, streams,\n"
        "sleeps, calls .generate()/.predict() or the network).\n"
        "Fix: cache_mode='lazy' caches each example on first use.",
        "slowness is guessed from the function's own body.",
    ),
    Rule(
        HIDDEN_ENDPOINT,
        "listener on a component that is never shown is still a public API endpoint",
        "Hidden components' listeners still run and stay callable through the API: hiding a\n"
        "control in the UI does not close its endpoint. The rule fires for a component created\n"
        "with visible=False that no event ever updates (so it is never shown), whose listener\n"
        "runs a Python function. Fix: api_visibility='private' on the event, or do not\n"
        "register it until it is needed.",
        "a component that a listener lists as an output (directly or through a list variable),\n"
        "or that is returned or put in a dict for other code, counts as shown later; one shown\n"
        "only by JavaScript is still reported.",
    ),
    Rule(
        REPEATED_CLICKS,
        "button starts slow work with trigger_mode changed from 'once': each click queues a run",
        "click() defaults to trigger_mode='once': clicks while a run is pending are ignored.\n"
        "'multiple' (and 'always_last') queue more runs of slow work from impatient clicks.\n"
        "Fix: keep the default, or trigger_mode='once'.",
        "slowness is guessed from the handler's own body.",
    ),
    Rule(
        TUPLE_HISTORY,
        "chat history in the tuple format: Gradio 6 takes only message dicts",
        "Gradio 6 removed the tuple format of gr.Chatbot ([[user, bot], ...]): a Chatbot value or\n"
        "a chat handler's history made of pairs raises gr.Error at run time.\n"
        "Fix: [{'role': 'user', 'content': ...}, {'role': 'assistant', 'content': ...}].",
        "found in literal Chatbot values and in handlers that append or return pairs to a\n"
        "history that is a Chatbot input or output; histories built elsewhere are not seen.",
    ),
    Rule(
        API_NAME,
        "name not in Gradio 6: it was removed or renamed",
        "The name (gr.X, `from gradio import X`, a gradio submodule) does not exist in the\n"
        "pinned Gradio. The message says what replaced it when the migration guides say so;\n"
        "--fix renames drop-ins (gr.Box -> gr.Group, gr.Variable -> gr.State) and rewrites\n"
        "gr.inputs.X/gr.outputs.X as the components themselves.",
        "names reached through getattr() or a variable holding the module are not checked.",
    ),
    Rule(
        API_KEYWORD,
        "keyword not accepted by Gradio 6",
        "The call passes a keyword that the pinned Gradio's signature does not have: a\n"
        "TypeError when the line runs. The message names the replacement when one is known,\n"
        "and --fix applies it where the replacement means the same (see the README's list).\n"
        "A gr.update(...) keyword that the components lost (source=, show_copy_button=...) is\n"
        "one too: Gradio applies an update by constructing the component again with it.\n"
        f"{_REMOVED}",
        "keywords passed through **kwargs are not seen; classes whose constructor takes\n"
        "**kwargs of its own (gr.HTML) are not checked; in gr.update(...) only keywords the\n"
        "migration guides removed are (gr.HTML and custom components take any others).",
    ),
    Rule(
        API_MEMBER,
        "method or attribute not in Gradio 6",
        "The code uses a method that the pinned Gradio's class does not have, such as the\n"
        "`.style()` and `.update()` methods removed in Gradio 4, or calls an instance method\n"
        "on the class (gr.Interface.load(...), now gr.load(...)). --fix folds `.style(...)`\n"
        "into the constructor where each argument has a constructor keyword, and writes\n"
        "gr.update(...) for gr.X.update(...).",
        "the receiver's class must be known: a component made in another function or stored\n"
        "in a container is not followed (`.style(` is reported on any receiver in a Gradio app).",
    ),
    Rule(
        API_ARGUMENTS,
        "arguments do not fit the Gradio 6 signature",
        "Too many positional arguments, a required argument missing, or an argument given both\n"
        "by position and by keyword: a TypeError when the line runs. Gradio 4 made many\n"
        "parameters keyword-only (launch(), Interface(), the components).",
        "calls with *args or **kwargs are not checked.",
    ),
    Rule(
        API_VALUE,
        "value no longer accepted by Gradio 6",
        "A keyword that still exists but no longer takes this value: api_name=False (now\n"
        "api_visibility='private'), cache_examples='lazy' (now cache_mode='lazy'),\n"
        "show_progress=True/False (now 'full'/'hidden'), Button variant='plain' (now\n"
        "'secondary'), or a `sources` entry the component does not offer. --fix rewrites the\n"
        "first four.",
        "only literal values are checked.",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
