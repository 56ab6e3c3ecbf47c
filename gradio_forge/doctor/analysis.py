"""What one parsed module says about Gradio, gathered in a single walk of its tree.

The walk records imports, bindings, functions (with their own nodes), calls and attribute
reads; `Facts.infer` then tells what an expression is (the gradio module, a Gradio class, an
instance of one, a function...) from the generated API file, following assignments, `with`
targets, chained calls and the return values of the module's own functions.
"""

import ast
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from . import api as gradio_api

Function = ast.FunctionDef | ast.AsyncFunctionDef
APPS = frozenset({"Blocks", "Interface", "ChatInterface", "TabbedInterface"})


class Kind(NamedTuple):
    """What an expression is. `name` is a module, class id or function name; `owner` is the
    receiver of a method (itself a Kind), `member` the method's name."""

    kind: str  # module, class, instance, function, method, missing, other
    name: str = ""
    owner: "Kind | None" = None
    member: str = ""


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
OTHER = Kind("other")  # something known not to be Gradio's
_PENDING = Kind("pending")  # being inferred (a binding that refers to itself)


@dataclass
class Scope:
    """A function: where it sits, what it binds, and its own nodes."""

    node: Function
    parent: "Scope | None"
    bindings: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    stores: set[str] = field(default_factory=set)  # loop and other targets not in bindings
    globals: set[str] = field(default_factory=set)
    # The body's nodes, gathered by analyse(): not those of nested functions, classes and
    # lambdas (their own scopes) but their decorators, defaults and bases, which run here.
    nodes: list[ast.AST] = field(default_factory=list)
    _locals: frozenset[str] | None = None
    start: tuple[int, int] = field(init=False)  # where the function's node starts and ends
    end: tuple[int, int] = field(init=False)

    def __post_init__(self) -> None:
        node = self.node
        self.start = (node.lineno, node.col_offset)
        self.end = (node.end_lineno or node.lineno, node.end_col_offset or 0)

    def contains(self, position: tuple[int, int]) -> bool:
        return self.start <= position <= self.end

    @property
    def locals(self) -> frozenset[str]:
        """Names local to the function: parameters and names it binds, less its globals."""
        if self._locals is None:
            args = self.node.args
            names = {a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)}
            names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
            self._locals = frozenset((names | set(self.bindings) | self.stores) - self.globals)
        return self._locals


@dataclass
class Listener:
    """An event wired to a function: `x.click(fn, inputs, outputs)`, `gr.on(...)`, an Interface."""

    call: ast.Call
    method: str  # the listener method, "on", "Interface" or "ChatInterface"
    receiver: ast.expr | None  # the component for `x.click(...)`
    fn: ast.expr | None
    inputs: ast.expr | None
    outputs: ast.expr | None
    handler: Function | None


@dataclass
class Facts:
    tree: ast.Module
    source: str
    gradio: set[str] = field(default_factory=set)  # names bound to the gradio module
    module_names: dict[str, str] = field(default_factory=dict)  # local name -> module
    imported: dict[str, str] = field(default_factory=dict)  # local name -> "module.attr"
    star_gradio: bool = False
    functions: dict[str, list[Function]] = field(default_factory=lambda: defaultdict(list))
    scopes: dict[int, Scope] = field(default_factory=dict)  # id(function node) -> Scope
    bindings: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    calls: list[ast.Call] = field(default_factory=list)
    method_calls: dict[str, list[ast.Call]] = field(default_factory=lambda: defaultdict(list))
    attributes: list[ast.Attribute] = field(default_factory=list)
    imports: list[ast.Import | ast.ImportFrom] = field(default_factory=list)
    scope_of: dict[int, Scope | None] = field(default_factory=dict)  # id(call) -> its function
    listeners: list[Listener] = field(default_factory=list)
    _kinds: dict[int, Kind | None] = field(default_factory=dict)
    _constructed: dict[int, gradio_api.Klass | None] = field(default_factory=dict)
    _names: dict[tuple[int, str], Kind | None] = field(default_factory=dict)
    _scope_list: list[Scope] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)  # classes the module defines
    withs: list[ast.With | ast.AsyncWith] = field(default_factory=list)
    module_bindings: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    _returns: dict[int, Kind | None] = field(default_factory=dict)
    _lines: list[bytes] | None = None

    def segment(self, node: ast.AST) -> str | None:
        """The source text of a node (ast.get_source_segment without re-splitting each time)."""
        if self._lines is None:
            self._lines = [line.encode() for line in _LINES.findall(self.source)]
        try:
            first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[attr-defined, operator]
            start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
        except AttributeError:
            return None
        lines = self._lines
        if last >= len(lines) or end is None:
            return None
        if first == last:
            return lines[first][start:end].decode()
        text = lines[first][start:] + b"".join(lines[first + 1 : last]) + lines[last][:end]
        return text.decode()

    @property
    def uses_gradio(self) -> bool:
        return (
            bool(self.gradio)
            or self.star_gradio
            or any(_is_gradio(v) for v in self.imported.values())
        )

    @property
    def uses_client(self) -> bool:
        return any(v.startswith("gradio_client") for v in self.imported.values()) or any(
            m.startswith("gradio_client") for m in self.module_names.values()
        )

    @cached_property
    def api(self) -> gradio_api.Api:
        return gradio_api.load()

    # What expressions are.
    def infer(self, node: ast.expr | None) -> Kind | None:
        if node is None:
            return None
        key = id(node)
        kind = self._kinds.get(key, _PENDING)
        if kind is not _PENDING:
            return kind
        kind = self._infer(node)
        if kind is not _PENDING:
            self._kinds[key] = kind
        return kind

    def klass(self, node: ast.expr | None) -> gradio_api.Klass | None:
        """The Gradio class that `node` is an instance of."""
        kind = self.infer(node)
        if kind is not None and kind.kind == "instance":
            return self.api.classes.get(kind.name)
        return None

    def constructed(self, node: ast.AST | None) -> gradio_api.Klass | None:
        """The Gradio class a call constructs: gr.File(...), File(...), gr.components.File(...)."""
        if not isinstance(node, ast.Call):
            return None
        key = id(node)
        if key in self._constructed:  # asked of every call by several checks
            return self._constructed[key]
        kind = self.infer(node.func)
        klass = None
        if kind is not None and kind.kind == "class":
            klass = self.api.classes.get(kind.name)
        if kind is not _PENDING:
            self._constructed[key] = klass
        return klass

    def constructed_name(self, node: ast.AST | None) -> str | None:
        klass = self.constructed(node)
        return klass.name if klass is not None else None

    def component(self, node: ast.expr | None) -> ast.Call | None:
        """The Gradio constructor call behind a name (`x = gr.File(...)`), when exactly one."""
        if isinstance(node, ast.Name):
            calls = [v for v in self.bindings.get(node.id, []) if self.constructed(v)]
            node = calls[0] if len(calls) == 1 else None
        return node if isinstance(node, ast.Call) and self.constructed(node) else None

    def is_app(self, node: ast.expr | None) -> bool | None:
        """Whether an expression is a Gradio app: True, False, or None when unknowable."""
        kind = self.infer(node)
        if kind is None or kind is _PENDING:
            return None
        if kind.kind == "instance":
            klass = self.api.classes.get(kind.name)
            return klass is not None and klass.is_a("Blocks")
        return False

    def resolve(self, fn: ast.expr | None) -> Function | None:
        if isinstance(fn, ast.Name) and len(self.functions.get(fn.id, [])) == 1:
            return self.functions[fn.id][0]
        return None

    def inside_blocks(self, node: ast.AST, name: str) -> bool:
        """Whether `node` is in the body of `with gr.Blocks(...) as <name>:`."""
        where = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
        for statement in self.withs:
            for item in statement.items:
                target = item.optional_vars
                if (
                    isinstance(target, ast.Name)
                    and target.id == name
                    and (klass := self.constructed(item.context_expr)) is not None
                    and klass.is_a("Blocks")
                    and statement.body
                    and (statement.body[0].lineno, statement.body[0].col_offset) <= where
                    and where <= (statement.end_lineno or 0, statement.end_col_offset or 0)
                ):
                    return True
        return False

    def scope_at(self, node: ast.AST) -> Scope | None:
        """The innermost function whose body holds `node` (None at module level)."""
        position = getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
        inner = None
        for scope in self._scope_list:
            if (
                scope.start <= position <= scope.end
                and scope.node is not node
                and (inner is None or inner.contains(scope.start))
            ):
                inner = scope
        return inner

    def own_nodes(self, function: Function) -> list[ast.AST]:
        return self.scopes[id(function)].nodes

    def handlers(self) -> dict[int, Function]:
        return {id(li.handler): li.handler for li in self.listeners if li.handler is not None}

    def _infer(self, node: ast.expr) -> Kind | None:
        if isinstance(node, ast.Name):
            return self._name(node.id, self.scope_at(node))
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "self":
                return self._name(f"self.{node.attr}", None)
            return self._attribute(self.infer(node.value), node.attr)
        if isinstance(node, ast.Call):
            return self._call(node)
        if isinstance(node, ast.NamedExpr):
            return self.infer(node.value)
        if isinstance(node, ast.Await):
            return None
        if isinstance(node, ast.Constant | ast.JoinedStr | ast.List | ast.Dict | ast.Tuple):
            return OTHER
        return None

    def _name(self, name: str, scope: Scope | None) -> Kind | None:
        while scope is not None and name not in scope.locals:
            scope = scope.parent
        key = (id(scope.node) if scope is not None else 0, name)
        if key in self._names:
            return self._names[key]
        if scope is not None:
            values = scope.bindings.get(name)
            if not values:
                return None  # a parameter, a loop variable...
            return self._merge(key, values)
        if name in self.gradio:
            return Kind("module", "gradio")
        if name in self.module_names:
            module = self.module_names[name]
            return Kind("module", module) if _is_gradio(module) else OTHER
        # Names bound only inside functions are those functions' globals (or undefined here).
        values = self.module_bindings.get(name) or self.bindings.get(name)
        if not values:
            if name in self.imported:
                return self._imported(self.imported[name])
            if name in self.functions:
                return Kind("function", f"<local>.{name}")
            if name in self.classes:
                return OTHER
            if self.star_gradio and self.api.lookup("gradio", name):
                return self._attribute(Kind("module", "gradio"), name)
            return None
        return self._merge(key, values)

    def _merge(self, key: tuple[int, str], values: list[ast.expr]) -> Kind | None:
        self._names[key] = _PENDING
        kinds = {self.infer(v) for v in values} - {_PENDING}
        result = kinds.pop() if len(kinds) == 1 else None
        self._names[key] = result
        return result

    def _imported(self, origin: str) -> Kind:
        module, _, name = origin.rpartition(".")
        if not _is_gradio(module):
            return OTHER
        kind = self._attribute(Kind("module", module), name)
        if kind is None:
            return (
                Kind("missing", module, member=name)
                if self.api.checked_namespace(module)
                else OTHER
            )
        return kind

    def _attribute(self, owner: Kind | None, attr: str) -> Kind | None:
        if owner is None or owner is _PENDING:
            return owner
        api = self.api
        if owner.kind == "module":
            entry = api.lookup(owner.name, attr)
            if entry is None:
                if api.checked_namespace(owner.name):
                    return Kind("missing", owner.name, member=attr)
                return None
            what, _, value = entry.partition(":")
            return Kind(what, value) if what in ("class", "function", "module") else None
        if owner.kind in ("class", "instance"):
            klass = api.classes.get(owner.name)
            if klass is None:
                return None
            if attr in klass.methods or (
                owner.kind == "instance" and attr in ("then", "success", "failure")
            ):
                return Kind("method", owner=owner, member=attr)
            if attr in klass.attributes:
                return None
            return Kind("missing", owner.name, owner=owner, member=attr)
        if owner.kind == "other":
            return OTHER
        return None

    def _call(self, node: ast.Call) -> Kind | None:
        func = self.infer(node.func)
        if func is None or func is _PENDING:
            return func
        api = self.api
        if func.kind == "class":
            return Kind("instance", func.name)
        if func.kind == "function":
            if func.name.startswith("<local>."):
                return self._local_return(func.name.removeprefix("<local>."))
            signature = api.functions.get(func.name)
            return _returned(signature.returns if signature else None, None)
        if func.kind == "method" and func.owner is not None:
            if func.owner.kind != "instance":
                return None
            signature = api.method(func.owner.name, func.member)
            return _returned(signature.returns if signature else None, func.owner)
        if func.kind == "missing" and func.member == "style" and func.owner is not None:
            return func.owner  # Gradio 3's .style() returned the component itself
        if func.kind == "other":
            return OTHER
        return None

    def _local_return(self, name: str) -> Kind | None:
        """What a function of this module returns, when every `return` agrees."""
        functions = self.functions.get(name, [])
        if len(functions) != 1:
            return None
        function = functions[0]
        key = id(function)
        if key in self._returns:
            return self._returns[key]
        self._returns[key] = None  # a recursive function: unknown
        values = [n.value for n in self.own_nodes(function) if isinstance(n, ast.Return)]
        kinds = {self.infer(v) if v is not None else OTHER for v in values} - {_PENDING}
        result = kinds.pop() if len(kinds) == 1 else None
        self._returns[key] = result
        return result


def _returned(returns: str | None, owner: Kind | None) -> Kind | None:
    if returns == "self":
        return owner
    if returns:
        # An annotation may name a base class (gr.component() -> Component): "returned"
        # marks instances whose real class may have more members than the annotation's.
        return Kind("instance", returns, member="returned")
    return None


def _is_gradio(name: str) -> bool:
    return name == "gradio" or name.startswith("gradio.") or name.startswith("gradio_client")


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


def parameters(function: Function) -> list[str]:
    args = function.args
    return [a.arg for a in (*args.posonlyargs, *args.args)]


# Whose own nodes (Scope.nodes) a child is: the enclosing function's (_OWN), the new
# function's (_INNER: its body), or nobody's (_NONE: annotations, a class or lambda body).
_INNER, _OWN, _NONE = 0, 1, 2
_OWNERS: dict[type, dict[str, int]] = {
    ast.FunctionDef: {"decorator_list": _OWN, "args": _OWN, "returns": _NONE},
    ast.AsyncFunctionDef: {"decorator_list": _OWN, "args": _OWN, "returns": _NONE},
    ast.Lambda: {"args": _OWN, "body": _NONE},
    ast.ClassDef: {"decorator_list": _OWN, "bases": _OWN, "keywords": _OWN},
    ast.arguments: {"defaults": _OWN, "kw_defaults": _OWN},
}
_OWNERS_ELSE = {ast.Lambda: _NONE, ast.ClassDef: _NONE, ast.arguments: _NONE}


def _child_fields() -> dict[type, tuple[tuple[str, int], ...]]:
    """For each node class, the fields that can hold nodes (not names, constants or ctx),
    each with whose own nodes its children are."""
    leaves = {"ctx", "id", "attr", "arg", "name", "names", "module", "level", "kind", "value"}
    table: dict[type, tuple[tuple[str, int], ...]] = {}
    for klass in vars(ast).values():
        if isinstance(klass, type) and issubclass(klass, ast.AST):
            fields = tuple(f for f in klass._fields if f not in leaves)
            if klass not in (ast.Constant, ast.MatchSingleton) and "value" in klass._fields:
                fields += ("value",)
            owners, otherwise = _OWNERS.get(klass, {}), _OWNERS_ELSE.get(klass, _INNER)
            table[klass] = tuple((f, owners.get(f, otherwise)) for f in fields)
    return table


_FIELDS = _child_fields()
# The node classes analyse() records something of; every other class is only walked through.
_RECORDED = frozenset(
    {ast.Call, ast.Attribute, ast.Assign, ast.AnnAssign, ast.NamedExpr, ast.With}
    | {ast.AsyncWith, ast.FunctionDef, ast.AsyncFunctionDef, ast.Import, ast.ImportFrom}
    | {ast.ClassDef, ast.Global, ast.Nonlocal, ast.For, ast.AsyncFor, ast.comprehension}
    | {ast.ExceptHandler}
)
# Nodes with nothing below them and nothing to record (names, constants, operators): taken
# into Scope.nodes where they are met, never pushed onto the walk's stack.
_LEAVES = frozenset(k for k, fields in _FIELDS.items() if not fields and k not in _RECORDED)


def analyse(tree: ast.Module, source: str) -> Facts:
    """One walk of the tree: every fact the checks need."""
    facts = Facts(tree, source)
    fields, leaves, recorded = _FIELDS, _LEAVES, _RECORDED
    # (node, the function it is in, the own nodes it belongs to)
    stack: list[tuple[ast.AST, Scope | None, list[ast.AST] | None]] = [(tree, None, None)]
    pop, push = stack.pop, stack.append
    while stack:
        node, scope, own = pop()
        kind = type(node)
        if own is not None and kind is not ast.arguments:
            own.append(node)
        inner, inner_own = scope, own
        if kind in recorded:
            if kind is ast.Call:
                facts.calls.append(node)  # type: ignore[arg-type]
                facts.scope_of[id(node)] = scope
                func = node.func  # type: ignore[attr-defined]
                if type(func) is ast.Attribute:
                    facts.method_calls[func.attr].append(node)  # type: ignore[arg-type]
            elif kind is ast.Attribute:
                facts.attributes.append(node)  # type: ignore[arg-type]
            elif kind is ast.Assign:
                for target in node.targets:  # type: ignore[attr-defined]
                    _bind(facts, scope, target, node.value)  # type: ignore[attr-defined]
            elif kind is ast.AnnAssign or kind is ast.NamedExpr:
                if node.value is not None:  # type: ignore[attr-defined]
                    _bind(facts, scope, node.target, node.value)  # type: ignore[attr-defined]
            elif kind is ast.With or kind is ast.AsyncWith:
                facts.withs.append(node)  # type: ignore[arg-type]
                for item in node.items:  # type: ignore[attr-defined]
                    if item.optional_vars is not None:
                        _bind(facts, scope, item.optional_vars, item.context_expr)
            elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                facts.functions[node.name].append(node)  # type: ignore[attr-defined, arg-type]
                inner = Scope(node, scope)  # type: ignore[arg-type]
                inner_own = inner.nodes
                facts.scopes[id(node)] = inner
                facts._scope_list.append(inner)
            elif kind is ast.Import or kind is ast.ImportFrom:
                facts.imports.append(node)  # type: ignore[arg-type]
                _import(facts, node)  # type: ignore[arg-type]
                if scope is not None:
                    scope.stores |= {(a.asname or a.name).split(".")[0] for a in node.names}  # type: ignore[attr-defined]
                continue
            elif kind is ast.ClassDef:
                facts.classes.add(node.name)  # type: ignore[attr-defined]
            elif kind is ast.Global or kind is ast.Nonlocal:
                if scope is not None:
                    scope.globals.update(node.names)  # type: ignore[attr-defined]
                continue
            elif kind is ast.For or kind is ast.AsyncFor or kind is ast.comprehension:
                if scope is not None:
                    scope.stores |= _target_names(node.target)  # type: ignore[attr-defined]
            elif kind is ast.ExceptHandler and scope is not None and node.name:  # type: ignore[attr-defined]
                scope.stores.add(node.name)  # type: ignore[attr-defined]
        for name, where in fields[kind]:
            value = getattr(node, name, None)
            if value is None:
                continue
            owner = inner_own if where == _INNER else own if where == _OWN else None
            if type(value) is list:
                for item in reversed(value):
                    if type(item) in leaves:
                        if owner is not None:
                            owner.append(item)
                    elif isinstance(item, ast.AST):
                        push((item, inner, owner))
            elif type(value) in leaves:
                if owner is not None:
                    owner.append(value)
            elif isinstance(value, ast.AST):
                push((value, inner, owner))
    if facts.uses_gradio:
        facts.listeners = [li for call in facts.calls if (li := _listener(facts, call))]
    return facts


def _target_names(target: ast.expr) -> set[str]:
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Tuple | ast.List):
        return {n for e in target.elts for n in _target_names(e)}
    return set()


def _bind(facts: Facts, scope: Scope | None, target: ast.expr, value: ast.expr) -> None:
    if isinstance(target, ast.Tuple | ast.List) and scope is not None:
        scope.stores |= _target_names(target)
    if isinstance(target, ast.Name):
        facts.bindings[target.id].append(value)
        if scope is None:
            facts.module_bindings[target.id].append(value)
        else:
            scope.bindings[target.id].append(value)
    elif (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    ):
        facts.bindings[f"self.{target.attr}"].append(value)


def _import(facts: Facts, node: ast.Import | ast.ImportFrom) -> None:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                if alias.name == "gradio":
                    facts.gradio.add(alias.asname)
                else:
                    facts.module_names[alias.asname] = alias.name
            else:
                root = alias.name.split(".")[0]
                if root == "gradio":
                    facts.gradio.add(root)
                else:
                    facts.module_names[root] = root
        return
    if node.module is None or node.level:
        return
    for alias in node.names:
        if alias.name == "*":
            facts.star_gradio |= node.module == "gradio"
            continue
        local = alias.asname or alias.name
        origin = f"{node.module}.{alias.name}"
        if _is_gradio(node.module) and f"{node.module}.{alias.name}" in _modules():
            facts.module_names[local] = origin
        else:
            facts.imported[local] = origin


def _modules() -> frozenset[str]:
    return gradio_api.load().modules


def _listener(facts: Facts, node: ast.Call) -> Listener | None:
    func = node.func
    kind = facts.infer(func)
    if kind is not None and kind.kind == "class":
        name = facts.api.classes[kind.name].name
        if name in ("Interface", "ChatInterface"):
            fn = argument(node, 0, "fn")
            inputs = argument(node, 1, "inputs") if name == "Interface" else None
            outputs = argument(node, 2, "outputs") if name == "Interface" else None
            return Listener(node, name, None, fn, inputs, outputs, facts.resolve(fn))
        return None
    if kind is not None and kind.kind == "function" and kind.name == "gradio.on":
        fn = argument(node, 1, "fn")
        inputs, outputs = argument(node, 2, "inputs"), argument(node, 3, "outputs")
        return Listener(node, "on", None, fn, inputs, outputs, facts.resolve(fn))
    if not isinstance(func, ast.Attribute) or func.attr not in facts.api.events:
        return None
    receiver = facts.infer(func.value)
    if receiver is not None and receiver.kind != "instance" and receiver is not _PENDING:
        return None  # json.load(f), pickle.load(f), gr.Blocks.load(...)...
    fn = argument(node, 0, "fn")
    inputs, outputs = argument(node, 1, "inputs"), argument(node, 2, "outputs")
    return Listener(node, func.attr, func.value, fn, inputs, outputs, facts.resolve(fn))
