from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_location_is_private(app_configs, **kwargs):
    """Tip attachments must not sit where MEDIA_ROOT or STATIC_ROOT is served from."""
    private = Path(settings.SINMUN_PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name)).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"SINMUN_PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}), "
                    "which is served publicly.",
                    hint="Point SINMUN_PRIVATE_MEDIA_ROOT at a directory outside it.",
                    id="tips.E001",
                )
            )
    return errors
