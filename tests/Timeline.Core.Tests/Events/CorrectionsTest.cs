using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

public class CorrectionsTest
{
    private static readonly LocalDate Jan28 = new(2026, 1, 28);

    private static TaggedStory[] Stories() =>
    [
        Story("articles/a.txt", "AP", Jan28,
            "Syria's interim President Ahmad al-Sharaa visited Moscow on [Wednesday|2026-01-28] for talks with Vladimir Putin.",
            "A four-day truce between the SDF and the army expired on [Saturday|2026-01-24], officials announced."),
        Story("articles/b.txt", "Reuters", Jan28,
            "Ahmad al-Sharaa met Vladimir Putin in Moscow on [Wednesday|2026-01-28] to discuss Russian bases."),
    ];

    private static Chronology With(params EventCorrection[] corrections)
    {
        Chronology plain = Build(Stories());
        return Build(Options with { Corrections = corrections.Select(c => c with { EventId = Resolve(plain, c.EventId), Value = c.Kind == CorrectionKind.Merge ? Resolve(plain, c.Value) : c.Value }).ToList() }, Stories());
    }

    /// <summary>Corrections name events by date here; the real id is looked up from an uncorrected build.</summary>
    private static string Resolve(Chronology c, string date) => c.Events.FirstOrDefault(e => e.Date == date)?.Id ?? date;

    [Fact]
    public void PinDateMovesTheEventAndKeepsItsId()
    {
        string id = Resolve(Build(Stories()), "2026-01-24");
        Chronology c = With(new EventCorrection(CorrectionKind.PinDate, "2026-01-24", "2026-01-25"));
        TimelineEvent e = Assert.Single(c.Events, e => e.Id == id);
        Assert.Equal("2026-01-25", e.Date);
        Assert.Equal(Day(2026, 1, 25), e.Range);
    }

    [Fact]
    public void HideListsTheCitationsAsExcluded()
    {
        Chronology c = With(new EventCorrection(CorrectionKind.Hide, "2026-01-24", ""));
        Assert.DoesNotContain(c.Events, e => e.Date == "2026-01-24");
        Assert.Contains(c.Excluded, x => x.Reason == ExclusionReasons.Hidden);
    }

    [Fact]
    public void RenameSetsTheHeadline()
    {
        Chronology c = With(new EventCorrection(CorrectionKind.Rename, "2026-01-28", "Al-Sharaa's second visit to Moscow"));
        Assert.Equal("Al-Sharaa's second visit to Moscow", Assert.Single(c.Events, e => e.Date == "2026-01-28").Headline);
    }

    [Fact]
    public void MergeMovesEveryCitationIntoTheTarget()
    {
        Chronology c = With(new EventCorrection(CorrectionKind.Merge, "2026-01-24", "2026-01-28"));
        TimelineEvent e = Assert.Single(c.Events);
        Assert.Equal(3, e.Sources.Count);
        Assert.Contains(e.Conflicts, x => x.Value == "2026-01-24");
    }

    [Fact]
    public void SplitMovesTheListedArticlesIntoANewEvent()
    {
        Chronology c = With(new EventCorrection(CorrectionKind.Split, "2026-01-28", "") { Articles = ["b.txt"] });
        var visits = c.Events.Where(e => e.Date == "2026-01-28").ToList();
        Assert.Equal(2, visits.Count);
        Assert.Single(visits, e => e.Sources.All(m => m.Source.ArticlePath == "articles/b.txt"));
    }

    [Fact]
    public void UnknownIdIsAWarningAtTheCorrectionsPosition()
    {
        Chronology c = Build(Options with { Corrections = [new EventCorrection(CorrectionKind.Hide, "2030-01-01-deadbeef", "") { Line = 7, Column = 5 }] }, Stories());
        Timeline.Core.Diagnostics.Diagnostic d = Assert.Single(c.Diagnostics);
        Assert.Equal(Timeline.Core.Diagnostics.Severity.Warning, d.Severity);
        Assert.Equal(("corrections.yml", 7, 5), (d.File, d.Line, d.Column));
        Assert.Equal(2, c.Events.Count); // nothing changed: the visit (two articles) and the truce
    }
}
