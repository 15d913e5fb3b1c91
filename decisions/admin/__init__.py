"""The admin of meetings and protocols, behind the same services and roles as the workspace.

- ``access``: who may change what — the body's role (``organisation/rules.py``) on each object,
  and nothing once justerad or justerat;
- ``actions``: the admin actions that change a protocol's state, each through its service;
- ``display``: short text boxes, read-only summaries, the paragraph's yrkanden, links;
- ``forms``: rules that span a form and its inline rows;
- ``meetings``: meetings, their justerare, attendance and approvals;
- ``paragraphs``: paragraphs and the parts edited on their page;
- ``debate``: förslag till beslut, yrkanden, propositions and votes on their own pages;
- ``case_file``: a case's paragraphs and a document's proposals on the case file's pages.
"""

from . import case_file, debate, meetings, paragraphs  # noqa: F401 — each registers its admins
