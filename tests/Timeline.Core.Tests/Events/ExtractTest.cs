using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

public class ExtractTest
{
    private static readonly LocalDate Wed = new(2026, 1, 28);

    public static TheoryData<string, string?> Statements => new()
    {
        // The date is the time of the main clause: an event mention.
        { "Syria's interim President Ahmad al-Sharaa visited Moscow on [Wednesday|2026-01-28].", null },
        // A date in a relative clause still dates a happening ("who led … in December 2024").
        { "He led a swift rebel offensive in [December 2024|2024-12] that ousted Bashar Assad.", null },
        // Possessive: the date only qualifies the noun phrase "talks".
        { "Officials took part in [Wednesday|2026-01-28]'s Kremlin talks.", ExclusionReasons.NounModifier },
        // Prenominal modifier after a determiner: "the 2011 uprising" names a thing, it states nothing.
        { "Many recalled the [2011|2011] uprising with sadness.", ExclusionReasons.NounModifier },
        // "dating from <year>", "dates back to <year>": the age of a thing named, like "the 1851 law".
        { "The owners invoked a shipping law dating from [1851|1851] to cap their liability.", ExclusionReasons.NounModifier },
        { "The rivalry between the two clubs dates back to [1923|1923], fans say.", ExclusionReasons.NounModifier },
        // A year that dates the statement itself stays ("was passed in 1851").
        { "The shipping law was passed in [1851|1851] after a wave of wrecks.", null },
        // A timestamp label with a wrong year must not become an event.
        { "Update: 18:15 [January 29, 2025|2025-01-29]: US President Donald Trump claimed a ceasefire.", ExclusionReasons.Timestamp },
        // A page stamp run into the text.
        { "[7 November 2011|2011-11-07] Last updated at 21:40 GMT Michael Jackson's doctor is found guilty.", ExclusionReasons.Timestamp },
        // A trailing "<subject> said <date>" attribution dates the report of the statement before it.
        { "The Titan suffered a catastrophic implosion that killed all five people aboard, the U.S. Coast Guard said [Thursday|2026-01-29], after a robot found pieces of the craft.", null },
        { "The five people aboard have sadly been lost, the U.S. Coast Guard said [Thursday|2026-01-29].", null },
        { "The search area was widened again, officials said on [Friday|2026-01-30].", null },
        { "Rescuers are racing to find the craft, its owner said early [Thursday|2026-01-29].", null },
        // Page furniture with no verb ("Similar stories" boxes).
        { "World / [25 February 2025|2025-02-25]", ExclusionReasons.NoVerb },
        // A date drawing near ("as/when <date> approached/neared") is not when anything happened.
        { "Those hopes faded as [Thursday|2026-01-29] approached.", ExclusionReasons.Approaching },
        { "Talks stalled when [Friday|2026-01-30] neared, diplomats said.", ExclusionReasons.Approaching },
        // …but a date that opens the clause after "as" is still the time of a statement.
        { "Prices rose as [Thursday|2026-01-29] brought news of the deal.", null },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void DecidesWhetherTheDateIsTheTimeOfAStatement(string line, string? reason)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Wed, line), Options);
        if (reason is null)
        {
            Assert.Single(e.Mentions);
            Assert.Empty(e.Excluded);
        }
        else
        {
            Assert.Empty(e.Mentions);
            Assert.Equal(reason, Assert.Single(e.Excluded).Reason);
        }
    }

    [Fact]
    public void EachDateOfASentenceIsItsOwnMention()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2025, 10, 15),
            "Russian delegations visited Damascus in [January|2025-01] and [September|2025-09], and Syria's Foreign Minister Asaad al-Shibani visited Moscow in [July|2025-07]."), Options);
        Assert.Equal(["2025-01", "2025-09", "2025-07"], e.Mentions.Select(m => m.Time.Value));
        Assert.Equal("Syria's Foreign Minister Asaad al-Shibani visited Moscow in July", e.Mentions[2].Headline);
    }

    [Fact]
    public void CaptionsAreMarkedAsSupportingEvidence()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Wed,
            "CAPTION:Putin listens to al-Sharaa during their meeting in Moscow, on [Wednesday, Jan. 28, 2026|2026-01-28]."), Options);
        Assert.True(Assert.Single(e.Mentions).IsCaption);
    }

    public static TheoryData<string, string> Headlines => new()
    {
        // Dateline and a non-restrictive relative clause dropped; the subject glued to its verb.
        {
            "MOSCOW (AP) — Syria's interim leader, who led a swift rebel offensive [last year|2024] that ousted Assad, held talks [Wednesday|2025-10-15] in Russia during his first visit.",
            "Syria's interim leader held talks Wednesday in Russia during his first visit"
        },
        // Leading participial phrase and trailing attribution dropped.
        {
            "Speaking to reporters [Monday|2025-10-13], Foreign Minister Sergey Lavrov said Moscow granted asylum to Assad on humanitarian grounds.",
            "Foreign Minister Sergey Lavrov said Moscow granted asylum to Assad on humanitarian grounds"
        },
        // The date is in a "that" clause: that clause is told of its noun phrase.
        {
            "The former jihadist had received Moscow's support in the civil war that began in [2011|2011].",
            "The civil war began in 2011"
        },
        // "X said <date> that Y": the reported clause with its speaker, not "X said on Friday" cut before the content.
        {
            "Canada's Transportation Safety Board said on [Friday|2025-10-10] that it had opened a safety investigation into the voyage of the support ship, which sailed from port.",
            "Canada's Transportation Safety Board said it had opened a safety investigation into the voyage of the support ship"
        },
        // The same with a listener and a place between the verb and the date.
        {
            "US Coast Guard Captain Jamie Frederick told a news conference in Boston on [Wednesday|2025-10-15] that searchers did not know what the noises were.",
            "US Coast Guard Captain Jamie Frederick told a news conference in Boston searchers did not know what the noises were"
        },
        // "said in a statement on <date> that".
        {
            "OceanGate said in a statement on [Tuesday|2025-10-14] that it was grateful for the help of government agencies.",
            "OceanGate said in a statement it was grateful for the help of government agencies"
        },
    };

    [Theory]
    [MemberData(nameof(Headlines))]
    public void HeadlineIsTheClauseOfTheDateTrimmed(string line, string headline)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2025, 10, 15), line), Options);
        Assert.Equal(headline, e.Mentions[^1].Headline);
    }

    [Fact]
    public void LongHeadlinesAreCutAtAClauseBoundary()
    {
        string line = "Officials said on [Monday|2025-10-13] that the government would rebuild the power grid, the water network, the schools and the hospitals of the north within two years, and pay for it with loans.";
        string h = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2025, 10, 15), line), Options).Mentions[0].Headline;
        Assert.InRange(h.Length, 20, Clauses.MaxHeadline);
        // The speech date and complement "that" are dropped (the date is shown beside the headline), the content kept.
        Assert.StartsWith("Officials said the government would rebuild", h, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOffsetsDoNotThrow()
    {
        TaggedStory s = Story("articles/a.txt", "AP", Wed, "Talks were held on [Wednesday|2026-01-28].");
        var broken = s with { Story = s.Story with { Sentences = [new Timeline.Core.Text.Sentence(-5, 9999, Timeline.Core.Text.SentenceKind.Body)] } };
        Assert.Empty(EventPipeline.Extract(broken, Options).Mentions);
    }
}
