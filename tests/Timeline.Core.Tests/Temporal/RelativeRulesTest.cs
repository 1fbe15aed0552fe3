using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>Deictic, relative and narrative expressions and the tense that sets their direction. Publication: Wed 2026-01-28.</summary>
public class RelativeRulesTest
{
    public static TheoryData<string, string, string, TimexMod> Cases => new()
    {
        { "He arrived today.", "today", "2026-01-28", TimexMod.None },
        { "He arrived yesterday.", "yesterday", "2026-01-27", TimexMod.None },
        // A part of day makes a TIME value with the TIMEX3 part-of-day code.
        { "They met yesterday evening.", "yesterday evening", "2026-01-27TEV", TimexMod.None },
        { "Talks continue tonight.", "tonight", "2026-01-28TNI", TimexMod.None },
        // Previous and current ISO weeks, months and years.
        { "He was nominated last week.", "last week", "2026-W04", TimexMod.None },
        { "Talks resume next week.", "next week", "2026-W06", TimexMod.None },
        { "Fighting broke out early this month.", "early this month", "2026-01", TimexMod.Start },
        { "Prices fell last month.", "last month", "2025-12", TimexMod.None },
        { "Elections were held last year.", "last year", "2025", TimexMod.None },
        { "Elections will be held next year.", "next year", "2027", TimexMod.None },
        { "Sales fell at the end of last year.", "the end of last year", "2025", TimexMod.End },
        // Tense decides the direction of a bare weekday.
        { "Al-Sharaa visited Moscow on Saturday.", "Saturday", "2026-01-24", TimexMod.None },
        { "The leaders will meet on Saturday.", "Saturday", "2026-01-31", TimexMod.None },
        { "The ministers met last Friday.", "last Friday", "2026-01-23", TimexMod.None },
        { "They meet again next Monday.", "next Monday", "2026-02-02", TimexMod.None },
        { "He spoke Wednesday afternoon.", "Wednesday afternoon", "2026-01-28TAF", TimexMod.None },
        // Tense decides the year of a bare month.
        { "He first visited Russia in October.", "October", "2025-10", TimexMod.None },
        { "The summit will take place in October.", "October", "2026-10", TimexMod.None },
        // "ago" counts back from publication, at the unit's precision.
        { "He left two days ago.", "two days ago", "2026-01-26", TimexMod.None },
        { "The war began three years ago.", "three years ago", "2023", TimexMod.None },
        { "Moscow intervened a decade ago.", "a decade ago", "2016", TimexMod.Approx },
        // Centuries back keep century precision (a year would be false precision): 2026 - 100 is in the 20th century, "19".
        { "The canal was built more than a century ago.", "more than a century ago", "19", TimexMod.MoreThan },
        { "The town was founded two centuries ago.", "two centuries ago", "18", TimexMod.None },
        // An unknown number of years back is the vague past (TimeML PAST_REF), as is "recent years".
        { "The law passed several years ago.", "several years ago", "PAST_REF", TimexMod.None },
        { "Exports have grown in recent years.", "recent years", "PAST_REF", TimexMod.None },
        // Shorter vague spans back keep their unknown length.
        { "The rebels retreated a few days later.", "a few days later", "PXD", TimexMod.None },
        // Narrative expressions anchor on the last date mentioned, not on publication.
        { "The truce began on Jan. 10, 2026. The next day, shelling resumed.", "The next day", "2026-01-11", TimexMod.None },
        { "The deal was signed on March 3, 2024. Two days later it collapsed.", "Two days later", "2024-03-05", TimexMod.None },
        { "Profit was $5 million in 1988. A year earlier it was $4 million.", "A year earlier", "1987", TimexMod.None },
        // A bare "the week" is the week the story is about, which the words do not tell: the year is kept, the week left open.
        { "Shares fell 1.2% on Friday. For the week, the index dropped 3.8%.", "the week", "2026-WXX", TimexMod.None },
        // Also as a possessive determiner.
        { "Volume rose on Thursday, the week's most active session.", "the week", "2026-WXX", TimexMod.None },
        // "this week" stays the publication week.
        { "Talks resumed this week.", "this week", "2026-W05", TimexMod.None },
        // "that same day" after a month-level date: a day of that month, which one not told (not the month itself).
        { "The doctor was shot in October. His name was crossed out that same day.", "that same day", "2025-10-XX", TimexMod.None },
        // After a day-level date it is that day.
        { "The doctor was shot on Oct. 23. His name was crossed out that same day.", "that same day", "2025-10-23", TimexMod.None },
        // "to this day" is up to now, not a day: the present.
        { "The war ended in 1988, but its effects continue to this day.", "this day", "PRESENT_REF", TimexMod.None },
        // But "referred to this day as …": "to" belongs to the verb, and "this day" is the day just told.
        { "The Allies attacked on Aug. 8. Ludendorff referred to this day as the Black Day of the army.", "this day", "2026-01-28", TimexMod.None },
        // References without a calendar position.
        { "A ceasefire is now in place.", "now", "PRESENT_REF", TimexMod.None },
        { "Russian forces recently began pulling out.", "recently", "PAST_REF", TimexMod.None },
        { "The bases may close in the future.", "the future", "FUTURE_REF", TimexMod.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves(string text, string extent, string value, TimexMod mod) => TaggerAssert.Value(text, extent, value, mod);

    [Fact]
    public void PublicationTimeZoneDecidesTheDay()
    {
        // Thursday 00:30 in Manila is still Wednesday in UTC, but the article's own calendar day is Thursday.
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Manila"];
        var published = new NodaTime.LocalDateTime(2026, 1, 29, 0, 30).InZoneStrictly(zone);
        var m = Assert.Single(TemporalTagger.Default.Tag("He arrived today.", new DocumentTime(published, true)));
        Assert.Equal("2026-01-29", m.Value);
    }
}
