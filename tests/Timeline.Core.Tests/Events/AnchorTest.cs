using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>Dates anchored on other events ("a day after X ordered…") and dates inside relative clauses.</summary>
public class AnchorTest
{
    private static readonly LocalDate Sun28 = new(2021, 3, 28);
    private static readonly LocalDate Mon29 = new(2021, 3, 29);
    private static readonly EventOptions Suez = new("Ever Given container ship blocks the Suez Canal");

    public static TheoryData<string, string, TimexMod, string> AnchorPhrases => new()
    {
        // Trailing offset phrase with a clause anchor: the tagger only sees the DURATION "a day".
        { "The relief came a day after President Sisi ordered preparations to unload containers.", "P1D", TimexMod.After, "President Sisi ordered preparations to unload containers" },
        // Fronted phrase: the main clause follows the comma.
        { "Two days after the ship ran aground, the authority halted all traffic.", "P2D", TimexMod.After, "the ship ran aground" },
        // "the day before" with a noun-phrase anchor.
        { "Protesters gathered outside parliament the day before the vote.", "P1D", TimexMod.Before, "the vote" },
        // "hours after": the same day as the anchor.
        { "Oil prices fell hours after the canal reopened.", "P0D", TimexMod.After, "the canal reopened" },
        // Weeks; the anchor ends at a conjunction that opens another clause.
        { "He resigned three weeks after the election but kept his seat.", "P3W", TimexMod.After, "the election" },
    };

    [Theory]
    [MemberData(nameof(AnchorPhrases))]
    public void AnAnchoredStatementIsRecordedWithItsRelationNotDated(string line, string offset, TimexMod relation, string anchor)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Mon29, line), Suez);
        Assert.Empty(e.Mentions);
        EventAnchor a = Assert.Single(e.Anchored).Anchor!;
        Assert.Equal((offset, relation, anchor), (a.Offset, a.Relation, a.Clause));
    }

    public static TheoryData<string> NotAnchors => new()
    {
        // "named after": not temporal.
        "The street was named after the general who led the revolt.",
        // A duration ("for two days after"), not an offset.
        "Rescuers searched the rubble for two days after the quake struck.",
        // A comparison.
        "Demand was 80 times greater than the day before the sale began.",
        // Vague distance: "shortly after" can be days; no date is computed from it.
        "The talks collapsed shortly after the envoy left.",
        // A bare "after" gives only an order, not a date.
        "The canal authority deployed tugboats after the ship ran aground.",
        // An approximate offset.
        "The ship was freed about two weeks after it ran aground.",
    };

    [Theory]
    [MemberData(nameof(NotAnchors))]
    public void OtherAfterAndBeforeAreNotAnchors(string line)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Mon29, line), Suez);
        Assert.Empty(e.Anchored);
        Assert.Empty(e.Mentions);
    }

    [Fact]
    public void AnAnchorDatedByAnotherOutletDatesBothTheStatementAndTheAnchorClause()
    {
        TaggedStory chronicle = Story("articles/07.txt", "The Chronicle", Sun28,
            "Egypt's president, Abdel Fattah al-Sisi, has ordered preparations to remove containers from the Ever Given.",
            "The head of the Suez Canal Authority announced the order on [Sunday|2021-03-28] and said the ship's rudder had begun to move.");
        TaggedStory courier = Story("articles/09.txt", "The Harbor Courier", Mon29,
            "The relief came a day after President Abdel Fattah el-Sisi of Egypt ordered preparations to unload some of the ship's containers.");

        Chronology c = Build(Suez, chronicle, courier);

        TimelineEvent order = Assert.Single(c.Events, e => e.Date == "2021-03-28");
        Assert.Equal(["articles/07.txt", "articles/09.txt"], order.Sources.Select(s => s.Source.ArticlePath).Distinct().Order(StringComparer.Ordinal));
        TimelineEvent relief = Assert.Single(c.Events, e => e.Date == "2021-03-29");
        Assert.Equal("a day after", Assert.Single(relief.Sources).Time.Text);
        Assert.DoesNotContain(c.Excluded, x => x.Reason == ExclusionReasons.UnresolvedAnchor);
    }

    [Fact]
    public void AnAnchorNoSourceDatesIsNoEventButIsListedWithAReason()
    {
        TaggedStory courier = Story("articles/09.txt", "The Harbor Courier", Mon29,
            "The relief came a day after President Abdel Fattah el-Sisi of Egypt ordered preparations to unload some of the ship's containers.");

        Chronology c = Build(Suez, courier);

        Assert.Empty(c.Events);
        Assert.Equal(ExclusionReasons.UnresolvedAnchor, Assert.Single(c.Excluded).Reason);
    }

    [Fact]
    public void TheSameStoryDatesItsOwnAnchorBeforeOtherStories()
    {
        // Another outlet reports a different grounding (of another ship) with more words in common; the article's own date wins.
        TaggedStory own = Story("articles/a.txt", "A", new LocalDate(2021, 3, 31),
            "The Ever Given ran aground in the Suez Canal on [March 23|2021-03-23] in a sandstorm.",
            "Two days after the ship ran aground in the canal, the authority halted all traffic.");
        TaggedStory other = Story("articles/b.txt", "B", new LocalDate(2021, 3, 31),
            "A bulk carrier ran aground in the canal on [March 2|2021-03-02] after the ship lost power.");

        Chronology c = Build(Suez, own, other);

        Assert.Contains(c.Events, e => e.Date == "2021-03-25" && e.Headline.Contains("halted", StringComparison.Ordinal));
        Assert.DoesNotContain(c.Events, e => e.Date == "2021-03-04");
    }

    [Fact]
    public void AnAnchorIsDatedByTheMentionThatNamesItsVerb()
    {
        // Two days of the same official: the one that says "resigned" dates "after the port director resigned", not the one with
        // more of the anchor's other words (port, director, strike) and another verb.
        var options = new EventOptions("The dock strike at the port");
        TaggedStory monday = Story("articles/a.txt", "A", new LocalDate(2022, 5, 10),
            "The port director defended his handling of the dock strike at the port on [Monday|2022-05-09].");
        TaggedStory tuesday = Story("articles/b.txt", "B", new LocalDate(2022, 5, 11),
            "The director resigned over the strike on [Tuesday|2022-05-10].");
        TaggedStory late = Story("articles/c.txt", "C", new LocalDate(2022, 5, 14),
            "The dockers went back to work three days after the port director resigned over the dock strike.");

        Chronology c = Build(options, monday, tuesday, late);

        Assert.Contains(c.Events, e => e.Date == "2022-05-13" && e.Sources.Any(s => s.Source.ArticlePath == "articles/c.txt"));
        Assert.DoesNotContain(c.Events, e => e.Date == "2022-05-12");
    }

    [Fact]
    public void AOneWordAnchorIsDatedOnlyWhenTwoStoriesAgree()
    {
        var haiti = new EventOptions("Haiti earthquake");
        TaggedStory late = Story("articles/c.txt", "C", new LocalDate(2010, 1, 20),
            "The day after the earthquake, aid groups flew doctors into Port-au-Prince.");
        TaggedStory a = Story("articles/a.txt", "A", new LocalDate(2010, 1, 13),
            "The earthquake struck Haiti on [Tuesday|2010-01-12] and destroyed much of the capital.");
        TaggedStory b = Story("articles/b.txt", "B", new LocalDate(2010, 1, 14),
            "A magnitude 7.0 earthquake hit the country on [January 12|2010-01-12], officials said.");

        // One story naming "the earthquake" in passing is not enough to date it.
        Assert.Equal(ExclusionReasons.UnresolvedAnchor, Assert.Single(Build(haiti, late, a).Excluded).Reason);

        Chronology c = Build(haiti, late, a, b);
        Assert.Contains(c.Events, e => e.Date == "2010-01-13" && e.Sources.Any(s => s.Source.ArticlePath == "articles/c.txt"));
    }

    [Fact]
    public void AnAnchorHoldingADateIsDatedInTheSentence()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "BBC", new LocalDate(2010, 4, 12),
            "Three months after the earthquake of [January 2010|2010-01], Haiti is still trying to recover."), Suez);
        EventMention m = Assert.Single(e.Mentions, x => x.Time.Value == "2010-04");
        Assert.Equal(Granularity.Month, m.Time.Range!.Value.Granularity);
        Assert.Equal("Haiti is still trying to recover", m.Clause);

        // "January 2010" dates the earthquake, not the recovery.
        Assert.True(Assert.Single(e.Mentions, x => x.Time.Value == "2010-01").Subordinate);
    }

    [Fact]
    public void ASentenceOpeningWithAnEventOfAYearIsPlacedInThatYear()
    {
        // "After the 1990 invasion, …": the sequel told in the same breath is, at the scale of a year, of that year.
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Mon29,
            "After the [1990|1990] invasion of Kuwait, the United Nations imposed sanctions on Iraq."), Suez);
        EventMention m = Assert.Single(e.Mentions);
        Assert.Equal(("1990", TimexMod.None, "after"), (m.Time.Value, m.Time.Mod, m.Time.Text.Trim().ToLowerInvariant()));
        Assert.Contains("sanctions", m.Clause, StringComparison.Ordinal);
    }

    public static TheoryData<string> OrderOnlyAnchors => new()
    {
        // Trailing: "retrofitted … after the 1999 quake" took years; only the order is given.
        "Engineers retrofitted hundreds of schools in Istanbul after the [1999|1999] earthquake.",
        // A finer anchor date: "after the March 2 grounding" may be any later day.
        "After the [March 2|2021-03-02] grounding, the authority changed its pilotage rules.",
        // "Before" a year gives no year.
        "Before the [2011|2011] uprising, Syria had about 22 million people.",
    };

    [Theory]
    [MemberData(nameof(OrderOnlyAnchors))]
    public void ABareAfterOrBeforeThatGivesOnlyAnOrderIsListedNotPlaced(string line)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Mon29, line), Suez);
        Assert.DoesNotContain(e.Mentions, m => m.Time.Rule == "anchor-after-year" || m.Anchor is not null);
        Assert.Contains(e.Excluded, x => x.Reason == ExclusionReasons.RelationOnly);
    }

    public static TheoryData<string, int?> Narratives => new()
    {
        { "two days later", 2 },
        { "a week later", 7 },
        // "the next/following day|morning|night": the day after.
        { "The following morning", 1 },
        { "the next day", 1 },
        // Anaphoric: the same day.
        { "that night", 0 },
        { "later that day", 0 },
        { "the same day", 0 },
        // Not narrative offsets in days: a weekday, a vague count, a month.
        { "on Friday", null },
        { "weeks later", null },
        { "two months later", null },
    };

    [Theory]
    [MemberData(nameof(Narratives))]
    public void NarrativeExpressionsMoveOnByWholeDays(string expression, int? days) =>
        Assert.Equal(days, EventAnchors.NarrativeDays(expression));

    private static TaggedStory VoteReport() => Story("articles/a.txt", "A", new LocalDate(2024, 5, 3),
        "Lawmakers held the confidence vote on [Tuesday|2024-04-30] and the government lost it by four votes.");

    [Fact]
    public void ANarrativeOffsetAfterAnAnchoredStatementCountsFromTheAnchoredDay()
    {
        // The tagger reads "two days later" from the last date the text gave (24 April: 26 April, a wrong anchor); the anchored
        // day ("the day after the vote", 1 May) is what the narrative goes on from: 3 May.
        TaggedStory recap = Story("articles/b.txt", "B", new LocalDate(2024, 5, 6),
            "The party had promised reform on [24 April|2024-04-24].",
            "The day after the confidence vote, the prime minister met the king; [two days later|2024-04-26], she resigned and a caretaker cabinet was named.");

        Chronology c = Build(new EventOptions("Government loses confidence vote"), VoteReport(), recap);

        TimelineEvent resigned = Assert.Single(c.Events, e => e.Sources.Any(s => s.Time.Text == "two days later"));
        Assert.Equal("2024-05-03", resigned.Date);
        Assert.Contains("resigned", resigned.Sources.Single(s => s.Time.Text == "two days later").Clause, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Events, e => e.Date == "2024-04-26");
        TimelineEvent met = Assert.Single(c.Events, e => e.Sources.Any(s => s.Time.Text.StartsWith("The day after", StringComparison.Ordinal)));
        Assert.Equal("2024-05-01", met.Date);
        Assert.DoesNotContain("resigned", met.Sources.Single(s => s.Time.Text.StartsWith("The day after", StringComparison.Ordinal)).Clause, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChainCarriesIntoTheNextSentenceUntilADateIsGiven()
    {
        TaggedStory recap = Story("articles/b.txt", "B", new LocalDate(2024, 5, 10),
            "Two days after the confidence vote, the prime minister resigned.",
            "[The next day|2024-04-20], the king asked the speaker to form a cabinet.",
            "On [May 8|2024-05-08] the new cabinet was sworn in, and [the next day|2024-05-09] it won a vote of its own.");

        Chronology c = Build(new EventOptions("Government loses confidence vote"), VoteReport(), recap);

        // Vote 30 April + 2 = 2 May; "the next day" = 3 May, not the tagger's 20 April.
        Assert.Contains(c.Events, e => e.Date == "2024-05-03" && e.Sources.Any(s => s.Time.Text == "The next day"));
        // After an explicit date the tagger's narrative reading stands.
        Assert.Contains(c.Events, e => e.Date == "2024-05-09" && e.Sources.Any(s => s.Time.Text == "the next day"));
        Assert.DoesNotContain(c.Events, e => e.Date == "2024-04-20");
    }

    [Fact]
    public void AnExactOffsetFromADatedStatementDatesTheAnchorClause()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2021, 4, 1),
            "The 400-metre vessel was refloated on [Monday, March 29|2021-03-29], six days after it ran aground in a sandstorm."), Suez);
        Assert.Equal(["2021-03-23", "2021-03-29"], e.Mentions.Select(m => m.Time.Value).Order(StringComparer.Ordinal));
        EventMention grounding = Assert.Single(e.Mentions, m => m.Time.Value == "2021-03-23");
        Assert.True(grounding.Subordinate);
        Assert.Equal("It ran aground in a sandstorm", grounding.Headline);
    }

    // A statement dated by one day and a round count of weeks before another happening (publication 2021-04-01): moving the
    // day by the count would give a day the count does not vouch for, so only the statement is a mention.
    public static TheoryData<string, string> RoundCounts => new()
    {
        // "two weeks after" a landslide that may have been thirteen or fifteen days before.
        { "Crews reopened the coast road on [Monday, March 29|2021-03-29], two weeks after a landslide buried it.", "2021-03-29" },
        // "three weeks after" likewise.
        { "The ferry sailed again on [Monday, March 29|2021-03-29], three weeks after a storm tore its moorings loose.", "2021-03-29" },
    };

    [Theory]
    [MemberData(nameof(RoundCounts))]
    public void ARoundCountFromADatedStatementDoesNotDateTheAnchorClause(string line, string statement)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2021, 4, 1), line), Suez);
        Assert.Equal([statement], e.Mentions.Select(m => m.Time.Value));
    }

    [Fact]
    public void ADateInsideTheAnchorDatesTheAnchorAndTheOffsetDatesTheStatement()
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", Mon29,
            "Egypt halted all traffic two days after the ship ran aground on [Tuesday|2021-03-23]."), Suez);
        EventMention grounding = Assert.Single(e.Mentions, m => m.Time.Value == "2021-03-23");
        Assert.True(grounding.Subordinate);
        Assert.DoesNotContain("halted", grounding.Clause, StringComparison.Ordinal);
        EventMention halt = Assert.Single(e.Mentions, m => m.Time.Value == "2021-03-25");
        Assert.Equal("Egypt halted all traffic", halt.Clause);
    }

    public static TheoryData<string, string, string, bool> RelativeClauses => new()
    {
        // A restrictive relative clause dates only itself: the ship's freeing is not "last week".
        { "The ship that blocked the canal on [March 23|2021-03-23] was freed on [Monday|2021-03-29].", "2021-03-23", "The ship blocked the canal on March 23", true },
        // ... and the main clause's date is compared without the relative clause (the headline keeps it as written).
        { "The ship that blocked the canal on [March 23|2021-03-23] was freed on [Monday|2021-03-29].", "2021-03-29", "The ship that blocked the canal on March 23 was freed on Monday", false },
        // A non-restrictive "who" clause that IS the event (last session's regression): still a mention, told of its antecedent.
        { "Al-Sharaa, who first visited Russia in [October|2025-10], thanked Putin for helping to stabilize Syria.", "2025-10", "Al-Sharaa first visited Russia in October", true },
        // A relative clause ending the sentence.
        { "The former jihadist had received Moscow's support in the civil war that began in [2011|2011].", "2011", "The civil war began in 2011", true },
    };

    [Theory]
    [MemberData(nameof(RelativeClauses))]
    public void ADateInARelativeClauseDatesOnlyThatClause(string line, string value, string headline, bool subordinate)
    {
        StoryEvents e = EventPipeline.Extract(Story("articles/a.txt", "AP", new LocalDate(2026, 1, 28), line), Options);
        EventMention m = Assert.Single(e.Mentions, x => x.Time.Value == value);
        Assert.Equal((headline, subordinate), (m.Headline, m.Subordinate));
        if (value == "2021-03-29")
        {
            Assert.DoesNotContain("blocked", m.Clause, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("freed", m.Clause, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, int, string?> Moves => new()
    {
        // Days cross a month end.
        { "2021-03-30", "P2D", 1, "2021-04-01" },
        // "the day before".
        { "2021-03-01", "P1D", -1, "2021-02-28" },
        // Weeks.
        { "2010-01-12", "P1W", 1, "2010-01-19" },
        // Months from a month.
        { "2010-01", "P3M", 1, "2010-04" },
        // Years from a year.
        { "1967", "P8Y", 1, "1975" },
        // A day offset from a year is unknown: never a guessed day.
        { "1967", "P1D", 1, null },
        // A month offset from a year is unknown too.
        { "2010", "P2M", -1, null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void MovesTheAnchorsDateByTheOffsetOnlyAsPreciselyAsItIsKnown(string anchor, string offset, int sign, string? expected)
    {
        var moved = EventAnchors.Move(CalendarValue.TryParse(anchor)!.Value, anchor, offset, sign);
        Assert.Equal(expected, moved?.Value);
    }
}
