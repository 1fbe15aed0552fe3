using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// Robustness: whatever the text, the tagger returns, in order, non-overlapping mentions inside the text whose
/// values and ranges are valid. Generators mix arbitrary Unicode with temporal vocabulary so the rules fire.
/// </summary>
public class TemporalTaggerPropertyTest
{
    private static readonly string[] Vocabulary =
    [
        "January", "Jan.", "February", "30", "31", "29", "2025", "99999999", "0", "00", "1/2/", "/", "-", ":", ",", ".", "(", ")", "[", "]",
        "'", "'90s", "1990s", "the", "last", "next", "this", "early", "mid-", "late", "week", "weeks", "year", "ago", "later", "earlier",
        "Saturday", "Mondays", "every", "other", "a", "an", "another", "several", "dozen", "twenty", "-four", "days", "hours", "p.m.", "a.m.",
        "12:30", "24:00", "99:99", "quarter", "third", "half", "summer", "fall", "of", "Christmas", "New", "Year's", "Eve", "tonight", "now",
        "more", "than", "nearly", "at", "least", "fiscal", "2026-13-45", "9999-12-31", "0001-01-01", "century", "20th", "th", "\U0001F600", "\u0301",
        "\uD800", "\n", "\n\n", "   ", "9999", "1000", "Q3", "Q", "year-earlier", "the next day", "two days later", "2,000 years ago",
    ];

    private static Arbitrary<string> TemporalishText() =>
        Gen.OneOf(
                Gen.Elements(Vocabulary),
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
                ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()))
            .ListOf()
            .Select(parts => string.Join(" ", parts))
            .ToArbitrary();

    private static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(1, 9998).SelectMany(y => Gen.Choose(1, 12), (y, m) => (y, m))
            .SelectMany(ym => Gen.Choose(1, 28), (ym, d) => new LocalDate(ym.y, ym.m, d))
            .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property MentionsAreOrderedInsideTheTextAndValid() =>
        Prop.ForAll(TemporalishText(), Dates(), (text, dct) => Check(text, DocumentTime.FromDate(dct)));

    [Property(MaxTest = 300)]
    public Property ArbitraryUnicodeNeverThrows() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => Check(text ?? string.Empty, DocumentTime.FromDate(new LocalDate(2026, 1, 28))));

    [Fact]
    public void OneMegabyteLineCompletes()
    {
        var line = string.Concat(Enumerable.Repeat("On Jan. 5, 2026 and 3 days later, 1990s (((( ", 24_000));
        var mentions = TemporalTagger.Default.Tag(line, DocumentTime.FromDate(new LocalDate(2026, 1, 28)));
        Assert.True(Check(line, DocumentTime.FromDate(new LocalDate(2026, 1, 28))));
        Assert.True(mentions.Count >= 24_000);
    }

    [Fact]
    public void DeeplyNestedBracketsComplete()
    {
        var text = new string('(', 200_000) + "January 28, 2026" + new string(')', 200_000);
        var m = Assert.Single(TemporalTagger.Default.Tag(text, DocumentTime.FromDate(new LocalDate(2026, 1, 28))));
        Assert.Equal("2026-01-28", m.Value);
    }

    [Fact]
    public void ExtremeDocumentDatesDoNotThrow()
    {
        const string text = "Last week, next year, a decade ago, the 1990s, 10,000 years later, tomorrow, next Monday, in December.";
        Assert.True(Check(text, DocumentTime.FromDate(new LocalDate(1, 1, 1))));
        Assert.True(Check(text, DocumentTime.FromDate(new LocalDate(9999, 12, 31))));
    }

    private static bool Check(string text, DocumentTime time)
    {
        var mentions = TemporalTagger.Default.Tag(text, time);
        int previousEnd = 0;
        foreach (var m in mentions)
        {
            if (m.Start < previousEnd || m.End <= m.Start || m.End > text.Length || m.Text != text[m.Start..m.End] || string.IsNullOrEmpty(m.Value))
            {
                return false;
            }

            // Years before the common era are valid ("241 BC" is BC0241, ISO year -240); nothing outside TIMEX3's four digits either way.
            if (m.Range is { } r && (r.End < r.Start || r.Start.Year < -9998 || r.End.Year > 9999))
            {
                return false;
            }

            previousEnd = m.End;
        }

        return true;
    }
}
