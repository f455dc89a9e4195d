"""## What it does
Finds views that change state with CSRF protection turned off and nothing in
its place: Django's ``@csrf_exempt`` (also through
``@method_decorator(csrf_exempt, name="dispatch")``, and django-braces'
``CsrfExemptMixin`` on a class-based view, including the generic
``UpdateView``/``CreateView``/``DeleteView``/``FormView``) and Flask-WTF's
``@csrf.exempt`` on a view that accepts ``POST``, ``PUT``, ``PATCH`` or
``DELETE`` (``@require_POST``, ``methods=["POST"]``, a ``post()`` method,
``request.method == "POST"``, ``request.POST``/``request.form``/
``request.body``), when the view checks no signature or token of its own
(``hmac.compare_digest``, ``constant_time_compare``, a ``verify``/
``signature`` check, ``stripe.Webhook.construct_event``, an
``Authorization`` header).  Also finds Flask-WTF's protection turned off
for a whole application (``WTF_CSRF_ENABLED = False``), for a whole
blueprint (``csrf.exempt(bp)``), or for a form (``meta={"csrf": False}``,
``class Meta: csrf = False``), outside testing settings.

## Why is this bad?
Browsers send the visitor's session cookie with requests that any other
site makes.  Without the CSRF token check, a page on another site can make
a logged-in visitor's browser change their e-mail address, transfer money
or delete data through the exempt view.

## Example
```python
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

@csrf_exempt
@require_POST
def update_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return HttpResponse("ok")
```

## Use instead
```python
import hmac

@csrf_exempt
@require_POST
def payment_webhook(request):
    expected = hmac.new(WEBHOOK_SECRET, request.body, "sha256").hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    handle_event(json.loads(request.body))
    return HttpResponse(status=204)
```
Keep CSRF protection on views used from the site's own pages (send the
token with ``{% csrf_token %}`` or the ``X-CSRFToken`` header).  Exempt
only endpoints that authenticate each request another way, such as a
webhook that verifies the sender's signature.

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [Django: Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/howto/csrf/)
- [Flask-WTF: CSRF Protection](https://flask-wtf.readthedocs.io/en/stable/csrf/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional, Union

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import parents

Definition = Union[ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef]
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
STATE_DECORATORS = frozenset({"require_POST", "require_post"})
HANDLER_METHODS = frozenset({"post", "put", "patch", "delete"})
CHANGES_STATE = re.compile(
    r"request\.method\s*(?:==|in)\s*[\[(\"'{]*\s*[\"'](?:POST|PUT|PATCH|DELETE)|request\.(?:POST|body|data|FILES|form|"
    r"get_json|json)\b|\.(?:save|delete|create|update|bulk_create)\(")
REPLACEMENT = re.compile(
    r"compare_digest|constant_time_compare|verif\w*|signature|construct_event|check_\w*token|validate_\w*token|"
    r"authorization|x-api-key|api_key|bearer|authentication_classes|hmac\.new", re.IGNORECASE)
TESTING = re.compile(r"test", re.IGNORECASE)


@rule(
    id="DSP060",
    symbol="csrf-exempt-view",
    title="State-changing view without CSRF protection",
    severity="medium",
    confidence="medium",
    cwe=352,
    languages=("python",),
    triggers=("exempt", "wtf_csrf", "csrf"),
    equivalent="none",
    message="turns off CSRF protection on a view that changes state; keep it, or verify a signature instead",
    use_instead="Keep CSRF protection; exempt only views that verify a signature (hmac.compare_digest).",
)
def check(code: PythonView) -> Iterator[Hit]:
    for node in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
        assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        decorator = _exempting(code, node)
        if decorator is None:
            continue
        view = _view_of(code, node)
        method = _unsafe_method(code, view)
        if method and not REPLACEMENT.search(_source(code, view)):
            shown = ast.unparse(decorator) if decorator not in getattr(node, "bases", ()) else \
                f"class {node.name}({ast.unparse(decorator)}, ...)"
            shown = shown if shown.startswith("class ") else "@" + shown
            yield Hit(decorator.lineno, code.column(decorator),
                      f"`{shown}` turns off CSRF protection on `{view.name}`, which handles {method}: another site "
                      "can make a logged-in visitor's browser submit it; keep CSRF protection, or verify a "
                      "signature (`hmac.compare_digest`) for webhooks")
    yield from _disabled_globally(code)
    yield from _exempted_blueprints(code)
    yield from _forms_without_csrf(code)


def _exempted_blueprints(code: PythonView) -> Iterator[Hit]:
    """Flask-WTF's ``csrf.exempt(bp)`` called on a blueprint: every view of it loses CSRF protection."""
    for call in code.calls_named("exempt"):
        if "csrf" in call.name.lower() and call.node.args and not isinstance(call.node.args[0], ast.Lambda):
            shown = code.text_of(call.node.args[0], 30)
            yield Hit(call.line, code.column(call.node), f"`{call.written}({shown})` turns off CSRF protection for "
                      "every view it covers (a whole blueprint): another site can make a logged-in visitor's browser "
                      "submit them; exempt only views that verify a signature")


def _forms_without_csrf(code: PythonView) -> Iterator[Hit]:
    """A form told to skip its CSRF token: ``MyForm(meta={"csrf": False})``, ``class Meta: csrf = False``."""
    if TESTING.search(code.source):
        return
    for node in code.nodes_of(ast.Dict):
        for key, value in zip(node.keys, node.values):  # type: ignore[attr-defined]
            if isinstance(key, ast.Constant) and key.value == "csrf" and code.is_false(value):
                yield Hit(value.lineno, code.column(value), "`meta={'csrf': False}` builds the form without its CSRF "
                          "token, so another site can submit it in a logged-in visitor's name; keep the token")
    for node in code.nodes_of(ast.ClassDef):
        if getattr(node, "name", "") != "Meta":
            continue
        for statement in node.body:  # type: ignore[attr-defined]
            if isinstance(statement, ast.Assign) and any(getattr(t, "id", "") == "csrf" for t in statement.targets) \
                    and code.is_false(statement.value):
                yield Hit(statement.lineno, code.column(statement), "`class Meta: csrf = False` builds the form "
                          "without its CSRF token; keep the token")


def _exempting(code: PythonView, node: Definition) -> Optional[ast.expr]:
    if isinstance(node, ast.ClassDef):  # django-braces' ``CsrfExemptMixin`` among the bases
        for base in node.bases:
            if (code.qualname(base) or "").rsplit(".", 1)[-1] == "CsrfExemptMixin":
                return base
    for decorator in node.decorator_list:
        target = decorator
        if isinstance(decorator, ast.Call) and (code.qualname(decorator.func) or "").endswith("method_decorator"):
            target = decorator.args[0] if decorator.args else decorator
        name = code.qualname(target.func if isinstance(target, ast.Call) else target) or ""
        if name.rsplit(".", 1)[-1] == "csrf_exempt" or (name.endswith(".exempt") and "csrf" in name.lower()):
            return decorator
    return None


# Django's generic views that handle a POST themselves.
FORM_VIEWS = frozenset({"UpdateView", "CreateView", "DeleteView", "FormView", "ProcessFormView", "BaseUpdateView",
                        "BaseCreateView", "BaseDeleteView", "BaseFormView"})


def _view_of(code: PythonView, node: Definition) -> Definition:
    """A ``dispatch`` method decorated inside a class stands for the class."""
    owner = parents(code).get(node)
    if isinstance(owner, ast.ClassDef) and node.name == "dispatch":
        return owner
    return node


def _unsafe_method(code: PythonView, view: Definition) -> str:
    if isinstance(view, ast.ClassDef):
        names = {n.name for n in view.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        handlers = sorted(HANDLER_METHODS & names)
        if handlers:
            return f"{handlers[0].upper()} (`{handlers[0]}()`)"
        forms = [base for base in view.bases if (code.qualname(base) or "").rsplit(".", 1)[-1] in FORM_VIEWS]
        return f"POST (a `{code.qualname(forms[0])}`)" if forms else ""
    for decorator in view.decorator_list:
        name = (code.qualname(decorator.func if isinstance(decorator, ast.Call) else decorator) or "").rsplit(".", 1)[-1]
        if name in STATE_DECORATORS:
            return "POST"
        if isinstance(decorator, ast.Call):
            values = [decorator.args[0]] if name in ("require_http_methods", "api_view") and decorator.args else []
            values += [k.value for k in decorator.keywords if k.arg in ("methods", "http_method_names")]
            for value in values:
                methods = {str(e.value).upper() for e in getattr(value, "elts", []) if isinstance(e, ast.Constant)}
                if methods & UNSAFE_METHODS:
                    return sorted(methods & UNSAFE_METHODS)[0]
    match = CHANGES_STATE.search(_source(code, view))
    if match:
        return "POST" if "POST" in match.group(0) or "request." in match.group(0) else "a change"
    return ""


def _source(code: PythonView, node: Definition) -> str:
    """The definition's text, decorators included."""
    start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    end = getattr(node, "end_lineno", None) or len(code.lines)
    return "\n".join(code.lines[start - 1:end])


def _disabled_globally(code: PythonView) -> Iterator[Hit]:
    if TESTING.search(code.source):  # test settings turn CSRF off on purpose
        return
    for node in code.nodes_of(ast.Assign):
        assert isinstance(node, ast.Assign)
        for target in node.targets:
            key = target.id if isinstance(target, ast.Name) else (
                code.string_value(target.slice) if isinstance(target, ast.Subscript) else None)
            if key == "WTF_CSRF_ENABLED" and code.is_false(node.value):
                yield Hit(node.lineno, code.column(node),
                          "`WTF_CSRF_ENABLED = False` turns off CSRF protection for every form of the application; "
                          "keep it on outside tests")
