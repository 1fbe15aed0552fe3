namespace Timeline.Core.Text;

/// <summary>Cleans an article into stories. PROVISIONAL (lead's first cut; ingestion replaces it): one story, one sentence per line.</summary>
public static class ArticleCleaner
{
    public static CleanedArticle Clean(Article article)
    {
        var sentences = new List<Sentence>();
        int pos = 0;
        string text = article.Body;
        while (pos < text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            int end = nl < 0 ? text.Length : nl;
            if (end > pos)
            {
                sentences.Add(new Sentence(pos, end, SentenceKind.Body));
            }

            pos = end + 1;
        }

        return new CleanedArticle(article, [new Story(article.Path, 0, text, sentences, SourceMap.Identity())]);
    }
}
