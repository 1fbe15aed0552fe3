using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// One happening inside a timeline entry: a cluster of statements the merge kept apart from the other happenings of the
/// same day, with its own id (what a correction names), headline and citations.
/// </summary>
public sealed record Happening(string Id, string Date, string Headline, bool Key, double Salience, IReadOnlyList<EventMention> Sources);

/// <summary>
/// Gathers the happenings of one day into one timeline entry, the way newsroom timelines and date-wise timeline
/// summarisation (Timeline17, Martschat and Markert 2018) present a story: a date, its main happening as the headline,
/// and what else happened that day beneath it.
/// </summary>
/// <remarks>
/// Why a day and not a finer cut: the statements of one day split into clusters by wording, and that cut is unreliable
/// (two outlets telling one rescue in different words, a detail of the day's news told alone). A reader looking for what
/// happened on 8 July must find it once, under 8 July, with every outlet that reported it: so the day is the entry, and
/// the clusters stay visible inside it as <see cref="TimelineEvent.Happenings"/>, each with its id and sources. Entries
/// coarser than a day (a month, a year) are left as they are: a month is not a happening of any one day.
/// Deterministic: the lead is the most salient happening, then key, then the ordinal id.
/// </remarks>
internal static class DayDigest
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>The entries of <paramref name="events"/> with every day's happenings gathered into one entry per day.</summary>
    public static List<TimelineEvent> Gather(IReadOnlyList<TimelineEvent> events)
    {
        var byDay = new Dictionary<LocalDate, List<TimelineEvent>>();
        foreach (TimelineEvent e in events)
        {
            if (IsDay(e))
            {
                if (!byDay.TryGetValue(e.Range.Start, out List<TimelineEvent>? list))
                {
                    byDay[e.Range.Start] = list = [];
                }

                list.Add(e);
            }
        }

        var result = new List<TimelineEvent>(events.Count);
        foreach (TimelineEvent e in events)
        {
            if (!IsDay(e))
            {
                result.Add(e);
            }
            else if (byDay[e.Range.Start] is { Count: > 0 } day)
            {
                result.Add(day.Count == 1 ? day[0] : Entry(e.Range.Start, day));
                day.Clear();
            }
        }

        return result;
    }

    /// <summary>
    /// A day (or a time of day, or "Monday night") with a single day's range: what one day's entry gathers; not what an
    /// editor split apart (<see cref="TimelineEvent.StandsAlone"/>).
    /// </summary>
    private static bool IsDay(TimelineEvent e) => e.Range.Granularity >= Granularity.Day && e.Range.Start == e.Range.End && !e.StandsAlone;

    private static TimelineEvent Entry(LocalDate day, List<TimelineEvent> happenings)
    {
        var ordered = happenings
            .OrderByDescending(h => h.Salience)
            .ThenByDescending(h => h.Key)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
        TimelineEvent lead = ordered[0];

        // The entry keeps its happenings' shared value ("2023-02-19TEV" told by all), else it is the day.
        bool sameValue = ordered.All(h => h.Date == lead.Date && h.Modifier == lead.Modifier && h.Range == lead.Range);
        string date = sameValue ? lead.Date : Iso.Format(day);
        TimexMod mod = sameValue ? lead.Modifier : TimexMod.None;
        DateRange range = sameValue ? lead.Range : new DateRange(day, day, Granularity.Day);

        var sources = ordered.SelectMany(h => h.Sources).ToList();
        return lead with
        {
            Date = date,
            Modifier = mod,
            Range = range,
            Sources = sources,
            Key = ordered.Any(h => h.Key),
            Background = ordered.All(h => h.Background),
            Participants = Participants.Merge(ordered.Select(h => h.Participants)),
            Conflicts = [.. ordered.SelectMany(h => h.Conflicts)],
            Slug = sameValue ? lead.Slug : EventBuilder.Slug(date, lead.Headline),
            Outlets = Salience.Outlets(sources),
            Notes = [.. ordered.SelectMany(h => h.Notes).Distinct(StringComparer.Ordinal)],
            Happenings = [.. ordered.Select(h => new Happening(h.Id, h.Date, h.Headline, h.Key, h.Salience, h.Sources))],
        };
    }
}
