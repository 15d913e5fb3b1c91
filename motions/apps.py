from django.apps import AppConfig


class MotionsConfig(AppConfig):
    name = "motions"
    verbose_name = "Ärenden och motioner"

    def ready(self) -> None:
        from .folding import connect_signals

        connect_signals()
