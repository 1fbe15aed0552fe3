using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Calendars;

namespace Timeline.EndToEnd.Tests;

/// <summary>
/// The sample input (five real, messy articles) must build into the timeline editors expect
/// (Sample/expected-timeline.yml), judged only from the published events.json and site files.
/// </summary>
public sealed class SampleTimelineTest(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    public static TheoryData<string> MustDates => new(ExpectedTimeline.Load.Must.Select(e => e.Date));

    public static TheoryData<string> ForbiddenDates => new(ExpectedTimeline.Load.MustNot.Dates);

    public static TheoryData<string> ForbiddenEventText => new(ExpectedTimeline.Load.MustNot.EventText);

    public static TheoryData<string> ForbiddenSiteText => new(ExpectedTimeline.Load.MustNot.SiteText);

    [Fact]
    public void BuildWritesTimelineAndEvents()
    {
        Assert.True(site.Result.Succeeded);
        Assert.Equal(5, site.Result.ArticlesRead);
        Assert.True(File.Exists(Path.Combine(site.OutputDir, "index.html")));
        Assert.True(File.Exists(Path.Combine(site.OutputDir, "events.json")));
    }

    [Theory]
    [MemberData(nameof(MustDates))]
    public void MustEventAppearsOnceWithItsSources(string date)
    {
        ExpectedTimeline.ExpectedEvent expected = ExpectedTimeline.Load.Must.Single(e => e.Date == date);
        AssertAppearsOnce(expected);
    }

    [Fact]
    public void MustEventsAreInChronologicalOrder()
    {
        var positions = ExpectedTimeline.Load.Must.Select(Find).Select(e => site.Events.ToList().IndexOf(e)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void EventsAreInChronologicalOrder()
    {
        // Each event's value starts no earlier than the one before it (a month starts on its first day, a week on its Monday).
        var starts = site.Events.Select(e => TimexStart(e.GetProperty("date").GetString()!)).ToList();
        for (int i = 1; i < starts.Count; i++)
        {
            Assert.True(starts[i - 1] <= starts[i], $"event {i} starts {starts[i]}, before event {i - 1} at {starts[i - 1]}");
        }
    }

    [Theory]
    [MemberData(nameof(ForbiddenDates))]
    public void NoEventCarriesForbiddenDate(string date) =>
        Assert.DoesNotContain(site.Events, e => e.GetProperty("date").GetString() == date);

    [Theory]
    [MemberData(nameof(ForbiddenEventText))]
    public void NoEventMentionsForbiddenText(string text) =>
        Assert.DoesNotContain(site.Events, e => e.GetRawText().Contains(text, StringComparison.Ordinal) ||
            JsonSerializer.Serialize(e).Contains(text, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ForbiddenSiteText))]
    public void PageCodeAppearsNowhereInTheSite(string text)
    {
        foreach (string file in Directory.EnumerateFiles(site.OutputDir, "*", SearchOption.AllDirectories))
        {
            Assert.False(File.ReadAllText(file).Contains(text, StringComparison.Ordinal), $"'{text}' found in {Path.GetRelativePath(site.OutputDir, file)}");
        }
    }

    /// <summary>The first day a TIMEX3 calendar value covers (year, decade, season, quarter, month, week or day).</summary>
    private static LocalDate TimexStart(string value)
    {
        string[] p = value.Split('-');
        int year = p[0].Length == 3 ? int.Parse(p[0], CultureInfo.InvariantCulture) * 10 : int.Parse(p[0], CultureInfo.InvariantCulture);
        if (p.Length == 1)
        {
            return new LocalDate(year, 1, 1);
        }

        return p[1] switch
        {
            ['W', ..] w => WeekYearRules.Iso.GetLocalDate(year, int.Parse(w[1..], CultureInfo.InvariantCulture), IsoDayOfWeek.Monday),
            ['Q', var q] => new LocalDate(year, ((q - '1') * 3) + 1, 1),
            ['H', var h] => new LocalDate(year, h == '1' ? 1 : 7, 1),
            "SP" => new LocalDate(year, 3, 1),
            "SU" => new LocalDate(year, 6, 1),
            "FA" => new LocalDate(year, 9, 1),
            "WI" => new LocalDate(year, 12, 1),
            _ => new LocalDate(year, int.Parse(p[1], CultureInfo.InvariantCulture), p.Length > 2 ? int.Parse(p[2][..2], CultureInfo.InvariantCulture) : 1),
        };
    }

    private void AssertAppearsOnce(ExpectedTimeline.ExpectedEvent expected)
    {
        var hits = site.Events
            .Where(e => e.GetProperty("date").GetString() == expected.Date && SampleSiteFixture.SourceFiles(e).Overlaps(expected.Sources))
            .ToList();
        Assert.True(hits.Count == 1, $"{expected}: {hits.Count} matching events");
        var missing = expected.Sources.Except(SampleSiteFixture.SourceFiles(hits[0])).ToList();
        Assert.True(missing.Count == 0, $"{expected}: does not cite {string.Join(", ", missing)}");
        if (expected.Modifier is not null)
        {
            Assert.Equal(expected.Modifier, hits[0].TryGetProperty("modifier", out JsonElement m) ? m.GetString() : null);
        }
    }

    private JsonElement Find(ExpectedTimeline.ExpectedEvent expected) =>
        site.Events.Single(e => e.GetProperty("date").GetString() == expected.Date && SampleSiteFixture.SourceFiles(e).Overlaps(expected.Sources));
}
