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

        // One pass per story: term counts; then document frequencies, TF-IDF vectors and topic-term density from them.
        var counts = withText.Select(s =>
        {
            var c = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string t in s.Terms)
            {
                c[t] = c.GetValueOrDefault(t) + 1;
            }

            return c;
        }).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Dictionary<string, int> c in counts)
        {
            foreach (string t in c.Keys)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var isTopic = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (string t in df.Keys.Order(StringComparer.Ordinal))
        {
            ids[t] = ids.Count;
            isTopic[t] = topicTerms.Any(q => Terms.SharesStem(t, q));
        }

        int n = withText.Count;
        var vectors = counts.Select(c => SparseVector.From(c.Select(kv =>
            new KeyValuePair<int, double>(ids[kv.Key], kv.Value * (Math.Log((n + 1.0) / (df[kv.Key] + 1.0)) + 1.0))))).ToList();

        // Leave-one-out similarity to the centroid C of the unit story vectors, without building C - v/|v| per story:
        // cos(v, C - u) = (v·C - |v|) / (|v| |C - u|), with |C - u|² = |C|² - 2 C·u + 1 and u = v/|v|.
        var centroid = new Dictionary<int, double>();
        foreach (SparseVector v in vectors.Where(v => v.Norm > 0))
        {
            foreach ((int id, double w) in v.Entries)
            {
                centroid[id] = centroid.GetValueOrDefault(id) + (w / v.Norm);
            }
        }

        double centroidSquares = centroid.Values.Sum(x => x * x);
        var similarity = new double[n];
        var density = new double[n];
        for (int i = 0; i < n; i++)
        {
            SparseVector v = vectors[i];
            if (n > 1 && v.Norm > 0)
            {
                double dot = v.Entries.Sum(e => e.Weight * centroid[e.Id]);
                double restSquares = Math.Max(1e-12, centroidSquares - (2 * dot / v.Norm) + 1);
                similarity[i] = Math.Max(0, (dot - v.Norm) / (v.Norm * Math.Sqrt(restSquares)));
            }
            else
            {
                similarity[i] = 1;
            }

            density[i] = topicTerms.Count == 0 ? 0 : counts[i].Where(kv => isTopic[kv.Key]).Sum(kv => kv.Value) / (double)withText[i].Terms.Count;
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
    public static double SentenceOverlap(string sentence, string topic) =>
        SentenceOverlap(Terms.Of(sentence ?? ""), Terms.Of(topic ?? "").Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The share of <paramref name="topicTerms"/> that the sentence's terms contain (1 when there are none).</summary>
    public static double SentenceOverlap(IReadOnlyList<string> sentenceTerms, IReadOnlyList<string> topicTerms)
    {
        ArgumentNullException.ThrowIfNull(sentenceTerms);
        ArgumentNullException.ThrowIfNull(topicTerms);
        return topicTerms.Count == 0 ? 1 : topicTerms.Count(q => sentenceTerms.Any(t => Terms.SharesStem(t, q))) / (double)topicTerms.Count;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
