using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// Times of day told on another calendar than the site's (<see cref="SiteClock"/>) and a quotation's "today" reported in the past
/// (<see cref="SiteDay"/>, <see cref="ReportedSpeech"/>), read on the site's calendar.
/// </summary>
public class SiteCalendarTest
{
    /// <summary>
    /// Published at <paramref name="local"/> in <paramref name="zone"/>; the mention is the bracketed text of <paramref name="line"/>,
    /// "[text|value|rule]", with the value's day as its range.
    /// </summary>
    private static string OnSite(string zone, LocalDateTime local, string line, string site)
    {
        int open = line.IndexOf('[', StringComparison.Ordinal);
        int close = line.IndexOf(']', StringComparison.Ordinal);
        string[] parts = line[(open + 1)..close].Split('|');
        string sentence = line[..open] + parts[0] + line[(close + 1)..];
        LocalDate day = LocalDate.FromDateTime(DateTime.Parse(parts[1][..10], System.Globalization.CultureInfo.InvariantCulture));
        var date = new TemporalMention(open, open + parts[0].Length, parts[0], parts[1].Contains('T', StringComparison.Ordinal) ? TimexType.Time : TimexType.Date, parts[1], TimexMod.None, parts[2])
        {
            Range = new DateRange(day, day, Granularity.Day),
        };
        var published = new DocumentTime(local.InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]), true);
        return SiteClock.OnSiteCalendar(date, published, DateTimeZoneProviders.Tzdb[site], sentence, 0).Value;
    }

    public static TheoryData<string, string, string, string> TimesOfDay => new()
    {
        // A Rome paper's "small hours of Thursday, Rome time" is Wednesday evening in Chicago: every hour from 0 to 5 there is.
        { "Europe/Rome", "The senator conceded in the small hours of [Thursday|2022-11-10|weekday], Rome time, that the race was lost.", "America/Chicago", "2022-11-09" },
        // A Madrid Sunday paper's own "early hours of this morning" is Saturday night in New York.
        { "Europe/Madrid", "The statement reached Spain in the early hours of [this morning|2022-11-13TMO|relative-daypart].", "America/New_York", "2022-11-12" },
        // A clock with its place: 10am in Wellington is the afternoon before in Los Angeles.
        { "Pacific/Auckland", "The ruling came at [10am today|2022-11-13T10:00|time-date], Wellington time.", "America/Los_Angeles", "2022-11-12" },
        // The writer's own deictic clock, no place named: the publication's calendar (Seoul, 14 hours ahead of New York).
        { "Asia/Seoul", "The minister resigned at [about 8am today|2022-11-13T08:00|time-date].", "America/New_York", "2022-11-12" },
        // A whole day in another place's time does not fix the site's day: left.
        { "Pacific/Honolulu", "Phone lines were restored on [Wednesday|2022-11-16|weekday], Tonga time.", "Pacific/Tongatapu", "2022-11-16" },
        // A part of the day that straddles midnight on the site's calendar is left (Tokyo's morning is 17:00-23:00 in London).
        { "Asia/Tokyo", "Shares fell [this morning|2022-11-14TMO|relative-daypart].", "Europe/London", "2022-11-14TMO" },
        // "local time" is the story's own clock: left, whatever the paper's zone.
        { "America/New_York", "The blast came on [Saturday evening|2022-11-12TEV|weekday-daypart] local time.", "Pacific/Tongatapu", "2022-11-12TEV" },
        // A weekday with a part of the day and no place is the story's own day (journalists give the local time of the event).
        { "Europe/London", "The cable was cut on [Saturday evening|2022-11-12TEV|weekday-daypart].", "Pacific/Tongatapu", "2022-11-12TEV" },
        // "by this evening in New York": a state reached by then, not when it happened (ships moving in Egypt since the afternoon).
        { "America/New_York", "By [this evening|2022-11-14TEV|relative-daypart] in New York, the first ships were moving again.", "Africa/Cairo", "2022-11-14TEV" },
        // "that evening" points back at the story's day: not the writer's own calendar.
        { "America/Los_Angeles", "[That evening|2022-11-13TEV|relative-daypart], the two sides agreed a truce.", "Europe/Moscow", "2022-11-13TEV" },
        // A quotation's "tonight" is the speaker's, who may be anywhere: left.
        { "America/Los_Angeles", "\"Where he sleeps [tonight|2022-11-13TNI|tonight] matters less,\" an analyst said.", "Europe/Moscow", "2022-11-13TNI" },
        // Same offset as the site: nothing to move.
        { "Europe/Paris", "The strike began [this morning|2022-11-14TMO|relative-daypart].", "Europe/Berlin", "2022-11-14TMO" },
    };

    [Theory]
    [MemberData(nameof(TimesOfDay))]
    public void ATimeOfDayOnAnotherCalendarIsReadOnTheSites(string zone, string line, string site, string value)
    {
        // Published at 08:00 on the day after the latest value above, so every deictic value is the writer's today or yesterday.
        string day = line[(line.IndexOf('|', StringComparison.Ordinal) + 1)..][..10];
        LocalDate date = LocalDate.FromDateTime(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(value, OnSite(zone, date.At(new LocalTime(8, 0)), line, site));
    }

    [Fact]
    public void WithoutASiteZoneNothingMoves()
    {
        var date = new TemporalMention(12, 24, "this morning", TimexType.Time, "2022-11-13TMO", TimexMod.None, "relative-daypart") { Range = Day(2022, 11, 13) };
        var published = new DocumentTime(new LocalDateTime(2022, 11, 13, 9, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb["Europe/Madrid"]), true);
        Assert.Same(date, SiteClock.OnSiteCalendar(date, published, null, "It was found this morning.", 0));
    }

    public static TheoryData<int, string, string> QuotedToday => new()
    {
        // A future-tense quote reported with "he said": the words were said in the elapsed part of a Sydney morning, which is
        // the day before in Chicago, so the speaker's "today" is Chicago's day before.
        { 8, "\"I will give evidence today,\" he said, after his lawyer asked him.", "2022-10-17" },
        // The attribution before the opening mark ("She told reporters:") counts as well.
        { 8, "She told reporters: \"We will file the appeal today.\"", "2022-10-17" },
        // A forecast of the paper's own ("will rule today") with no speech reported: left on the paper's day.
        { 8, "The judge will rule today on the motion.", "2022-10-18" },
        // A quote whose attribution is in the present ("says") is not a past speech: left.
        { 8, "\"We will file the appeal today,\" she says.", "2022-10-18" },
        // A past statement outside quotes moves as before.
        { 8, "The jury retired today after closing arguments.", "2022-10-17" },
        // Late in the Sydney day the elapsed part already runs into Chicago's day: nothing moves.
        { 22, "\"I will give evidence today,\" he said.", "2022-10-18" },
    };

    [Theory]
    [MemberData(nameof(QuotedToday))]
    public void AQuotesTodayReportedInThePastIsTheDayOfTheSpeech(int hour, string sentence, string value)
    {
        var published = new DocumentTime(new LocalDateTime(2022, 10, 18, hour, 0).InZoneLeniently(DateTimeZoneProviders.Tzdb["Australia/Sydney"]), true);
        int at = sentence.IndexOf("today", StringComparison.Ordinal);
        var today = new TemporalMention(at, at + 5, "today", TimexType.Date, "2022-10-18", TimexMod.None, "today") { Range = Day(2022, 10, 18) };
        Assert.Equal(value, SiteDay.Today(today, published, DateTimeZoneProviders.Tzdb["America/Chicago"], sentence, sentence, at).Value);
    }

    public static TheoryData<string, string, string, string> LedeDays => new()
    {
        // A Melbourne paper out at 08:00 on Friday: its whole day so far is Thursday in London, so its "has died" is Thursday's news.
        { "Australia/Melbourne", "2022-09-09T08:00", "Europe/London", "2022-09-08" },
        // The same paper late in the evening: its day has reached London's Friday, so the lede keeps its own day.
        { "Australia/Melbourne", "2022-09-09T20:00", "Europe/London", "2022-09-09" },
        // A New York evening page is already the next day in Beirut, but its day began on Beirut's same day: it keeps its own day.
        { "America/New_York", "2020-08-07T20:30", "Asia/Beirut", "2020-08-07" },
        // A page in the site's own zone keeps its day.
        { "Europe/London", "2022-09-09T07:00", "Europe/London", "2022-09-09" },
    };

    [Theory]
    [MemberData(nameof(LedeDays))]
    public void AnUndatedLedeIsTheSiteDayOfThePagesElapsedDay(string zone, string local, string site, string day)
    {
        var at = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(local + ":00").Value;
        var published = new DocumentTime(at.InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]), true);
        Assert.Equal(day, SiteDay.ElapsedDay(published, DateTimeZoneProviders.Tzdb[site]).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
