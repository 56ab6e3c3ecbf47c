"""Keep typer from importing pydantic for options nobody gave, and for the doctor's text and paths.

typer 0.2x coerces each parameter through a pydantic TypeAdapter, built on first use, and it
builds one even for an option left out, whose value is None and never reaches the adapter
(typer's RuntimeParam.coerce returns None, or () when repeatable, before using it). The first
adapter imports pydantic (about 0.05 s) and each costs about 2 ms, so `new-app --help` paid
about 0.1 s for some thirty options it never reads. For a missing value this lends typer its
own pass-through coercion, which answers exactly as the adapter's would; given values take
typer's usual path. A typer without these internals is left as it is.
"""

from typing import Any


def skip_coercing_missing_values() -> None:
    try:
        from typer._coercion import PassThroughRuntimeParam
        from typer.core import _TyperParameter
    except ImportError:
        return
    if not hasattr(_TyperParameter, "get_runtime_param") or getattr(
        _TyperParameter.process_value, "skips_missing", False
    ):
        return
    process_given = _TyperParameter.process_value

    def process_value(self: Any, ctx: Any, value: Any) -> Any:
        if value is not None or getattr(self, "_runtime_param", True) is not None:
            return process_given(self, ctx, value)
        descriptor = self.type_descriptor
        self._runtime_param = PassThroughRuntimeParam(
            parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
        )
        try:
            return process_given(self, ctx, value)
        finally:
            self._runtime_param = None

    process_value.skips_missing = True  # type: ignore[attr-defined]
    _TyperParameter.process_value = process_value  # type: ignore[method-assign]


def coerce_plain_values() -> None:
    """Coerce given text to `str`, `Path` and lists of them without pydantic (`new-app doctor`).

    For those annotations typer's adapters do no more than this: text stays itself, a path is
    `Path(text)` then typer's own checks (coerce_cli_path, without pydantic when handed a
    Path), a list is each item so coerced. Anything else (other annotations, parsers, path
    types, a value that is neither text nor a Path) takes typer's usual path.
    """
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
        from typer.core import _TyperParameter
    except ImportError:
        return
    if not hasattr(_TyperParameter, "get_runtime_param") or getattr(
        _TyperParameter.get_runtime_param, "coerces_plain", False
    ):
        return
    from dataclasses import dataclass
    from pathlib import Path
    from typing import get_args, get_origin

    from typer import BadParameter

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        leaf: type
        many: bool

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            items = [value]
            if self.many and isinstance(value, list | tuple):
                items = list(value)
            text = (str, Path) if self.leaf is Path else str  # a Path default is one already
            if not all(isinstance(item, text) for item in items):
                return self.usual(value, param, ctx)
            if self.leaf is Path:
                info = self.parameter_info
                try:
                    items = [
                        coerce_cli_path(Path(i), info, path_type=Path, param=param, ctx=ctx)
                        for i in items
                    ]
                except BadParameter:  # said by typer's own path, naming the path as given
                    return self.usual(value, param, ctx)
            return items if self.many else items[0]

        def usual(self, value: Any, param: Any, ctx: Any) -> Any:
            runtime = build_runtime_param(param.type_descriptor)
            return runtime._coerce_value(value, param=param, ctx=ctx)

    def plain(descriptor: Any) -> RuntimeParam | None:
        annotation, info = descriptor.annotation, descriptor.parameter_info
        many = get_origin(annotation) is list
        leaf = get_args(annotation)[0] if many else annotation
        if (
            leaf not in (str, Path)
            or descriptor.file_annotation is not None
            or getattr(info, "parser", True) is not None
            or getattr(info, "path_type", True) is not None
        ):
            return None
        return PlainRuntimeParam(parameter_info=info, annotation=annotation, leaf=leaf, many=many)

    usual_runtime_param = _TyperParameter.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = plain(self.type_descriptor)
        return usual_runtime_param(self)

    get_runtime_param.coerces_plain = True  # type: ignore[attr-defined]
    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign]
