"""No input makes a page fail: every URL pattern with bad values, every clerk form with bad posts.

The route walk of ``tests/test_routes.py`` again, its table of demo values filled in with bad
ones instead — one parameter at a time, the others left good, so that the bad value reaches the
view rather than a 404 for its neighbour:

- in the path: unknown slugs, 0, 20-digit numbers, year 0001 and 9999, NUL bytes, 10 kB;
- in the query parameters each view reads (the table ``QUERY`` below, found by reading the views
  and the register's filterset) and every admin changelist's search, ordering, page and filters;
- in every form a clerk can post (found on the pages themselves): all fields missing, then each
  field with values of the wrong type or out of range while the others keep the page's values.

Each answer must be below 500, and a refused post (4xx) must leave every table's row count as it
was: nothing half-saved. Each post runs in a savepoint that is rolled back, so that a post which
is saved changes nothing for the next. The values are a fixed table, not random: the test
is the same on every run and takes seconds (measured in the module's last test's comment).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.test import Client
from django.test.client import RequestFactory

from .test_routes import Demo, build_walk, fill, patterns, routes

NUL = "\x00"
LONG = "x" * 10_000
HUGE = "9" * 20

# Path parameters by converter: what each converter lets through to the view.
PATH_VALUES: dict[str, list[str]] = {
    "int": ["0", "2147483648", HUGE],
    "slug": ["finns-inte", "a" * 10_000],
    "str": ["%00", LONG],
    "isodate": ["0001-01-01", "9999-12-31", "2022-02-30"],
    "path": ["abc", "%00", HUGE],
}

# Values for a query parameter: empty, wrong type, out of range.
VALUES = ["", "-1", "1e5", HUGE, "0001-01-01", "9999-12-31", NUL, LONG]

# The query parameters each page reads (portal/views.py, portal/filters.py, portal/reports.py,
# portal/search/views.py); the admin's are found on its changelists below.
QUERY: dict[str, list[str]] = {
    "motioner/": [
        "q",
        "status",
        "parti",
        "motionar",
        "ar",
        "organ",
        "forsenad",
        "sortering",
        "sida",
    ],
    "motioner/obesvarade/": ["datum", "utskrift"],
    "motioner/obesvarade.csv": ["datum"],
    "sok/": ["q", "page"],
    "konto/logga-in/": ["next"],
}


@pytest.fixture
def walk(demo, settings, tmp_path) -> Demo:
    settings.MEDIA_ROOT = tmp_path / "media"  # build_walk stores an extract
    return build_walk()


# --- Seeing a 500 ----------------------------------------------------------------------------


class Failures:
    """Each 500 as (url, exception): the client answers 500 instead of raising it."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self._last = ""

    def __enter__(self) -> "Failures":
        got_request_exception.connect(self._note)
        return self

    def __exit__(self, *exc) -> None:
        got_request_exception.disconnect(self._note)

    def _note(self, sender, request=None, **kwargs) -> None:
        import sys

        error = sys.exc_info()[1]
        self._last = f"{type(error).__name__}: {str(error)[:200]}"

    def check(self, method: str, url: str, response, data: dict | None = None) -> None:
        if response.status_code >= 500:
            what = f" {_short(data)}" if data is not None else ""
            self.found.append(f"{method} {url[:300]}{what} → {response.status_code} {self._last}")
        self._last = ""


def _short(data: dict) -> str:
    return str(
        {k: (v[:20] + "…" if isinstance(v, str) and len(v) > 20 else v) for k, v in data.items()}
    )


def client_for(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def clerk_of(d: Demo) -> User:
    return d.world.clerk  # KS nämndsekreterare and registrator in one login


# --- GET: bad path parameters and query parameters -------------------------------------------

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def bad_paths(pattern: str, kwargs: dict[str, str], seen: set[str]) -> Iterator[str]:
    """The pattern filled with its demo values, but one parameter at a time a bad one.

    A parameter gets every bad value the first time its part of the path is walked
    (``arbetsyta/organ/<slug:body>/``); in the patterns that share that part, one value each in
    turn, so that every view still gets a bad value for each of its parameters."""
    for i, match in enumerate(PARAMETER.finditer(pattern)):
        converter, name = match["converter"] or "str", match["name"]
        values = PATH_VALUES[converter]
        prefix = pattern[: match.end()]
        if prefix in seen:
            values = [values[(len(seen) + i) % len(values)]]
        seen.add(prefix)
        for value in values:
            yield fill(pattern, {**kwargs, name: value})


def bad_queries(path: str, names: list[str]) -> Iterator[str]:
    for name in names:
        for value in VALUES:
            yield f"{path}?{urlencode({name: value})}"
        yield f"{path}?{urlencode([(name, '1'), (name, 'abc'), (name, NUL)])}"  # repeated
    yield f"{path}?{urlencode({name: NUL for name in names})}"  # all at once


def site_urls(d: Demo) -> Iterator[str]:
    table = routes(d)
    seen: set[str] = set()
    for pattern, _name, _resolver in patterns():
        if pattern.startswith("admin/"):
            continue
        kwargs = dict(table[pattern].kwargs)
        yield from bad_paths(pattern, kwargs, seen)
        if pattern in QUERY:
            yield from bad_queries(fill(pattern, kwargs), QUERY[pattern])


@pytest.mark.parametrize("role", ["public", "clerk"])
def test_no_bad_value_in_a_url_makes_a_page_fail(walk, role):
    client = client_for(clerk_of(walk) if role == "clerk" else None)
    requested = 0
    with Failures() as failures:
        for url in site_urls(walk):
            failures.check("GET", url, client.get(url))
            requested += 1
    assert failures.found == [], "\n".join([f"As {role}:", *failures.found])
    assert requested > 200


# --- The admin: bad object ids, bad changelist parameters -----------------------------------


def admin_bad_urls(superuser: User) -> Iterator[str]:
    """Every model's admin pages with an id that is none, and its changelist with bad search,
    ordering and page. A list filter's parameters get every bad value once per kind of filter
    and field (the admin builds them alike for every model): this keeps the walk to seconds."""
    request = RequestFactory().get("/")
    request.user = superuser
    filters_seen = set()
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for value in PATH_VALUES["path"]:
            for rest in ("change/", "history/", "delete/", f"history/{value}/"):
                yield f"{url}{value}/{rest}"
        yield f"{url}?{urlencode({'q': NUL, 'o': NUL, 'p': NUL})}"
        yield f"{url}?{urlencode({'q': LONG, 'o': HUGE, 'p': HUGE})}"
        changelist = model_admin.get_changelist_instance(request)
        for spec in changelist.filter_specs:
            kind = (type(spec), type(getattr(spec, "field", None)))
            if kind in filters_seen:
                continue
            filters_seen.add(kind)
            yield from bad_queries(url, list(spec.expected_parameters()))


def test_no_bad_value_makes_an_admin_page_fail(walk):
    """As a superuser, who sees every admin page (the public and a clerk without staff status
    are sent to the admin's login before any parameter is read)."""
    superuser = User.objects.create_superuser("fuzz-admin", password="x")
    client = client_for(superuser)
    with Failures() as failures:
        for url in admin_bad_urls(superuser):
            failures.check("GET", url, client.get(url))
    assert failures.found == [], "\n".join(failures.found)


# --- POST: every clerk form, with bad values -------------------------------------------------


@dataclass
class PostForm:
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, kind, value)

    @property
    def data(self) -> dict[str, str]:
        data: dict[str, str] = {}
        for name, _kind, value in self.fields:
            data.setdefault(name, value)
        return data


class Forms(HTMLParser):
    """The POST forms of a page, each with its fields and the values the page fills in."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[PostForm] = []
        self._form: PostForm | None = None
        self._select: tuple[str, list[str], list[str]] | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = PostForm(a.get("action") or self.page)
                self.forms.append(self._form)
            return
        form = self._form
        if form is None or ("name" not in a and tag != "option"):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                if kind == "radio":
                    form.fields.append((a["name"], kind, a.get("value", "on")))
                return
            if kind in ("submit", "button") and any(n == a["name"] for n, *_ in form.fields):
                return
            form.fields.append((a["name"], kind, a.get("value", "")))
        elif tag == "button" and a.get("name"):
            if not any(n == a["name"] for n, *_ in form.fields):
                form.fields.append((a["name"], "button", a.get("value", "")))
        elif tag == "select":
            self._select = (a["name"], [], [])
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._select[1].append(value)
            if "selected" in a:
                self._select[2].append(value)
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, options, selected = self._select
            chosen = selected[0] if selected else next((o for o in options if o), "")
            self._form.fields.append((name, "select", chosen))
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.fields.append((self._textarea[0], "textarea", self._textarea[1]))
            self._textarea = None


# The pages where a clerk finds forms: the route table's pages a clerk gets with 200 and the
# public does not (test_every_clerk_page_is_posted_to keeps the list whole).
CLERK_PAGES = [
    "arbetsyta/",
    "arbetsyta/arenden/nytt/",
    "arbetsyta/motioner/ny/",
    "arbetsyta/arenden/<slug:slug>/remiss/",
    "arbetsyta/organ/<slug:body>/remisser/",
    "arbetsyta/remisser/<int:pk>/besvara/",
    "arbetsyta/organ/<slug:body>/sammantraden/nytt/",
    "arbetsyta/organ/<slug:body>/sammantraden/<isodate:day>/",
    "arbetsyta/organ/<slug:body>/<int:year>/<int:number>/",
    "organ/<slug:body>/sammantraden/<isodate:day>/justera/",
    "organ/<slug:body>/sammantraden/<isodate:day>/anslag/",
    "organ/<slug:body>/sammantraden/<isodate:day>/anslag/rattelse/",
    "organ/<slug:body>/<int:year>/<int:number>/rattelse/",
    "organ/<slug:body>/<int:year>/<int:number>/expediering/",
]


def test_every_clerk_page_is_posted_to(walk):
    table = routes(walk)
    pages = {p for p, e in table.items() if e.expect.clerk == 200 and e.expect.public != 200}
    assert pages == set(CLERK_PAGES)


def page_forms(client: Client, url: str) -> list[PostForm]:
    """The POST forms of the page at ``url``, once per action and set of fields."""
    parser = Forms(url)
    parser.feed(client.get(url).content.decode())
    seen, found = set(), []
    for form in parser.forms:
        key = (form.action, tuple(sorted(n for n, *_ in form.fields)))
        if key not in seen and not form.action.startswith("/konto/"):
            seen.add(key)
            found.append(form)
    return found


# What each form gets: nothing; every field at once with each of ``VALUES`` (each field's
# cleaning sees every bad value); then each field alone with the extreme of its kind that
# still has the right type, the others as the page filled them in, so that the value gets
# past the form to the service and the database. A formset's management fields are left as
# they are: Django bounds them (``absolute_max``), and 2,000 forms rendered back cost seconds.
EXTREME = {
    "date": "9999-12-31",
    "datetime-local": "9999-12-31T23:59",
    "number": HUGE,
    "hidden": HUGE,
    "select": HUGE,
    "text": LONG,
    "textarea": LONG,
}
LATER_ROW = re.compile(r"^\w+-[1-9]\d*-\w+$")  # a formset's second row on: as its first
MANAGEMENT = re.compile(r"^\w+-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$")


def bad_posts(form: PostForm) -> Iterator[dict[str, str]]:
    good = form.data
    fields = [
        (name, kind)
        for name, kind, _value in form.fields
        if not (name == "csrfmiddlewaretoken" or LATER_ROW.match(name) or MANAGEMENT.match(name))
    ]
    yield {}
    for value in VALUES:
        yield {**good, **{name: value for name, _ in fields}}
    for name, kind in fields:
        yield {**good, name: EXTREME.get(kind, NUL)}


def one_of_each_kind(forms: list[PostForm]) -> list[PostForm]:
    """The page's forms less repeats: the editor has one form per row for each kind of part
    (edit, move, delete), alike but for the id in their address; one of each is posted."""
    seen: set[tuple] = set()
    kinds = []
    for form in forms:
        key = (re.sub(r"\d+", "N", form.action), tuple(sorted(n for n, _k, _v in form.fields)))
        if key not in seen:
            seen.add(key)
            kinds.append(form)
    return kinds


def row_counts() -> dict[str, int]:
    """Every table's row count, in one query."""
    tables = sorted(
        {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.managed}
    )
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


class Rollback(Exception):
    pass


@pytest.mark.parametrize("page", CLERK_PAGES)
def test_no_bad_post_makes_a_clerk_form_fail_or_half_save(walk, page):
    """Each form of the page, posted with bad values by KS's clerk as htmx posts it (the answer
    is the form's fragment; the whole page is the same form around it)."""
    client = client_for(clerk_of(walk))
    forms = page_forms(client, fill(page, dict(routes(walk)[page].kwargs)))
    half_saved = []
    before = row_counts()  # each post is rolled back: the same before every one
    with Failures() as failures:
        for form in one_of_each_kind(forms):
            for data in bad_posts(form):
                try:
                    with transaction.atomic():
                        response = client.post(form.action, data, headers={"HX-Request": "true"})
                        after = row_counts()
                        raise Rollback
                except Rollback:
                    pass
                failures.check("POST", form.action, response, data)
                if 400 <= response.status_code < 500 and after != before:
                    changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
                    half_saved.append(f"POST {form.action} {_short(data)}: {changed}")
    assert (failures.found, half_saved) == ([], []), "\n".join(
        ["500:", *failures.found, "Refused but saved:", *half_saved]
    )
