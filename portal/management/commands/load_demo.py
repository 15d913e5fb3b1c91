"""``manage.py load_demo``: the seed cases from Linköping 2019–2022 as demo data."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from portal.demo.loader import load_demo
from portal.demo.rows import UNCHANGED, DemoConflict


class Command(BaseCommand):
    help = (
        "Läser in demodata: motionerna KS 2019-295 och KS 2020-493 med remisser, "
        "tjänsteskrivelser och paragrafer, och social- och omsorgsnämndens ärende om områdesteam; "
        "därtill mandatperioder, ledamöter, sammanträden och motioner kring dagens datum. "
        "Kan köras flera gånger; befintliga data ändras aldrig, men passerade planerade "
        "sammanträden i demons kalender som ingen har börjat på hålls."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            metavar="ÅÅÅÅ-MM-DD",
            help=(
                "Dagen som demons nutid räknas från: mandatperioder, sammanträden och motioner "
                "(standard: i dag)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_demo(today=options["today"])
        except DemoConflict as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            # A race or a constraint full_clean cannot see; the transaction is already undone.
            reason = " ".join(str(exc).split())
            raise CommandError(f"Databasen vägrade demodata ({reason}); {UNCHANGED}") from exc
        if options["verbosity"] >= 1:
            if result.created:
                message = (
                    f"Demodata inlästa: {result.created} rader skapade, "
                    f"{result.existing} fanns redan."
                )
            else:
                message = f"Demodata fanns redan ({result.existing} rader); inget ändrades."
            self.stdout.write(self.style.SUCCESS(message))
