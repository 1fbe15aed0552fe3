using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Events;

/// <summary>Hand-made stories and temporal mentions, so the event stages are tested without the tagger.</summary>
internal static class EventFixtures
{
    public static readonly EventOptions Options = new("Syria and Russia after Assad");

    public static DateRange Day(int y, int m, int d) => new(new LocalDate(y, m, d), new LocalDate(y, m, d), Granularity.Day);

    public static DateRange Month(int y, int m) => new(new LocalDate(y, m, 1), new LocalDate(y, m, 1).PlusMonths(1).PlusDays(-1), Granularity.Month);

    public static DateRange Year(int y) => new(new LocalDate(y, 1, 1), new LocalDate(y, 12, 31), Granularity.Year);

    /// <summary>
    /// A story of body sentences (one per line; a line starting "CAPTION:" is a caption); each "[expression|VALUE]"
    /// marks a temporal mention resolved to VALUE (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm, optionally "|START").
    /// </summary>
    public static TaggedStory Story(string path, string outlet, LocalDate published, params string[] lines)
    {
        var text = new System.Text.StringBuilder();
        var sentences = new List<Sentence>();
        var mentions = new List<TemporalMention>();
        foreach (string line in lines)
        {
            bool caption = line.StartsWith("CAPTION:", StringComparison.Ordinal);
            string rest = caption ? line["CAPTION:".Length..] : line;
            int start = text.Length;
            int i = 0;
            while (i < rest.Length)
            {
                int open = rest.IndexOf('[', i);
                if (open < 0)
                {
                    text.Append(rest[i..]);
                    break;
                }

                text.Append(rest[i..open]);
                int close = rest.IndexOf(']', open);
                string[] parts = rest[(open + 1)..close].Split('|');
                int at = text.Length;
                text.Append(parts[0]);
                DateRange range = CalendarValue.TryParse(parts[1]) ?? TimeOfDay(parts[1]);
                TimexMod mod = parts.Length > 2 ? TimexModExtensions.ParseTimexMod(parts[2]) : TimexMod.None;
                mentions.Add(new TemporalMention(at, at + parts[0].Length, parts[0], TimexType.Date, parts[1], mod, "test") { Range = range });
                i = close + 1;
            }

            sentences.Add(new Sentence(start, text.Length, caption ? SentenceKind.Caption : SentenceKind.Body));
            text.Append('\n');
        }

        var story = new Story(path, 0, text.ToString(), sentences, SourceMap.Identity());
        var source = new SourceInfo(path, outlet, "title", DocumentTime.FromDate(published));
        return new TaggedStory(source, story, mentions);
    }

    /// <summary>"2023-02-06T04:17": its day, at minute granularity (as the tagger gives a clock time).</summary>
    private static DateRange TimeOfDay(string value)
    {
        LocalDate day = NodaTime.Text.LocalDatePattern.Iso.Parse(value[..10]).Value;
        return new DateRange(day, day, Granularity.Minute);
    }

    public static Chronology Build(EventOptions options, params TaggedStory[] stories) =>
        EventPipeline.Build(stories.Select(s => EventPipeline.Extract(s, options)), options);

    public static Chronology Build(params TaggedStory[] stories) => Build(Options, stories);

    /// <summary>
    /// The happenings whose date passes <paramref name="date"/>: what the merge kept apart, whether or not a day's entry
    /// gathers them (see <see cref="DayDigest"/>), so merge tests keep asserting the merge itself.
    /// </summary>
    public static int HappeningsOn(Chronology c, Func<string, bool> date) =>
        c.Events.Sum(e => e.Happenings.Count > 0 ? e.Happenings.Count(h => date(h.Date)) : date(e.Date) ? 1 : 0);
}
