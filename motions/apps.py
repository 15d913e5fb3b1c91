from django.apps import AppConfig


class MotionsConfig(AppConfig):
    name = "motions"
    verbose_name = "Ärenden och motioner"
