"""People are 박지훈, never "지훈 박": in the admin, its reports and notifications."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.admin.utils import get_user_display_name

from sinmun.users.models import display_name

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        ("지훈", "박", "박지훈"),
        ("서연", "남궁", "남궁서연"),
        ("Jane", "Doe", "Jane Doe"),
        ("지훈", "", "지훈"),
        ("", "", ""),
    ],
)
def test_names_read_in_their_own_order(first, last, shown):
    assert display_name(first, last) == shown


def test_wagtail_shows_the_korean_order():
    user = get_user_model().objects.create_user(
        "jihoon", password="pw", first_name="지훈", last_name="박"
    )
    assert get_user_display_name(user) == "박지훈"
    assert str(user) == "박지훈"
    nameless = get_user_model().objects.create_user("desk", password="pw")
    assert str(nameless) == "desk"


def test_avatars_are_wagtails_own_picture_not_an_outside_service():
    """The admin's avatars would be broken images where the outside host cannot be reached."""
    user = get_user_model().objects.create_superuser(
        "chief", "chief@garamilbo.example", "pw", first_name="민준", last_name="최"
    )
    client = Client()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "wagtailadmin/images/default-user-avatar" in html
    assert "최민준" in html
