"""What every app of casetrack uses and no app owns: service errors, view helpers for
login, permission and form answers, Swedish text helpers, keeping rows in order.

It imports no app of ours (``docs/architecture.md``).
"""
