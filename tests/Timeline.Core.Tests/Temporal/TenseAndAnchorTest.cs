using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// Direction and anchoring patterns measured on TimeBank/AQUAINT news (error buckets of issue 3), stated as general rules.
/// Each case gives its own publication date.
/// </summary>
public class TenseAndAnchorTest
{
    public static TheoryData<string, string, string, string> TenseCues => new()
    {
        // "next to" is a place: it must not make a past-tense weekday point forward (publication Sat 1998-08-08).
        { "The blasts next to the embassies in Kenya and Tanzania on Friday killed 100.", "Friday", "1998-08-07", "1998-08-08" },
        // "next door" likewise.
        { "The shop next door was searched on Monday.", "Monday", "1998-08-03", "1998-08-08" },
        // "until" points forward ...
        { "The offer stays open until Thursday.", "Thursday", "1999-05-13", "1999-05-07" },
        // ... unless the clause is in the past perfect (publication Fri 1999-05-07).
        { "Until Thursday, they had not called Kopp a suspect.", "Thursday", "1999-05-06", "1999-05-07" },
        // "is to resume" is a plan: forward (publication Fri 1989-10-27).
        { "The stock is to resume trading in Paris Tuesday.", "Tuesday", "1989-10-31", "1989-10-27" },
        // Dates a notice sets ahead: payable, effective, of record (publication 1989-10-26, 50+ days away).
        { "The company declared a dividend, payable Dec. 15 to holders.", "Dec. 15", "1989-12-15", "1989-10-26" },
        { "The trust also created a new office, effective Feb. 1.", "Feb. 1", "1990-02-01", "1989-10-26" },
        { "It was paid to holders of record Dec. 21.", "Dec. 21", "1989-12-21", "1989-10-26" },
        // An -ed word after a determiner is an adjective: "a still unspecified date" leaves "would" to set the direction.
        { "The split would be paid on a still unspecified date in January.", "January", "1990-01", "1989-10-26" },
        // "Ala." before a comma ends an abbreviation, not the sentence: the verb "killed" after it sets the past.
        { "In January, a week after the anniversary, a bombing in Birmingham, Ala., killed a guard.", "January", "1998-01", "1998-10-25" },
        // Without any tense cue, a month five months ahead is read as the last one (news looks back) ...
        { "The stock rose to $42 in June from $29.75 in March.", "March", "1989-03", "1989-10-30" },
        // ... while one up to four months ahead stays ahead.
        { "Prices: the figures for February.", "February", "1990-02", "1989-10-30" },
    };

    [Theory]
    [MemberData(nameof(TenseCues))]
    public void TenseSetsDirection(string text, string extent, string value, string dct) =>
        TaggerAssert.Value(text, extent, value, TimexMod.None, dct);

    public static TheoryData<string, string, string, TimexMod, string> Compositions => new()
    {
        // One day before a named day: the day is resolved first, then shifted (publication Thu 2000-02-24).
        { "The day before last Tuesday's hearing, Manuel went to the house.", "The day before last Tuesday", "2000-02-21", TimexMod.None, "2000-02-24" },
        { "The day after Christmas Day, the shops reopened.", "The day after Christmas Day", "2025-12-26", TimexMod.None, "2026-01-28" },
        // Year-end: the end of the publication year, in its three spellings ...
        { "It expects to complete the transaction by year-end.", "year-end", "1989", TimexMod.End, "1989-10-26" },
        { "Regulations should be in place by year's end.", "year's end", "1989", TimexMod.End, "1989-10-26" },
        { "Staff will be cut by year end, the company said.", "year end", "1989", TimexMod.End, "1989-10-26" },
        // ... or of the year before after "since".
        { "The percentage change is since year-end.", "year-end", "1988", TimexMod.End, "1989-10-27" },
        // A year-ago quarter is that quarter of the previous year.
        { "In the year-ago third quarter, it earned $22.5 million.", "the year-ago third quarter", "1988-Q3", TimexMod.None, "1989-10-26" },
        { "In the year-earlier third quarter, it had net income of $2.8 million.", "the year-earlier third quarter", "1988-Q3", TimexMod.None, "1989-10-26" },
        { "Profit rose in the third quarter. For the quarter a year ago, it reported $16.3 million.", "the quarter a year ago", "1988-Q3", TimexMod.None, "1989-10-26" },
    };

    [Theory]
    [MemberData(nameof(Compositions))]
    public void ComposesAnchors(string text, string extent, string value, TimexMod mod, string dct) =>
        TaggerAssert.Value(text, extent, value, mod, dct);

    public static TheoryData<string, string, string> Spans => new()
    {
        // "in coming weeks" without the article is the same vague span as "the coming weeks".
        { "The Fed may lower rates in coming weeks, they reasoned.", "coming weeks", "PXW" },
        { "The Fed may lower rates in the coming weeks.", "the coming weeks", "PXW" },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void ValuesVagueSpans(string text, string extent, string value) =>
        TaggerAssert.Value(text, extent, value, TimexMod.None, "1998-10-01");

    [Theory]
    // An age is not a temporal expression in TimeBank, written with hyphens or without.
    [InlineData("Reupke, 52 years old, had been general manager.", "52 years")]
    [InlineData("A 52-year-old manager was named.", "52-year")]
    public void LeavesAges(string text, string phrase)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        var hits = TaggerAssert.Tag(text, "1989-10-26").Where(m => m.Start < at + phrase.Length && at < m.End).ToList();
        Assert.True(hits.Count == 0, $"'{phrase}' was tagged as [{string.Join(", ", hits.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }
}
