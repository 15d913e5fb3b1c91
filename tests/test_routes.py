"""Every URL pattern of the project, requested as the public, a clerk and a superuser.

As Councilmatic's tests/test_routes.py: walk the project's URLconf with ``get_resolver()``
(included URLconfs and the admin too), fill in each pattern's parameters with demo values and
GET it. Every page answers — 200 where it is that role's page, a redirect to the login, 403, 404
or 405 where that is the answer — and none with 500.

The table ``ROUTES`` is keyed by the URL pattern (paths and names are stable while views move
between modules). A pattern that is not in it makes the test fail with its name: a new page
cannot go untested. The admin's patterns, which Django makes for every registered model, are
filled in from real rows of the database: the demo's, or the few added below for models the
demo has no rows of.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client, override_settings
from django.test.client import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django_tasks_db.models import DBTaskResult, get_date_max

from decisions.extracts import store_extract
from decisions.models import Paragraph
from motions.models import Case
from organisation.models import Party, Person

from .test_admin import build_protocol
from .test_clerk_routes import ClerkWorld, build_clerk_world

LOGIN = "/konto/logga-in/"
ADMIN_LOGIN = "/admin/login/"

# --- What each role gets ---------------------------------------------------------------------
# (public, clerk, superuser). "login" is a redirect to the login page (the site's for the
# workspace, the admin's for the admin); a path is a redirect there; a number is that status.


@dataclass(frozen=True)
class Expect:
    public: object
    clerk: object
    superuser: object


PUBLIC = Expect(200, 200, 200)  # a public page
CLERK = Expect("login", 200, 200)  # a page of KS's clerk workspace, or a clerk's form
FEED = PUBLIC


def action(page: str) -> Expect:
    """A form's target in the workspace: a GET (no form sent) leads back to its page."""
    return Expect("login", page, page)


@dataclass(frozen=True)
class Route:
    expect: Expect
    kwargs: tuple[tuple[str, str], ...] = ()


def route(expect: Expect, **kwargs: object) -> Route:
    return Route(expect, tuple((k, str(v)) for k, v in kwargs.items()))


@dataclass
class Demo:
    """The values that fill the patterns: the demo, plus the clerk world's KS meeting of
    2022-04-12 with its ojusterad § 70 (the editor's pages need a paragraph a clerk may edit)."""

    world: ClerkWorld
    person: Person
    party: Party
    paragraph: Paragraph  # KS 2022-03-08 § 59, justerad, with every kind of part

    @property
    def editable(self) -> Paragraph:
        return self.world.paragraph


def routes(d: Demo) -> dict[str, Route]:
    """URL pattern (as ``get_resolver()`` spells it, includes joined) → what fills it in."""
    ks = {"body": "ks"}
    held = {**ks, "day": "2022-03-08"}  # justerat
    planned = {**ks, "day": "2022-04-05"}  # the clerk world's planned meeting
    justerad = {**ks, "year": 2022, "number": 59}
    editable = {**ks, "year": d.editable.year, "number": d.editable.number}
    e = d.editable
    decision_point = e.decision_points.first()
    yrkande = e.yrkanden.first()
    j = d.paragraph  # for the parts the clerk world's § 70 has none of
    proposition = j.propositions.first()
    proposal = j.proposals.first()
    reservation = j.reservations.first()
    editor = "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/"
    content = editor + "innehall/"
    debate = editor + "debatt/"
    meeting = "arbetsyta/organ/<slug:body>/sammantraden/<isodate:day>/"
    to_meeting = action("/arbetsyta/organ/ks/sammantraden/2022-04-05/")
    to_editor = action(f"/arbetsyta/organ/ks/{d.editable.year}/{d.editable.number}/")
    return {
        # Accounts
        "konto/logga-in/": route(PUBLIC),
        "konto/logga-ut/": route(Expect(405, 405, 405)),
        # The case file and the register
        "": route(PUBLIC),
        "motioner/": route(PUBLIC),
        "motioner/obesvarade/": route(PUBLIC),
        "motioner/obesvarade.csv": route(PUBLIC),
        "om/status/": route(PUBLIC),
        "sok/": route(PUBLIC),
        "arenden/<slug:slug>/": route(PUBLIC, slug="ks-2019-295"),
        "arenden/<slug:slug>/flode/": route(FEED, slug="ks-2019-295"),
        "arbetsyta/arenden/nytt/": route(CLERK),
        "arbetsyta/motioner/ny/": route(CLERK),
        "arbetsyta/arenden/<slug:slug>/remiss/": route(CLERK, slug="ks-2019-295"),
        "arbetsyta/organ/<slug:body>/remisser/": route(CLERK, **ks),
        "arbetsyta/remisser/<int:pk>/besvara/": route(CLERK, pk=d.world.referral.pk),
        # Bodies, meetings, paragraphs, protocols
        "beslut/flode/": route(FEED),
        "organ/<slug:body>/flode/": route(FEED, **ks),
        "organ/<slug:body>/sammantraden.ics": route(PUBLIC, **ks),
        "organ/<slug:body>/": route(PUBLIC, **ks),
        "organ/<slug:body>/sammantraden/<isodate:day>/": route(PUBLIC, **held),
        "organ/<slug:body>/<int:year>/<int:number>/": route(PUBLIC, **justerad),
        "organ/<slug:body>/<int:year>/<int:number>/utdrag.pdf": route(PUBLIC, **justerad),
        "organ/<slug:body>/<int:year>/<int:number>/utdrag/<int:version>.pdf": route(
            PUBLIC, **justerad, version=1
        ),
        "organ/<slug:body>/sammantraden/<isodate:day>/protokoll/": route(PUBLIC, **held),
        "organ/<slug:body>/sammantraden/<isodate:day>/protokoll.pdf": route(PUBLIC, **held),
        "organ/<slug:body>/sammantraden/<isodate:day>/anslag.pdf": route(PUBLIC, **held),
        "organ/<slug:body>/sammantraden/<isodate:day>/justera/": route(CLERK, **held),
        "organ/<slug:body>/sammantraden/<isodate:day>/anslag/": route(CLERK, **held),
        "organ/<slug:body>/sammantraden/<isodate:day>/anslag/rattelse/": route(CLERK, **held),
        "organ/<slug:body>/<int:year>/<int:number>/rattelse/": route(CLERK, **justerad),
        "organ/<slug:body>/<int:year>/<int:number>/expediering/": route(CLERK, **justerad),
        "anslagstavla/": route(PUBLIC),
        # The meeting workspace
        "arbetsyta/organ/<slug:body>/sammantraden/nytt/": route(CLERK, **ks),
        meeting: route(CLERK, **planned),
        meeting + "uppgifter/": route(to_meeting, **planned),
        meeting + "dagordning/arende/": route(to_meeting, **planned),
        meeting + "dagordning/punkt/": route(to_meeting, **planned),
        meeting + "dagordning/motioner/": route(to_meeting, **planned),
        meeting + "dagordning/ta-bort/": route(to_meeting, **planned),
        meeting + "dagordning/flytta/": route(to_meeting, **planned),
        meeting + "dagordning/numrera-om/": route(to_meeting, **planned),
        meeting + "narvaro/": route(to_meeting, **planned),
        meeting + "justerare/": route(to_meeting, **planned),
        meeting + "genomfort/": route(to_meeting, **planned),
        # The paragraph editor
        editor: route(CLERK, **editable),
        content + "arende/": route(to_editor, **editable),
        content + "beslut/ny/": route(to_editor, **editable),
        content + "beslut/<int:pk>/": route(to_editor, **editable, pk=decision_point.pk),
        content + "citerar/": route(to_editor, **editable),
        content + "forslag/ny/": route(to_editor, **editable),
        content + "forslag/hamta/": route(to_editor, **editable),
        content + "forslag/<int:pk>/ny-punkt/": route(to_editor, **editable, pk=proposal.pk),
        content + "forslagspunkt/<int:pk>/": route(
            to_editor, **editable, pk=proposal.points.first().pk
        ),
        content + "underlag/ny/": route(to_editor, **editable),
        content + "underlag/<int:pk>/": route(to_editor, **editable, pk=j.basis.first().pk),
        content + "mottagare/ny/": route(to_editor, **editable),
        content + "jav/ny/": route(to_editor, **editable),
        content + "anteckning/ny/": route(to_editor, **editable),
        content + "motion/": route(to_editor, **editable),
        content + "<slug:kind>/<int:pk>/ta-bort/": route(
            to_editor, **editable, kind="beslut", pk=decision_point.pk
        ),
        content + "<slug:kind>/<int:pk>/flytta/": route(
            to_editor, **editable, kind="beslut", pk=decision_point.pk
        ),
        debate + "yrkanden/ny/": route(to_editor, **editable),
        debate + "yrkanden/<int:yrkande>/": route(to_editor, **editable, yrkande=yrkande.pk),
        debate + "yrkanden/<int:yrkande>/flytta/": route(to_editor, **editable, yrkande=yrkande.pk),
        debate + "yrkanden/<int:yrkande>/ta-bort/": route(
            to_editor, **editable, yrkande=yrkande.pk
        ),
        debate + "yrkanden/<int:yrkande>/minoritet/": route(
            to_editor, **editable, yrkande=yrkande.pk
        ),
        debate + "propositioner/ny/": route(to_editor, **editable),
        debate + "propositioner/<int:proposition>/ta-bort/": route(
            to_editor, **editable, proposition=proposition.pk
        ),
        debate + "propositioner/<int:proposition>/votering/": route(
            to_editor, **editable, proposition=proposition.pk
        ),
        debate + "propositioner/<int:proposition>/votering/ta-bort/": route(
            to_editor, **editable, proposition=proposition.pk
        ),
        debate + "reservationer/ny/": route(to_editor, **editable),
        debate + "reservationer/<int:reservation>/ta-bort/": route(
            to_editor, **editable, reservation=reservation.pk
        ),
        # People, parties, Min arbetsyta
        "arbetsyta/": route(CLERK),
        "personer/<int:pk>-<str:slug>/": route(PUBLIC, pk=d.person.pk, slug="maria-moraes"),
        "partier/<slug:abbreviation>/": route(PUBLIC, abbreviation="mp"),
    }


# --- Walking the URLconf ---------------------------------------------------------------------


def patterns() -> Iterator[tuple[str, str | None, URLResolver | None]]:
    """Every pattern as (full pattern, name, the admin's resolver of its model or None)."""

    def walk(entries, prefix: str, model_resolver: URLResolver | None):
        for entry in entries:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), entry)
            else:
                assert isinstance(entry, URLPattern)
                yield prefix + str(entry.pattern), entry.name, model_resolver

    yield from walk(get_resolver().url_patterns, "", None)


PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def fill(pattern: str, kwargs: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        name = match["name"]
        if name not in kwargs:
            raise KeyError(f"{pattern}: no value for <{name}>")
        return kwargs[name]

    return "/" + PARAMETER.sub(value, pattern)


ADMIN = Expect("login", "login", 200)
ADMIN_REDIRECT = Expect("login", "login", 302)  # pages that send a superuser on


def admin_urls() -> dict[str, list[tuple[str, Expect]]]:
    """The admin's patterns, each with the paths that request it, from real rows. A superuser
    gets 200, or 403 where the model's admin permits no one to add or delete."""
    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)

    def allowed(permitted: bool) -> Expect:
        return Expect("login", "login", 200 if permitted else 403)

    models = {f"admin/{m._meta.app_label}/{m._meta.model_name}/": m for m in admin.site._registry}
    labels = sorted({m._meta.app_label for m in admin.site._registry})
    some_case = Case.objects.get(dnr="KS 2019-295")
    case_type = ContentType.objects.get_for_model(Case)
    fixed = {
        "admin/": [("/admin/", ADMIN)],
        "admin/login/": [("/admin/login/", Expect(200, 200, 302))],
        "admin/logout/": [("/admin/logout/", Expect("/admin/", "/admin/", 405))],
        "admin/password_change/": [("/admin/password_change/", ADMIN)],
        "admin/password_change/done/": [("/admin/password_change/done/", ADMIN)],
        "admin/autocomplete/": [("/admin/autocomplete/", Expect("login", "login", 403))],
        "admin/jsi18n/": [("/admin/jsi18n/", ADMIN)],
        "admin/r/<path:content_type_id>/<path:object_id>/": [
            (f"/admin/r/{case_type.pk}/{some_case.pk}/", Expect(302, 302, 302))
        ],
        "admin/(?P<url>.*)$": [("/admin/finns-inte/", Expect("login", "login", 404))],
    }
    found: dict[str, list[tuple[str, Expect]]] = {}
    for pattern, _name, _resolver in patterns():
        if not pattern.startswith("admin/"):
            continue
        if pattern in fixed:
            found[pattern] = fixed[pattern]
            continue
        if pattern.startswith("admin/^(?P<app_label>"):
            found[pattern] = [(f"/admin/{label}/", ADMIN) for label in labels]
            continue
        prefix = next((p for p in models if pattern.startswith(p)), None)
        if prefix is None:
            continue  # not filled in: reported by the test
        model = models[prefix]
        rest = pattern[len(prefix) :]
        obj = model._default_manager.order_by("pk").first()
        model_admin = admin.site._registry[model]
        if rest == "":
            found[pattern] = [(f"/{prefix}", ADMIN)]
            continue
        if rest == "add/":
            found[pattern] = [(f"/{prefix}add/", allowed(model_admin.has_add_permission(request)))]
            continue
        if obj is None:
            continue  # no row to fill it with: reported by the test
        pk = obj.pk
        if rest == "<path:object_id>/":
            found[pattern] = [(f"/{prefix}{pk}/", ADMIN_REDIRECT)]
        elif rest in ("<path:object_id>/change/", "<path:object_id>/history/"):
            found[pattern] = [(f"/{prefix}{pk}/{rest.split('/')[1]}/", ADMIN)]
        elif rest == "<path:object_id>/delete/":
            may = model_admin.has_delete_permission(request, obj)
            found[pattern] = [(f"/{prefix}{pk}/delete/", allowed(may))]
        elif rest == "<id>/password/":
            found[pattern] = [(f"/{prefix}{pk}/password/", ADMIN)]
        elif rest == "^([^/]+)/history/([^/]+)/$":
            record = obj.history.order_by("history_id").first()
            found[pattern] = [(f"/{prefix}{pk}/history/{record.history_id}/", ADMIN)]
    return found


# --- The test --------------------------------------------------------------------------------


@pytest.fixture
def walk(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the stored extract of § 59, version 1 below
    return build_walk()


def build_walk() -> Demo:
    """The demo and the rows the walk needs (tests/test_fuzz.py walks it too)."""
    world = build_clerk_world()
    # Rows for the admin's models the demo has none of: a vote (the admin tests' protocol has
    # every part), a group, a failed login, a queued task.
    build_protocol(7)
    Group.objects.create(name="Registratorer")
    attempt = {
        "user_agent": "Firefox",
        "ip_address": "127.0.0.1",
        "username": "cecilia",
        "http_accept": "text/html",
        "path_info": LOGIN,
    }
    AccessAttempt.objects.create(**attempt, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**attempt)
    AccessLog.objects.create(**attempt)
    DBTaskResult.objects.create(
        args_kwargs={"args": [world.paragraph.pk], "kwargs": {}},
        task_path="decisions.tasks.render_extract",
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),  # how the database backend stores "no run_after"
    )
    with override_settings(DEBUG=True):
        call_command("demo_accounts", verbosity=0)
    d = Demo(
        world=world,
        person=Person.objects.get(first_name="Maria", last_name="Moraes"),
        party=Party.objects.get(abbreviation="MP"),
        paragraph=Paragraph.objects.get(body__code="KS", year=2022, number=59),
    )
    store_extract(d.paragraph.pk)
    return d


def login_of(role: str) -> Client:
    client = Client()
    if role == "clerk":
        client.force_login(User.objects.get(username="cecilia"))  # KS nämndsekreterare
    elif role == "superuser":
        client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def answers(expected, response, login: str) -> bool:
    if expected == "login":
        return response.status_code == 302 and response["Location"].startswith(login)
    if isinstance(expected, str):
        return response.status_code == 302 and response["Location"].split("#")[0] == expected
    if isinstance(expected, tuple):
        return response.status_code in expected
    return response.status_code == expected


@pytest.mark.parametrize("role", ["public", "clerk", "superuser"])
def test_every_url_pattern_answers(walk, role):
    client = login_of(role)
    table = routes(walk)
    admin_table = admin_urls()
    unfilled, wrong = [], []
    requested = 0
    for pattern, name, _resolver in patterns():
        if pattern.startswith("admin/"):
            if pattern not in admin_table:
                unfilled.append(f"{pattern} ({name})")
                continue
            urls = admin_table[pattern]
            login = ADMIN_LOGIN
        else:
            if pattern not in table:
                unfilled.append(f"{pattern} ({name})")
                continue
            entry = table[pattern]
            urls = [(fill(pattern, dict(entry.kwargs)), entry.expect)]
            login = LOGIN
        for url, expect in urls:
            expected = getattr(expect, role)
            try:
                response = client.get(url)
            except Exception as exc:  # a 500: the test client raises what the view raised
                wrong.append(f"{url} ({name}): {type(exc).__name__}: {exc}")
                continue
            requested += 1
            if not answers(expected, response, login):
                where = response.get("Location", "")
                wrong.append(f"{url} ({name}): {response.status_code} {where}, not {expected}")
    assert (unfilled, wrong) == ([], []), "\n".join(
        ["URL patterns with no values in tests/test_routes.py:", *unfilled, f"As {role}:", *wrong]
    )
    assert requested > 200


def test_the_table_names_only_patterns_that_exist(walk):
    existing = {pattern for pattern, _name, _resolver in patterns()}
    assert set(routes(walk)) - existing == set()
