"""Settings for `make demo` (bin/demo-serve): the development setup as readers see a paper.

DEBUG is off, so a reader gets the paper's own 404 and 500 pages, never Django's debug
page; WhiteNoise still serves static files from the app folders and the app serves the
photos. The demo's address (HOST=) is allowed through DJANGO_ALLOWED_HOSTS.
"""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = [
    *ALLOWED_HOSTS,  # noqa: F405
    *(h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h),  # noqa: F405
]
