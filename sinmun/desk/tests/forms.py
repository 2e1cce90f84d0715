"""Submit Wagtail's admin forms as a browser would: every field the page rendered, as rendered."""

from lxml import html as lxml_html


def form_fields(page_html: str, form_id: str = "page-edit-form") -> dict:
    """The fields a browser would submit from the form `form_id`.

    Checkboxes and radios only when checked, the selected option of each select, and no
    buttons (the caller adds the action it clicks, e.g. {"action-publish": ""}).
    """
    document = lxml_html.fromstring(page_html)
    form = document.xpath(f'//form[@id="{form_id}"]')[0]
    data: dict[str, list[str]] = {}
    for element in form.iter("input", "textarea", "select"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            value = element.get("value", "on" if kind in {"checkbox", "radio"} else "")
        elif element.tag == "textarea":
            value = element.text or ""
        else:
            selected = [
                o for o in element.iter("option") if o.get("selected") is not None
            ]
            if element.get("multiple") is not None:
                for option in selected:
                    data.setdefault(name, []).append(option.get("value", option.text))
                continue
            option = selected[0] if selected else next(element.iter("option"), None)
            if option is None:
                continue
            value = option.get("value", option.text or "")
        data.setdefault(name, []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


def article_edit_data(page_html: str, article) -> dict:
    """The article edit form as submitted: scraped fields plus the body StreamField, which
    Wagtail builds in the browser from JSON (so it is not in the HTML as inputs)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    blocks = [
        (
            block["type"],
            rich_text(block["value"])
            if block["type"] == "paragraph"
            else block["value"],
        )
        for block in article.body.raw_data
    ]
    data = form_fields(page_html)
    data.update(nested_form_data({"body": streamfield(blocks)}))
    return data
