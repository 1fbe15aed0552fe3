using NodaTime;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

public class PublicationDateFinderTest
{
    private static readonly DateTimeZone Manila = DateTimeZoneProviders.Tzdb["Asia/Manila"];

    [Theory]
    // 001: the Manila Bulletin's publication line (local time, the site's zone).
    [InlineData("ADVERTISEMENT\n\nPutin hosts Syria's interim leader\n\nPublished Jan 29, 2026 12:30 am\nMOSCOW (AP) — Syria’s interim President visited Moscow on Wednesday.", "2026-01-29T00:30:00 Asia/Manila (+08)", "published")]
    // A US page: numeric date, PM time and an Eastern-time abbreviation.
    [InlineData("Some headline\n06/19/23 1:10 PM ET\nWASHINGTON (AP) — The Senate voted on Monday.", "2023-06-19T13:10:00 America/New_York (-04)", "timestamp")]
    // "first published" wins over a later "updated".
    [InlineData("Updated July 2, 2023\nThis article was first published June 28, 2023.\nThe body.", "2023-06-28T12:00:00 Asia/Manila (+08)", "first published")]
    // A dateline with a full date.
    [InlineData("WASHINGTON, June 5, 2024 (Reuters) - The United States said it would act.", "2024-06-05T12:00:00 Asia/Manila (+08)", "dateline")]
    public void FindsEvidence(string text, string expected, string kind)
    {
        PublicationEvidence? evidence = PublicationDateFinder.Find(text, Manila);
        Assert.NotNull(evidence);
        Assert.Equal(expected, evidence.Time.Published.ToString());
        Assert.Equal(kind, evidence.Kind);
    }

    [Theory]
    // A date mentioned in a sentence is not a publication date.
    [InlineData("He led a swift rebel offensive that began on December 8, 2024 and ousted Assad.")]
    // 002: related-story dates at the foot of the page, one of them on a line of its own.
    [InlineData("SYRIA’S interim President Ahmad al-Sharaa has visited Moscow for the second time in less than four months for talks with Russian President Vladimir Putin, who stressed his readiness to help rebuild the country’s war-battered economy.\n\nMr Putin told Mr Sharaa that Moscow had always supported Syria’s integrity.\n\nSimilar stories\nSyria's interim president leaves the\nWorld / 25 February 2025\n25 February 2025")]
    // No date at all.
    [InlineData("Syria’s interim leader held talks Wednesday in Russia.")]
    public void NeverGuesses(string text)
    {
        Assert.Null(PublicationDateFinder.Find(text, Manila));
    }

    [Fact]
    public void DateWithoutTimeHasNoTimeOfDay()
    {
        PublicationEvidence? evidence = PublicationDateFinder.Find("Published: 29 January 2026\nText.", Manila);
        Assert.NotNull(evidence);
        Assert.False(evidence.Time.HasTimeOfDay);
        Assert.Equal(new LocalDate(2026, 1, 29), evidence.Time.Date);
    }
}
