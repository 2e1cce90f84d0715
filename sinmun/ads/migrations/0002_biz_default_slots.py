from django.db import migrations

# The four places the templates have: the ad desk finds them ready, at common sizes.
SLOTS = [
    ("masthead", "728x90", 3),
    ("article_inline", "300x250", 3),
    ("side", "300x250", 3),
    ("section_top", "728x90", 3),
]


def create_slots(apps, schema_editor):
    AdSlot = apps.get_model("ads", "AdSlot")
    for position, size, after in SLOTS:
        AdSlot.objects.get_or_create(
            position=position, defaults={"size": size, "after_paragraph": after}
        )


class Migration(migrations.Migration):
    dependencies = [("ads", "0001_biz_ad_slots")]

    operations = [migrations.RunPython(create_slots, migrations.RunPython.noop)]
