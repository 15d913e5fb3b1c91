"""Time the PDFs: a one-paragraph extract, a 60-paragraph protocol, serving a stored extract.

    .venv/bin/python bench/pdf.py [--repeat 10]

Without ``DATABASE_URL`` the script uses a scratch SQLite file in a temporary folder (removed at
the end); with it, that database, and everything the script writes there (the demo, a synthetic
60-paragraph meeting, a stored extract) is rolled back at the end. Stored files go to a
temporary ``MEDIA_ROOT``. Prints p50 and p95 in milliseconds. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(label: str, repeat: int, run: Callable[[], object]) -> None:
    run()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<44} p50 {percentile(samples, 0.5):8.1f} ms   "
        f"p95 {percentile(samples, 0.95):8.1f} ms   (n={repeat})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mäter tiden för protokollens PDF:er.")
    parser.add_argument("--repeat", type=int, default=10, help="körningar per mätning")
    args = parser.parse_args(argv)

    scratch = tempfile.TemporaryDirectory(prefix="casetrack-bench-pdf-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch.name}/bench-pdf.sqlite3")
    os.environ.setdefault("CASETRACK_DATA_DIR", scratch.name)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casetrack.settings.dev")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from decisions import pdf
    from decisions.models import DecisionPoint, Meeting, Paragraph

    settings.MEDIA_ROOT = Path(scratch.name) / "media"
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    print(f"Databas: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    call_command("migrate", verbosity=0)

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            call_command("load_demo", verbosity=0)
            p59 = Paragraph.objects.get(body__code="KS", year=2022, number=59)
            meeting = Meeting.objects.create(
                body=p59.body,
                date=datetime.date(2022, 11, 8),
                place="Stadshuset, Linköping",
                chair=p59.meeting.chair,
                secretary="Bänk Sekreterare",
                justering_on=datetime.date(2022, 11, 15),
                status=Meeting.Status.JUSTERAT,
            )
            arende = "\n\n".join(
                f"Stycke {i}. Förvaltningen har utrett ärendet och redovisar bakgrund, "
                "överväganden och konsekvenser för kommunens verksamheter och invånare." * 2
                for i in range(1, 4)
            )
            for number in range(1001, 1061):
                paragraph = Paragraph.objects.create(
                    meeting=meeting,
                    number=number,
                    title=f"Syntetiskt ärende {number}, svar på motion",
                    arende_text=arende,
                    quotes=p59.quotes,
                    status=Paragraph.Status.JUSTERAD,
                )
                DecisionPoint.objects.bulk_create(
                    DecisionPoint(paragraph=paragraph, position=i, text=f"Beslutspunkt {i}.")
                    for i in (1, 2)
                )

            timed(
                "protokollsutdrag, 1 paragraf (rendering)",
                args.repeat,
                lambda: pdf.render_extract(pdf.with_parts(p59.pk)),
            )
            timed(
                "protokoll, 60 paragrafer (rendering)",
                max(1, args.repeat // 2),
                lambda: pdf.render_protocol(meeting, show_secret=False),
            )
            client = Client()
            url = reverse("decisions:extract_pdf", args=[p59.body.slug, 2022, 59])
            client.get(url)  # renders and stores it once

            def serve() -> None:
                response = client.get(url)
                assert response.status_code == 200, response.status_code
                b"".join(response.streaming_content)

            timed("lagrat utdrag, servering (test Client)", args.repeat * 5, serve)
            raise Rollback
    except Rollback:
        pass
    finally:
        scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
