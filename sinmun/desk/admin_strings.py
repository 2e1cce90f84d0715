"""Wagtail admin strings the desk sees every day that Wagtail's Korean catalogue lacks or
gets wrong ("In Moderation" reads "일반적으로", "generally"). Marked here so `make messages`
puts them in sinmun's catalogue, which Django consults before Wagtail's (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = (
    gettext_noop("In Moderation"),
    gettext_noop("Request changes"),
    gettext_noop("Approve with comment"),
    gettext_noop("Approved"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("Set publishing schedule"),
    gettext_noop("Choose when this page should go live and/or expire"),
    gettext_noop("Save schedule"),
    gettext_noop("Set schedule"),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Schedule to publish"),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule to publish" option'
    ),
    gettext_noop("Search all pages…"),
    gettext_noop("Edit schedule"),
    gettext_noop("Invalid schedule"),
    gettext_noop("Go to the first error"),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Toggle status"),
)
