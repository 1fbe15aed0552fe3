namespace Timeline.Core.Events;

/// <summary>
/// Relevance of stories and sentences to the site's topic, from two signals: the density of the topic's terms
/// in the story, and the similarity of the story's TF-IDF vector to the centroid of all the other stories (the
/// corpus's dominant vocabulary). Both are judged relative to the corpus median, so no topic names are built in:
/// a story far below the median on both is off-topic.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class TopicRelevance
{
    /// <summary>Fewer stories than this and the corpus says too little about itself: nothing is judged off-topic.</summary>
    public const int MinStoriesForJudgement = 3;

    /// <summary>Relevance (0..1) per story id; <paramref name="offTopic"/> receives the ids judged off-topic.</summary>
    public static Dictionary<string, double> Score(IReadOnlyList<StoryEvents> stories, string topic, out HashSet<string> offTopic)
    {
        ArgumentNullException.ThrowIfNull(stories);
        offTopic = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var topicTerms = Terms.Of(topic ?? "").Distinct(StringComparer.Ordinal).ToList();
        var withText = stories.Where(s => s.Terms.Count > 0).ToList();
        if (withText.Count == 0)
        {
            return result;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (StoryEvents s in withText)
        {
            foreach (string t in s.Terms.Distinct(StringComparer.Ordinal))
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        foreach (string t in df.Keys.Order(StringComparer.Ordinal))
        {
            ids[t] = ids.Count;
        }

        int n = withText.Count;
        var vectors = withText.Select(s =>
        {
            var w = new Dictionary<int, double>();
            foreach (string t in s.Terms)
            {
                w[ids[t]] = w.GetValueOrDefault(ids[t]) + (Math.Log((n + 1.0) / (df[t] + 1.0)) + 1.0);
            }

            return SparseVector.From(w);
        }).ToList();
        SparseVector centroid = SparseVector.Centroid(vectors);
        var similarity = new double[n];
        var density = new double[n];
        for (int i = 0; i < n; i++)
        {
            SparseVector others = vectors[i].Norm > 0 ? centroid.Add(vectors[i], -1.0 / vectors[i].Norm) : centroid;
            similarity[i] = n > 1 ? vectors[i].Cosine(others) : 1;
            density[i] = topicTerms.Count == 0 ? 0 : withText[i].Terms.Count(t => topicTerms.Any(q => Terms.SharesStem(t, q))) / (double)withText[i].Terms.Count;
        }

        double medSim = Median(similarity);
        double medDensity = Median(density);
        for (int i = 0; i < n; i++)
        {
            double relSim = medSim > 0 ? Math.Min(1, similarity[i] / medSim) : 1;
            double relDensity = medDensity > 0 ? Math.Min(1, density[i] / medDensity) : (topicTerms.Count == 0 ? 1 : 0);
            result[withText[i].StoryId] = Math.Round(topicTerms.Count == 0 ? relSim : (relSim + relDensity) / 2, 4);
            if (n < MinStoriesForJudgement)
            {
                continue;
            }

            bool far = topicTerms.Count > 0
                ? relDensity < 0.3 && relSim < 0.6
                : relSim < 0.35;
            if (far)
            {
                offTopic.Add(withText[i].StoryId);
            }
        }

        return result;
    }

    /// <summary>The share of the topic's terms that <paramref name="sentence"/> contains (1 when there is no topic).</summary>
    public static double SentenceOverlap(string sentence, string topic)
    {
        var topicTerms = Terms.Of(topic ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (topicTerms.Count == 0)
        {
            return 1;
        }

        var terms = Terms.Of(sentence ?? "");
        return topicTerms.Count(q => terms.Any(t => Terms.SharesStem(t, q))) / (double)topicTerms.Count;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
