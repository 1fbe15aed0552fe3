using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// History-like text far from its publication date: month and day names without a year follow the year the narrative
/// established (TimeML "narrative" strategy), while news keeps anchoring them on publication.
/// </summary>
public class NarrativeRulesTest
{
    private const string History =
        "In 1939 Germany invaded Poland. In 1940 the war spread west.\n" +
        "In April, Germany invaded Denmark and Norway.\n" +
        "On June 10, Italy declared war; twelve days later France surrendered.\n";

    [Theory]
    // A month name after explicit years in earlier paragraphs takes the narrative year, not the publication year.
    [InlineData("April", "1940-04")]
    // So does a month and day, and the narrative expression anchored on it.
    [InlineData("June 10", "1940-06-10")]
    [InlineData("twelve days later", "1940-06-22")]
    public void MonthsFollowTheNarrativeYear(string extent, string value) =>
        TaggerAssert.Value(History, extent, value, dct: "2009-12-19");

    private const string LaterHistory =
        "In 1916 the armies fought at Verdun. In 1917 they fought at Arras.\n" +
        "On 8 August 1918 the Allies attacked. On 2 September they reached the line, giving up the salient seized in the previous April.\n" +
        "On 11 August he offered his resignation.\n";

    [Theory]
    // "the previous April" is anaphoric: the April before the last date told (2 September 1918), not before publication.
    [InlineData("the previous April", "1918-04")]
    // And a relative expression must not drag the narrative year to publication: a later day name keeps the story's year.
    [InlineData("11 August", "1918-08-11")]
    public void AnaphoricMonthsFollowTheStory(string extent, string value) =>
        TaggerAssert.Value(LaterHistory, extent, value, dct: "2009-12-19");

    public static TheoryData<string, string, string> StoryYear => new()
    {
        // "the end of the year" in a history is the year the story has reached, not the publication year.
        { "In 1774 the colonists met. In 1775 the fighting began at Lexington. In 1776 the army was reduced to 5,000 men by the end of the year.", "the end of the year", "1776" },
        // The same before the common era.
        { "In 492 BC a fleet was wrecked. In 490 BC Datis and Artaphernes sailed. Artaphernes brought the year's campaign to an end.", "the year", "BC0490" },
        // A year named in a plan ("a planned campaign in 1976") is not where the story is: the next day name keeps 1975.
        { "In 1973 the ceasefire was signed. In 1974 the fighting resumed.\nOn 10 March 1975, Dung attacked, opening the way for a planned campaign in 1976. The defence collapsed on 11 March.\n", "11 March", "1975-03-11" },
        // An anaphoric look back ("gains achieved during the previous year") is a flashback: the next month name keeps the story's year.
        { "In 1940 France fell. In 1941 Germany invaded Russia.\nBy the end of April 1942, Japan had conquered Burma. The Germans kept the gains they achieved during the previous year. In North Africa, they attacked in January.\n", "January", "1942-01" },
        // A future clause within a history stays in the story's year ("could only continue the war until December").
        { "In 1916 the armies fought at Verdun. In 1917 they fought at Arras. In 1918 Austria warned that it could only continue the war until December.", "December", "1918-12" },
        // A year that only names an event ("the 1978 Treaty", "the 1956 uprising") does not move the story (WikiWars 18 had
        // "December 27" in 1978 after "complying with the 1978 Treaty of Friendship" in a 1979 story).
        { "In 1977 the regime fell. On March 3, 1979 riots broke out.\nMoscow invoked the 1978 Treaty of Friendship. Troops crossed the border on December 27.\n", "December 27", "1979-12-27" },
        { "In 1955 the pact was signed. On May 2, 1968 the students rallied.\nVeterans of the 1956 uprising joined them in June.\n", "June", "1968-06" },
    };

    [Theory]
    [MemberData(nameof(StoryYear))]
    public void RelativeUnitsFollowTheStoryYear(string text, string extent, string value) =>
        Assert.Equal(value, TaggerAssert.Mention(text, extent, dct: "2009-12-19").Value);

    public static TheoryData<string, string, string> StoryClock => new()
    {
        // A history's bare clock time is on the day the story last told, not the publication day.
        { "In 1916 the armies fought at Verdun. In 1917 they fought at Arras.\nOn 11 November 1918 the guns fell silent; the last soldier was killed at 10:57.\n", "10:57", "1918-11-11T10:57" },
        // Also when the day was told in an earlier sentence, and with a.m./p.m.
        { "In 1952 the war dragged on. In 1953 the French built a base.\nThe garrison fell on 7 May 1954. Hanoi ordered a cease fire at 5:30 p.m. and the destruction of all material.\n", "5:30 p.m.", "1954-05-07T17:30" },
    };

    [Theory]
    [MemberData(nameof(StoryClock))]
    public void ClockTimesTakeTheStoryDay(string text, string extent, string value) =>
        TaggerAssert.Value(text, extent, value, dct: "2009-12-19");

    [Fact]
    public void NewsClockTimesKeepThePublicationDay() =>
        // News is not a narrative: one old day told earlier does not move a clock time off publication's day.
        TaggerAssert.Value("The company was founded on May 7, 1954.\nShares rose on Tuesday. Trading closes at 4 p.m.\n", "4 p.m.", "2026-01-28T16:00");

    public static TheoryData<string, string, string> OpenedFar => new()
    {
        // A section headed by a year alone: its bare dates are in that year, before any second far year makes a narrative.
        { "1936\n\nCoup leader Sanjurjo was killed in a plane crash on 20 July.\n", "20 July", "1936-07-20" },
        // A story that opens on a far date with its month or day keeps that year for the months after it.
        { "On November 23, 1946 the French fleet shelled the city.\nIn December, hostilities broke out in Hanoi.\n", "December", "1946-12" },
        // A bare year inside a news sentence is background, not a setting: the next date is publication's year.
        { "Mr. Lortie joined the company in 1985.\nFor the six months ended Aug. 12, profit fell.\n", "Aug. 12", "2025-08-12" },
        // So is a far date told after something near publication (here "last week").
        { "Officials met last week. The treaty was signed on July 4, 1997.\nMembers will join on March 12.\n", "March 12", "2026-03-12" },
    };

    [Theory]
    [MemberData(nameof(OpenedFar))]
    public void AStoryThatOpensOnAFarDateStaysThere(string text, string extent, string value) =>
        Assert.Equal(value, TaggerAssert.Mention(text, extent).Value);

    [Fact]
    public void NewsAnchorsMonthsOnPublicationDespiteAnOldYear()
    {
        // One old year in a news story, with publication-anchored expressions around it, is not a narrative.
        const string news = "The company said on Tuesday that profit fell last year.\nIts founder started it in 1985.\nResults are due in March.\n";
        TaggerAssert.Value(news, "March", "2026-03");
    }

    [Theory]
    // A year before the common era, in the usual spellings.
    [InlineData("Carthage fell in 146 B.C. after a siege.", "146 B.C.", "BC0146")]
    [InlineData("The war began in 264 BC.", "264 BC", "BC0264")]
    public void YearsBeforeTheCommonEra(string text, string extent, string value) =>
        TaggerAssert.Value(text, extent, value);

    [Theory]
    // FsCheck found "2Bc": mixed-case letters after a number are a code, not an era.
    [InlineData("Form 2Bc was filed.")]
    [InlineData("Room 12bc is closed.")]
    public void LowerCaseEraLettersAreNotAYearBeforeTheCommonEra(string text) =>
        Assert.DoesNotContain(TaggerAssert.Tag(text), m => m.Value.StartsWith("BC", StringComparison.Ordinal));

    [Fact]
    public void CoordinatedMonthTakesTheYearStatedAfterIt() =>
        // "August and September 1914": the year after the second month belongs to both.
        TaggerAssert.Value("They were driven back in August and September 1914.", "August", "1914-08");

    [Theory]
    // "soon" before a past verb tells a past sequel, not a reference to the future.
    [InlineData("Cash trickled in from Miami, and the trickle soon became a flood.")]
    // Also in the passive.
    [InlineData("He was taken to a hospital. He was soon released.")]
    public void SoonInAPastSequelIsNotAFutureReference(string text) =>
        Assert.DoesNotContain(TaggerAssert.Tag(text), m => m.Text == "soon");

    [Theory]
    // Ahead of a present or future verb it still is.
    [InlineData("The company soon will begin selling boxes for 99 cents.")]
    [InlineData("The budget will soon move into surplus.")]
    public void SoonAheadIsAFutureReference(string text) =>
        Assert.Equal("FUTURE_REF", TaggerAssert.Mention(text, "soon").Value);

    [Fact]
    public void AsSoonAsIsNotATemporalExpression() =>
        Assert.DoesNotContain(TaggerAssert.Tag("They will leave as soon as the threats end."), m => m.Text == "soon");
}
