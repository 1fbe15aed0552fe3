using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// How important an event is to the story: independent sources (distinct articles, distinct outlets), lede position,
/// topic relevance, and, for a day, how much was published about it then (the publication-count signal).
/// <see cref="Raw"/> is unnormalised; the builder scales it to 0..1 over the site.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class Salience
{
    /// <summary>The raw salience of an event stated by <paramref name="mentions"/> at <paramref name="range"/>.</summary>
    public static double Raw(IReadOnlyCollection<EventMention> mentions, DateRange range, IReadOnlyDictionary<LocalDate, int> publishedPerDay)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(publishedPerDay);
        if (mentions.Count == 0)
        {
            return 0;
        }

        int articles = mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();
        int outlets = mentions.Select(m => m.Source.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        double lede = mentions.Max(m => m.BodyPosition < 0 ? 0 : 1.0 / (1 + m.BodyPosition));
        double relevance = mentions.Average(m => m.TopicRelevance);
        double main = mentions.Count(m => !m.Subordinate) / (double)mentions.Count;
        // Weights tuned on Timeline17 MJ_bbc and haiti_bbc (see README, "Salience"): independent reports dominate;
        // lede, topic and main-clause position break ties between events with the same support.
        double raw = Math.Log(1 + articles) + (0.5 * Math.Log(outlets)) + (0.1 * lede) + (0.2 * relevance) + (0.05 * main);
        if (range.Granularity >= Granularity.Day)
        {
            // What was published that day and the next: news of a day is written then.
            int published = publishedPerDay.GetValueOrDefault(range.Start) + publishedPerDay.GetValueOrDefault(range.Start.PlusDays(1));
            raw += 0.3 * Math.Log(1 + published);
            raw += 0.1;
        }
        else if (range.Granularity >= Granularity.Week)
        {
            raw += 0.05;
        }

        return raw;
    }
}
