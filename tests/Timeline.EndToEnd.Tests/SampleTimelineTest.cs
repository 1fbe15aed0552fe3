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

    public static TheoryData<string> ShouldDates => new(ExpectedTimeline.Load.Should.Select(e => e.Date));

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

    [Theory]
    [MemberData(nameof(ShouldDates))]
    public void ShouldEventAppearsOnceWithItsSources(string date)
    {
        ExpectedTimeline.ExpectedEvent expected = ExpectedTimeline.Load.Should.Single(e => e.Date == date);
        AssertAppearsOnce(expected);
    }

    [Fact]
    public void EveryEventHasSalienceAndSomeAreKey()
    {
        Assert.All(site.Events, e => Assert.InRange(e.GetProperty("salience").GetDouble(), 0, 1));
        Assert.Contains(site.Events, e => e.GetProperty("key").GetBoolean());
        Assert.Contains(site.Events, e => !e.GetProperty("key").GetBoolean());
    }

    [Fact]
    public void IdsAreUnique() =>
        Assert.Equal(site.Events.Count, site.Events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());

    [Fact]
    public void IdsAreStableAcrossRebuildsAndUnrelatedArticles()
    {
        using var copy = new InputCopy();
        File.WriteAllText(Path.Combine(copy.Input, "articles", "900_unrelated.txt"), """
            ---
            title: Snow closes schools in Scotland
            source: BBC
            published: 2026-02-03
            ---
            Heavy snow closed hundreds of schools across Scotland on Monday as temperatures fell to minus 12C.
            Forecasters said the cold spell would last until the weekend.
            """);
        var ids = copy.Build().Select(e => (e.GetProperty("id").GetString(), e.GetProperty("date").GetString())).ToHashSet();
        foreach (var e in site.Events)
        {
            Assert.Contains((e.GetProperty("id").GetString(), e.GetProperty("date").GetString()), ids);
        }
    }

    [Fact]
    public void EditorCorrectionsApplyByIdAndUnknownIdsWarn()
    {
        string Id(string date) => site.Events.First(e => e.GetProperty("date").GetString() == date).GetProperty("id").GetString()!;
        using var copy = new InputCopy();
        File.WriteAllText(Path.Combine(copy.Input, "corrections.yml"), $"""
            corrections:
              - id: {Id("2025-W42")}
                hide: true
              - id: {Id("2026-01-24")}
                date: 2026-01-25
                headline: The SDF truce is extended by 15 days
              - id: {Id("2025-09")}
                merge_into: {Id("2025-01")}
              - id: 2030-01-01-00000000
                hide: true
            """);
        var events = copy.Build();
        Assert.DoesNotContain(events, e => e.GetProperty("date").GetString() == "2025-W42");
        var truce = Assert.Single(events, e => e.GetProperty("id").GetString() == Id("2026-01-24"));
        Assert.Equal("2026-01-25", truce.GetProperty("date").GetString());
        Assert.Equal("The SDF truce is extended by 15 days", truce.GetProperty("headline").GetString());
        Assert.DoesNotContain(events, e => e.GetProperty("date").GetString() == "2025-09");
        Assert.Contains(copy.Result!.Diagnostics, d => d.File == "corrections.yml" && d.Line == 9 && d.Severity == Timeline.Core.Diagnostics.Severity.Warning);
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

    /// <summary>A copy of the sample input in a temporary folder, built on demand.</summary>
    private sealed class InputCopy : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-e2e-input-" + Guid.NewGuid().ToString("N"));

        public InputCopy()
        {
            foreach (string file in Directory.EnumerateFiles(RepoPaths.Input, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(Input, Path.GetRelativePath(RepoPaths.Input, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Input => Path.Combine(_root, "input");

        public Timeline.Site.Pipeline.BuildResult? Result { get; private set; }

        public List<JsonElement> Build()
        {
            string output = Path.Combine(_root, "output");
            Result = new Timeline.Site.Pipeline.SiteBuilder().Build(new Timeline.Site.Pipeline.BuildOptions(Input, output) { ThemesDir = RepoPaths.Themes });
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "events.json")));
            return doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
        }

        public void Dispose()
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }
}
