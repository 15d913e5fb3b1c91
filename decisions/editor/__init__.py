"""The clerk's paragraph editor (htmx): one paragraph of an ojusterad protocol, every part
editable, with a preview of the paragraph as the protocol will print it.

Modules, each importing only those above it: ``paragraph`` (the paragraph, its preview and
neighbours), ``content_forms`` and ``debate_forms``, ``content_section`` and ``debate_section``
(what each section shows), ``page`` (the page and how every action answers),
``content_actions`` and ``debate_actions`` (the posts), ``urls``.
"""
