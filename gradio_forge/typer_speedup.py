"""Keep typer from importing pydantic for options nobody gave.

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
