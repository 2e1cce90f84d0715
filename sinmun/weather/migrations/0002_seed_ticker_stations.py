"""Seed the 16 ASOS stations of the reference ticker (specs/kma-weather.md §2)."""

from decimal import Decimal

from django.db import migrations

# (number, name, latitude, longitude) in the reference ticker's order, which is also
# ascending station number. Coordinates from KMA's station list; refresh from stn_inf.php.
STATIONS = [
    (98, "동두천", "37.90188", "127.06070"),
    (105, "강릉", "37.75147", "128.89099"),
    (108, "서울", "37.57142", "126.96580"),
    (133, "대전", "36.37198", "127.37211"),
    (143, "대구", "35.87797", "128.65296"),
    (152, "울산", "35.58237", "129.33469"),
    (156, "광주", "35.17294", "126.89156"),
    (159, "부산", "35.10468", "129.03203"),
    (172, "고창", "35.34824", "126.59900"),
    (184, "제주", "33.51411", "126.52969"),
    (201, "강화", "37.70739", "126.44634"),
    (226, "보은", "36.48761", "127.73415"),
    (238, "금산", "36.10563", "127.48175"),
    (259, "강진군", "34.62890", "126.76715"),
    (283, "경주시", "35.81740", "129.20090"),
    (294, "거제", "34.88818", "128.60459"),
]


def seed(apps, schema_editor):
    Station = apps.get_model("weather", "Station")
    for order, (number, name, lat, lon) in enumerate(STATIONS, start=1):
        Station.objects.get_or_create(
            number=number,
            defaults={
                "name": name,
                "ticker_order": order,
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
            },
        )


def unseed(apps, schema_editor):
    Station = apps.get_model("weather", "Station")
    Station.objects.filter(number__in=[s[0] for s in STATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("weather", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
