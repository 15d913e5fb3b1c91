"""Register a case from the command line and print its new Dnr: ``register_case --registry KS
--title "…"``. For bulk work; the same service as the clerk's form."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from motions.models import Case, Registry
from motions.services import register_case
from organisation.models import Body


class Command(BaseCommand):
    help = "Registrerar ett ärende och skriver ut dess diarienummer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--registry", required=True, help="Diariets kod, t.ex. KS.")
        parser.add_argument("--title", required=True, help="Ärendets rubrik.")
        parser.add_argument(
            "--kind", default=Case.Kind.OTHER, choices=Case.Kind.values, help="Ärendetyp."
        )
        parser.add_argument("--date", help="Registreringsdatum ÅÅÅÅ-MM-DD (i dag om det saknas).")
        parser.add_argument("--body", help="Ansvarigt organ, kortnamn (t.ex. SON).")
        parser.add_argument("--secret", action="store_true", help="Ärendet omfattas av sekretess.")

    def handle(self, *args, **options) -> str:
        try:
            registry = Registry.objects.get(code__iexact=options["registry"])
        except Registry.DoesNotExist:
            raise CommandError(f"Diariet ”{options['registry']}” finns inte.") from None
        body_id = None
        if options["body"]:
            body = Body.objects.filter(code__iexact=options["body"]).first()
            if body is None:
                raise CommandError(f"Organet ”{options['body']}” finns inte.")
            body_id = body.pk
        try:
            day = datetime.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError(f"”{options['date']}” är inget datum (ÅÅÅÅ-MM-DD).") from None
        try:
            case = register_case(
                registry=registry,
                title=options["title"].strip(),
                kind=options["kind"],
                registered_on=day or datetime.date.today(),
                responsible_body_id=body_id,
                is_secret=options["secret"],
            )
        except ValidationError as exc:
            reasons = "; ".join(m for messages in exc.message_dict.values() for m in messages)
            raise CommandError(f"Ärendet registrerades inte: {reasons}") from None
        return case.dnr
