"""Demo data: the five seed documents (Linköping 2021–2022) as rows, for ``manage.py load_demo``.

``data`` holds the facts as plain Python values, ``loader`` writes them. The facts live in the
project, not in ``../shared``, so a newcomer's checkout can load them without the seeds.
"""
