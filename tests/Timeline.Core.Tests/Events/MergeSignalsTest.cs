using Timeline.Core.Events;

namespace Timeline.Core.Tests.Events;

/// <summary>The lexical signals merging relies on: shared lemmas for different wordings, and forecasts told from happenings.</summary>
public sealed class MergeSignalsTest
{
    [Theory]
    // Three outlets, three wordings of one grounding (Ever Given cluster, 23 March).
    [InlineData("The vessel ran aground on Tuesday", "The ship became wedged across the canal", "aground")]
    [InlineData("The vessel grounded at around 07:40", "The ship ran aground", "aground")]
    // Refloated / freed: one happening.
    [InlineData("The ship was refloated on Monday", "Salvage teams freed the ship", "free")]
    // Irregular past forms the suffix stemmer cannot reach.
    [InlineData("Talks began on Monday", "Talks have begun", "begin")]
    public void DifferentWordsForOneHappeningShareATerm(string a, string b, string shared)
    {
        Assert.Contains(shared, Terms.Of(a));
        Assert.Contains(shared, Terms.Of(b));
    }

    [Theory]
    // Forecasts and possibilities: never a past happening of another date.
    [InlineData("Salvage experts are counting on the spring tides expected early next week", true)]
    [InlineData("Schedules disrupted by the closure in March will take weeks to return to normal", true)]
    [InlineData("Egypt could seek about $1 billion in compensation", true)]
    // Plain past statements.
    [InlineData("The ship was refloated on Monday and towed to the Great Bitter Lake", false)]
    [InlineData("Al-Sharaa, who first visited Russia in October, thanked Putin", false)]
    public void ForecastsAreTentative(string sentence, bool tentative) =>
        Assert.Equal(tentative, Clauses.IsTentative(sentence));

    [Fact]
    public void ReportedStatementHeadlineKeepsItsSubject()
    {
        const string sentence = "Bernhard Schulte Shipmanagement (BSM), the ship's technical manager, said the vessel grounded at around 07:40 local time on 23 March 2021 while transiting northbound.";
        int at = sentence.IndexOf("23 March 2021", StringComparison.Ordinal);
        string headline = Clauses.Headline(sentence, at, at + "23 March 2021".Length);
        Assert.StartsWith("The vessel grounded", headline, StringComparison.Ordinal);
    }
}
