"""What one parsed module says about Gradio: aliases, components, event listeners, handlers."""

import ast
from collections import defaultdict
from dataclasses import dataclass, field

# Event listener methods of components and Blocks (Gradio 6).
LISTENERS = frozenset(
    [
        "blur",
        "change",
        "clear",
        "click",
        "collapse",
        "copy",
        "delete",
        "double_click",
        "edit",
        "end",
        "expand",
        "failure",
        "focus",
        "input",
        "key_up",
        "like",
        "load",
        "pause",
        "play",
        "release",
        "retry",
        "select",
        "start_recording",
        "stop",
        "stop_recording",
        "stream",
        "submit",
        "success",
        "then",
        "tick",
        "undo",
        "upload",
    ]
)
APPS = frozenset({"Blocks", "Interface", "ChatInterface", "TabbedInterface"})


@dataclass
class Listener:
    """An event wired to a function: `x.click(fn, inputs, outputs)`, `gr.on(...)`, an Interface."""

    call: ast.Call
    method: str  # the listener method, "on", "Interface" or "ChatInterface"
    receiver: str | None  # the component name for `name.click(...)`
    fn: ast.expr | None
    inputs: ast.expr | None
    outputs: ast.expr | None
    handler: ast.FunctionDef | ast.AsyncFunctionDef | None


@dataclass
class Module:
    tree: ast.Module
    gradio: set[str] = field(default_factory=set)  # names bound to the gradio module
    imported: dict[str, str] = field(default_factory=dict)  # local name -> "module.attr"
    modules: set[str] = field(default_factory=set)  # names bound to other modules
    functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = field(
        default_factory=lambda: defaultdict(list)
    )
    bindings: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    listeners: list[Listener] = field(default_factory=list)

    @property
    def uses_gradio(self) -> bool:
        return bool(self.gradio) or any(v.startswith("gradio.") for v in self.imported.values())

    def gradio_name(self, node: ast.expr) -> str | None:
        """`gr.File` / `gradio.components.File` / an imported `File` -> "File"; else None."""
        if isinstance(node, ast.Name):
            origin = self.imported.get(node.id, "")
            return origin.rsplit(".", 1)[1] if origin.startswith("gradio.") else None
        if isinstance(node, ast.Attribute):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in self.gradio:
                return node.attr
        return None

    def gradio_call(self, node: ast.AST) -> str | None:
        return self.gradio_name(node.func) if isinstance(node, ast.Call) else None

    def component(self, node: ast.expr | None) -> ast.Call | None:
        """The gradio constructor call behind a name (`x = gr.File(...)`), when exactly one."""
        if isinstance(node, ast.Name):
            calls = [v for v in self.bindings.get(node.id, []) if self.gradio_call(v)]
            node = calls[0] if len(calls) == 1 else None
        return node if isinstance(node, ast.Call) and self.gradio_call(node) else None

    def resolve(self, fn: ast.expr | None) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        if isinstance(fn, ast.Name) and len(self.functions.get(fn.id, [])) == 1:
            return self.functions[fn.id][0]
        return None

    def handlers(self) -> dict[int, ast.FunctionDef | ast.AsyncFunctionDef]:
        return {id(li.handler): li.handler for li in self.listeners if li.handler is not None}


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((kw for kw in call.keywords if kw.arg == name), None)


def has_star_kwargs(call: ast.Call) -> bool:
    return any(kw.arg is None for kw in call.keywords)


def argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    """An argument given by keyword or at a position (None when absent or unknowable)."""
    kw = keyword(call, name)
    if kw is not None:
        return kw.value
    positional = call.args
    if any(isinstance(arg, ast.Starred) for arg in positional[: position + 1]):
        return None
    return positional[position] if position < len(positional) else None


def elements(node: ast.expr | None) -> list[ast.expr] | None:
    """The items of a literal list/tuple, a single item as a list, None when unknowable."""
    if node is None:
        return []
    if isinstance(node, ast.List | ast.Tuple):
        return None if any(isinstance(e, ast.Starred) for e in node.elts) else list(node.elts)
    if isinstance(node, ast.Name | ast.Attribute | ast.Call):
        return [node]
    return None


def own_nodes(function: ast.AST) -> list[ast.AST]:
    """The nodes of a function's body, not descending into nested functions, classes or lambdas."""
    found: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(node, ast.arguments):
            continue
        found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    args = function.args
    return [a.arg for a in (*args.posonlyargs, *args.args)]


def analyse(tree: ast.Module) -> Module:
    module = Module(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                if alias.name == "gradio" or (
                    alias.name.startswith("gradio.") and not alias.asname
                ):
                    module.gradio.add(local)
                elif alias.name.startswith("gradio."):
                    module.modules.add(local)
                else:
                    module.modules.add(local)
                    module.imported[local] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                module.imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            module.functions[node.name].append(node)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    module.bindings[target.id].append(node.value)
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr):
            if isinstance(node.target, ast.Name) and node.value is not None:
                module.bindings[node.target.id].append(node.value)
        elif isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                if isinstance(item.optional_vars, ast.Name):
                    module.bindings[item.optional_vars.id].append(item.context_expr)
    # `from gradio import components` binds a module name, not a component.
    for local, origin in list(module.imported.items()):
        if origin in ("gradio.components",):
            module.gradio.add(local)
    if module.uses_gradio:
        module.listeners = [li for node in ast.walk(tree) if (li := _listener(module, node))]
    return module


def _listener(module: Module, node: ast.AST) -> Listener | None:
    if not isinstance(node, ast.Call):
        return None
    name = module.gradio_call(node)
    if name in ("Interface", "ChatInterface"):
        fn = argument(node, 0, "fn")
        inputs = argument(node, 1, "inputs") if name == "Interface" else None
        outputs = argument(node, 2, "outputs") if name == "Interface" else None
        return Listener(node, name, None, fn, inputs, outputs, module.resolve(fn))
    if name == "on":
        fn = argument(node, 1, "fn")
        inputs, outputs = argument(node, 2, "inputs"), argument(node, 3, "outputs")
        return Listener(node, "on", None, fn, inputs, outputs, module.resolve(fn))
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in LISTENERS:
        return None
    receiver = func.value
    if isinstance(receiver, ast.Name) and receiver.id in module.modules | module.gradio:
        return None  # json.load(f), pickle.load(f), ...
    fn = argument(node, 0, "fn")
    inputs, outputs = argument(node, 1, "inputs"), argument(node, 2, "outputs")
    return Listener(
        node,
        func.attr,
        receiver.id if isinstance(receiver, ast.Name) else None,
        fn,
        inputs,
        outputs,
        module.resolve(fn),
    )
