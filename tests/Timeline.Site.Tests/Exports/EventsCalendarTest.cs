using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Timeline.Site.Exports;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

public sealed class EventsCalendarTest
{
    private static readonly string Ics = ExportsFixture.Site[EventsCalendar.FileName];

    private static readonly Calendar Parsed = Calendar.Load(Ics)!;

    [Fact]
    public void ParsesWithOneAllDayEventPerCalendarEvent()
    {
        // Seven events; the decade ("the 2010s") is not calendar material and is listed as excluded instead.
        Assert.Equal(6, Parsed.Events.Count);
        Assert.All(Parsed.Events, e => Assert.False(e.DtStart!.HasTime));
        Assert.Contains("Not in this calendar (dated only to a decade or century): the 2010s: Roots of the conflict", Ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    // A day is one day.
    [InlineData("2026-01-24-truce-expires", "2026-01-24", "2026-01-25")]
    // A month is the span of its days (DTEND exclusive), never its first day alone.
    [InlineData("2025-10-al-sharaa-first-visits-russia", "2025-10-01", "2025-11-01")]
    // A week runs Monday to Sunday.
    [InlineData("2026-w04-talks", "2026-01-19", "2026-01-26")]
    // A year is the whole year.
    [InlineData("2011-civil-war-begins", "2011-01-01", "2012-01-01")]
    public void EventsSpanTheDaysTheirPrecisionCovers(string slug, string start, string end)
    {
        CalendarEvent e = Parsed.Events.Single(x => x.Uid == slug + "@example.org");
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), e.DtStart!.Date);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e.DtEnd!.Date);
    }

    [Fact]
    public void DtStampIsTheLatestPublicationNotTheClock()
    {
        // The payload event cites only the article published Thu 29 Jan 2026 00:30 +08:00 = 28 Jan 16:30 UTC.
        CalendarEvent e = Parsed.Events.Single(x => x.Uid == "2026-01-28-payload@example.org");
        Assert.Contains("DTSTAMP:20260128T163000Z", Ics, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 1, 28, 16, 30, 0, DateTimeKind.Utc), e.DtStamp!.AsUtc);
    }

    [Fact]
    public void TextIsEscapedAndLiteral()
    {
        CalendarEvent e = Parsed.Events.Single(x => x.Uid == "2026-01-28-payload@example.org");
        Assert.Equal(TestSite.Payload, e.Summary);
        Assert.Contains("Outlet " + TestSite.Payload, e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesAreCrlfAndFoldedAt75Octets()
    {
        Assert.DoesNotContain('\n', Ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.All(Ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public void UidsAreUniqueAndStable()
    {
        Assert.Equal(Parsed.Events.Count, Parsed.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Equal(Ics, new Timeline.Site.Rendering.SiteRenderer(TestSite.ThemeDir).Render(TestSite.Model(ExportsFixture.Base))
            .Single(f => f.Path == EventsCalendar.FileName).Content.AsSpan().ToArray().Let(Encoding.UTF8.GetString));
    }
}

internal static class FunctionalExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
