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
    /// <summary>How many independent outlets the mentions come from (outlet names compared without case).</summary>
    public static int Outlets(IEnumerable<EventMention> mentions) =>
        mentions.Select(m => m.Source.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>An article published this many days after an event's day at most may have it as its news peg.</summary>
    public const int PegDays = 2;

    /// <summary>Articles published on an event's day or this many days after make its burst.</summary>
    public const int BurstDays = 2;

    /// <summary>The raw salience of an event stated by <paramref name="mentions"/> at <paramref name="range"/>.</summary>
    public static double Raw(IReadOnlyCollection<EventMention> mentions, DateRange range, IReadOnlyDictionary<LocalDate, int> publishedPerDay) =>
        Raw(mentions, range, publishedPerDay, default);

    /// <summary>
    /// The raw salience with the signals only the whole site shows: how many articles have the event as their news
    /// (lede or title, published just after) and how many articles published just after state it (the burst).
    /// </summary>
    public static double Raw(IReadOnlyCollection<EventMention> mentions, DateRange range, IReadOnlyDictionary<LocalDate, int> publishedPerDay, SalienceSignals signals)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(publishedPerDay);
        if (mentions.Count == 0)
        {
            return 0;
        }

        int articles = mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();
        int outlets = Outlets(mentions);
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

        // The news of an article: a single report that is an article's lead story outranks a detail many mention.
        raw += signals.Pegs > 0 ? PegWeight + (0.2 * Math.Log(signals.Pegs)) : 0;
        raw += BurstWeight * Math.Log(1 + signals.Burst);

        // The story's latest development: only the newest articles can report it, so their news peg counts as the report
        // the articles not yet written would have made (one more independent source and one more peg).
        if (signals.Latest > 0)
        {
            raw += Math.Log(1 + articles + signals.Latest) - Math.Log(1 + articles);
            raw += 0.2 * (Math.Log(signals.Pegs + signals.Latest) - Math.Log(Math.Max(1, signals.Pegs)));
        }

        // Background (long before the story's own span): context, kept but ranked below the story's events.
        return signals.Background ? raw * BackgroundFactor : raw;
    }

    /// <summary>Days before the story's span (see <see cref="SalienceSignals.Background"/>) that still belong to the story.</summary>
    public const int BackgroundDays = 30;

    /// <summary>Share of its raw salience a background event keeps.</summary>
    public const double BackgroundFactor = 0.5;

    // Tuned with the cluster tests and Timeline17 MJ_bbc / haiti_bbc: more peg weight loses MJ dates, less loses single-report key events.
    private const double PegWeight = 0.4;

    private const double BurstWeight = 0.2;
}

/// <summary>Site-wide salience signals of one event (see <see cref="Salience.Raw(IReadOnlyCollection{EventMention}, DateRange, IReadOnlyDictionary{LocalDate, int}, SalienceSignals)"/>).</summary>
/// <param name="Pegs">Distinct articles whose news the event is: stated in the lede or with the title's words, published on the day or just after.</param>
/// <param name="Burst">Distinct articles published on the event's day or just after that state it.</param>
/// <param name="Latest">Distinct articles of the story's newest publication day whose news peg the event is (the story's latest development).</param>
/// <param name="Background">
/// Whether the event ended more than <see cref="Salience.BackgroundDays"/> before the story's span (its publication dates) began and is not the
/// story itself: background history, never a key event.
/// </param>
public readonly record struct SalienceSignals(int Pegs, int Burst, int Latest = 0, bool Background = false);
