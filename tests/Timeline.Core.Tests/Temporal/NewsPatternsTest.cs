using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// Patterns found in the Ever Given cluster (news from Europe, the Gulf and the Americas, March 2021), stated as general rules:
/// numeric day/month dates, day-month without a year, clock times joined to their day, and names that only look temporal.
/// </summary>
public class NewsPatternsTest
{
    private static IReadOnlyList<TemporalMention> Tag(string text, string dct, string zone) =>
        TemporalTagger.Default.Tag(text, DocumentTime.FromDate(LocalDatePattern.Iso.Parse(dct).Value, DateTimeZoneProviders.Tzdb[zone]));

    private static TemporalMention Single(string text, string extent, string dct, string zone)
    {
        var mentions = Tag(text, dct, zone);
        int at = text.IndexOf(extent, StringComparison.Ordinal);
        Assert.True(at >= 0, $"test bug: '{extent}' is not in '{text}'");
        var covering = mentions.Where(m => m.Start < at + extent.Length && at < m.End).ToList();
        Assert.True(covering.Count == 1, $"expected one mention over '{extent}', got [{string.Join(", ", mentions.Select(m => $"'{m.Text}'={m.Value}"))}]");
        Assert.Equal(extent, covering[0].Text);
        return covering[0];
    }

    public static TheoryData<string, string, string, string, string> NumericDates => new()
    {
        // A weekday and a day above 12: day first, year from the document time (Freight Pulse "the story so far").
        { "- Tue 23/3 – The ship runs aground in a sandstorm.", "Tue 23/3", "2021-03-23", "2021-03-26", "Europe/Amsterdam" },
        { "Thu 25/3: the authority suspends all navigation.", "Thu 25/3", "2021-03-25", "2021-03-26", "Europe/Amsterdam" },
        // Both numbers could be the month: the weekday decides, whatever the zone says.
        { "Thu 3/4: talks resumed in Cairo.", "Thu 3/4", "2021-03-04", "2021-03-26", "Europe/London" },
        { "Sat 3/4: talks resumed in Cairo.", "Sat 3/4", "2021-04-03", "2021-04-10", "America/New_York" },
        // The nearest year does not fit the weekday; the year before does.
        { "Tue 23/3 was the day it all began.", "Tue 23/3", "2021-03-23", "2022-01-10", "Europe/London" },
        // Day first with a full year, with slashes or dots.
        { "The ship grounded on 23/3/2021 near Suez.", "23/3/2021", "2021-03-23", "2021-03-31", "Europe/Berlin" },
        { "The ship grounded on 23.3.2021 near Suez.", "23.3.2021", "2021-03-23", "2021-03-31", "Europe/Berlin" },
        // Two two-digit numbers without a year: a date even without a preposition.
        { "Grounding reported 23/03 by the canal authority.", "23/03", "2021-03-23", "2021-03-31", "Europe/Berlin" },
        // US order stays where it is the only reading.
        { "The ship grounded on 3/23/2021 near Suez.", "3/23/2021", "2021-03-23", "2021-03-31", "America/New_York" },
        // Truly ambiguous: the document's region decides (day first in Europe, month first in the Americas).
        { "The hearing is set for 5/4/2021 in London.", "5/4/2021", "2021-04-05", "2021-03-31", "Europe/London" },
        { "The hearing is set for 5/4/2021 in Ohio.", "5/4/2021", "2021-05-04", "2021-03-31", "America/New_York" },
    };

    [Theory]
    [MemberData(nameof(NumericDates))]
    public void ResolvesNumericDayMonth(string text, string extent, string value, string dct, string zone) =>
        Assert.Equal(value, Single(text, extent, dct, zone).Value);

    public static TheoryData<string, string> NotNumericDates => new()
    {
        // "around the clock", a fraction, a version number and a decimal are not dates.
        { "The port now works 24/7 to clear the queue.", "24/7" },
        { "About 3/4 of the ships were container carriers.", "3/4" },
        { "The tracker runs version 1.2.3 of the software.", "1.2.3" },
        { "Rates rose 23.3 percent in a week.", "23.3" },
        // A bare weekday abbreviation is not a date on its own ("The Sun" is a newspaper).
        { "The Sun said the crew was safe.", "Sun" },
    };

    [Theory]
    [MemberData(nameof(NotNumericDates))]
    public void LeavesNumbersThatAreNotDates(string text, string phrase)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        var hits = Tag(text, "2021-03-26", "Europe/London").Where(m => m.Start < at + phrase.Length && at < m.End).ToList();
        Assert.True(hits.Count == 0, $"'{phrase}' was tagged as [{string.Join(", ", hits.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }

    public static TheoryData<string, string, string, string> DayMonthWithoutYear => new()
    {
        // "since 23 March": "March" after a day number is the month, not the verb.
        { "The 400-metre ship has been stuck since 23 March, when it ran aground.", "23 March", "2021-03-23", "2021-03-27" },
        { "Salvors pulled the ship free on 29 March.", "29 March", "2021-03-29", "2021-03-31" },
        // An ordinal day.
        { "The ship grounded on 23rd March near Suez.", "23rd March", "2021-03-23", "2021-03-31" },
        // Far from publication, the tense picks the year.
        { "The talks will resume on 3 May in Cairo.", "3 May", "2022-05-03", "2021-11-10" },
        { "The talks resumed on 3 May in Cairo.", "3 May", "2021-05-03", "2021-11-10" },
    };

    [Theory]
    [MemberData(nameof(DayMonthWithoutYear))]
    public void ResolvesDayMonthLikeMonthDay(string text, string extent, string value, string dct) =>
        Assert.Equal(value, Single(text, extent, dct, "Europe/London").Value);

    public static TheoryData<string, string, string, TimexMod, string> ClockWithDay => new()
    {
        // A clock time before "on <date>" takes that day, not the publication day; the date stays its own mention.
        { "The boxship ran aground at about 7:40 a.m. on March 23, after gusts.", "about 7:40 a.m.", "2021-03-23T07:40", TimexMod.Approx, "2021-03-31" },
        { "The vessel grounded at around 07:40 local time on 23 March 2021 while transiting.", "around 07:40 local time", "2021-03-23T07:40", TimexMod.Approx, "2021-03-31" },
        // A clock time right before a weekday is one expression.
        { "It was pulled free at 3:05 p.m. Monday, officials said.", "3:05 p.m. Monday", "2021-03-29T15:05", TimexMod.None, "2021-03-31" },
        // A parenthetical GMT time between the clock and its day (AP style); the GMT time itself is not tagged, as in AQUAINT.
        { "The ship grounded at 07:40 (0540 GMT) on Tuesday.", "07:40", "2021-03-23T07:40", TimexMod.None, "2021-03-24" },
        { "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, officials said.", "about 10:35 a.m.", "2021-03-19T10:35", TimexMod.Approx, "2021-03-24" },
        // A military-style time with its zone, on its own.
        { "Talks will start at 1430 GMT on Monday.", "1430 GMT", "2021-03-29T14:30", TimexMod.None, "2021-03-24" },
        // A day written first: "on March 23 at 7:40 a.m.".
        { "It ran aground on March 23 at 7:40 a.m. in a sandstorm.", "7:40 a.m.", "2021-03-23T07:40", TimexMod.None, "2021-03-31" },
        // A bullet timeline's date, its dash or colon, then the hour: the bullet's day, not the newsletter's.
        { "Tue 23/3 – At 07:40 local time the ship runs aground.", "07:40 local time", "2021-03-23T07:40", TimexMod.None, "2021-03-31" },
        { "23 March: at 7:40 a.m. the ship ran aground.", "7:40 a.m.", "2021-03-23T07:40", TimexMod.None, "2021-03-31" },
        // An ISO 8601 timestamp with an offset is one local time, not a date, a clock and a stray "02:00".
        { "Updated 2021-03-23T16:05:00+02:00 by the desk.", "2021-03-23T16:05:00+02:00", "2021-03-23T16:05", TimexMod.None, "2021-03-24" },
        { "Published 2021-03-29T22:40:00-04:00 in New York.", "2021-03-29T22:40:00-04:00", "2021-03-29T22:40", TimexMod.None, "2021-03-30" },
    };

    [Theory]
    [MemberData(nameof(ClockWithDay))]
    public void JoinsClockTimeToItsDay(string text, string extent, string value, TimexMod mod, string dct)
    {
        var m = Single(text, extent, dct, "Africa/Cairo");
        Assert.Equal(value, m.Value);
        Assert.Equal(mod, m.Mod);
    }

    public static TheoryData<string, string> NotTimexes => new()
    {
        // A spring tide is a tide, not a season; nor is a break that happens to fall in summer.
        { "Salvage experts are counting on the spring tides expected early next week.", "spring" },
        { "The spring tide raised the water level.", "spring" },
        { "Students left during the summer break.", "summer" },
        // The same instant in GMT, in brackets after the local time.
        { "The ship grounded at 07:40 (0540 GMT) on Tuesday.", "0540" },
        // Durations inside the names of wars and periods are not durations.
        { "After the 1967 Six-Day War, Egypt shut the waterway.", "Six-Day" },
        { "Britain fought the Seven Years' War against France.", "Seven Years" },
        { "It recalled Napoleon's Hundred Days in France.", "Hundred Days" },
        // A newspaper named after "daily" is not a frequency.
        { "The letter was published in the Communist Party daily Granma on Friday.", "daily" },
        // "High Noon" (and the idiom "high noon") is a showdown, not a clock time.
        { "The poster showed Gary Cooper in the film High Noon.", "Noon" },
        { "For the people of Poland, high noon comes today.", "noon" },
        // "a second" before a noun is the ordinal: a second group, a second time.
        { "A second group of directors is also seeking control.", "A second" },
        { "He ran for a second term in office.", "a second" },
        { "He was asked a second time and refused.", "a second" },
        // "q3" inside a link or a code is not a quarter.
        { "More for Libra http://t.co/q3Kyo0vF1D now.", "q3" },
    };

    [Theory]
    [MemberData(nameof(NotTimexes))]
    public void LeavesNamesAndNounModifiers(string text, string phrase)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        var hits = Tag(text, "2021-03-28", "Europe/London").Where(m => m.Start < at + phrase.Length && at < m.End).ToList();
        Assert.True(hits.Count == 0, $"'{phrase}' was tagged as [{string.Join(", ", hits.Select(m => $"'{m.Text}'={m.Value}"))}]");
    }

    public static TheoryData<string, string, string> StillTagged => new()
    {
        // TimeBank tags a duration used as a modifier ("a two-hour meeting"), and a headline's "Six days".
        { "They held a two-hour meeting on the canal.", "two-hour", "PT2H" },
        // A unit made an adjective with "-long" (TimeBank: "day-long" P1D, "decades-long" PXY).
        { "The week-long closure recalled the longest shutdown.", "week-long", "P1W" },
        { "It is a decades-long dispute over the waterway.", "decades-long", "PXDE" },
        { "Six days in the sand: how the canal closed", "Six days", "P6D" },
        // A season with an anchor stays a season even before a noun.
        { "Prices rose after last spring's offensive.", "last spring", "2020-SP" },
        { "Work resumed in the spring of 2020.", "the spring of 2020", "2020-SP" },
        // The year of a war is still a year.
        { "After the 1967 Six-Day War, Egypt shut the waterway.", "1967", "1967" },
    };

    [Theory]
    [MemberData(nameof(StillTagged))]
    public void KeepsRealExpressions(string text, string extent, string value) =>
        Assert.Equal(value, Single(text, extent, "2021-03-28", "Europe/London").Value);

    public static TheoryData<string, string, string, string> WeekdayAppositions => new()
    {
        // "June 23, a Saturday": the weekday restates the day just given, not the Saturday after publication's week.
        { "They went in with their coach after practice on June 23, a Saturday, and did not come out.", "Saturday", "2018-06-23", "2018-07-05" },
        // Without the article, right after the date.
        { "The vote was set for Nov. 7, Tuesday, and went ahead.", "Tuesday", "2023-11-07", "2023-11-20" },
        // A weekday that is not the date's own is not a restatement: it keeps its own value (the week before publication).
        { "The meeting on June 22, a Saturday, was cancelled.", "Saturday", "2018-06-30", "2018-07-05" },
        // A weekday after a date with a clause between them is its own date.
        { "Rescuers arrived on June 25 and by Saturday had pumped out the first chamber.", "Saturday", "2018-06-30", "2018-07-05" },
    };

    [Theory]
    [MemberData(nameof(WeekdayAppositions))]
    public void AWeekdayBesideADateRestatesIt(string text, string extent, string value, string dct) =>
        Assert.Equal(value, Single(text, extent, dct, "UTC").Value);

    public static TheoryData<string, string, string, string> SetUpWeekdays => new()
    {
        // What a clause sets up comes after the day just given: the Wednesday after Tuesday, not the Wednesday before publication.
        { "Parliament accepted three nominations on Tuesday, setting up a secret ballot on Wednesday.", "Wednesday", "2022-07-20", "2022-07-19" },
        // "paving the way for": the same, in an article written two days later.
        { "The court ruled on Monday, paving the way for a vote on Thursday.", "Thursday", "2022-07-21", "2022-07-23" },
        // Without such a phrase a past-tense weekday keeps its direction: Sunday before Tuesday.
        { "He arrived on Tuesday, having left on Sunday.", "Sunday", "2022-07-17", "2022-07-19" },
    };

    [Theory]
    [MemberData(nameof(SetUpWeekdays))]
    public void AWeekdaySetUpByTheClauseFollowsTheDayGiven(string text, string extent, string value, string dct) =>
        Assert.Equal(value, Single(text, extent, dct, "UTC").Value);
}
