using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>A date told again in another place's local time is not an event date of its own (see <see cref="LocalTimeGloss"/>).</summary>
public class LocalTimeGlossTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly LocalDate Saturday = new(2023, 11, 18);

    public static TheoryData<string, string[]> Sentences => new()
    {
        // A parenthesised gloss in a country's time (Japan: one zone in the tz database) after the site's own zone.
        { "The board dismissed its chief executive on [Friday|2023-11-17], U.S. Pacific time ([early Saturday|2023-11-18] in Japan).", ["2023-11-17"] },
        // A gloss in a city's time ("London time") after the site's day and a place the tz database does not name.
        { "The company said late on [Sunday|2023-11-19] in California, in the early hours of [Monday|2023-11-20] London time, that both would join.", ["2023-11-19"] },
        // "on <day> afternoon in Singapore": the city is the gloss.
        { "The company said late on [Tuesday|2023-11-21] in San Francisco, on [Wednesday|2023-11-22] afternoon in Singapore, that a deal was reached.", ["2023-11-21"] },
        // Two statements on neighbouring days with a verb between them: not a gloss, both kept.
        { "The envoy met the minister on [Monday|2023-11-20] in Paris and flew home on [Tuesday|2023-11-21].", ["2023-11-20", "2023-11-21"] },
        // A gloss at the end of the sentence: the full stop is not part of the place's name.
        { "The board dismissed its chief executive late on [Friday|2023-11-17], on [Saturday|2023-11-18] in Singapore.", ["2023-11-17"] },
        // A gloss in a relative clause in the present ("which is … in Tokyo"), as a schedule gives it.
        { "The launch is set for [Friday|2023-11-17] evening in California, which is [Saturday|2023-11-18] morning in Tokyo.", ["2023-11-17"] },
        // A gloss that is the sentence's only date still dates it.
        { "The talks ended on [Saturday|2023-11-18] in Tokyo.", ["2023-11-18"] },
        // Dates far apart are not the same moment told twice.
        { "The chief executive, who spoke on [Monday|2023-11-13] in London, was fired on [Friday|2023-11-17].", ["2023-11-13", "2023-11-17"] },
        // A place in the site's own zone ("Vancouver", Pacific time) is no foreign gloss.
        { "Staff in Seattle learned on [Friday|2023-11-17], on [Saturday|2023-11-18] in Vancouver, that he had gone.", ["2023-11-17", "2023-11-18"] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void KeepsTheSiteDateAndDropsTheForeignGloss(string line, string[] kept)
    {
        EventOptions options = Options with { SiteZone = LosAngeles };
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "Wire", Saturday, line), options);
        Assert.Equal(kept, e.Mentions.Select(m => m.Time.Value));
        Assert.All(e.Excluded, x => Assert.Equal(ExclusionReasons.LocalTimeGloss, x.Reason));
    }

    public static TheoryData<string, string, string[]> RestatedMoments => new()
    {
        // A sentence of its own that only gives the moment just told in another place's time.
        { "The board voted on [Friday|2023-11-17] afternoon in San Francisco.", "That was early on [Saturday|2023-11-18], Tokyo time.", ["2023-11-17"] },
        { "The deal was signed late on [Friday|2023-11-17].", "It was already [Saturday|2023-11-18] in Singapore.", ["2023-11-17"] },
        // A sentence that tells a happening of its own in another place is kept, whatever its opening.
        { "The board voted on [Friday|2023-11-17] afternoon.", "That was when markets opened on [Saturday|2023-11-18] in Tokyo.", ["2023-11-17", "2023-11-18"] },
        // The same opening with a place in the site's own zone restates nothing foreign: kept.
        { "The board voted on [Thursday|2023-11-16].", "That was on [Friday|2023-11-17] in Vancouver.", ["2023-11-16", "2023-11-17"] },
    };

    [Theory]
    [MemberData(nameof(RestatedMoments))]
    public void ASentenceRestatingTheMomentInForeignTimeIsAGloss(string told, string restated, string[] kept)
    {
        EventOptions options = Options with { SiteZone = LosAngeles };
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "Wire", Saturday, told, restated), options);
        Assert.Equal(kept, e.Mentions.Select(m => m.Time.Value));
    }

    [Fact]
    public void WithoutASiteZoneNothingIsAGloss()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "Wire", Saturday,
            "The board dismissed its chief executive on [Friday|2023-11-17], U.S. Pacific time ([early Saturday|2023-11-18] in Japan)."), Options);
        Assert.Equal(2, e.Mentions.Count);
    }
}
