using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// Value and recognition rules found by sorting the TimeBank/AQUAINT errors by pattern: what a fraction, a name, a clock
/// time written without its colon and a relative month-day look like, each with the count of gold cases behind it.
/// </summary>
public class ValueRulesTest
{
    public static TheoryData<string, string, string, string> Values => new()
    {
        // "last" / "next" before a month and day: the nearest such day before (after) publication, extent with the day
        // (AQUAINT NYT19990419 "shot to death last Oct. 23" had been read as the month alone).
        { "Slepian was shot to death last Oct. 23 at his home.", "last Oct. 23", "1998-10-23", "1999-04-19" },
        { "The vote comes next March 5, officials said.", "next March 5", "2000-03-05", "1999-04-19" },
        // Today's date is not "last" today: the one a year before.
        { "It opened last April 19.", "last April 19", "1998-04-19", "1999-04-19" },
        // A year after "since" opens a span that runs to now; a present clause speaks of now: neither takes the year named
        // earlier in the sentence (news; a past clause still does, see the last case).
        { "He has been in office since 2009 and faces re-election in November.", "November", "2012-11", "2012-11-08" },
        { "He was first elected in 2009 and is up for re-election in March.", "March", "2013-03", "2012-11-08" },
        { "In 2009 the company moved to Texas and in March it opened a plant.", "March", "2009-03", "2012-11-08" },
        // February 29 in a sentence about 1995, a year without that day, is the nearest leap day (WikiWars Iraq War: "withdrew on
        // February 29" had fallen back to "February" 1995).
        { "Turkish troops entered Iraq in 1995 and withdrew on February 29.", "February 29", "2008-02-29", "2009-12-19" },
        // "a quarter of a century" is a span of 25 years (TIDES), not a quarter of a year.
        { "He served a quarter of a century in the Senate.", "a quarter of a century", "P25Y", "1999-04-19" },
        // A vague count of quarters is a period, never a fraction (TimeBank wsj_0575).
        { "It recently achieved profitability after several quarters of losses.", "several quarters", "PXQ", "1989-10-30" },
        // Quarters of a named year stay periods.
        { "Sales fell in the first three quarters of 1990.", "the first three quarters", "P9M", "1991-01-10" },
        // Four digits glued to am/pm are a clock time, not the year 1030 (tweets test_103).
        { "Join us on 21 Apr 1030am at the studio!", "21 Apr 1030am", "2013-04-21T10:30", "2013-04-19" },
        { "Doors open at 730pm tonight.", "730pm", "2013-04-19T19:30", "2013-04-19" },
        // "for the year" names the period a figure is reported for: the current year (TimeBank wsj_0189, wsj_0520: 2 cases
        // had a year's length) ...
        { "For the year, coffee sales were flat, the roaster said.", "the year", "1989", "1989-11-02" },
        { "The shares hit a high for the year in May.", "the year", "1989", "1989-11-02" },
        // ... but a year's length when its end is given, or after "over", "during", "throughout".
        { "For the year ended June 30, the mill earned $4 million.", "the year", "P1Y", "1989-11-02" },
        { "Prices rose steadily over the year.", "the year", "P1Y", "1989-11-02" },
        // "the fiscal year" reads as "the year" (TimeBank wsj_0136, wsj_0505, wsj_0928: 3 were untagged).
        { "The toymaker expects lower earnings for the fiscal year.", "the fiscal year", "1989", "1989-11-02" },
        { "In the fiscal year ended Jan. 31, the chain had sales of $90 million.", "the fiscal year", "P1Y", "1989-11-02" },
        { "Margins should widen throughout the fiscal year.", "the fiscal year", "P1Y", "1989-11-02" },
        // "one day" after a modal is an indefinite future (TIMEX3 FUTURE_REF), not a day's length (TimeBank PRI19980303).
        { "Experts say solar power could one day supply half the grid.", "one day", "FUTURE_REF", "1998-03-03" },
        { "The trial lasted one day.", "one day", "P1D", "1998-03-03" },
        // "then current" is current at a past time (TimeBank wsj_0924).
        { "Holders may buy shares at half the then current market price.", "current", "PAST_REF", "1989-10-26" },
        { "Holders may buy shares at half the current market price.", "current", "PRESENT_REF", "1989-10-26" },
        // "in the morning" is a part of the day the story is telling, else of publication (TimeBank wsj_0586, WikiWars 18,
        // tweets 91 and 174 tagged it; no gold file leaves it untagged).
        { "Stocks slid on Friday. Dealers placed heavy buy orders in the morning, then sold.", "the morning", "1989-10-27TMO", "1989-11-01" },
        { "I went for a long swim in the morning and felt great.", "the morning", "2015-03-21TMO", "2015-03-21" },
        { "Both armies rested during the afternoon.", "the afternoon", "2015-03-21TAF", "2015-03-21" },
        // "the Nth day" after "today is" / "it's" is the day of publication, after a day and a comma the day just named
        // (TimeBank AP900815 and PRI19980306, WikiWars 02 tag them; no gold file leaves one untagged).
        { "Today is the tenth day of the strike at the port.", "the tenth day", "2015-03-21", "2015-03-21" },
        { "It's the third day of protests in the capital.", "the third day", "2015-03-21", "2015-03-21" },
        { "The dock workers walked out on March 2, the first day of the strike.", "the first day", "2015-03-02", "2015-03-21" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Resolves(string text, string extent, string value, string dct) =>
        Assert.Equal(value, TaggerAssert.Mention(text, extent, dct).Value);

    public static TheoryData<string, string> NotTimexes => new()
    {
        // A fraction of something is not a quarter of a year (TimeBank wsj_0768 "more than a quarter of the entire market").
        { "Mutual funds hold more than a quarter of the entire high-yield market.", "quarter" },
        { "About a quarter of voters stayed home.", "quarter" },
        { "Three quarters of the staff left.", "quarters" },
        // Names are not markable (TIDES): a newspaper, a radio programme, a television show in quotes.
        { "He told USA Today that the plan had failed.", "Today" },
        { "This is VOA Today.", "Today" },
        { "Baker said on ABC's \"This Week,\" that the request was fair.", "This Week" },
        // "the night" and "the day" after "in" name no part of a known day (AQUAINT leaves "later in the day" untagged twice).
        { "Investigators replayed the tapes from the night the ferry sank.", "night" },
        { "Negotiators met again later in the day.", "day" },
        // Elsewhere the day an ordinal counts from is unknown: no value is guessed.
        { "He vowed to act on his first day in office.", "day" },
    };

    [Theory]
    [MemberData(nameof(NotTimexes))]
    public void LeavesUntagged(string text, string word)
    {
        int at = text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test bug: '{word}' is not in '{text}'");
        var over = TaggerAssert.Tag(text, "1999-04-19").Where(m => m.Start < at + word.Length && at < m.End).ToList();
        Assert.True(over.Count == 0, $"expected no mention over '{word}', got [{string.Join(", ", over.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }

    public static TheoryData<string, string, string> StillTagged => new()
    {
        // Lower case, or at the start of a sentence, "today" is the day of publication even after an acronym.
        { "He told CNN today that the plan had failed.", "today", "1999-04-19" },
        { "The talks ended in the USA. Today, both sides met again.", "Today", "1999-04-19" },
        // A quoted phrase in lower case is speech, not a title.
        { "\"This week was hard,\" he said.", "This week", "1999-W16" },
    };

    [Theory]
    [MemberData(nameof(StillTagged))]
    public void KeepsOrdinaryUses(string text, string extent, string value) =>
        Assert.Equal(value, TaggerAssert.Mention(text, extent, "1999-04-19").Value);

    [Fact]
    public void ClockWithoutColonKeepsItsType() =>
        Assert.Equal(TimexType.Time, TaggerAssert.Mention("Doors open at 730pm tonight.", "730pm", "2013-04-19").Type);
}
