"""Kakao and Naver sign-in are loaded only for a paper that configured their keys."""

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps([a for a in settings.INSTALLED_APPS if '.providers.' in a]))"
)


def providers(**env) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        env={
            **{k: v for k, v in os.environ.items() if "_LOGIN_" not in k},
            "DJANGO_SETTINGS_MODULE": "sinmun.settings.test",
            **env,
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_social_provider_is_loaded_without_keys():
    assert providers() == []


def test_kakao_and_naver_are_loaded_when_their_keys_are_set():
    assert providers(
        SINMUN_KAKAO_LOGIN_CLIENT_ID="kakao-rest-key",
        SINMUN_NAVER_LOGIN_CLIENT_ID="naver-client-id",
    ) == [
        "allauth.socialaccount.providers.kakao",
        "allauth.socialaccount.providers.naver",
    ]
