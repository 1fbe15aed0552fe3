using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>Durations, sets and clock times, with the TimeML extent conventions for determiners and modifiers.</summary>
public class DurationRulesTest
{
    public static TheoryData<string, string, TimexType, string, TimexMod> Cases => new()
    {
        // Digits and number words, and "another" kept in the extent.
        { "The ceasefire was extended by another 15 days.", "another 15 days", TimexType.Duration, "P15D", TimexMod.None },
        { "The strike lasted fifteen days.", "fifteen days", TimexType.Duration, "P15D", TimexMod.None },
        { "Talks lasted twenty-four hours.", "twenty-four hours", TimexType.Duration, "PT24H", TimexMod.None },
        { "He served a dozen years.", "a dozen years", TimexType.Duration, "P12Y", TimexMod.None },
        // Vague quantities have an X amount (TimeML).
        { "The siege lasted several days.", "several days", TimexType.Duration, "PXD", TimexMod.None },
        { "It took a few weeks.", "a few weeks", TimexType.Duration, "PXW", TimexMod.None },
        { "The country has been at war for years.", "years", TimexType.Duration, "PXY", TimexMod.None },
        // The spans a story moves through keep their unknown length (WikiWars tags all six it has: "the following days",
        // "the succeeding months", "the intervening years").
        { "The dam broke and floods spread over the following days.", "the following days", TimexType.Duration, "PXD", TimexMod.None },
        { "In the succeeding months the guerrillas regrouped.", "the succeeding months", TimexType.Duration, "PXM", TimexMod.None },
        { "The rule has changed little in the intervening years.", "the intervening years", TimexType.Duration, "PXY", TimexMod.None },
        // Hyphenated adjectives are durations; the article stays outside.
        { "After a four-day truce, fighting resumed.", "four-day", TimexType.Duration, "P4D", TimexMod.None },
        // Determiners and modifiers stay in the extent.
        { "Prices doubled over the last two years.", "the last two years", TimexType.Duration, "P2Y", TimexMod.None },
        { "He visited for the second time in less than four months.", "less than four months", TimexType.Duration, "P4M", TimexMod.LessThan },
        { "The talks lasted more than four hours.", "more than four hours", TimexType.Duration, "PT4H", TimexMod.MoreThan },
        { "The war lasted nearly two years.", "nearly two years", TimexType.Duration, "P2Y", TimexMod.EqualOrLess },
        { "Sales in the first nine months rose.", "the first nine months", TimexType.Duration, "P9M", TimexMod.None },
        // Halves ("2 1/2", "and a half") are counted in the next unit down.
        { "Refugees lived in the camps for 2 1/2 years.", "2 1/2 years", TimexType.Duration, "P2Y6M", TimexMod.None },
        { "The flight took two and a half hours.", "two and a half hours", TimexType.Duration, "PT2H30M", TimexMod.None },
        { "A minute and a half later, a pilot called in.", "A minute and a half", TimexType.Duration, "PT1M30S", TimexMod.None },
        // "a second" followed by a time word or punctuation is still a second's length (the ordinal reading needs a noun).
        { "A second later, the line went dead.", "A second", TimexType.Duration, "PT1S", TimexMod.None },
        { "He hesitated for a second, then signed.", "a second", TimexType.Duration, "PT1S", TimexMod.None },
        // Decades are counted in years.
        { "The conflict lasted over a decade.", "over a decade", TimexType.Duration, "P10Y", TimexMod.MoreThan },
        // Sets.
        { "The paper is published daily.", "daily", TimexType.Set, "P1D", TimexMod.None },
        // "daily" between two capitalised words only when it is not itself capitalised: a headline word stays a frequency.
        { "Nasdaq's average daily volume rose.", "daily", TimexType.Set, "P1D", TimexMod.None },
        { "The council meets every Monday.", "every Monday", TimexType.Set, "XXXX-WXX-1", TimexMod.None },
        // A month that recurs every year is a SET with the year left open (TimeML), not this year's month.
        { "Orangemen march each July through the town.", "each July", TimexType.Set, "XXXX-07", TimexMod.None },
        { "Elections are held every two years.", "every two years", TimexType.Set, "P2Y", TimexMod.None },
        { "It costs $5 a year.", "a year", TimexType.Set, "P1Y", TimexMod.None },
        // Clock times on the publication day, joined with an adjacent day.
        { "The vote closes at 3 p.m.", "3 p.m.", TimexType.Time, "2026-01-28T15:00", TimexMod.None },
        { "The session opened at 10:30 a.m. Tuesday.", "10:30 a.m. Tuesday", TimexType.Time, "2026-01-27T10:30", TimexMod.None },
        { "Shots were heard around 7:15 p.m.", "around 7:15 p.m.", TimexType.Time, "2026-01-28T19:15", TimexMod.Approx },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves(string text, string extent, TimexType type, string value, TimexMod mod)
    {
        var m = TaggerAssert.Mention(text, extent);
        Assert.Equal(type, m.Type);
        Assert.Equal(value, m.Value);
        Assert.Equal(mod, m.Mod);
    }

    public static TheoryData<string, string> NotDurations => new()
    {
        // An age is not a duration.
        { "A 10-year-old boy was hurt.", "10-year" },
        // A TV show title.
        { "He told \"60 Minutes\" in an interview.", "60 Minutes" },
    };

    [Theory]
    [MemberData(nameof(NotDurations))]
    public void IgnoresNonDurations(string text, string phrase)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.DoesNotContain(TaggerAssert.Tag(text), m => m.Start < at + phrase.Length && at < m.End);
    }
}
