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
        // In news, "until" after a past verb still points forward: a deadline moved ahead (publication Thu 2000-03-30).
        { "Immigration officials postponed until Tuesday morning any action on the case.", "Tuesday morning", "2000-04-04TMO", "2000-03-30" },
        // In a history told in the past (many far years, nothing anchored on publication), "until" follows the narrative.
        { "In 1916 the armies fought at Verdun. In 1917 they fought at Arras. In 1918 the French advanced, in fighting which lasted until 16 August.", "16 August", "1918-08-16", "2009-12-19" },
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
        // A closing quote ends the quoted clause: "said" after it is when it was said, "will leave" inside sets the direction.
        { "''The father will leave for the United States with his wife and son on Thursday,'' Castro said.", "Thursday", "2000-04-06", "2000-04-05" },
        // A clock written with a dot ("6.04 pm", British and Indian style) does not end the sentence: "is scheduled for" before it
        // still points the weekday after it forward (publication Tue 2023-08-22), as it does for "6:04 pm".
        { "The docking is scheduled for 6.04 pm on Wednesday.", "Wednesday", "2023-08-23", "2023-08-22" },
        { "The docking is scheduled for 6:04 pm on Wednesday.", "Wednesday", "2023-08-23", "2023-08-22" },
        // A relative clause after the date glosses it ("which is …"): its present tense does not outweigh the plan before the date.
        { "The docking is scheduled for 6 pm on Wednesday, which is 8.30 pm in Perth.", "Wednesday", "2023-08-23", "2023-08-22" },
        // Must not change: with no cue before the date, the first verb after it still sets the direction, even in a "who" clause.
        { "On Wednesday, the minister, who will step down, meets the press.", "Wednesday", "2023-08-23", "2023-08-22" },
        // A decimal number likewise: "will" before "2.5 percent" still sets the direction (publication Mon 2023-05-01).
        { "Fares will rise by 2.5 percent on Friday.", "Friday", "2023-05-05", "2023-05-01" },
        // Without any tense cue, a month five months ahead is read as the last one (news looks back) ...
        { "The stock rose to $42 in June from $29.75 in March.", "March", "1989-03", "1989-10-30" },
        // ... while one up to four months ahead stays ahead.
        { "Prices: the figures for February.", "February", "1990-02", "1989-10-30" },
    };

    // Future in the past (publication Wed 2023-06-21): a plan reported in the past tense still points forward from publication.
    public static TheoryData<string, string, string, string> FutureInThePast => new()
    {
        // "were due to … by Thursday": the coming Thursday, not the one before.
        { "More ships were due to reach the area by Thursday.", "Thursday", "2023-06-22", "2023-06-21" },
        // "was scheduled to" and "were expected to" likewise.
        { "The talks were scheduled to resume on Friday.", "Friday", "2023-06-23", "2023-06-21" },
        { "Investigators were expected to board the ship on Saturday.", "Saturday", "2023-06-24", "2023-06-21" },
        // "would": a plan reported in indirect speech.
        { "He said he would resign on Friday.", "Friday", "2023-06-23", "2023-06-21" },
        // "planning to", "plan to", "planned a …": the planned event lies ahead (publication Wed 2023-06-21).
        { "Protesters were planning to drive around the airport on Monday.", "Monday", "2023-06-26", "2023-06-21" },
        { "Officials said they did not plan to remove the boy on Thursday morning.", "Thursday morning", "2023-06-22TMO", "2023-06-21" },
        { "Protesters planned a large demonstration in the city on Saturday.", "Saturday", "2023-06-24", "2023-06-21" },
        // "were" read with its plan word: a closer "were planning" after the expression must not turn a planned rally into a past one.
        { "Protesters planned a large demonstration in the city on Saturday and were planning to drive around the airport.", "Saturday", "2023-06-24", "2023-06-21" },
        // Must not change: "had planned" places the plan itself in the past.
        { "The group had planned to march on Monday.", "Monday", "2023-06-19", "2023-06-21" },
        // Must not change: the past perfect places the plan itself in the past.
        { "The talks had been scheduled to resume on Friday.", "Friday", "2023-06-16", "2023-06-21" },
        // Must not change: "last week" places the plan in the past.
        { "Last week the ship was due to dock on Friday.", "Friday", "2023-06-16", "2023-06-21" },
        // Must not change: the sentence tells the plan's outcome, so its date has come.
        { "A vote was set to take place Tuesday, but the session was canceled.", "Tuesday", "2023-06-20", "2023-06-21" },
        // Must not change: a plain past verb looks back.
        { "The ship docked on Friday.", "Friday", "2023-06-16", "2023-06-21" },
    };

    [Theory]
    [MemberData(nameof(FutureInThePast))]
    public void APlanReportedInThePastPointsForward(string text, string extent, string value, string dct) =>
        TaggerAssert.Value(text, extent, value, TimexMod.None, dct);

    [Theory]
    [MemberData(nameof(TenseCues))]
    public void TenseSetsDirection(string text, string extent, string value, string dct) =>
        TaggerAssert.Value(text, extent, value, TimexMod.None, dct);

    public static TheoryData<string, string, string, string> ClockDays => new()
    {
        // A bullet's opening day dates the clocks of its sentence, however far on (a US newsletter's "Thu 9/8").
        { "Thu 9/8 – The palace announces at 1:30 p.m. that the Queen has died.", "1:30 p.m.", "2022-09-08T13:30", "2022-09-20" },
        // The weekday settles the order of "11/8" (11 August 2020 was a Tuesday), and the bullet's day is its clock's.
        { "Tue 11/8 – A week on, the city stops at 18:08; the names are read.", "18:08", "2020-08-11T18:08", "2020-08-15" },
        // An opening "On March 3," likewise.
        { "On March 3, police said the suspect fled at 7:40 a.m.", "7:40 a.m.", "2026-03-03T07:40", "2026-03-05" },
        // A bullet's day dates the clocks of its later sentences too (a newsletter line is one day's entry).
        { "Sun 9/18 – The Bidens pay their respects. At 8 p.m. in Britain the nation keeps a minute's silence.", "8 p.m.", "2022-09-18T20:00", "2022-09-20" },
        // A day inside an earlier sentence does not date the next sentence's clock this way (no time of publication: its own day).
        { "The vote was held on Monday. The result came at 9 p.m.", "9 p.m.", "2026-03-05T21:00", "2026-03-05" },
        // A weekday in apposition to a date: the date decides the clock's day ("on Monday" alone would be last Monday).
        { "The funeral will be held at 11am on Monday, 19 September.", "11am", "2022-09-19T11:00", "2022-09-11" },
    };

    [Theory]
    [MemberData(nameof(ClockDays))]
    public void AClockTakesItsSentencesOpeningDay(string text, string extent, string value, string dct) =>
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
        // "this day" in a history is the day just told, not publication.
        { "In 1916 the armies fought at Verdun. In 1917 they fought at Arras. On 8 August 1918 the Allies attacked, and Ludendorff called this day a black day.", "this day", "1918-08-08", TimexMod.None, "2009-12-19" },
        // A year-ago quarter is that quarter of the previous year.
        { "In the year-ago third quarter, it earned $22.5 million.", "the year-ago third quarter", "1988-Q3", TimexMod.None, "1989-10-26" },
        { "In the year-earlier third quarter, it had net income of $2.8 million.", "the year-earlier third quarter", "1988-Q3", TimexMod.None, "1989-10-26" },
        // "comparable", "corresponding" before year-ago/year-earlier name the same comparison: the reported quarter a year back.
        { "Sales rose in the third quarter. In the corresponding year-earlier period, sales fell.", "the corresponding year-earlier period", "1988-Q3", TimexMod.None, "1989-10-26" },
        { "Profit rose in the third quarter. In the comparable year-ago quarter, it lost money.", "the comparable year-ago quarter", "1988-Q3", TimexMod.None, "1989-10-26" },
        // "a year-earlier loss": the article belongs to the noun, so "year-earlier" is the date, not "a year" a duration.
        { "It had a loss in the third quarter, compared with a year-earlier loss of $26,956.", "year-earlier", "1988-Q3", TimexMod.None, "1989-11-02" },
        { "Profit rose in the third quarter. For the quarter a year ago, it reported $16.3 million.", "the quarter a year ago", "1988-Q3", TimexMod.None, "1989-10-26" },
        // After the quarter, "For the nine months" reports the year to date: its comparisons are with the year before ...
        { "Net rose in the third quarter. For the nine months, net rose to $9 million from $8 million a year earlier.", "a year earlier", "1988", TimexMod.None, "1989-10-26" },
        { "It lost money in the third quarter. For the nine months, it reported a loss, compared with year-earlier net income of $1 million.", "year-earlier", "1988", TimexMod.None, "1989-11-02" },
        { "Net rose in the third quarter. In the first nine months, net was $306 million, compared with a loss in the 1988 period.", "the 1988 period", "1988", TimexMod.None, "1989-11-02" },
        // ... until a quarter is named again.
        { "Net rose in the third quarter. For the nine months, net rose. Third-quarter sales rose from a year earlier.", "a year earlier", "1988-Q3", TimexMod.None, "1989-10-26" },
        // "the quarter ended Sept. 30": the day ends the reported quarter, so "a year ago" still compares with that quarter.
        { "It earned $4.7 million for the fiscal first quarter ended Sept. 30. It had a net loss a year ago.", "a year ago", "1988-Q1", TimexMod.None, "1989-10-26" },
        // A fiscal quarter the story reports is what "the quarter", "the latest period" and "the 1988 period" mean afterwards,
        // even after a month in between (TimeBank wsj_0928, wsj_1003: three values had taken the calendar quarter).
        { "The chipmaker earned $3 million in the fiscal first quarter. Earlier this month it had forecast a loss for the quarter.", "the quarter", "1989-Q1", TimexMod.None, "1989-10-26" },
        { "The retailer posted a profit for the fiscal second quarter. The latest period included a tax gain.", "The latest period", "1989-Q2", TimexMod.None, "1989-10-26" },
        { "The maker earned $5 million in the fiscal first quarter. In the 1988 period it lost $1 million.", "the 1988 period", "1988-Q1", TimexMod.None, "1989-10-26" },
        // A calendar quarter merely mentioned is not the reported one: "the quarter" stays the one before publication.
        { "After a weak second quarter, the paper rebounded. The quarter benefited from lower newsprint prices.", "The quarter", "1989-Q3", TimexMod.None, "1989-10-26" },
        // A year-ago comparison looks back from the reported quarter, never from a quarter still to come (TimeBank wsj_1003).
        { "Analysts expect losses through the second quarter of 1990. In the year-ago period, the mill earned $9 million.", "the year-ago period", "1988-Q3", TimexMod.None, "1989-10-26" },
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

/// <summary>Both ends of a range are dates of their own (TimeML), and reporting words that start an expression.</summary>
public class RangeEndsAndPeriodsTest
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // The first day takes the month and year of the explicit date after the link ("-", "to", "and").
        { "The sieges of Outpost Harry (10-18 June 1953) followed.", "10", "1953-06-10", "2009-06-01" },
        { "From 15 to 22 February 1984, in Operation Dawn 5, the Iranians attacked.", "15", "1984-02-15", "2009-06-01" },
        { "The hackathon is happening between 14 and 16 November.", "14", "2014-11-14", "2014-11-01" },
        // The second day takes the month of the day just before it, and the year written after it, which the first day shares.
        { "The engagements at Celaya, on April 6-7, 1915, were decisive.", "7, 1915", "1915-04-07", "2009-06-01" },
        { "The engagements at Celaya, on April 6-7, 1915, were decisive.", "April 6", "1915-04-06", "2009-06-01" },
        { "Surrendering on May 4 and 5, 1865, were the last departments.", "5, 1865", "1865-05-05", "2009-06-01" },
        // Without a year, the second day takes the year of the first.
        { "The two engagements, on April 6-7 and from April 13-15, were decisive.", "15", "2009-04-15", "2009-06-01" },
        // The second year of a span: two digits take the century of the first, four stand alone.
        { "After the siege of Kut (1915-16), the British reorganised.", "16", "1916", "2009-06-01" },
        { "1983-1985: offensives fail to break the stalemate.", "1985", "1985", "2009-06-01" },
        // An era after the second year applies to the first.
        { "The Ionian Revolt (499-493 BC) began it.", "499", "BC0499", "2009-06-01" },
        // "period" can start an expression even with no number near: the quarter just reported.
        { "The latest period includes gains from early retirement of debt.", "The latest period", "1989-Q3", "1989-10-26" },
        // "the full year" is the current year.
        { "Kellogg forecast an earnings increase for the full year.", "the full year", "1989", "1989-10-26" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves(string text, string extent, string value, string dct) =>
        TaggerAssert.Value(text, extent, value, TimexMod.None, dct);

    [Theory]
    // "and" joins a day to a count only at the end of a clause: "4 and 5 people" is not a range of days.
    [InlineData("On March 3 and 4 people were hurt.", "4")]
    // An ISO date is one expression, not a year range.
    [InlineData("Filed 2025-11-03 in court.", "11")]
    public void LeavesNumbersThatDoNotEndARange(string text, string phrase)
    {
        int at = text.IndexOf(" " + phrase + " ", StringComparison.Ordinal) is >= 0 and var sp ? sp + 1 : text.IndexOf(phrase, StringComparison.Ordinal);
        var hits = TaggerAssert.Tag(text, "2025-11-20").Where(m => m.Start <= at && at < m.End).ToList();
        Assert.True(hits.Count == 0 || hits.All(m => m.Text.Length > phrase.Length), $"'{phrase}' was tagged alone as [{string.Join(", ", hits.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }
}

/// <summary>Phrases TimeBank marks that the rules missed: centuries as modifiers, spans ahead, terms, clock hours by part of day.</summary>
public class MissedPhrasesTest
{
    public static TheoryData<string, string, string, TimexMod, string> Cases => new()
    {
        // An ordinal century without the article, as a modifier (also hyphenated).
        { "She is a 20th century democrat.", "20th century", "19", TimexMod.None, "1998-02-13" },
        { "Angkor Wat, the fabled 11th century temple, drew tourists.", "11th century", "10", TimexMod.None, "1998-02-19" },
        { "In eighteenth-century France throne and altar were allied.", "eighteenth-century", "17", TimexMod.None, "2009-06-01" },
        // Vague spans: ahead, over the years, past years (as "recent years").
        { "Managers will face pressure in the weeks ahead.", "the weeks ahead", "PXW", TimexMod.None, "1989-10-26" },
        { "Over the years many more patients waited.", "the years", "PXY", TimexMod.None, "1998-03-31" },
        { "There were sell programs in past years, too.", "past years", "PAST_REF", TimexMod.None, "1989-10-26" },
        // "the near term", "the short term": the future; "long-term" as an adjective is not marked (see below).
        { "We don't minimize the challenges of the near term.", "the near term", "FUTURE_REF", TimexMod.None, "1989-10-26" },
        { "It could placate holders in the short term.", "the short term", "FUTURE_REF", TimexMod.None, "1989-10-26" },
        // A bare hour with a part of day after "at".
        { "The father will leave at 4 in the morning.", "4 in the morning", "2000-04-05T04:00", TimexMod.None, "2000-04-05" },
        { "The rally ends at 8 in the evening.", "8 in the evening", "2000-04-05T20:00", TimexMod.None, "2000-04-05" },
        // "the month" is the month of the date just mentioned, else the publication month.
        { "Troops arrived on June 10, 1940, and by the end of the month the line held.", "the end of the month", "1940-06", TimexMod.End, "2009-06-01" },
        { "The goal is 40,000 troops in the region by the end of the month.", "the end of the month", "1990-08", TimexMod.End, "1990-08-13" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves(string text, string extent, string value, TimexMod mod, string dct) =>
        TaggerAssert.Value(text, extent, value, mod, dct);

    [Theory]
    // A hyphenated adjective is not a reference to the future.
    [InlineData("It sees a more pessimistic long-term outlook.", "long-term")]
    // "the years" before a range belongs to the years.
    [InlineData("The Encyclopédie appeared in the years 1751-1777.", "the years")]
    public void LeavesPhrases(string text, string phrase)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        var hits = TaggerAssert.Tag(text, "1989-10-26").Where(m => m.Start < at + phrase.Length && at < m.End && m.Text.Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 0, $"'{phrase}' was tagged as [{string.Join(", ", hits.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }
}
