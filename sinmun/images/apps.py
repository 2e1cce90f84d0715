from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "sinmun.images"
    label = "images"
    verbose_name = _("Images")

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        from sinmun.images.permissions import photo_permission_policy

        register_permission_policy(
            get_image_model(), photo_permission_policy(), exact_class=True
        )
