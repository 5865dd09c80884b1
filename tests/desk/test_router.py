"""The page and its files are served as they are, to anyone, with no CDN in sight."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from app.desk.router import STATIC

REFERENCE = re.compile(r"""(?:src|href)="(/desk/[^"]+)"|from "\./([^"]+)\"""")


def test_the_page_is_public_and_revalidated(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert "援教" in response.text


def test_every_file_the_page_refers_to_is_served_from_the_app_itself(client: TestClient) -> None:
    for source in STATIC.iterdir():
        text = source.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in text, f"{source.name} reaches outside the server"
        for absolute, relative in REFERENCE.findall(text):
            path = absolute or f"/desk/{relative}"
            response = client.get(path)
            assert response.status_code == 200, (source.name, path)
            if path.endswith(".js"):
                assert response.headers["content-type"].startswith("text/javascript")
