"""How much of each demo article page a text extractor takes for the article: `make bench-extraction`.

Runs trafilatura (what many crawlers and reader modes do) on every demo article page and
compares, character by character (longest common subsequence, whitespace ignored), what it
extracted with the stored body text. Precision: how much of the extraction is the body;
recall: how much of the body was extracted.
"""

import sys

from bench.run import load_demo_paper


def main() -> int:
    load_demo_paper()
    import trafilatura
    from django.test import Client

    from sinmun.articles.models import ArticlePage
    from sinmun.syndication.tests.test_extraction import lcs_length, squeeze

    client = Client()
    matched = extracted_total = expected_total = 0
    articles = list(ArticlePage.objects.live())
    for article in articles:
        html = client.get(article.url).content.decode()
        extracted = squeeze(trafilatura.extract(html, include_comments=False) or "")
        expected = squeeze(article.body_text)
        matched += lcs_length(extracted, expected)
        extracted_total += len(extracted)
        expected_total += len(expected)
    precision, recall = matched / extracted_total, matched / expected_total
    print(
        f"{len(articles)} demo articles: precision {precision:.4f}, recall {recall:.4f}"
    )
    return 0 if precision >= 0.98 and recall >= 0.98 else 1


if __name__ == "__main__":
    sys.exit(main())
