using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class ReferenceTimeTest
{
    public static TheoryData<string, string?, string, bool> Valid => new()
    {
        // A date alone: midday, no time of day, in the zone given (UTC by default).
        { "2026-01-28", null, "2026-01-28T12:00:00 UTC (+00)", false },
        { "2026-01-28", "Europe/Moscow", "2026-01-28T12:00:00 Europe/Moscow (+03)", false },
        // TimeML DCTs come with and without seconds.
        { "1998-02-27T15:21", null, "1998-02-27T15:21:00 UTC (+00)", true },
        { "1998-02-27T15:21:09", null, "1998-02-27T15:21:09 UTC (+00)", true },
        // An offset fixes the instant; without a zone it is kept as the zone.
        { "2026-01-27T23:30:00+01:00", null, "2026-01-27T23:30:00 UTC+01 (+01)", true },
        // With a zone, the instant is seen there: 22:30 UTC is the next day in Moscow.
        { "2026-01-27T23:30:00+01:00", "Europe/Moscow", "2026-01-28T01:30:00 Europe/Moscow (+03)", true },
        { "2026-01-27T22:30Z", null, "2026-01-27T22:30:00 UTC (+00)", true },
        // Surrounding blanks are tolerated (jsonl written by hand).
        { " 2026-01-28 ", null, "2026-01-28T12:00:00 UTC (+00)", false },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_ISO_dates_and_date_times(string text, string? zoneId, string expected, bool hasTime)
    {
        DateTimeZone? zone = zoneId is null ? null : ReferenceTime.FindZone(zoneId);

        var result = ReferenceTime.Parse(text, zone);

        Assert.True(result.Success);
        DocumentTime time = result.Value;
        Assert.Equal(expected, time.Published.ToString("uuuu-MM-dd'T'HH:mm:ss z '('o<g>')'", null));
        Assert.Equal(hasTime, time.HasTimeOfDay);
    }

    [Theory]
    [InlineData("")] // nothing
    [InlineData("2026-02-30")] // no such day
    [InlineData("28/01/2026")] // not ISO
    [InlineData("2026-01-28T25:00")] // no such hour
    [InlineData("PRESENT_REF")] // a TIMEX3 value that is not a point
    [InlineData("2026-01")] // a month is not an anchor day
    public void Rejects_what_is_not_an_ISO_date_or_date_time(string text)
    {
        var result = ReferenceTime.Parse(text);

        Assert.False(result.Success);
        Assert.Contains(text.Length == 0 ? "empty" : text, result.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Moscow", "Europe/Moscow")] // IANA id
    [InlineData("UTC", "UTC")] // the common spelling
    [InlineData("utc", "UTC")] // case-insensitive only for UTC
    [InlineData("Mars/Olympus", null)] // unknown
    public void Finds_zones_by_IANA_id(string id, string? expected)
    {
        Assert.Equal(expected, ReferenceTime.FindZone(id)?.Id);
    }
}
