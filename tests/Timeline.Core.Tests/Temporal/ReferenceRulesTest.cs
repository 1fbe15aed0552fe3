using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// Rules that move or cancel the reference a date is read from (ChunkParser.Reference.cs), each found as a wrong date in the
/// session-5 blind clusters and checked here on other sentences of the same shape.
/// </summary>
public class ReferenceRulesTest
{
    public static TheoryData<string, string, string, string> Values => new()
    {
        // "N ago today" is the publication day moved back by N: a day, not the week or month of the count, nor today.
        { "A week ago today, on Friday evening, the column set off for Moscow.", "A week ago today", "2023-06-23", "2023-06-30" },
        { "A month ago today the dam burst.", "A month ago today", "2023-05-30", "2023-06-30" },
        { "A year ago today, the first case was confirmed.", "A year ago today", "2019-03-11", "2020-03-11" },
        // "a year ago this week / this month": that week or month a year back.
        { "A year ago this week, markets crashed.", "A year ago this week", "2022-W26", "2023-06-30" },
        { "Two years ago this month the plant closed.", "Two years ago this month", "2021-06", "2023-06-30" },
        // Without "today" the count keeps its own granularity.
        { "The talks began a week ago.", "a week ago", "2023-W25", "2023-06-30" },
        // A weekday restating the day just counted ("…, on Friday evening") is that day, with its part of the day.
        { "A week ago today, on Friday evening, the column set off.", "Friday evening", "2023-06-23TEV", "2023-06-30" },
        // A weekday that is the object of a decision about coming days is ahead of the decision, whatever the verb's tense.
        { "The mayor declared a state of emergency and made Monday a non-working day.", "Monday", "2023-06-26", "2023-06-24" },
        { "The government declared Friday a national day of mourning.", "Friday", "2023-03-03", "2023-02-27" },
        { "Officials named Tuesday as a public holiday.", "Tuesday", "2024-05-07", "2024-05-03" },
        // Without the small clause the weekday keeps its tense: "made … on Monday" is the Monday before.
        { "The mayor made the announcement on Monday.", "Monday", "2023-06-19", "2023-06-24" },
        // "Friday next week", "Tuesday this week": the weekday of the named week.
        { "The result will be announced by Friday next week.", "Friday next week", "2022-10-28", "2022-10-21" },
        { "The board meets on Tuesday this week.", "Tuesday this week", "2022-10-18", "2022-10-21" },
        // A present-tense "when" clause of a future sentence points ahead ("will become … when the King asks him … on Tuesday").
        { "Sunak will become prime minister when the King asks him to form a government on Tuesday.", "Tuesday", "2022-10-25", "2022-10-24" },
        { "The fund will reopen once the regulator signs off on Thursday.", "Thursday", "2022-10-27", "2022-10-24" },
        // A past "when" clause stays in the past.
        { "He was in the room when the news broke on Thursday.", "Thursday", "2022-10-20", "2022-10-24" },
        // A quote's "today" in a sentence dated before the quote is the day of the speech (reported speech).
        { "- Tue 27/6 – Lukashenko: Prigozhin \"is in Belarus today\".", "today", "2023-06-27", "2023-07-11" },
        { "On March 3, the minister said: \"Today we begin the withdrawal.\"", "Today", "2023-03-03", "2023-03-10" },
        // "that <weekday>" points back to the day the story is telling, not to the publication day (TimeML's anaphoric reading).
        { "The storm reached the coast on March 4. Power failed at 2 a.m. that Wednesday.", "Wednesday", "2024-03-06", "2024-04-17" },
        { "The fire started on Friday, June 7. Later that Saturday it crossed the river.", "Saturday", "2024-06-08", "2024-06-20" },
        // "said that Tuesday's …" is the conjunction: the weekday is read from publication as usual.
        { "The strike began on March 4. Officials said that Tuesday's talks had failed.", "Tuesday", "2024-04-16", "2024-04-17" },
        // A quote's "today" reported with a past verb of saying, right after a sentence that reports the speech on an earlier day
        // of the week before: the day it was said.
        { "The union said on Monday evening that talks had failed. \"Today, we walk out,\" its leader told a rally.", "Today", "2024-12-09", "2024-12-10" },
        { "The coach announced on Sunday that he would leave. He added: \"Today is my last day here.\"", "Today", "2024-12-08", "2024-12-10" },
        // The day before reports a happening, not the words: the quote is read on the publication day.
        { "The storm hit on Monday. \"Today we clean up,\" the mayor said.", "Today", "2024-12-10", "2024-12-10" },
        // The attribution is in the present ("says"): the words are the report's own day.
        { "The minister said on Monday that the plan was dead. \"Today we start again,\" she says.", "Today", "2024-12-10", "2024-12-10" },
        // A speech more than a week before publication is not taken as the quote's day (it may be an older quote recalled).
        { "The minister said on March 3 that the plan was dead. \"Today we start again,\" she added.", "Today", "2023-03-20", "2023-03-20" },
        // Outside a quote, "today" is still the publication day.
        { "On March 3 the minister resigned, and today his deputy took over.", "today", "2023-03-10", "2023-03-10" },
        // "until" points forward past a point modifier too, as "until June" does: the coming June, its middle or end.
        { "The regulator has until mid-June to rule on the merger.", "mid-June", "2025-06", "2024-11-20" },
        { "The parliament has 90 days, until the end of March, to approve the budget.", "the end of March", "2025-03", "2024-12-10" },
        { "The bridge stays closed until late February.", "late February", "2025-02", "2024-12-10" },
        // "since" looks back past a point modifier ("since the start of"), as "since June" does.
        { "Prices have risen since the start of September.", "the start of September", "2024-09", "2024-12-10" },
        // A day or month inside an infinitive governed by a verb of wanting or asking lies ahead of the wish (future in the past).
        { "The union said it wanted the ballot to be held on Friday.", "Friday", "2024-12-13", "2024-12-10" },
        { "Opposition leaders asked for the election to take place in March.", "March", "2025-03", "2024-12-10" },
        { "The lawyers urged the court to rule on Thursday.", "Thursday", "2024-12-12", "2024-12-10" },
        // Without the infinitive the past verb keeps the date behind: "moved the vote to Friday" is a preposition, not a wish.
        { "The union demanded on Friday that the minister resign.", "Friday", "2024-12-06", "2024-12-10" },
        // "is/are … on/for <weekday>": the present progressive or the copula tells an arrangement ahead, not last week's day.
        { "The union is holding a strike ballot on Friday.", "Friday", "2024-12-13", "2024-12-10" },
        { "The final is on Sunday.", "Sunday", "2024-12-15", "2024-12-10" },
        { "Traders are bracing for Thursday's rate decision.", "Thursday", "2024-12-12", "2024-12-10" },
        // A past verb nearer the weekday keeps it behind ("is in hospital after he was shot on Monday").
        { "He is in hospital after he was shot on Monday.", "Monday", "2024-12-09", "2024-12-10" },
        // A past verb between the infinitive and the date ends the wish: the date is that verb's.
        { "The union wanted the ballot to be held before the minister left on Friday.", "Friday", "2024-12-06", "2024-12-10" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Resolves(string text, string extent, string value, string dct) =>
        Assert.Equal(value, TaggerAssert.Mention(text, extent, dct).Value);

    public static TheoryData<string, string, string> Generic => new()
    {
        // A weekday used attributively after an indefinite article names a kind of thing, not a day: a SET like "every Monday".
        { "The Vistula Letter is a free Monday email on security.", "Monday", "XXXX-WXX-1" },
        { "It began as a regular Sunday briefing for subscribers.", "Sunday", "XXXX-WXX-7" },
        { "She writes a Friday column for the paper.", "Friday", "XXXX-WXX-5" },
        { "Subscribe to every Monday newsletter.", "every Monday", "XXXX-WXX-1" },
    };

    [Theory]
    [MemberData(nameof(Generic))]
    public void AGenericWeekdayIsASet(string text, string extent, string value)
    {
        TemporalMention m = TaggerAssert.Mention(text, extent, "2023-07-03");
        Assert.Equal(TimexType.Set, m.Type);
        Assert.Equal(value, m.Value);
    }

    public static TheoryData<string, string> Dates => new()
    {
        // AP style "a rally Saturday", "a statement Friday": a noun, then the weekday as a date (TimeBank/AQUAINT gold).
        { "Thousands joined a rally Saturday demanding his return.", "Saturday" },
        { "The ambassadors issued a joint statement Friday saying the entry would help.", "Friday" },
        // A daypart after the weekday: "on a Monday morning" is a time of a day.
        { "It happened on a Monday morning in June.", "Monday morning" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void AWeekdayAfterANounStaysADate(string text, string extent) =>
        Assert.NotEqual(TimexType.Set, TaggerAssert.Mention(text, extent, "2023-07-03").Type);

    // Publication Tue 2023-07-04 for every row.
    public static TheoryData<string, string> NamedDays => new()
    {
        // The name of a disaster of another year: its weekday is no day near publication (the year beside it is its own mention).
        { "Farmers in Victoria still speak of the Black Saturday bushfires of February 2009.", "Saturday" },
        // A massacre's name, told with no date at all.
        { "The inquiry into Bloody Sunday took twelve years.", "Sunday" },
        // A day of primaries named for its weekday.
        { "She won nine states on Super Tuesday.", "Tuesday" },
        // Shopping days named for their weekday.
        { "Retailers are already planning Cyber Monday discounts.", "Monday" },
        // A feast whose date is Easter's, not the nearest Friday.
        { "The shops were shut on Good Friday.", "Friday" },
    };

    [Theory]
    [MemberData(nameof(NamedDays))]
    public void AWeekdayInsideANameIsNoWeekday(string text, string weekday)
    {
        int at = text.IndexOf(weekday, StringComparison.Ordinal);
        Assert.DoesNotContain(TaggerAssert.Tag(text, "2023-07-04"), m => m.Start <= at && at < m.End);
    }

    // Must not change (publication Tue 2023-07-04): a capitalised word outside the list before a weekday is wire style for "on".
    public static TheoryData<string, string, string> NamedDaysNotNames => new()
    {
        // A place before the weekday (AP dateline style).
        { "Protesters marched in Paris Saturday.", "Saturday", "2023-07-01" },
        // A person before the weekday.
        { "The ministers met Clinton Friday.", "Friday", "2023-06-30" },
        // "black" in lower case is a plain adjective, not a name: the weekday stays the last Monday.
        { "It was a black Monday for the markets.", "Monday", "2023-07-03" },
    };

    [Theory]
    [MemberData(nameof(NamedDaysNotNames))]
    public void AWeekdayAfterOtherCapitalisedWordsStaysAWeekday(string text, string weekday, string value) =>
        TaggerAssert.Value(text, weekday, value, TimexMod.None, "2023-07-04");

    public static TheoryData<string, string, string, string> Clocks => new()
    {
        // "at 11am London time on Monday": the clock belongs to the day that follows the place's time.
        { "Hunt spoke at 11am London time on Monday, 11pm on Monday in New Zealand.", "11am", "2022-10-17T11:00", "08:00" },
        { "The polls closed at 8pm New York time on Monday.", "8pm", "2022-10-17T20:00", "08:00" },
        // A past clock time later than the publication time, in a sentence that goes on with "yesterday", is yesterday's.
        { "Hunt went before the cameras at 11am and then to the House of Commons yesterday afternoon.", "11am", "2022-10-17T11:00", "06:45" },
        // The same sentence published after 11am: today's 11am has passed, and nothing says otherwise.
        { "Hunt went before the cameras at 11am and took questions for an hour.", "11am", "2022-10-18T11:00", "14:00" },
        // Without "yesterday", the publication day (TimeBank dates "was shot around 7:15 p.m." in a story stamped 01:58 on its day).
        { "The victim was shot around 7:15 p.m., detectives said.", "around 7:15 p.m.", "2022-10-18T19:15", "01:58" },
        // A past clock time still ahead of the publication time, after a sentence told on the day before: that day's (a morning
        // paper's account of the night before), also when the sentence opens with the clock and its verb comes after it.
        { "The strike began at 9 p.m. on Monday. At 11 p.m., riot police cleared the square.", "11 p.m.", "2022-10-17T23:00", "07:30" },
        { "Fire crews were called on Sunday evening. The roof collapsed at 10:40 p.m., witnesses said.", "10:40 p.m.", "2022-10-16T22:40", "09:00" },
        // A clock told ahead ("will meet at 11 p.m.") stays on the publication day, whatever day was told before.
        { "The talks broke down on Monday. Negotiators will meet again at 11 p.m.", "11 p.m.", "2022-10-18T23:00", "07:30" },
        // A clock told ahead that has already passed on the publication day is the next day's: an evening page's "will open at
        // 9 a.m." is tomorrow morning.
        { "The polling stations will open at 9 a.m. and close at 6 p.m.", "9 a.m.", "2022-10-19T09:00", "20:15" },
        { "The countdown is scheduled for 5.30 pm, an hour before the launch window.", "5.30 pm", "2022-10-19T17:30", "21:00" },
        // Must not change: within the hour before the stamp, the copy may have been written before it: still the stamp's day.
        { "The judge will rule at 10 a.m.", "10 a.m.", "2022-10-18T10:00", "10:20" },
        // Must not change: a clock told in the past before the stamp is the stamp's day.
        { "The polling stations opened at 9 a.m.", "9 a.m.", "2022-10-18T09:00", "20:15" },
    };

    [Theory]
    [MemberData(nameof(Clocks))]
    public void ClockTimes(string text, string extent, string value, string publishedAt)
    {
        var time = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(publishedAt).Value;
        var published = new DocumentTime(new LocalDate(2022, 10, 18).At(time).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/London"]), true);
        var mentions = TemporalTagger.Default.Tag(text, published);
        TemporalMention m = Assert.Single(mentions, x => x.Text == extent);
        Assert.Equal(value, m.Value);
    }
}
