"""Two-factor authentication (2단계 인증): TOTP from an authenticator app, and recovery codes.

django-otp keeps the devices: one confirmed ``TOTPDevice`` (the app) and one
``StaticDevice`` whose tokens are the recovery codes, each good once.
"""

import secrets

from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery"
# Letters and digits that cannot be misread for one another (no 0/O, 1/l/I).
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def requires_two_factor(user) -> bool:
    """Whether `user` must enrol before using the admin: superusers and the senior roles."""
    if not settings.SINMUN_2FA_REQUIRED or not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.SINMUN_2FA_REQUIRED_GROUPS).exists()
    )


def has_two_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_device(user) -> TOTPDevice:
    """Return the user's unconfirmed authenticator (a new secret the first time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_enrolment(*, user, token: str) -> tuple[TOTPDevice, list[str]] | None:
    """Confirm the pending authenticator with a code from it; return it and fresh recovery
    codes, or None if the code is wrong. An older authenticator is replaced."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device, new_recovery_codes(user=user)


@transaction.atomic
def new_recovery_codes(*, user) -> list[str]:
    """Replace the user's recovery codes with new ones and return them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
        for _ in range(settings.SINMUN_2FA_RECOVERY_CODES)
    ]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_two_factor(*, user) -> None:
    """Forget every device of `user` (a lost phone); they enrol again at the next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
