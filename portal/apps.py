from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Webbplatsen"

    def ready(self) -> None:
        # Search and the register match å, ä and ö on SQLite through a function registered on
        # each connection.
        from .search.folding import connect_signals

        connect_signals()
