"""Checks API requests against the typed parameters of Stripe's Python SDK.

Reads a JSON list of requests on stdin, each
    {"label": "...", "method": "POST", "path": "/v1/accounts",
     "params": {...nested JSON...}}          (a JSON body, Accounts v2)
  or "form": [["controller[fees][payer]", "account"], ...]   (form-encoded, v1)
and checks every parameter name against the TypedDict that stripe-python generates from
Stripe's OpenAPI spec for that endpoint, and every value against its Literal values.
Prints one line per problem and exits 1 if there is any; exits 0 with a count otherwise.

Test-only: run with the interpreter of Tools/python-env.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import types
import typing
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin

import stripe  # noqa: F401  (the pinned version is checked below)
import typing_extensions as te
from stripe._request_options import RequestOptions
from typing_extensions import is_typeddict

SDK_VERSION = "16.1.0"

# (method, path template) -> the params class, as "module:Class" under stripe.params.
# Path segments in braces match any id.
ENDPOINTS: dict[tuple[str, str], str] = {
    ("POST", "/v1/accounts"): "stripe.params:AccountCreateParams",
    ("POST", "/v1/accounts/{account}"): "stripe.params:AccountUpdateParams",
    ("POST", "/v1/accounts/{account}/login_links"): "stripe.params:AccountCreateLoginLinkParams",
    ("POST", "/v1/accounts/{account}/external_accounts"): "stripe.params:AccountCreateExternalAccountParams",
    ("POST", "/v1/account_links"): "stripe.params:AccountLinkCreateParams",
    ("POST", "/v1/account_sessions"): "stripe.params:AccountSessionCreateParams",
    ("POST", "/v1/payment_intents"): "stripe.params:PaymentIntentCreateParams",
    ("POST", "/v1/transfers"): "stripe.params:TransferCreateParams",
    ("POST", "/v1/transfers/{transfer}/reversals"): "stripe.params:TransferCreateReversalParams",
    ("POST", "/v1/refunds"): "stripe.params:RefundCreateParams",
    ("POST", "/v1/webhook_endpoints"): "stripe.params:WebhookEndpointCreateParams",
    ("POST", "/v2/core/accounts"): "stripe.params.v2.core:AccountCreateParams",
    ("POST", "/v2/core/accounts/{account}"): "stripe.params.v2.core:AccountUpdateParams",
    ("POST", "/v2/core/account_links"): "stripe.params.v2.core:AccountLinkCreateParams",
    ("POST", "/v2/core/event_destinations"): "stripe.params.v2.core:EventDestinationCreateParams",
}


def params_class(method: str, path: str) -> Any:
    for (m, template), name in ENDPOINTS.items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if m == method and re.match(pattern, path):
            module, cls = name.split(":")
            return getattr(importlib.import_module(module), cls)
    return None


def form_to_nested(pairs: list[list[str]]) -> dict[str, Any]:
    """`a[b][c]=v` pairs to nested dicts; `a[0]` and `a[]` to lists."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        parts = re.findall(r"^[^\[]+|\[[^\]]*\]", key)
        if "".join(parts) != key:
            raise ValueError(f"malformed form key {key!r}")
        names = [parts[0]] + [p[1:-1] for p in parts[1:]]
        node: Any = root
        for i, name in enumerate(names):
            last = i == len(names) - 1
            following = None if last else names[i + 1]
            child: Any = {} if following is None or not (following == "" or following.isdigit()) else []
            if isinstance(node, list):
                index = len(node) if name == "" else int(name)
                while len(node) <= index:
                    node.append(None)
                if last:
                    node[index] = value
                else:
                    if node[index] is None:
                        node[index] = child
                    node = node[index]
            else:
                if last:
                    node[name] = value
                else:
                    node = node.setdefault(name, child)
    return root


def fields(td: Any) -> dict[str, tuple[Any, dict[str, Any]]]:
    """A TypedDict's API parameters: each name with its annotation and the namespace to
    resolve it in. The request options every params class inherits (api_key,
    stripe_account, ...) are not parameters."""
    options = set(getattr(RequestOptions, "__annotations__", {}))
    result: dict[str, tuple[Any, dict[str, Any]]] = {}
    for klass in reversed(td.__mro__):
        if klass is RequestOptions or not is_typeddict(klass):
            continue
        namespace = vars(sys.modules[klass.__module__])
        for name, annotation in klass.__dict__.get("__annotations__", {}).items():
            if name not in options:
                result[name] = (annotation, namespace)
    return result


def resolve(tp: Any, namespace: dict[str, Any]) -> Any:
    """The type a forward reference or string annotation names."""
    while isinstance(tp, (str, typing.ForwardRef)):
        text = tp if isinstance(tp, str) else tp.__forward_arg__
        tp = eval(text, dict(namespace), {"Literal": Literal, "NotRequired": NotRequired, "Required": Required})
    return tp


def strip_required(tp: Any, namespace: dict[str, Any]) -> Any:
    tp = resolve(tp, namespace)
    while get_origin(tp) in (NotRequired, Required, te.NotRequired, te.Required):
        tp = resolve(get_args(tp)[0], namespace)
    return tp


def is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def check(value: Any, tp: Any, where: str, namespace: dict[str, Any]) -> list[str]:
    """Problems with value as a tp, at where (empty when it fits)."""
    tp = strip_required(tp, namespace)
    if tp is Any or tp is object:
        return []
    if is_union(tp):
        branches = [strip_required(b, namespace) for b in get_args(tp)]
        literals = [b for b in branches if get_origin(b) in (Literal, te.Literal)]
        # The SDK types enums as Literal[...] | str so that new values don't break old
        # clients; a value we send must be one of the Literal values all the same.
        if literals and isinstance(value, str) and not any(
            b is not str and get_origin(b) not in (Literal, te.Literal) and not check(value, b, where, namespace) for b in branches
        ):
            allowed = [a for lit in literals for a in get_args(lit)]
            if value in allowed or is_placeholder(value):
                return []
            return [f"{where}: {value!r} is not one of {allowed}"]
        results = [check(value, b, where, namespace) for b in branches if b is not type(None)]
        if any(not r for r in results):
            return []
        return min(results, key=len) if results else [f"{where}: no type"]
    origin = get_origin(tp)
    if origin in (Literal, te.Literal):
        allowed = list(get_args(tp))
        if value in allowed or (isinstance(value, str) and str(value) in [str(a).lower() for a in allowed]):
            return []
        return [f"{where}: {value!r} is not one of {allowed}"]
    if is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{where}: expected an object ({tp.__name__}), got {value!r}"]
        known = fields(tp)
        problems: list[str] = []
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            if key not in known:
                problems.append(f"{path}: no such parameter in {tp.__name__}")
                continue
            annotation, field_namespace = known[key]
            problems += check(item, annotation, path, field_namespace)
        return problems
    if origin in (list, typing.List):
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {value!r}"]
        (item_type,) = get_args(tp)
        return [p for i, item in enumerate(value) for p in check(item, item_type, f"{where}[{i}]", namespace)]
    if origin in (dict, typing.Dict):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        _, item_type = get_args(tp)
        return [p for k, item in value.items() for p in check(item, item_type, f"{where}.{k}", namespace)]
    if tp is str:
        return [] if isinstance(value, str) else [f"{where}: expected a string, got {value!r}"]
    if tp is bool:
        ok = isinstance(value, bool) or value in ("true", "false")
        return [] if ok else [f"{where}: expected a boolean, got {value!r}"]
    if tp is int:
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, str) and (re.fullmatch(r"-?\d+", value) is not None or is_placeholder(value))
        )
        return [] if ok else [f"{where}: expected an integer, got {value!r}"]
    if tp is float:
        ok = isinstance(value, (int, float)) or (isinstance(value, str) and is_placeholder(value))
        return [] if ok else [f"{where}: expected a number, got {value!r}"]
    return []


def is_placeholder(value: str) -> bool:
    """A value the user or the script fills in: $NAME, ${NAME...} or {{NAME}}."""
    return bool(re.fullmatch(r"\$\{?[A-Z_][A-Z0-9_]*(:[^}]*)?\}?|\{\{[A-Z_][A-Z0-9_]*\}\}", value))


def main() -> int:
    if stripe.VERSION != SDK_VERSION:
        print(f"stripe-python {stripe.VERSION} is installed; the checks need {SDK_VERSION}", file=sys.stderr)
        return 3
    requests = json.load(sys.stdin)
    problems: list[str] = []
    for request in requests:
        label = request.get("label", "")
        method, path = request["method"], request["path"]
        cls = params_class(method, path)
        if cls is None:
            problems.append(f"{label}: {method} {path}: no params class known for this endpoint")
            continue
        if "form" in request:
            try:
                params = form_to_nested(request["form"])
            except ValueError as error:
                problems.append(f"{label}: {error}")
                continue
        else:
            params = request.get("params", {})
        for problem in check(params, cls, "", vars(sys.modules[cls.__module__])):
            problems.append(f"{label}: {method} {path}: {problem}")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{len(requests)} requests checked against stripe-python {SDK_VERSION}: all parameters exist")
    return 0


if __name__ == "__main__":
    sys.exit(main())
