using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Timeline.Core.Temporal;

/// <summary>
/// The English temporal tagger. PROVISIONAL: recognises only explicit "Month D, YYYY" dates and bare years;
/// the rule engine replaces this.
/// </summary>
public sealed partial class TemporalTagger : ITemporalTagger
{
    public static TemporalTagger Default { get; } = new();

    public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime)
    {
        var result = new List<TemporalMention>();
        foreach (Match m in ExplicitDate().Matches(text))
        {
            int month = DateTime.ParseExact(m.Groups["m"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                continue;
            }

            var date = new LocalDate(year, month, day);
            result.Add(new TemporalMention(m.Index, m.Index + m.Length, m.Value, TimexType.Date, date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), TimexMod.None, "explicit-date")
            {
                Range = new DateRange(date, date, Granularity.Day),
            });
        }

        return result;
    }

    [GeneratedRegex(@"\b(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (?<d>\d{1,2}), (?<y>\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ExplicitDate();
}
