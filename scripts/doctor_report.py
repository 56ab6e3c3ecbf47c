"""Recall, precision per rule and fix rate of `new-app doctor` on any set of apps.

    python scripts/doctor_report.py PATH... [--json]
    python scripts/doctor_report.py --write-expected FILE PATH...   # record the findings
    python scripts/doctor_report.py --check-expected FILE PATH...   # fail on any difference

Run it where the pinned Gradio is installed: the oracle imports the real Gradio and checks
every Gradio call, attribute and import of each file with it (inspect.signature().bind, hasattr,
importlib), independently of the doctor's API file and analysis. A line "cannot work" when the
oracle proves a TypeError, AttributeError or ImportError there. Then:

- recall: the share of those lines on which the doctor reports an API finding (GR009-GR015,
  GR1xx);
- precision per rule: for the API rules, the share of findings on lines the oracle confirms
  (GR104 values and GR014 on Blocks/Interface still run: reported, not scored); for the
  other rules the counts (their precision needs a reader);
- fix rate: the share of those lines that cannot work any more after `--fix` (safe fixes),
  and after `--fix --unsafe-fixes`; and whether every fixed file still parses.
"""

import argparse
import ast
import contextlib
import importlib.util
import inspect
import json
import sys
import warnings
from collections import Counter
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

API_RULES = {f"GR{n:03}" for n in (*range(9, 16), *range(100, 105))}
UNSCORED = {"GR104"}  # values that still run (show_progress=False...), or fail at run time
_MISSING = object()
_CYCLE = object()  # a value defined by itself (`demo = build_demo()` where build_demo returns demo)
Problems = list[tuple[int, str]]  # (line, what fails there)


class Oracle:
    """What the real Gradio says about each Gradio use of a module."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import gradio
            import gradio_client

        self.gradio = gradio
        self.client = gradio_client
        self._instances: dict[type, object] = {}

    def lines(self, source: str) -> dict[int, str]:
        tree = ast.parse(source)
        self.values: dict[str, object] = {}
        self.bindings: dict[str, list[ast.expr]] = {}
        self.unknown: set[str] = set()  # parameters and loop variables: not followed
        self.returns: dict[str, list[list[ast.expr]]] = {}  # function name -> its returns
        self.tree = tree
        self._open_block: bool | None = None
        bad: dict[int, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] in ("gradio", "gradio_client"):
                        if not _exists(alias.name):
                            bad[node.lineno] = f"no module {alias.name}"
                        root = alias.name if alias.asname else alias.name.split(".")[0]
                        self.values[alias.asname or root] = (
                            __import__(root) if alias.asname is None else _import(alias.name)
                        )
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                if node.module.split(".")[0] not in ("gradio", "gradio_client"):
                    continue
                if not _exists(node.module):
                    bad[node.lineno] = f"no module {node.module}"
                    continue
                module = _import(node.module)
                if module is None:
                    continue  # it exists but fails to import here: unknown
                for alias in node.names:
                    value = getattr(module, alias.name, _MISSING)
                    if value is _MISSING and not _exists(f"{node.module}.{alias.name}"):
                        bad[node.lineno] = f"cannot import {alias.name}"
                    else:
                        self.values[alias.asname or alias.name] = value
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.returns.setdefault(node.name, []).append(_returned_values(node))
            elif isinstance(node, ast.arg):
                self.unknown.add(node.arg)
            elif isinstance(node, ast.For | ast.comprehension) and isinstance(
                node.target, ast.Name
            ):
                self.unknown.add(node.target.id)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.bindings.setdefault(target.id, []).append(node.value)
            elif isinstance(node, ast.With):
                for item in node.items:
                    if isinstance(item.optional_vars, ast.Name):
                        self.bindings.setdefault(item.optional_vars.id, []).append(
                            item.context_expr
                        )
        for node in ast.walk(tree):
            reason = None
            if isinstance(node, ast.Call):
                for line, problem in self._call(node):
                    bad.setdefault(line, problem)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                owner = self._value(node.value, set())
                if isinstance(owner, Instance):
                    continue  # methods are checked where they are called
                if (
                    _is_gradio(owner)
                    and not node.attr.startswith("_")
                    and getattr(owner, node.attr, _MISSING) is _MISSING
                    and not (inspect.ismodule(owner) and _exists(f"{owner.__name__}.{node.attr}"))
                ):
                    reason = f"no attribute {node.attr}"
            if reason:
                bad.setdefault(node.lineno, reason)
        return bad

    def _value(self, node: ast.expr, seen: set[str]) -> object:
        """A live Gradio object for a module/class/function expression, or ("instance", cls)."""
        if isinstance(node, ast.Name):
            if node.id in self.values:
                return self.values[node.id]
            if node.id in seen:
                return _CYCLE
            if node.id in self.unknown:
                return None
            bound = self.bindings.get(node.id, [])
            return _one({_key(v): v for v in (self._value(e, seen | {node.id}) for e in bound)})
        if isinstance(node, ast.Attribute):
            owner = self._value(node.value, seen)
            if _is_gradio(owner):
                return getattr(owner, node.attr, None)
            return None
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name in self.returns and len(self.returns[name]) == 1:
                # An app built by a function of the module (`demo = build_demo()`).
                if name in seen:
                    return _CYCLE
                returned = self.returns[name][0]
                values = {_key(v): v for v in (self._value(e, seen | {name}) for e in returned)}
                return _one(values) if returned else None
            func = self._value(node.func, seen)
            if inspect.isclass(func) and _is_gradio(func):
                return Instance(func)
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("queue", "style"):
                owner = self._value(node.func.value, seen)  # `block = block.queue()` too
                return owner if isinstance(owner, Instance) or owner is _CYCLE else None
        return None

    def _call(self, node: ast.Call) -> Problems:
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            return []
        func = node.func
        target = self._value(func, set())
        if target is None and isinstance(func, ast.Attribute):
            owner = self._value(func.value, set())
            if isinstance(owner, Instance):
                method = getattr(owner.cls, func.attr, _MISSING)
                if method is _MISSING and not _takes_any_keyword(owner.cls):
                    instance = self._instance(owner.cls)
                    if instance is None or hasattr(instance, func.attr):
                        return []
                    return [(_call_line(node), f"no method {func.attr}")]
                if callable(method):
                    return _bind(method, node, bound=True)
            return []
        if inspect.isclass(target) and _is_gradio(target):
            return _bind_class(target, node)
        if isinstance(func, ast.Attribute) and inspect.isfunction(target):
            owner = self._value(func.value, set())
            static = (
                inspect.getattr_static(owner, func.attr, None) if inspect.isclass(owner) else None
            )
            if inspect.isfunction(static):  # an instance method called on the class
                return [(_call_line(node), f"{owner.__name__}.{func.attr} needs an instance")]
        if callable(target) and _is_gradio(target):
            problems = _bind(target, node, bound=False)
            return problems + self._update(node) if target is self.gradio.update else problems
        return []

    def _update(self, call: ast.Call) -> Problems:
        """gr.update(...) keywords that no component's constructor takes.

        Gradio applies an update by constructing the output's class again with its keywords:
        a TypeError, provably so where the module makes no component that takes any keyword
        (gr.HTML), whatever the update's output is.
        """
        unknown = [k for k in call.keywords if k.arg and k.arg not in _block_keywords()]
        if not unknown or self._makes_open_block():
            return []
        return [(k.lineno, f"no component takes {k.arg}") for k in unknown]

    def _makes_open_block(self) -> bool:
        """Whether the module constructs a Gradio class that takes any keyword."""
        if self._open_block is None:
            self._open_block = any(
                inspect.isclass(made := self._value(node.func, set()))
                and _is_gradio(made)
                and bool(_takes_any_keyword(made))
                for node in ast.walk(self.tree)
                if isinstance(node, ast.Call)
            )
        return self._open_block

    def _instance(self, cls: type) -> object | None:
        if cls not in self._instances:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    self._instances[cls] = cls()
            except Exception:
                self._instances[cls] = None
        return self._instances[cls]


class Instance:
    def __init__(self, cls: type) -> None:
        self.cls = cls


def _key(value: object) -> object:
    """Two instances of one Gradio class are one value (`with gr.Blocks() as demo` twice)."""
    return ("instance", value.cls) if isinstance(value, Instance) else id(value)


def _one(values: dict[object, object]) -> object:
    """The value every binding agrees on; None when one is unknown or two differ.

    A binding that comes back to the name itself adds nothing (and only such: a cycle).
    """
    known = [value for value in values.values() if value is not _CYCLE]
    if not known:
        return _CYCLE if values else None
    return known[0] if len(known) == 1 else None


def _returned_values(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    """What the function's own `return`s give (not those of functions nested in it)."""
    found, todo = [], list(function.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(node, ast.Return):
            found.append(node.value if node.value is not None else ast.Constant(None))
        todo.extend(ast.iter_child_nodes(node))
    return found


def _is_gradio(value: object) -> bool:
    if isinstance(value, Instance):
        return True
    name = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    return isinstance(name, str) and name.split(".")[0] in ("gradio", "gradio_client")


def _exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _takes_any_keyword(cls: type) -> bool | None:
    """Whether the constructor swallows unknown keywords (gr.HTML's props): probed for real."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cls(doctor_oracle_probe=None)
    except TypeError as error:
        return False if "doctor_oracle_probe" in str(error) else None
    except Exception:
        return None
    return True


@cache
def _block_keywords() -> frozenset[str]:
    """Every parameter of every Gradio block's constructor, through the bases' __init__s."""
    import gradio

    names: set[str] = set()
    classes, todo = set(), [gradio.blocks.Block]
    while todo:
        cls = todo.pop()
        if cls not in classes:
            classes.add(cls)
            todo.extend(cls.__subclasses__())
    for cls in classes:
        for klass in cls.__mro__:
            init = vars(klass).get("__init__")
            if init is None or not _is_gradio(klass):
                continue
            with contextlib.suppress(TypeError, ValueError):
                parameters = inspect.signature(init).parameters.values()
                names |= {
                    p.name for p in parameters if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
                }
    return frozenset(names)


def _import(name: str) -> object | None:
    try:
        if importlib.util.find_spec(name) is None:
            return None
        return importlib.import_module(name)
    except (ImportError, ValueError):
        return None


def _fit(params: list[inspect.Parameter], call: ast.Call, skip_first: bool) -> Problems:
    """Every keyword the parameters do not take, then what binding the arguments says."""
    if skip_first:
        params = params[1:]
    takes_any = any(p.kind is p.VAR_KEYWORD for p in params)
    names = {
        p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY)
    }
    problems = [
        (k.lineno, f"unexpected keyword {k.arg}")
        for k in call.keywords
        if k.arg and k.arg not in names and not takes_any
    ]
    fitting = [p.replace(annotation=inspect.Parameter.empty) for p in params]
    try:
        inspect.Signature(fitting).bind(
            *[None] * len(call.args),
            **{k.arg: None for k in call.keywords if k.arg in names or takes_any},
        )
    except TypeError as error:
        problems.append((_call_line(call), str(error)))
    return problems


def _call_line(call: ast.Call) -> int:
    func = call.func
    return (func.end_lineno or call.lineno) if isinstance(func, ast.Attribute) else call.lineno


def _bind(function: object, call: ast.Call, *, bound: bool) -> Problems:
    try:
        params = list(inspect.signature(function).parameters.values())  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    return _fit(params, call, bound and not inspect.ismethod(function))


def _bind_class(cls: type, call: ast.Call) -> Problems:
    """The constructor's parameters, following **kwargs up the classes' __init__s."""
    if _takes_any_keyword(cls):
        return []
    params: dict[str, inspect.Parameter] = {}
    closed = False
    first = True
    walked = []
    for klass in cls.__mro__:
        init = vars(klass).get("__init__")
        if init is None:
            continue
        walked.append(klass)
        try:
            own = list(inspect.signature(init).parameters.values())[1:]
        except (TypeError, ValueError):
            return []
        for param in own:
            if param.kind is not param.VAR_KEYWORD and param.name not in params:
                # Only the class's own parameters can be positional; its bases get **kwargs.
                params[param.name] = param if first else param.replace(kind=param.KEYWORD_ONLY)
        first = False
        if not any(p.kind is p.VAR_KEYWORD for p in own):
            closed = True
            break
    if not closed:
        return []
    if any(vars(k).get("__init__") is vars(_blocks())["__init__"] for k in walked):
        # Moved to launch() in 6.0; Blocks.__init__ still takes them with a UserWarning.
        for name in ("theme", "css", "css_paths", "js", "head", "head_paths"):
            params.setdefault(
                name, inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None)
            )
    ordered = sorted(params.values(), key=lambda p: p.kind)
    return _fit(ordered, call, skip_first=False)


def _blocks() -> type:
    import gradio

    return gradio.Blocks


def report(paths: list[Path]) -> dict:
    from gradio_forge.doctor.fixer import fix_source
    from gradio_forge.doctor.rules import RULES
    from gradio_forge.doctor.runner import check_source
    from gradio_forge.doctor.sources import decode

    oracle = Oracle()
    codes = frozenset(RULES)
    totals: Counter = Counter()
    per_rule: Counter = Counter()
    confirmed: Counter = Counter()
    files: dict[str, dict] = {}
    for path in _files(paths):
        data = path.read_bytes()
        try:
            text = decode(data)
            bad = oracle.lines(text)
            found = check_source(text, str(path), codes)
        except (SyntaxError, ValueError, Exception) as error:  # not Python 3: not counted
            totals["unparsable"] += 1
            files[str(path)] = {"error": str(error)}
            continue
        totals["files"] += 1
        flagged = {f.line for f in found if f.code in API_RULES}
        totals["cannot_work"] += len(bad)
        totals["found"] += len(bad.keys() & flagged)
        for finding in found:
            per_rule[finding.code] += 1
            if finding.code in API_RULES and finding.line in bad:
                confirmed[finding.code] += 1
        entry = {"cannot_work": sorted(bad), "flagged": sorted(flagged)}
        for mode, unsafe in (("safe", False), ("unsafe", True)):
            fixed = fix_source(data, str(path), codes, unsafe=unsafe).data
            try:
                left = oracle.lines(decode(fixed))
            except SyntaxError:
                totals[f"{mode}_broken"] += 1
                left = bad
            totals[f"{mode}_left"] += len(left)
            entry[f"{mode}_left"] = sorted(left)
        files[str(path)] = entry
    return {
        "totals": dict(totals),
        "per_rule": dict(per_rule),
        "confirmed": dict(confirmed),
        "scored": sorted(API_RULES - UNSCORED),
        "files": files,
    }


def findings(paths: list[Path], root: Path) -> dict[str, list[list]]:
    """The doctor's findings per file (path relative to root): sorted [line, column, code].

    Needs no Gradio: the expected findings of a corpus, recorded and compared as data.
    """
    from gradio_forge.doctor.rules import RULES
    from gradio_forge.doctor.runner import check_source
    from gradio_forge.doctor.sources import decode

    found = {}
    for path in _files(paths):
        items = check_source(decode(path.read_bytes()), str(path), frozenset(RULES))
        key = path.resolve().relative_to(root.resolve()).as_posix()
        found[key] = sorted([f.line, f.column, f.code] for f in items)
    return found


def _differences(expected: dict[str, list[list]], found: dict[str, list[list]]) -> list[str]:
    lines = []
    for path in sorted(expected.keys() | found.keys()):
        want = {tuple(f) for f in expected.get(path, [])}
        got = {tuple(f) for f in found.get(path, [])}
        lines += [
            f"{path}:{line}:{col}: {code} no longer reported"
            for line, col, code in sorted(want - got)
        ]
        lines += [
            f"{path}:{line}:{col}: {code} newly reported" for line, col, code in sorted(got - want)
        ]
    return lines


def _dump(found: dict[str, list[list]]) -> str:
    """JSON with one finding a line, so a change to the record reads as a short diff."""
    files = [
        f"  {json.dumps(path)}: [" + ",".join(f"\n    {json.dumps(f)}" for f in items) + "\n  ]"
        if items
        else f"  {json.dumps(path)}: []"
        for path, items in sorted(found.items())
    ]
    return "{\n" + ",\n".join(files) + "\n}\n"


def _files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def _print(result: dict) -> None:
    totals = result["totals"]
    bad = totals.get("cannot_work", 0)
    print(f"files: {totals.get('files', 0)} checked, {totals.get('unparsable', 0)} not Python 3")
    print(f"lines that cannot work on the installed Gradio (oracle): {bad}")
    if bad:
        print(f"recall: {totals.get('found', 0)}/{bad} = {totals.get('found', 0) / bad:.0%}")
        for mode in ("safe", "unsafe"):
            left = totals.get(f"{mode}_left", 0)
            label = "--fix" if mode == "safe" else "--fix --unsafe-fixes"
            print(
                f"fix rate ({label}): {bad - left}/{bad} = {(bad - left) / bad:.0%} of those lines"
                f" work after it; fixed files that do not parse: {totals.get(f'{mode}_broken', 0)}"
            )
    print("precision per rule (API rules: findings on lines the oracle confirms):")
    for code, count in sorted(result["per_rule"].items()):
        if code in API_RULES and code not in UNSCORED:
            hits = result["confirmed"].get(code, 0)
            print(f"  {code}: {hits}/{count} = {hits / count:.0%}")
        else:
            print(f"  {code}: {count} findings (not scored by the oracle)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    expected = parser.add_mutually_exclusive_group()
    expected.add_argument(
        "--write-expected", type=Path, metavar="FILE", help="record the findings in FILE"
    )
    expected.add_argument(
        "--check-expected",
        type=Path,
        metavar="FILE",
        help="compare the findings with FILE; exit 1 on any difference",
    )
    args = parser.parse_args()
    if record := args.write_expected or args.check_expected:
        found = findings(args.paths, record.parent)
        if args.write_expected:
            record.write_text(_dump(found))
            print(f"{sum(map(len, found.values()))} findings in {len(found)} files -> {record}")
            return
        differences = _differences(json.loads(record.read_text()), found)
        print("\n".join(differences) or f"{len(found)} files: the findings are {record}'s")
        if differences:
            print(f"If the change is right, record it: --write-expected {record}")
        sys.exit(1 if differences else 0)
    result = report(args.paths)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print(result)


if __name__ == "__main__":
    main()
