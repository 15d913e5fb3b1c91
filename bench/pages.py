"""Fill a database with a synthetic municipality, then time the public pages.

    .venv/bin/python bench/pages.py [--scale 1.0] [--repeat 20] [--reset] [--seed 1]
    .venv/bin/python bench/pages.py --time-only [--repeat 20]

Settings are ``casetrack.settings.dev`` unless ``DJANGO_SETTINGS_MODULE`` says otherwise. The
database is ``DATABASE_URL``; without it ``data/bench.sqlite3`` (never the dev database). The
script migrates it, refuses to write into one that already holds data unless ``--reset`` (which
flushes it), generates the data (``bench/municipality.py``) and then requests each page with
Django's test ``Client`` — in process, so the time is the server's: middleware, view, queries and
templates, no network. See bench/README.md.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Genererar en syntetisk kommun och mäter sidornas svarstid i servern."
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1.0 ≈ 20 år, 5 000 motioner, 60 000 paragrafer; 0.1 för en snabb körning",
    )
    parser.add_argument("--repeat", type=int, default=20, help="anrop per sida (standard 20)")
    parser.add_argument("--seed", type=int, default=1, help="slumpfrö (standard 1)")
    parser.add_argument(
        "--reset", action="store_true", help="töm databasen (flush) innan data genereras"
    )
    parser.add_argument(
        "--time-only",
        action="store_true",
        help="generera inget, mät sidorna i en databas som redan fyllts av skriptet",
    )
    args = parser.parse_args(argv)
    if args.scale <= 0 or args.repeat < 1:
        parser.error("--scale måste vara större än 0 och --repeat minst 1.")
    return args


def setup_django() -> None:
    for path in (str(ROOT), str(BENCH)):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casetrack.settings.dev")
    if not os.environ.get("DATABASE_URL"):
        data_dir = Path(os.environ.get("CASETRACK_DATA_DIR", ROOT / "data"))
        data_dir.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{data_dir / 'bench.sqlite3'}"
    import django

    django.setup()


def database_label() -> str:
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"SQLite {name}"
    host = connection.settings_dict.get("HOST") or "localhost"
    return f"{connection.display_name} {name} på {host}"


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# --- Which pages -----------------------------------------------------------------------------


@dataclass
class Target:
    label: str
    url: str | None
    note: str = ""
    clerk: bool = False
    """Requested logged in, as a user with every role (the clerk workspace)."""


def _first(query, build: Callable[[object], str]) -> str | None:
    row = query.first()
    return build(row) if row is not None else None


def targets() -> list[Target]:
    """Representative URLs of each public page type, chosen from the generated data."""
    from django.db.models import Count

    from decisions.models import Meeting, Paragraph
    from motions.models import Motion
    from organisation.models import Person

    voted_kf = (
        Paragraph.objects.public()
        .filter(body__code="KF", propositions__vote__isnull=False)
        .select_related("body")
        .order_by("-meeting__date", "-number")
    )
    decided = Motion.objects.public().filter(decided_by__isnull=False)
    pending = Motion.objects.public().filter(decided_by__isnull=True, raised_at__isnull=False)
    found = [
        Target("startsida", "/"),
        Target("motionsregistret", "/motioner/"),
        Target("motionsregistret, sida 50", None),
        Target(
            "ärende: avgjord motion, votering i KF",
            _first(
                decided.filter(decided_by__propositions__vote__isnull=False)
                .select_related("case")
                .order_by("-dated_on", "-pk"),
                lambda m: m.case.get_absolute_url(),
            ),
        ),
        Target(
            "ärende: motion under beredning",
            _first(
                pending.select_related("case").order_by("dated_on", "pk"),
                lambda m: m.case.get_absolute_url(),
            ),
        ),
        Target("organ: kommunfullmäktige", "/organ/kf/"),
        Target("organ: en nämnd (SON)", "/organ/son/"),
        Target(
            "sammanträde: KF med flest §§",
            _first(
                Meeting.objects.filter(body__code="KF")
                .select_related("body")
                .annotate(n=Count("paragraphs"))
                .order_by("-n", "-date"),
                lambda m: m.get_absolute_url(),
            ),
        ),
        Target(
            "sammanträde: en nämnd (SON)",
            _first(
                Meeting.objects.filter(body__code="SON", status=Meeting.Status.JUSTERAT)
                .select_related("body")
                .order_by("-date"),
                lambda m: m.get_absolute_url(),
            ),
        ),
        Target(
            "paragraf: KF, motion med votering",
            _first(voted_kf.filter(case__kind="motion"), lambda p: p.get_absolute_url()),
        ),
        Target(
            "paragraf: KS, motion med yrkanden",
            _first(
                Paragraph.objects.public()
                .filter(body__code="KS", case__kind="motion", yrkanden__isnull=False)
                .select_related("body")
                .order_by("-meeting__date", "-number"),
                lambda p: p.get_absolute_url(),
            ),
        ),
        Target(
            "paragraf: en nämnd (SON)",
            _first(
                Paragraph.objects.public()
                .filter(body__code="SON", case__isnull=False)
                .select_related("body")
                .order_by("-meeting__date", "-number"),
                lambda p: p.get_absolute_url(),
            ),
        ),
    ]
    # Pages other work adds; timed when they answer, reported when they do not.
    signer = (
        Person.objects.annotate(n=Count("motions_signed"))
        .filter(n__gt=0)
        .order_by("-n", "pk")
        .first()
    )
    person = None
    if signer is not None:
        try:
            from portal.templatetags.people import person_url

            person = person_url(signer)
        except ImportError:
            person = None
    found += [
        Target("obesvarade motioner", "/motioner/obesvarade/"),
        Target("sök: ”förskola”", "/sok/?q=f%C3%B6rskola"),
        Target("person: flest motioner", person, "" if person else "ingen personsida"),
        Target("parti: S", "/partier/s/"),
        Target("flöde: senaste besluten", "/beslut/flode/"),
        Target("kalender: KS", "/organ/ks/sammantraden.ics"),
    ]
    return found + clerk_targets()


def clerk_targets() -> list[Target]:
    """The clerk workspace's heaviest pages: the largest KF meeting and its most voted §."""
    from django.db.models import Count

    from decisions.models import Meeting, Paragraph

    largest = (
        Meeting.objects.filter(body__code="KF")
        .select_related("body")
        .annotate(n=Count("paragraphs"))
        .order_by("-n", "-date")
        .first()
    )
    voted = (
        Paragraph.objects.filter(body__code="KF", propositions__vote__isnull=False)
        .select_related("body")
        .order_by("-meeting__date", "-number")
        .first()
    )

    def editor(p: Paragraph) -> str:
        return f"/arbetsyta/organ/{p.body.slug}/{p.year}/{p.number}/"

    return [
        Target("arbetsyta: min arbetsyta", "/arbetsyta/", clerk=True),
        Target("arbetsyta: inkomna remisser KS", "/arbetsyta/organ/ks/remisser/", clerk=True),
        Target(
            "arbetsyta: förbered KF, flest §§",
            f"/arbetsyta/organ/kf/sammantraden/{largest.date:%Y-%m-%d}/" if largest else None,
            clerk=True,
        ),
        Target(
            "arbetsyta: redigera KF-§ med votering",
            editor(voted) if voted else None,
            clerk=True,
        ),
    ]


def clerk_client():
    """A test client logged in as a superuser, who holds every role."""
    from django.contrib.auth.models import User
    from django.test import Client

    user, _ = User.objects.get_or_create(
        username="bench-clerk", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    return client


def register_page_50(client) -> Target:
    """The register's page 50, if the register paginates: its parameter is read from its links."""
    label = "motionsregistret, sida 50"
    response = client.get("/motioner/")
    match = re.search(r"[?&](?:amp;)?(page|sida)=\d+", response.content.decode(errors="replace"))
    if match is None:
        return Target(label, None, "registret har ingen sidindelning")
    return Target(f"{label} (?{match.group(1)}=50)", f"/motioner/?{match.group(1)}=50")


# --- Timing ----------------------------------------------------------------------------------


@dataclass
class Timing:
    target: Target
    status: int | None = None
    queries: int | None = None
    kilobytes: float | None = None
    times_ms: list[float] | None = None
    skipped: str = ""


def time_pages(repeat: int) -> list[Timing]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # The test client's host is "testserver", as in the test settings.
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    public = Client()
    clerk = clerk_client()
    results = []
    for target in targets():
        client = clerk if target.clerk else public
        if target.label.startswith("motionsregistret, sida 50"):
            target = register_page_50(client)
        timing = Timing(target)
        results.append(timing)
        if target.url is None:
            timing.skipped = target.note or "ingen sådan sida i data"
            continue
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(target.url)
        except Exception as exc:  # a page under construction elsewhere must not stop the run
            timing.skipped = f"fel: {type(exc).__name__}: {exc}"[:120]
            continue
        timing.status = response.status_code
        if response.status_code != 200:
            timing.skipped = f"svarar {response.status_code}"
            continue
        timing.queries = len(queries.captured_queries)
        timing.kilobytes = len(response.content) / 1024
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(target.url)
            times.append((time.perf_counter() - started) * 1000)
        timing.times_ms = times
    return results


def print_timings(results: list[Timing], repeat: int) -> None:
    print(f"\nServertid per sida, {repeat} anrop (ms):")
    header = f"{'sida':<40} {'p50':>8} {'p95':>8} {'frågor':>7} {'kB':>7}  url"
    print(header)
    print("-" * len(header))
    for r in results:
        if r.times_ms is None:
            continue
        print(
            f"{r.target.label:<40} {percentile(r.times_ms, 50):8.1f} "
            f"{percentile(r.times_ms, 95):8.1f} {r.queries:>7} {r.kilobytes:7.0f}  {r.target.url}"
        )
    skipped = [r for r in results if r.times_ms is None]
    if skipped:
        print("\nHoppade över:")
        for r in skipped:
            print(
                f"  {r.target.label}: {r.skipped}" + (f" ({r.target.url})" if r.target.url else "")
            )


def print_counts(counts: dict[str, int]) -> None:
    print("\nRader per tabell:")
    for label, n in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {label:<40} {n:>9,}".replace(",", " "))
    print(f"  {'totalt':<40} {sum(counts.values()):>9,}".replace(",", " "))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_django()

    import datetime

    import municipality
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command

    where = database_label()
    call_command("migrate", verbosity=0)
    counts = {label: n for label, n in municipality.row_counts().items() if n}
    users = User.objects.count()
    if args.time_only:
        if not counts:
            print(f"{where} är tom; kör utan --time-only för att generera data.", file=sys.stderr)
            return 2
    else:
        if (counts or users) and not args.reset:
            total = sum(counts.values()) + users
            print(
                f"{where} innehåller redan data ({total} rader); "
                "kör med --reset för att tömma databasen först.",
                file=sys.stderr,
            )
            return 2
        if args.reset:
            call_command("flush", interactive=False, verbosity=0)
        generator = municipality.Generator(
            scale=args.scale, seed=args.seed, today=datetime.date.today()
        )
        print(
            f"Genererar skala {args.scale:g}: {generator.years} år från {generator.first_year}, "
            f"{generator.n_motions} motioner, ~{generator.n_paragraphs} paragrafer …"
        )
        result = generator.run()
        print(f"Genereringen tog {result.seconds:.1f} s.")
        counts = result.counts
        if os.environ["DATABASE_URL"].startswith("postgres"):
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    print(f"\nDatabas: {where} · inställningar: {os.environ['DJANGO_SETTINGS_MODULE']}", end="")
    print(f" · DEBUG={settings.DEBUG}")
    print_counts(counts)
    print_timings(time_pages(args.repeat), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
