"""The decisions app's pages, by family: ``public`` (a body, a meeting, a paragraph),
``protocol`` (the protocol page and the notice board) with ``protocol_actions`` and their
``protocol_forms`` (justering, anslag, rättelse, expediering), ``pdfs``, ``feeds``, and the
clerk's ``meeting_workspace`` with ``meeting_actions`` and ``meeting_forms``; ``lookups`` finds
what a URL names. The paragraph editor is a package of its own, ``decisions.editor``.
"""
