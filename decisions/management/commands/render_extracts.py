"""Render and store what is missing: the extracts of justerade paragraphs in their newest version
(data older than the task, or a rättelse whose task did not run), and the PDF of each justerat
protocol as it stands."""

from django.core.management.base import BaseCommand, CommandError

from decisions.extracts import (
    missing_extract_ids,
    missing_protocol_ids,
    store_extract,
    store_protocol,
)


class Command(BaseCommand):
    help = (
        "Framställer och lagrar saknade protokollsutdrag för justerade paragrafer och saknade "
        "pdf:er av justerade protokoll."
    )

    def handle(self, *args, **options) -> None:
        stored = 0
        for paragraph_id in missing_extract_ids():
            try:
                if store_extract(paragraph_id) is not None:
                    stored += 1
            except Exception as error:  # one line, in Swedish, and a non-zero exit
                raise CommandError(
                    f"Utdraget för paragraf {paragraph_id} kunde inte framställas: {error}"
                ) from error
        self.stdout.write(f"{stored} protokollsutdrag framställda och lagrade.")
        protocols = 0
        for meeting_id in missing_protocol_ids():
            try:
                if store_protocol(meeting_id) is not None:
                    protocols += 1
            except Exception as error:
                raise CommandError(
                    f"Protokollet för sammanträde {meeting_id} kunde inte framställas: {error}"
                ) from error
        self.stdout.write(f"{protocols} protokoll framställda och lagrade.")
