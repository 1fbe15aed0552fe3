using System.Globalization;
using System.Runtime.CompilerServices;

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

    /// <summary>
    /// Each story's distinct terms (as <see cref="Terms.Number"/>s, in order of first occurrence) with their counts, kept with
    /// its list of terms: a rebuild whose stories come from the article cache counts only a new article's terms.
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, StoryTerms> Counted = new();

    /// <summary>Relevance (0..1) per story id; <paramref name="offTopic"/> receives the ids judged off-topic.</summary>
    public static Dictionary<string, double> Score(IReadOnlyList<StoryEvents> stories, string topic, out HashSet<string> offTopic)
    {
        ArgumentNullException.ThrowIfNull(stories);
        offTopic = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var topicTerms = Terms.Of(topic ?? "").Distinct(StringComparer.Ordinal).ToList();
        var withText = new List<StoryEvents>(stories.Count);
        foreach (StoryEvents s in stories)
        {
            if (s.Terms.Count > 0)
            {
                withText.Add(s);
            }
        }

        if (withText.Count == 0)
        {
            return result;
        }

        // Each story's distinct terms with their counts (kept with its terms list across builds; new stories counted on all
        // cores), then one pass that gives each distinct term a provisional id (first seen first) and each story its
        // entries storyStart[i]..storyStart[i+1] of termOf/countOf.
        int n = withText.Count;
        var counted = new StoryTerms[n];
        EventBuilder.ForEachIndex(n, i => counted[i] = Counted.GetValue(withText[i].Terms, StoryTerms.Of));
        var storyStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            storyStart[i + 1] = storyStart[i] + counted[i].Numbers.Length;
        }

        int entries = storyStart[n];
        var provisionalOf = new int[1024];
        Array.Fill(provisionalOf, -1);
        var numbers = new List<int>();
        int[] termOf = new int[entries];
        for (int i = 0; i < n; i++)
        {
            int[] storyNumbers = counted[i].Numbers;
            int from = storyStart[i];
            for (int k = 0; k < storyNumbers.Length; k++)
            {
                int number = storyNumbers[k];
                if (number >= provisionalOf.Length)
                {
                    int[] grown = new int[Math.Max(number + 1, provisionalOf.Length * 2)];
                    Array.Fill(grown, -1);
                    provisionalOf.CopyTo(grown, 0);
                    provisionalOf = grown;
                }

                if (provisionalOf[number] < 0)
                {
                    provisionalOf[number] = numbers.Count;
                    numbers.Add(number);
                }

                termOf[from + k] = provisionalOf[number];
            }
        }

        // Final ids in ordinal order of the terms (sums over a vector run in it), document frequencies, topic terms.
        int vocabulary = numbers.Count;
        string[] byProvisional = new string[vocabulary];
        for (int p = 0; p < vocabulary; p++)
        {
            byProvisional[p] = Terms.NumberedTerm(numbers[p]);
        }

        int[] order = new int[vocabulary];
        for (int p = 0; p < vocabulary; p++)
        {
            order[p] = p;
        }

        string[] sortedTerms = (string[])byProvisional.Clone();
        Array.Sort(sortedTerms, order, StringComparer.Ordinal);
        int[] idOf = new int[vocabulary];
        for (int id = 0; id < vocabulary; id++)
        {
            idOf[order[id]] = id;
        }

        int[] df = new int[vocabulary];
        foreach (int p in termOf)
        {
            df[idOf[p]]++;
        }

        bool[] isTopic = new bool[vocabulary];
        double[] idf = new double[vocabulary];
        for (int id = 0; id < vocabulary; id++)
        {
            foreach (string q in topicTerms)
            {
                if (Terms.SharesStem(sortedTerms[id], q))
                {
                    isTopic[id] = true;
                    break;
                }
            }

            idf[id] = Math.Log((n + 1.0) / (df[id] + 1.0)) + 1.0;
        }

        // TF-IDF vectors as one flat array, per story on all cores: a story's terms are in ordinal order, so its ids ascend
        // (id order, as the sums run) with no sort; its norm is summed in id order.
        int[] ids = new int[entries];
        double[] weights = new double[entries];
        int[] topicCount = new int[n];
        double[] norms = new double[n];
        EventBuilder.ForEachIndex(n, i =>
        {
            int from = storyStart[i], to = storyStart[i + 1];
            int[] counts = counted[i].Counts;
            double squares = 0;
            int topic = 0;
            for (int e = from; e < to; e++)
            {
                int id = idOf[termOf[e]];
                int count = counts[e - from];
                double w = count * idf[id];
                ids[e] = id;
                weights[e] = w;
                if (isTopic[id])
                {
                    topic += count;
                }
            }

            for (int e = from; e < to; e++)
            {
                squares += weights[e] * weights[e];
            }

            topicCount[i] = topic;
            norms[i] = Math.Sqrt(squares);
        });

        // Leave-one-out similarity to the centroid C of the unit story vectors, without building C - v/|v| per story:
        // cos(v, C - u) = (v·C - |v|) / (|v| |C - u|), with |C - u|² = |C|² - 2 C·u + 1 and u = v/|v|.
        // |C|² is summed in the order the terms first occur (stories in order, each in id order).
        double[] centroid = new double[vocabulary];
        bool[] seen = new bool[vocabulary];
        int[] firstSeen = new int[vocabulary];
        int seenCount = 0;
        for (int i = 0; i < n; i++)
        {
            double norm = norms[i];
            if (norm <= 0)
            {
                continue;
            }

            for (int e = storyStart[i]; e < storyStart[i + 1]; e++)
            {
                int id = ids[e];
                centroid[id] += weights[e] / norm;
                if (!seen[id])
                {
                    seen[id] = true;
                    firstSeen[seenCount++] = id;
                }
            }
        }

        double centroidSquares = 0;
        for (int k = 0; k < seenCount; k++)
        {
            double x = centroid[firstSeen[k]];
            centroidSquares += x * x;
        }

        var similarity = new double[n];
        var density = new double[n];
        EventBuilder.ForEachIndex(n, i =>
        {
            double norm = norms[i];
            if (n > 1 && norm > 0)
            {
                double dot = 0;
                for (int e = storyStart[i]; e < storyStart[i + 1]; e++)
                {
                    dot += weights[e] * centroid[ids[e]];
                }

                double restSquares = Math.Max(1e-12, centroidSquares - (2 * dot / norm) + 1);
                similarity[i] = Math.Max(0, (dot - norm) / (norm * Math.Sqrt(restSquares)));
            }
            else
            {
                similarity[i] = 1;
            }

            density[i] = topicTerms.Count == 0 ? 0 : topicCount[i] / (double)withText[i].Terms.Count;
        });

        HashSet<string> topicNames = NamesOf(topic ?? "");
        double medSim = Median(similarity);
        double medDensity = Median(density);
        double medLength = Median([.. withText.Select(s => (double)s.Terms.Count)]);
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
                ? relDensity < SparseDensity && relSim < FarSimilarity
                : relSim < 0.35;
            if (!far && topicTerms.Count > 0 && relDensity < SparseDensity && withText[i].Terms.Count >= LongStoryFactor * medLength)
            {
                // A very long story shares some vocabulary with any centroid (a week of radio listings that names the topic once
                // reaches 0.85 of the median similarity): judged by its parts, each as long as a median story.
                int from = storyStart[i], to = storyStart[i + 1];
                far = NearPartShare(
                    withText[i].Terms, (int)medLength, t => idOf[provisionalOf[Terms.Number(t)]], isTopic, idf, centroid, centroidSquares,
                    ids.AsSpan(from, to - from), weights.AsSpan(from, to - from), norms[i], medSim, medDensity) < MinNearPartShare;
            }

            far |= IsSecondStory(withText[i].StoryId)
                && ((topicNames.Count > 0 && !NamesAny(withText[i].Terms, topicNames)) || relSim < SecondStoryMinSimilarity);
            if (far)
            {
                offTopic.Add(withText[i].StoryId);
            }
        }

        return result;
    }

    /// <summary>A story with at least this many times the median story's terms, sparse in topic terms, is judged by its parts (see <see cref="NearPartShare"/>).</summary>
    internal const double LongStoryFactor = 4;

    /// <summary>A story (or a part of a long one) whose density of topic terms is below this share of the median, and…</summary>
    internal const double SparseDensity = 0.3;

    /// <summary>…whose similarity to the rest of the corpus is below this share of the median, is far from the topic.</summary>
    internal const double FarSimilarity = 0.6;

    /// <summary>
    /// A long, topic-sparse story is off topic when fewer than this share of its parts are near the topic. A week of radio listings
    /// that names the topic in passing has one part in thirty or fewer near it; a long live blog of the topic about one part in two.
    /// </summary>
    internal const double MinNearPartShare = 0.25;

    /// <summary>
    /// The share of the parts of a long story (each <paramref name="partLength"/> terms in text order, a short tail joining the
    /// last part) that are near the topic by the bar of a whole story: topic-term density at least <see cref="SparseDensity"/> of the
    /// median, or similarity to the corpus centroid (leaving the story out) at least <see cref="FarSimilarity"/> of the median.
    /// Length inflates a cosine with a centroid (a long text touches every common term); a part is as long as a median story, so
    /// its figures compare with theirs.
    /// </summary>
    private static double NearPartShare(
        IReadOnlyList<string> terms, int partLength, Func<string, int> idOf, bool[] isTopic, double[] idf, double[] centroid,
        double centroidSquares, ReadOnlySpan<int> storyIds, ReadOnlySpan<double> storyWeights, double storyNorm, double medSim, double medDensity)
    {
        partLength = Math.Max(partLength, MinPartLength);
        var own = new Dictionary<int, double>(storyIds.Length);
        double storyDot = 0;
        for (int e = 0; e < storyIds.Length; e++)
        {
            own[storyIds[e]] = storyWeights[e] / storyNorm;
            storyDot += storyWeights[e] * centroid[storyIds[e]];
        }

        double rest = Math.Sqrt(Math.Max(1e-12, centroidSquares - (2 * storyDot / storyNorm) + 1));
        var counts = new SortedDictionary<int, int>();
        int parts = Math.Max(1, terms.Count / partLength);
        int near = 0;
        for (int p = 0; p < parts; p++)
        {
            counts.Clear();
            int start = p * partLength, end = p == parts - 1 ? terms.Count : start + partLength;
            int topicHits = 0;
            for (int t = start; t < end; t++)
            {
                int id = idOf(terms[t]);
                counts[id] = counts.GetValueOrDefault(id) + 1;
                topicHits += isTopic[id] ? 1 : 0;
            }

            double squares = 0, dot = 0;
            foreach ((int id, int count) in counts)
            {
                double w = count * idf[id];
                squares += w * w;
                dot += w * (centroid[id] - own[id]);
            }

            double similarity = squares > 0 ? Math.Max(0, dot / (Math.Sqrt(squares) * rest)) : 0;
            double density = topicHits / (double)(end - start);
            if (density >= SparseDensity * medDensity || similarity >= FarSimilarity * medSim)
            {
                near++;
            }
        }

        return near / (double)parts;
    }

    /// <summary>Parts are never shorter than this many terms, whatever the median story.</summary>
    private const int MinPartLength = 20;

    /// <summary>
    /// The terms of the names in <paramref name="topic"/>: its capitalised words (a stop word such as "The" has none), other than month and
    /// weekday names ("The November 2023 OpenAI board crisis, from Sam Altman's firing…" → openai, sam, altman).
    /// </summary>
    internal static HashSet<string> NamesOf(string topic)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string[] words = topic.Split([' ', ',', ';', ':', '(', ')', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
        for (int w = 0; w < words.Length; w++)
        {
            if (words[w].Length >= 3 && char.IsUpper(words[w][0]) && !CalendarWords.Contains(words[w].TrimEnd('.', '\'', '’', 's')))
            {
                names.UnionWith(Terms.Of(words[w]));
            }
        }

        return names;
    }

    /// <summary>
    /// A second or later story of a file whose similarity to the corpus is below this share of the median is off topic even
    /// when it names some of the topic's names: a box of business news beside a story on Korea ("record tourist arrivals, South
    /// Koreans the largest group") shares a country, not the story. A first story is held to the looser bar above.
    /// </summary>
    private const double SecondStoryMinSimilarity = 0.5;

    /// <summary>
    /// A second or later story of a file ("articles/x.txt#1"): what an outlet printed beside the story the editor collected.
    /// One that names none of the topic's names is off topic, however much ordinary vocabulary ("chief executive", "board",
    /// "resigned") it shares with the story.
    /// </summary>
    private static bool IsSecondStory(string storyId) => storyId.Contains('#', StringComparison.Ordinal);

    private static bool NamesAny(IReadOnlyList<string> terms, HashSet<string> names)
    {
        foreach (string term in terms)
        {
            if (names.Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The English month and weekday names, from the invariant culture.</summary>
    private static readonly HashSet<string> CalendarWords = new(
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Concat(CultureInfo.InvariantCulture.DateTimeFormat.DayNames).Where(n => n.Length > 0),
        StringComparer.Ordinal);

    /// <summary>The share of the topic's terms that <paramref name="sentence"/> contains (1 when there is no topic).</summary>
    public static double SentenceOverlap(string sentence, string topic) =>
        SentenceOverlap(Terms.Of(sentence ?? ""), Terms.Of(topic ?? "").Distinct(StringComparer.Ordinal).ToList());

    /// <summary>The share of <paramref name="topicTerms"/> that the sentence's terms contain (1 when there are none).</summary>
    public static double SentenceOverlap(IReadOnlyList<string> sentenceTerms, IReadOnlyList<string> topicTerms)
    {
        ArgumentNullException.ThrowIfNull(sentenceTerms);
        ArgumentNullException.ThrowIfNull(topicTerms);
        if (topicTerms.Count == 0)
        {
            return 1;
        }

        int found = 0;
        for (int q = 0; q < topicTerms.Count; q++)
        {
            for (int t = 0; t < sentenceTerms.Count; t++)
            {
                if (Terms.SharesStem(sentenceTerms[t], topicTerms[q]))
                {
                    found++;
                    break;
                }
            }
        }

        return found / (double)topicTerms.Count;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// A story's distinct terms in ordinal order of the terms (the order of the ids <see cref="Score"/> gives them, whatever
    /// the other stories hold), as numbers, and how often each occurs.
    /// </summary>
    private sealed class StoryTerms(int[] numbers, int[] counts)
    {
        public int[] Numbers { get; } = numbers;

        public int[] Counts { get; } = counts;

        public static StoryTerms Of(IReadOnlyList<string> terms)
        {
            var at = new Dictionary<string, int>(StringComparer.Ordinal);
            var distinct = new List<string>();
            var counts = new List<int>();
            foreach (string t in terms)
            {
                if (at.TryGetValue(t, out int k))
                {
                    counts[k]++;
                }
                else
                {
                    at[t] = distinct.Count;
                    distinct.Add(t);
                    counts.Add(1);
                }
            }

            string[] sorted = [.. distinct];
            int[] sortedCounts = [.. counts];
            Array.Sort(sorted, sortedCounts, StringComparer.Ordinal);
            return new StoryTerms(Array.ConvertAll(sorted, Terms.Number), sortedCounts);
        }
    }
}
