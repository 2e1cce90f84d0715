import re

from django.contrib.auth.models import AbstractUser

HANGUL = re.compile(r"^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+$")


def display_name(first_name: str, last_name: str) -> str:
    """A person's name as a Korean reads it: family name first and no space (박지훈).

    Names that are not both in Hangul keep the order and space their owner gave them
    ("Jane Doe"); a single part is shown alone.
    """
    first, last = first_name.strip(), last_name.strip()
    if first and last and HANGUL.match(first) and HANGUL.match(last):
        return last + first
    return " ".join(part for part in (first, last) if part)


class User(AbstractUser):
    """A newsroom account. Custom from day one so fields can be added without a rewrite."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.get_full_name() or self.get_username()

    def get_full_name(self):
        """박지훈, never "지훈 박": Wagtail's admin, reports and notifications all ask here."""
        return display_name(self.first_name, self.last_name)
