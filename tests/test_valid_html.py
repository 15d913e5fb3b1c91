"""Every public and clerk page is valid HTML: the Nu Html Checker (vnu.jar, from npm's vnu-jar)
reports no error. The pages are those of tests/test_routes.py's table that answer 200 with HTML,
as the public and as KS's clerk; the admin (Django's own markup) is left out.

``VNU_JAR`` names the jar; ``.ci/run`` installs it. Without it the test is skipped on a
developer's machine and fails in CI (``CI=true``), as the browser tests do without chromium.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

from .test_routes import build_walk, fill, login_of, patterns, routes

JAR = os.environ.get("VNU_JAR", "")


@pytest.fixture
def walk(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_walk()


def html_pages(walk, role: str) -> dict[str, str]:
    """URL → HTML of every page of the route table that answers ``role`` with 200 and HTML."""
    client = login_of(role)
    table = routes(walk)
    pages = {}
    for pattern, _name, _resolver in patterns():
        if pattern.startswith("admin/") or pattern not in table:
            continue
        entry = table[pattern]
        if getattr(entry.expect, role) != 200:
            continue
        url = fill(pattern, dict(entry.kwargs))
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages[url] = response.content.decode()
    return pages


def test_every_public_and_clerk_page_is_valid_html(walk, tmp_path):
    if not (JAR and Path(JAR).is_file()):
        if os.environ.get("CI") == "true":
            pytest.fail("VNU_JAR names no vnu.jar; .ci/run installs it from npm (vnu-jar).")
        pytest.skip("The Nu Html Checker is not installed (set VNU_JAR to vnu.jar).")
    folder = tmp_path / "html"
    folder.mkdir()
    files = {}
    for role in ("public", "clerk"):
        for url, html in html_pages(walk, role).items():
            path = folder / f"{role}-{len(files):03d}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = f"{url} ({role})"
    assert len(files) > 30
    result = subprocess.run(
        ["java", "-jar", JAR, "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{files.get(Path(m.get('url', '')).name, m.get('url'))} line {m.get('lastLine')}: "
        f"{m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(sorted(set(errors))[:60])
