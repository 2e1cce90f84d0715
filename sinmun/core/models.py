from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from sinmun.core import cache as cache_policy
from sinmun.core import csp, edge, selectors
from sinmun.core.text import normalize_line


class BasePage(Page):
    """A page readers see: normalised text in, shared-cache headers out."""

    # Indexed by sinmun.search's task when published or unpublished, outside the editor's
    # request (Kiwi takes 10-20 ms a story), instead of on every save.
    search_auto_update = False

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.title = normalize_line(self.title)
        if not self.title:
            raise ValidationError({"title": _("Write a title with visible letters.")})
        if self.seo_title:
            self.seo_title = normalize_line(self.seo_title)

    def get_view_restrictions(self):
        # Wagtail asks before serving every page (two queries). Most papers restrict
        # nothing, and the cached list of restricted paths says so without a query.
        if not selectors.private_page_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def surrogate_keys(self) -> tuple[str, ...]:
        """Return the edge's keys of the list this page is (core.edge); its links add the rest."""
        return ()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200 and not getattr(request, "is_preview", False):
            cache_policy.make_public(response, *self.surrogate_keys())
        return response

    def serve_preview(self, request, mode_name):
        return cache_policy.make_private(super().serve_preview(request, mode_name))


class StaticPage(BasePage):
    """A page of the paper about itself, not a story: 회사소개, 광고문의, 구독 안내.

    It lives under the front page at its own address (/about/), is not in feeds, sitemaps'
    story lists or search, and any editor can write one in the admin.
    """

    body = RichTextField(_("text"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]

    parent_page_types = ["frontpage.HomePage"]
    subpage_types: list[str] = []
    search_fields: list = []

    class Meta:
        verbose_name = _("static page")
        verbose_name_plural = _("static pages")

    def surrogate_keys(self) -> tuple[str, ...]:
        return (edge.SITE,)


class CachedSiteSetting(BaseSiteSetting):
    """A site setting every page reads and editors rarely change, kept in the cache.

    A page asks several times (masthead, footer, structured data) for the same Site
    object, which Wagtail keeps on the request (core.sites gives each request its own
    copy); the answer is kept on it too, so a page makes one cache round trip for it, not
    one per ask. Saving or deleting one forgets it (core.signals).
    """

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        attribute = f"_sinmun_{cls._meta.model_name}"
        instance = getattr(site, attribute, None)
        if instance is not None:
            return instance
        key = cls.cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, timeout=None)
        setattr(site, attribute, instance)
        return instance

    CACHE_KEY = ""  # each setting's own, with {site_id}

    @classmethod
    def cache_key(cls, site_id) -> str:
        return cls.CACHE_KEY.format(site_id=site_id)


@register_setting(icon="doc-full")
class NewspaperSettings(CachedSiteSetting):
    """The paper's name, logo and the particulars the press law requires on every page.

    신문 등의 진흥에 관한 법률 제21조 (as quoted by the press): an internet newspaper shows
    its name, registration number and date, publisher, editor, address, phone and the date
    of publication where readers can easily see them; 제9조의2 adds the youth-protection
    officer (청소년보호책임자).
    """

    name = models.CharField(
        _("newspaper name (제호)"),
        max_length=60,
        help_text=_("As it appears in the masthead and bylines."),
    )
    company = models.CharField(_("company (법인명)"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "images.Photo",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the masthead instead of the name, if set."),
    )
    registration_number = models.CharField(
        _("internet newspaper registration number (등록번호)"),
        max_length=60,
        help_text=_("For example 서울 아00000. 아 marks an internet newspaper."),
    )
    print_registration_number = models.CharField(
        _("print registration number"),
        max_length=60,
        blank=True,
        help_text=_(
            "Only if the company also prints a paper, for example 충북 가00001."
        ),
    )
    registered_on = models.DateField(_("registration date (등록일)"), null=True)
    founded_on = models.DateField(_("first publication date (발행일)"), null=True)
    publisher = models.CharField(_("publisher (발행인)"), max_length=60)
    editor = models.CharField(
        _("editor (편집인)"),
        max_length=200,
        help_text=_("With each editor's area of responsibility if there are several."),
    )
    youth_protection_officer = models.CharField(
        _("youth protection officer (청소년보호책임자)"), max_length=60
    )
    youth_protection_contact = models.CharField(
        _("youth protection officer's contact"), max_length=100, blank=True
    )
    address = models.CharField(
        _("address of the publishing office (발행소)"), max_length=200
    )
    phone = models.CharField(_("phone (대표전화)"), max_length=40)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("newsroom e-mail"), blank=True)
    kakao_javascript_key = models.CharField(
        _("Kakao JavaScript key"),
        max_length=64,
        blank=True,
        help_text=_(
            "From Kakao Developers (내 애플리케이션 → 앱 키 → JavaScript 키), with this site's "
            "address registered under 플랫폼 → Web. With it, the KakaoTalk button sends a "
            "preview card; without it, the phone's share sheet or a copied link."
        ),
    )
    external_scripts = models.TextField(
        _("external scripts"),
        blank=True,
        validators=[csp.validate_script_urls],
        help_text=_(
            "Scripts of an ad network or an analytics service that every reader page "
            "loads, one https address a line (https://ads.example.com/tag.js). Their "
            "sites may then run scripts on the paper's pages: add only services the "
            "paper has a contract with."
        ),
    )
    external_script_sources = models.TextField(
        _("other script sites"),
        blank=True,
        validators=[csp.validate_sources],
        help_text=_(
            "Sites those scripts load more scripts from, one https address a line "
            "(https://cdn.example.com)."
        ),
    )
    external_img_sources = models.TextField(
        _("image sites"),
        blank=True,
        validators=[csp.validate_sources],
        help_text=_("Sites the ads or counters show images from, one a line."),
    )
    external_connect_sources = models.TextField(
        _("data sites"),
        blank=True,
        validators=[csp.validate_sources],
        help_text=_("Sites the scripts send measurements to, one a line."),
    )
    external_frame_sources = models.TextField(
        _("frame sites"),
        blank=True,
        validators=[csp.validate_sources],
        help_text=_(
            "Sites whose pages are shown in a frame (ad slots), one a line. YouTube and "
            "Vimeo are always allowed for embedded videos."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("company"), FieldPanel("logo")],
            heading=_("Masthead"),
        ),
        HelpPanel(
            content=_(
                "The press law requires these particulars on every page. They are shown in the "
                "footer of the site."
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_number"),
                FieldPanel("print_registration_number"),
                FieldPanel("registered_on"),
                FieldPanel("founded_on"),
                FieldPanel("publisher"),
                FieldPanel("editor"),
                FieldPanel("youth_protection_officer"),
                FieldPanel("youth_protection_contact"),
            ],
            heading=_("Legal particulars"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("kakao_javascript_key")], heading=_("Sharing")),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "The site's Content-Security-Policy lets reader pages load scripts, "
                        "images and frames only from the paper itself and from the sites "
                        "listed here. A service that is not listed is blocked by readers' "
                        "browsers."
                    )
                ),
                FieldPanel("external_scripts"),
                FieldPanel("external_script_sources"),
                FieldPanel("external_img_sources"),
                FieldPanel("external_connect_sources"),
                FieldPanel("external_frame_sources"),
            ],
            heading=_("Ads and analytics"),
        ),
    ]

    class Meta:
        verbose_name = _("newspaper settings")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().select_related("logo")

    CACHE_KEY = "sinmun:newspaper-settings:{site_id}:v3"

    def __str__(self):
        return self.name

    @property
    def is_complete(self) -> bool:
        """Whether every particular the law requires is filled in."""
        required = (
            "name",
            "registration_number",
            "registered_on",
            "founded_on",
            "publisher",
            "editor",
            "youth_protection_officer",
            "address",
            "phone",
        )
        return all(getattr(self, f) for f in required)


@register_setting(icon="warning")
class BreakingNewsSettings(CachedSiteSetting):
    """The 속보 banner: one line above the masthead of every page until it expires.

    Saving purges every page at the edge (key `breaking`), and no page is kept past the
    expiry, so the banner comes and goes within seconds.
    """

    text = models.CharField(
        _("breaking news (속보)"),
        max_length=120,
        blank=True,
        help_text=_(
            "One line, for example 가람시 전역 호우경보 발령. Empty: no banner."
        ),
    )
    link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story the banner opens, if there is one yet."),
    )
    expires_at = models.DateTimeField(
        _("show until"),
        null=True,
        blank=True,
        help_text=_("The banner disappears by itself at this time."),
    )

    panels = [
        FieldPanel("text"),
        PageChooserPanel("link", "articles.ArticlePage"),
        FieldPanel("expires_at"),
    ]

    class Meta:
        verbose_name = _("breaking news banner")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        self.text = normalize_line(self.text)
        if self.text and not self.expires_at:
            raise ValidationError(
                {
                    "expires_at": _(
                        "Say until when the banner shows (for example in 3 hours)."
                    )
                }
            )

    def is_shown(self, now) -> bool:
        return bool(self.text and self.expires_at and now < self.expires_at)

    @property
    def url(self) -> str:
        """The linked story's permanent address (no query: articles live at /news/<id>)."""
        return (
            reverse("articles:permalink", args=[self.link_id]) if self.link_id else ""
        )

    CACHE_KEY = "sinmun:breaking-news:{site_id}:v1"


class JobLease(models.Model):
    """Who is running a periodic job (such as publish_scheduled), until when, and when it
    last started.

    Two schedulers (two servers, or a cron run overlapping the previous one) never run the
    same job at once, nor more than once per interval: a run starts only if it takes the
    lease in one conditional UPDATE. The holder renews `expires_at` while the job runs
    (sinmun/core/scheduler.py), so a killed holder's lease ends within seconds.
    """

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    holder = models.CharField(_("holder"), max_length=200, blank=True)
    expires_at = models.DateTimeField(_("held until"))
    last_started_at = models.DateTimeField(_("last started"), null=True, blank=True)
    last_holder = models.CharField(_("last started by"), max_length=200, blank=True)
    last_finished_at = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("job lease")
        verbose_name_plural = _("job leases")

    def __str__(self):
        return self.name
