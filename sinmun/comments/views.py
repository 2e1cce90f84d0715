"""The comment thread (public, cacheable, loaded apart from the story) and the reader's forms.

The story's own page stays the same for everyone: its thread is fetched from `list` by
comments.js, or opened at `thread` without JavaScript. Both are public and carry the story's
comment key (`k<id>`), which every change to its comments purges. Writing, reporting and
signing in are private pages with a session and a CSRF cookie.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from sinmun.articles import selectors as article_selectors
from sinmun.articles.views import _client_address as client_address
from sinmun.comments import forms, selectors, services
from sinmun.comments.accounts import is_newsroom
from sinmun.comments.models import Comment, CommentStatus
from sinmun.core import cache, edge


def _article(article_id: int):
    article = article_selectors.published_article(article_id)
    if article is None:
        raise Http404
    return article


def _public(response, article_id: int):
    return cache.make_public(response, edge.comments(article_id))


@require_safe
def thread(request, article_id: int):
    """The thread as a page of its own, for readers without JavaScript."""
    article = _article(article_id)
    context = {"article": article, **selectors.thread(article=article)}
    return _public(render(request, "comments/thread_page.html", context), article_id)


@require_safe
def thread_list(request, article_id: int):
    """The thread alone, for comments.js to put under the story."""
    article = _article(article_id)
    context = {"article": article, **selectors.thread(article=article)}
    return _public(
        render(request, "comments/components/thread.html", context), article_id
    )


def _private(response):
    return cache.make_private(response)


def _refuse_newsroom(request, article):
    return _private(
        render(
            request,
            "comments/refused.html",
            {
                "article": article,
                "message": _(
                    "You are signed in with a newsroom account. Sign out and sign in "
                    "as a reader to comment."
                ),
            },
            status=403,
        )
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def write(request, article_id: int):
    """Write a comment or a reply (?parent=<id>) on a story."""
    article = _article(article_id)
    if is_newsroom(request.user):
        return _refuse_newsroom(request, article)
    parent = None
    parent_id = request.POST.get("parent") or request.GET.get("parent")
    if parent_id and str(parent_id).isdigit():
        parent = Comment.objects.filter(pk=parent_id, article_id=article.pk).first()
    context = {
        "article": article,
        "parent": parent,
        "is_closed": selectors.is_closed(article.pk),
    }
    if request.method != "POST":
        form = forms.CommentForm(
            initial={
                "author_name": selectors.last_name_used(request.user),
                "parent": parent.pk if parent else None,
            }
        )
        return _private(
            render(request, "comments/write.html", {**context, "form": form})
        )
    form = forms.CommentForm(request.POST)
    if not form.is_valid():
        return _private(
            render(
                request, "comments/write.html", {**context, "form": form}, status=400
            )
        )
    try:
        comment = services.post_comment(
            article=article,
            reader=request.user,
            author_name=form.cleaned_data["author_name"],
            text=form.cleaned_data["text"],
            parent=parent,
            address=client_address(request),
        )
    except services.CommentRefused as refusal:
        return _private(
            render(
                request,
                "comments/write.html",
                {**context, "form": form, "problem": refusal.message},
                status=refusal.status,
            )
        )
    return redirect("comments:posted", comment_id=comment.pk)


@login_required
@require_safe
def posted(request, comment_id: int):
    """Tell the reader whether their comment is shown or waits for review."""
    comment = get_object_or_404(
        Comment.objects.select_related("article"), pk=comment_id, reader=request.user
    )
    return _private(
        render(
            request,
            "comments/posted.html",
            {
                "comment": comment,
                "article": comment.article,
                "is_shown": comment.status == CommentStatus.APPROVED,
            },
        )
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report(request, comment_id: int):
    """신고: ask, then record one report by this reader."""
    comment = get_object_or_404(
        Comment.objects.select_related("article"),
        pk=comment_id,
        status=CommentStatus.APPROVED,
    )
    if is_newsroom(request.user):
        return _refuse_newsroom(request, comment.article)
    done = None
    if request.method == "POST":
        done = services.report_comment(comment=comment, reader=request.user)
    return _private(
        render(
            request,
            "comments/report.html",
            {
                "comment": comment,
                "article": comment.article,
                "done": done,
            },
        )
    )
