"""WSGI entry point. Production runs it under gunicorn with --preload."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sinmun.settings.production")

application = get_wsgi_application()
