"""Render and store the missing extracts of justerade paragraphs (data older than the task)."""

from django.core.management.base import BaseCommand, CommandError

from decisions.extracts import missing_extract_ids, store_extract


class Command(BaseCommand):
    help = "Framställer och lagrar saknade protokollsutdrag för justerade paragrafer."

    def handle(self, *args, **options) -> None:
        ids = missing_extract_ids()
        stored = 0
        for paragraph_id in ids:
            try:
                if store_extract(paragraph_id) is not None:
                    stored += 1
            except Exception as error:  # one line, in Swedish, and a non-zero exit
                raise CommandError(
                    f"Utdraget för paragraf {paragraph_id} kunde inte framställas: {error}"
                ) from error
        self.stdout.write(f"{stored} protokollsutdrag framställda och lagrade.")
