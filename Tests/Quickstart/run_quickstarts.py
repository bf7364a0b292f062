"""Runs the quickstart of every selection against a local stand-in for api.stripe.com.

Usage: run_quickstarts.py DIRECTORY   (with the interpreter of Tools/python-env)

DIRECTORY holds what QuickstartSDKTests wrote: manifest.json (one entry per selection and
Accounts API: its options, the Python and shell files), requests.json (every request the
quickstarts can send, for Tools/sdk/check_requests.py) and the scripts themselves. This:

1. checks every parameter name and enum value against stripe-python's typed parameters;
2. type-checks every Python quickstart with mypy against the installed stripe package;
3. starts a recorder on 127.0.0.1 that answers Stripe-shaped objects and records each
   request, runs every Python quickstart (through the real stripe package, in this
   process) and every shell quickstart (bash and curl), and checks per selection: the
   calls the plan implies, in order; the Stripe-Version header; Stripe-Account on direct
   charges only; transfer_data[destination] on destination charges; transfer_group and a
   transfer with source_transaction on separate charges; that curl and Python sent the
   same requests; that a missing or live key is refused and no key is ever printed.

Prints one line per problem and exits 1 if there is any. No network, no real key.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import runpy
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TEST_KEY = "sk_test_quickstart_recorder_key"
ACCOUNT = "acct_1QuickstartTest"
CHARGE = "ch_1QuickstartTest"

# What the stand-in answers, by method and path pattern: enough of each object for the
# quickstarts to pass ids on, in the shape Stripe's API reference shows.
RESPONSES: list[tuple[str, dict[str, Any]]] = [
    (r"/v1/accounts", {"id": ACCOUNT, "object": "account"}),
    (r"/v1/accounts/acct_[^/]+", {"id": ACCOUNT, "object": "account"}),
    (r"/v1/accounts/acct_[^/]+/login_links", {"object": "login_link", "url": "https://connect.stripe.com/express/test"}),
    (r"/v1/accounts/acct_[^/]+/external_accounts", {"id": "ba_1QuickstartTest", "object": "bank_account"}),
    (r"/v1/account_links", {"object": "account_link", "url": "https://connect.stripe.com/setup/test"}),
    (r"/v1/account_sessions", {"object": "account_session", "account": ACCOUNT, "client_secret": "_secret_test"}),
    (r"/v1/payment_intents", {"id": "pi_1QuickstartTest", "object": "payment_intent", "status": "succeeded", "latest_charge": CHARGE}),
    (r"/v1/transfers", {"id": "tr_1QuickstartTest", "object": "transfer"}),
    (r"/v1/webhook_endpoints", {"id": "we_1QuickstartTest", "object": "webhook_endpoint", "secret": "whsec_test"}),
    (r"/v2/core/accounts", {"id": ACCOUNT, "object": "v2.core.account"}),
    (r"/v2/core/accounts/acct_[^/]+", {"id": ACCOUNT, "object": "v2.core.account"}),
    (r"/v2/core/account_links", {"object": "v2.core.account_link", "account": ACCOUNT, "url": "https://accounts.stripe.com/r/test"}),
]

recorded: list[dict[str, Any]] = []
lock = threading.Lock()


class Recorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        path = urllib.parse.urlsplit(self.path).path
        if (self.headers.get("Content-Type") or "").startswith("application/json"):
            body: Any = json.loads(raw or "{}")
        else:
            body = urllib.parse.parse_qsl(raw, keep_blank_values=True)
        with lock:
            recorded.append({
                "method": "POST", "path": path, "version": self.headers.get("Stripe-Version"),
                "account": self.headers.get("Stripe-Account"), "body": body,
                "authorized": TEST_KEY in (self.headers.get("Authorization") or "") or self._basic_key() == TEST_KEY,
            })
        answer = next((obj for pattern, obj in RESPONSES if re.fullmatch(pattern, path)), None)
        status = 200 if answer is not None else 404
        if answer is None:
            answer = {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL (POST: {path})"}}
        data = json.dumps(answer, indent=2).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Request-Id", "req_test")
        self.end_headers()
        self.wfile.write(data)

    def _basic_key(self) -> str:
        import base64
        header = self.headers.get("Authorization") or ""
        if not header.startswith("Basic "):
            return ""
        return base64.b64decode(header[6:]).decode().split(":")[0]

    def log_message(self, format: str, *args: Any) -> None:
        pass


def normalized(request: dict[str, Any]) -> dict[str, Any]:
    """A request with the run's time in place of its value, form pairs sorted."""
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, str) and (re.fullmatch(r"\d{10}", value) or re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", value)):
            return "<now>"
        return value
    body = request["body"]
    if isinstance(body, list):
        body = sorted([k, clean(v)] for k, v in body)
    else:
        body = clean(body)
    return {k: v for k, v in request.items() if k != "body"} | {"body": body}


def expected_paths(entry: dict[str, Any]) -> list[str]:
    """The calls the plan implies, from the selection alone (quickstart.md's table)."""
    s, v2 = entry["selection"], entry["api"] == "v2"
    account = f"/v1/accounts/{ACCOUNT}"
    paths = ["/v2/core/accounts" if v2 else "/v1/accounts"]
    onboarding = s["onboarding"]
    if onboarding == "hosted":
        paths.append("/v2/core/account_links" if v2 else "/v1/account_links")
    elif onboarding == "embedded":
        paths.append("/v1/account_sessions")
    else:
        paths.append(f"/v2/core/accounts/{ACCOUNT}" if v2 else account)
    paths.append("/v1/payment_intents")
    if s["chargeType"] == "separate":
        paths.append("/v1/transfers")
    if s["dashboard"] == "express":
        paths.append(account + "/login_links")
    elif s["dashboard"] == "none":
        paths.append("/v1/account_sessions")
    if entry["requirementCollection"] == "application":
        paths.append("/v1/webhook_endpoints")
        if onboarding == "hosted":
            paths.append("/v2/core/account_links" if v2 else "/v1/account_links")
        elif onboarding == "embedded":
            paths.append("/v1/account_sessions")
    if onboarding == "api":
        paths.append(account + "/external_accounts")
    return paths


def form(request: dict[str, Any]) -> dict[str, str]:
    return dict(request["body"]) if isinstance(request["body"], list) else {}


def check_selection(entry: dict[str, Any], requests: list[dict[str, Any]], language: str) -> list[str]:
    name = f"{entry['name']} ({language})"
    problems: list[str] = []
    paths = [r["path"] for r in requests]
    if paths != expected_paths(entry):
        problems.append(f"{name}: calls {paths}, expected {expected_paths(entry)}")
    for request in requests:
        if request["version"] != entry["version"]:
            problems.append(f"{name}: {request['path']} sent Stripe-Version {request['version']!r}, expected {entry['version']!r}")
        if not request["authorized"]:
            problems.append(f"{name}: {request['path']} did not send the secret key")
    direct = entry["selection"]["chargeType"] == "direct"
    for request in requests:
        on_account = request["account"] is not None
        if request["path"] == "/v1/payment_intents" and direct and request["account"] != ACCOUNT:
            problems.append(f"{name}: a direct charge without Stripe-Account: {ACCOUNT}")
        elif on_account and not (request["path"] == "/v1/payment_intents" and direct):
            problems.append(f"{name}: {request['path']} sent Stripe-Account, which only direct charges need")
    intents = [r for r in requests if r["path"] == "/v1/payment_intents"]
    charge = entry["selection"]["chargeType"]
    for intent in intents:
        fields = form(intent)
        if charge == "destination" and fields.get("transfer_data[destination]") != ACCOUNT:
            problems.append(f"{name}: a destination charge without transfer_data[destination]={ACCOUNT}")
        if charge != "destination" and "transfer_data[destination]" in fields:
            problems.append(f"{name}: transfer_data[destination] on a {charge} charge")
        if charge == "separate":
            transfers = [form(r) for r in requests if r["path"] == "/v1/transfers"]
            group = fields.get("transfer_group")
            if not group:
                problems.append(f"{name}: a separate charge without transfer_group")
            if len(transfers) != 1 or transfers[0].get("transfer_group") != group or transfers[0].get("destination") != ACCOUNT \
                    or transfers[0].get("source_transaction") != CHARGE:
                problems.append(f"{name}: separate charges need one transfer to {ACCOUNT} in transfer group {group!r} from {CHARGE}: {transfers}")
    creates = requests[0] if requests else {}
    if entry["api"] == "v1" and form(creates).get("capabilities[transfers][requested]") != "true" and not direct:
        problems.append(f"{name}: the account does not request transfers")
    return problems


def run_python(script: Path, key: str | None, env: dict[str, str]) -> tuple[int, str]:
    """Runs a quickstart in this process (one interpreter for all of them), as `python3 FILE`."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    os.environ.pop("STRIPE_SECRET_KEY", None)
    if key is not None:
        os.environ["STRIPE_SECRET_KEY"] = key
    output = io.StringIO()
    status = 0
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exit:
        if isinstance(exit.code, str):
            output.write(exit.code + "\n")
            status = 1
        else:
            status = exit.code or 0
    except Exception as error:  # a failed call: report it like Python would
        output.write(f"{type(error).__name__}: {error}\n")
        status = 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return status, output.getvalue()


def run_shell(script: Path, key: str | None, env: dict[str, str]) -> tuple[int, str]:
    run_env = dict(env)
    run_env.pop("STRIPE_SECRET_KEY", None)
    if key is not None:
        run_env["STRIPE_SECRET_KEY"] = key
    result = subprocess.run(["bash", str(script)], env=run_env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout + result.stderr


def main() -> int:
    directory = Path(sys.argv[1])
    manifest: list[dict[str, Any]] = json.loads((directory / "manifest.json").read_text())
    problems: list[str] = []

    # 1. Parameter names and enum values against the SDK's typed parameters.
    check = subprocess.run(
        [sys.executable, str(ROOT / "Tools/sdk/check_requests.py")], input=(directory / "requests.json").read_text(),
        capture_output=True, text=True)
    if check.returncode != 0:
        problems += ["check_requests: " + line for line in (check.stdout + check.stderr).splitlines()]

    # 2. mypy over every Python quickstart at once.
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(ROOT / ".build/mypy-cache"),
         *[str(directory / entry["python"]) for entry in manifest]],
        capture_output=True, text=True, cwd=directory)
    if mypy.returncode != 0:
        problems += ["mypy: " + line for line in (mypy.stdout + mypy.stderr).splitlines()]

    # 3. The recorder.
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env |= {"STRIPE_API_BASE": f"http://127.0.0.1:{server.server_address[1]}", "ACCOUNT_COUNTRY": "US", "BANK_ACCOUNT_TOKEN": "btok_1QuickstartTest"}
    runs = 0
    for entry in manifest:
        sent: dict[str, list[dict[str, Any]]] = {}
        for language, runner, file in (("python", run_python, entry["python"]), ("curl", run_shell, entry["shell"])):
            recorded.clear()
            status, output = runner(directory / file, TEST_KEY, env)
            runs += 1
            if status != 0:
                problems.append(f"{entry['name']} ({language}): exit {status}: {output.strip()[-600:]}")
            if TEST_KEY in output:
                problems.append(f"{entry['name']} ({language}): printed the secret key")
            sent[language] = [normalized(r) for r in recorded]
            problems += check_selection(entry, sent[language], language)
        if sent["python"] != sent["curl"]:
            for python, curl in zip(sent["python"], sent["curl"]):
                if python != curl:
                    problems.append(f"{entry['name']}: curl and Python sent different requests:\n  python {python}\n  curl   {curl}")
                    break
            else:
                problems.append(f"{entry['name']}: curl sent {len(sent['curl'])} requests, Python {len(sent['python'])}")

    # A missing or live key is refused, with a reason, before any request, and not printed.
    for entry in manifest[:2]:
        for key, reason in ((None, "set STRIPE_SECRET_KEY"), ("sk_live_quickstart", "live key"), ("rk_live_quickstart", "live key")):
            for language, runner, file in (("python", run_python, entry["python"]), ("curl", run_shell, entry["shell"])):
                recorded.clear()
                status, output = runner(directory / file, key, env)
                if status == 0 or reason not in output or recorded or (key and key in output):
                    problems.append(f"{entry['name']} ({language}) with key {key!r}: exit {status}, {len(recorded)} requests: {output.strip()}")
    server.shutdown()

    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"{len(manifest)} quickstarts: SDK parameters, mypy and {runs} recorded runs all pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
