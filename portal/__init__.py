"""The site's pages that read across organisation, motions and decisions: the start page, the
motion register and a case's path, search, people, parties, Min arbetsyta and the clerk's case
pages, feeds, and the demo. Nothing below imports it (``docs/architecture.md``).
"""
