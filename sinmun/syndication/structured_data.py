"""What an article page tells machines in its <head>: NewsArticle JSON-LD and Open Graph."""

import json

from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from sinmun.articles import selectors as article_selectors
from sinmun.core.text import cut_preview
from sinmun.syndication.text import one_line

# 16:9, 4:3 and 1:1 crops, each far above Google's 50,000-pixel minimum.
IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
FALLBACK_LOGO = "syndication/logo.png"

_JSON_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_ld(data) -> SafeString:
    """Return `data` as JSON that cannot end a <script> element or break a JS parser."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_JSON_ESCAPES))


def iso(moment) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def _renditions(image) -> list:
    """Return the three crops, from renditions article_parts() prefetched."""
    if image is None:
        return []
    found = []
    for spec in IMAGE_SPECS:
        try:
            found.append(image.get_rendition(spec))
        except (OSError, ValueError):  # a missing source file must not break the page
            continue
    return found


def logo_url(request, paper) -> str:
    if paper.logo is not None:
        try:
            return request.build_absolute_uri(paper.logo.get_rendition("height-60").url)
        except (OSError, ValueError):
            pass
    return request.build_absolute_uri(static(FALLBACK_LOGO))


# The renditions the body's templates draw (blocks/gallery_block.html, video_block.html),
# so structured data names files that exist and were prefetched with the page.
GALLERY_SPEC = "width-1200|format-jpeg|jpegquality-82"
POSTER_SPEC = "fill-1200x675|format-jpeg|jpegquality-80"
LIVE_PHOTO_SPEC = "width-800|format-jpeg|jpegquality-82"


def _rendition_url(request, image, spec: str) -> str:
    try:
        return request.build_absolute_uri(image.get_rendition(spec).url)
    except (OSError, ValueError):
        return ""


def _gallery(request, block, page) -> dict:
    """Return a gallery block as a schema.org ImageGallery of ImageObjects."""
    photos = []
    for item in block.value["photos"]:
        image = item["image"]
        if image is None:
            continue
        url = _rendition_url(request, image, GALLERY_SPEC)
        if not url:
            continue
        photo = {"@type": "ImageObject", "contentUrl": url, "url": url}
        caption = one_line(item["caption"] or image.caption)
        credit = one_line(item["credit"] or image.credit)
        if caption:
            photo["caption"] = caption
        if credit:
            photo["creditText"] = credit
        photos.append(photo)
    return {
        "@type": "ImageGallery",
        "name": one_line(block.value["title"]) or one_line(page.title),
        "associatedMedia": photos,
    }


def _video(request, block, page) -> dict | None:
    """Return a video block as a schema.org VideoObject (Google's video rich results)."""
    value = block.value
    player = value.player
    if player is None or value["poster"] is None:
        return None
    uploaded = value["uploaded_on"]
    data = {
        "@type": "VideoObject",
        "name": one_line(value["title"]),
        "description": one_line(value["description"]) or one_line(value["title"]),
        "thumbnailUrl": [_rendition_url(request, value["poster"], POSTER_SPEC)],
        "uploadDate": uploaded.isoformat()
        if uploaded
        else iso(page.first_published_at),
    }
    if player.is_file:
        data["contentUrl"] = player.file_url
    else:
        data["embedUrl"] = player.embed_url.split("?")[0]
    if value.duration:
        data["duration"] = value.duration
    return data


def body_media(*, request, page) -> dict:
    """Return the body's galleries and videos as structured data, by property."""
    galleries, videos = [], []
    for block in page.body:
        if block.block_type == "gallery":
            galleries.append(_gallery(request, block, page))
        elif block.block_type == "video" and (found := _video(request, block, page)):
            videos.append(found)
    media = {}
    if galleries:
        media["hasPart"] = galleries
    if videos:
        media["video"] = videos
    return media


def live_blog(*, request, page, url: str) -> dict:
    """Return what makes a live story a schema.org LiveBlogPosting: its coverage and updates."""
    updates = []
    for update in article_selectors.live_updates(article=page):
        text = one_line(update.text)
        entry = {
            "@type": "BlogPosting",
            "@id": f"{url}#{update.anchor}",
            "url": f"{url}#{update.anchor}",
            "headline": cut_preview(text, 100),
            "articleBody": text,
            "datePublished": iso(update.published_at),
            "dateModified": iso(update.updated_at),
            "author": {
                "@type": "Person",
                "name": one_line(update.reporter.name),
                "url": request.build_absolute_uri(update.reporter.get_absolute_url()),
            },
        }
        if update.photo and (
            photo := _rendition_url(request, update.photo, LIVE_PHOTO_SPEC)
        ):
            entry["image"] = photo
        updates.append(entry)
    data = {
        "@type": "LiveBlogPosting",
        "coverageStartTime": iso(page.first_published_at),
        "liveBlogUpdate": updates,
    }
    if page.live_ended_at:
        data["coverageEndTime"] = iso(page.live_ended_at)
    return data


def article_head(*, request, page, paper, section) -> dict:
    """Return the context of the article page's <head> metadata."""
    parts = article_selectors.article_parts(article=page)
    bylines = parts["bylines"]
    tags = [one_line(t.name) for t in parts["article_tags"]]
    url = page.get_full_url(request)
    images = [request.build_absolute_uri(r.url) for r in _renditions(page.lead_image)]
    description = (
        one_line(page.summary or page.search_description)
        or one_line(page.body_text)[:150]
    )
    authors = [
        {
            "@type": "Person",
            "name": one_line(b.reporter.name),
            "url": request.build_absolute_uri(b.reporter.get_absolute_url()),
        }
        for b in bylines
    ]
    if not authors and page.columnist:
        authors = [
            {
                "@type": "Person",
                "name": one_line(page.columnist.name),
                "url": request.build_absolute_uri(page.columnist.get_absolute_url()),
            }
        ]
    headline = one_line(page.title)
    section_title = one_line(section.title) if section else ""
    published = iso(page.first_published_at)
    modified = iso(page.last_published_at or page.first_published_at)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "description": description,
        "image": images,
        "datePublished": published,
        "dateModified": modified,
        "author": authors,
        "publisher": {
            "@type": "Organization",
            "name": one_line(paper.name),
            "url": request.build_absolute_uri("/"),
            "logo": {"@type": "ImageObject", "url": logo_url(request, paper)},
        },
        "isAccessibleForFree": True,
        "inLanguage": "ko",
    }
    data.update(body_media(request=request, page=page))
    if page.is_live:
        data.update(live_blog(request=request, page=page, url=url))
        # Same offset (+09:00) everywhere, so the strings sort as the times do.
        data["dateModified"] = max(
            [modified, *(u["dateModified"] for u in data["liveBlogUpdate"])]
        )
    if page.is_sponsored:
        # schema.org: AdvertiserContentArticle is "an article that an external entity has
        # paid to place or to produce to its specifications"; a 협찬 story stays news but
        # names who paid for it.
        if page.is_advertorial:
            data["@type"] = "AdvertiserContentArticle"
        data["sponsor"] = {"@type": "Organization", "name": one_line(page.sponsor)}
    if section_title:
        data["articleSection"] = section_title
    if tags:
        data["keywords"] = tags
    return {
        "canonical": url,
        # What search results show under the headline (the page's own <meta>).
        "meta_description": cut_preview(
            page.search_description or page.teaser_source, 150
        ),
        "json_ld": json_ld(data),
        "og_title": headline,
        "og_description": description,
        "og_url": url,
        "og_image": images[0] if images else logo_url(request, paper),
        "site_name": one_line(paper.name),
        "published": published,
        "modified": modified,
        "section_title": section_title,
        "tags": tags,
        "author_urls": [a["url"] for a in authors],
        "author_names": [a["name"] for a in authors],
    }
