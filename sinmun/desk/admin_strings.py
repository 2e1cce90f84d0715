"""Wagtail admin strings the desk sees every day that Wagtail's Korean catalogue lacks or
gets wrong ("In Moderation" reads "일반적으로", "generally"). Marked here so `make messages`
puts them in sinmun's catalogue, which Django consults before Wagtail's (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop, ngettext_lazy

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

# Seen on the newsroom's screens (issue #21): machine-like or wrong Korean in Wagtail's
# catalogue ("더 많은 움직임", "라이브 날짜/시간으로 이동", "%(user)s 에 의한") and English
# Wagtail or taggit leave untranslated.
NEWSROOM_STRINGS = (
    gettext_noop("More actions"),
    gettext_noop("go live date/time"),
    gettext_noop("expiry date/time"),
    gettext_noop("Go-live date/time"),
    gettext_noop("Expiry date/time"),
    gettext_noop("by %(user)s"),
    gettext_noop("%(action)s by <b>%(who)s</b>"),
    gettext_noop("Changes requested"),
    gettext_noop("Changes requested at"),
    gettext_noop("Changes requested by %(requested_by)s"),
    gettext_noop("Awaiting your review"),
    gettext_noop("Your most recent edits"),
    gettext_noop("Task"),
    gettext_noop("Workflow"),
    gettext_noop("Reports"),
    gettext_noop("Live"),
    gettext_noop("Saved"),
    gettext_noop("Saving…"),
    gettext_noop("A comma-separated list of tags."),
    gettext_noop("Tags"),
    gettext_noop("Page '%(page_title)s' has been updated."),
)

# Wagtail's side panel: how many places use this photo or page.
REFERENCED = ngettext_lazy(
    "Referenced %(count)s time", "Referenced %(count)s times", "count"
)
TAG_HELP = gettext_noop(
    'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
)

# Wagtail's own warning when another editor (or the editor's other window) saved first.
EDITING_SESSIONS = (
    gettext_noop("%(user_name)s saved a new version"),
    gettext_noop("You saved a new version in another window"),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("View latest version"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Saving will overwrite a newer version."),
)

# The dashboard's summary ("3 Pages", "12 Images"), missing from Wagtail's Korean.
SITE_SUMMARY = (
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)

# The story's status panel while the desk's review is open.
STATUS_PANEL = (
    gettext_noop("Status: "),
    gettext_noop("Changes requested %(finished_at)s"),
)

# Choosers' search results and pages ("2가 일치함", and the no-match line left in English).
CHOOSER_RESULTS = (
    ngettext_lazy(
        "There is %(counter)s match", "There are %(counter)s matches", "counter"
    ),
    gettext_noop('Sorry, there are no matches for "<em>%(search_query)s</em>"'),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
)
