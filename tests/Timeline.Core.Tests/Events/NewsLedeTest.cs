using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>An undated lede in the present perfect ("A judge has delayed the trial…") is the news of its publication day.</summary>
public class NewsLedeTest
{
    private static readonly LocalDate Published = new(2019, 3, 14);

    public static TheoryData<string, string?> Ledes => new()
    {
        // The canonical report of the day: subject, has/have, participle.
        { "Police have raided the Lisbon offices of the airline as part of a fraud inquiry.", "have raided" },
        { "The folk singer has died at the age of 76, her family has said.", "has died" },
        // A passive perfect, and an adverb inside the verb group.
        { "A jury has been chosen for the trial of the former transport minister.", "has been chosen" },
        { "The port authority has now reopened the harbour to cargo ships.", "has now reopened" },
        // An irregular participle.
        { "The prime minister has told MPs that the deal is dead.", "has told" },
        // "has been" with no participle is a state, not a happening.
        { "The hospital has been one of the busiest in the region for years.", null },
        // The progressive perfect tells an activity still going on, not a happening of the day.
        { "Rescuers have been searching the rubble through the night.", null },
        // Speech: inside quotation marks, or in the first person.
        { "\"We have lost everything in the flood,\" a farmer told the BBC.", null },
        { "I have covered the trial from the start and seen every witness.", null },
        // A modal or "to have" makes it a possibility or a report of belief, not a happening.
        { "The builders will have finished the bridge before the winter.", null },
        { "The mayor is believed to have fled the city overnight.", null },
        // "have to" is an obligation.
        { "Voters have to choose between the two candidates.", null },
        // A relative clause's perfect is background to whatever the main clause says.
        { "The minister, who has resigned twice before, spoke to reporters.", null },
        // A question asks; it tells no happening.
        { "Has the government failed the victims of the flood?", null },
    };

    [Theory]
    [MemberData(nameof(Ledes))]
    public void APerfectLedeIsFoundByItsVerbGroup(string sentence, string? verb)
    {
        (int Start, int End)? found = NewsLede.PerfectVerb(sentence);
        Assert.Equal(verb, found is { } f ? sentence[f.Start..f.End] : null);
    }

    public static TheoryData<string[], string?> Stories => new()
    {
        // The undated lede: dated by the publication day.
        { ["A judge has delayed the fraud trial of the former transport minister.", "The minister denies the charges."], "2019-03-14" },
        // A date after the publication day does not date the perfect ("delayed until May"): still the day's news.
        { ["A judge has delayed the fraud trial of the former minister until [May|2019-05].", "The minister denies the charges."], "2019-03-14" },
        // A date of its own clause on or before the day dates the statement itself: no second date from the page.
        { ["The club has confirmed the signing of the striker on [Monday|2019-03-11].", "He joins on a three-year deal."], null },
        // Only the lede: a perfect later in the story is background ("The minister has denied…").
        { ["The trial of the former transport minister opened in court.", "The minister has denied the charges."], null },
        // A past-tense lede with no date is not read as the day's news (it may be history).
        { ["Police raided the Lisbon offices of the airline.", "Officers took away boxes of papers."], null },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void OnlyAnUndatedPerfectLedeIsDatedByThePage(string[] lines, string? date)
    {
        StoryEvents events = EventPipeline.Extract(Story("articles/01.txt", "BBC", Published, lines), Options);
        EventMention? lede = events.Mentions.SingleOrDefault(m => m.Time.Rule == NewsLede.Rule);
        Assert.Equal(date, lede?.Time.Value);
        if (lede is not null)
        {
            Assert.Equal(0, lede.BodyPosition);
            Assert.Contains(lede.Time.Text, lede.Quote, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheHeadlineKeepsTheSubjectBeforeAnApposition()
    {
        StoryEvents events = EventPipeline.Extract(
            Story("articles/01.txt", "BBC", Published, "The former transport minister, Anna Silva, has been sentenced to four years in prison for fraud."),
            Options);
        EventMention lede = Assert.Single(events.Mentions, m => m.Time.Rule == NewsLede.Rule);
        Assert.StartsWith("The former transport minister, Anna Silva, has been sentenced", lede.Headline, StringComparison.Ordinal);
    }
}
