"""``manage.py demo_accounts``: logins for trying the clerk workspace on the demo data.

Only with DEBUG on: the passwords are printed in the README, so they must never exist in
production. Idempotent: an existing user is left as it is.
"""

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from motions.models import Registry
from organisation.models import Body, ClerkAssignment

PASSWORD = "demo-2026"
START = datetime.date(2019, 1, 1)

# (username, first name, last name, body the user is nämndsekreterare of, registry code)
ACCOUNTS = (
    ("cecilia", "Cecilia", "Åberg", "KS", "KS"),
    ("johanna", "Johanna", "Berglind", "SON", "SON"),
)


class Command(BaseCommand):
    help = (
        "Skapar demokonton (bara med DEBUG på): cecilia är nämndsekreterare och registrator "
        f"för kommunstyrelsen, johanna för social- och omsorgsnämnden. Lösenord: {PASSWORD}."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Demokonton skapas bara i utvecklingsläge (DEBUG); lösenorden är offentliga."
            )
        try:
            created = self.create_accounts()
        except (Body.DoesNotExist, Registry.DoesNotExist) as exc:
            raise CommandError("Demodata saknas; kör först manage.py load_demo.") from exc
        if options["verbosity"] >= 1:
            names = ", ".join(created) or "inga nya"
            self.stdout.write(self.style.SUCCESS(f"Demokonton ({names}); lösenord {PASSWORD}."))

    @transaction.atomic
    def create_accounts(self) -> list[str]:
        created = []
        for username, first, last, body_code, registry_code in ACCOUNTS:
            body = Body.objects.get(code=body_code)
            registry = Registry.objects.get(code=registry_code)
            user, is_new = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if not is_new:
                continue
            user.set_password(PASSWORD)
            user.save()
            ClerkAssignment.objects.create(
                user=user, role=ClerkAssignment.Role.SECRETARY, body=body, starts_on=START
            )
            ClerkAssignment.objects.create(
                user=user, role=ClerkAssignment.Role.REGISTRATOR, registry=registry, starts_on=START
            )
            created.append(username)
        return created
