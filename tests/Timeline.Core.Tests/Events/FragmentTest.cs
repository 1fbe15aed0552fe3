using NodaTime;
using Timeline.Core.Events;
using static Timeline.Core.Tests.Events.EventFixtures;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// A statement that dates a happening only in a subordinate clause is a fragment of that day's happening, not another
/// happening: its event joins the better-reported event of the day it shares the topic with, or whose statement is the
/// next sentence of its article. Statements of the day in a main clause stay their own events.
/// </summary>
public sealed class FragmentTest
{
    private static readonly EventOptions Banking = new("The failure of Harbour Bank and the banking turmoil that followed");
    private static readonly EventOptions Crisis = new("President Rajan ousted by protests and replaced by a vote in parliament");
    private static readonly LocalDate Fri = new(2024, 3, 8);
    private static readonly LocalDate Wed = new(2024, 5, 1);

    /// <summary>On-topic lines with no date: they push the statements after them out of the article's opening (its lede window).</summary>
    private static readonly string[] BankBackground =
    [
        "Harbour Bank's failure has shaken the country's banking system.",
        "Depositors queued outside its branches for days.",
        "Smaller banks have lost billions in deposits since.",
        "The central bank has promised to lend to any solvent bank.",
        "Bank shares remain well below their level of a month ago.",
        "Lawmakers want to know why supervisors missed the warning signs.",
    ];

    private static readonly string[] CrisisBackground =
    [
        "Protests against President Rajan have filled the capital for months.",
        "Protesters blame Rajan for the worst economic crisis in decades.",
        "Parliament will vote on a new president next week.",
        "Rajan has left the country, and the protests go on.",
        "Opposition parties say the acting president must also resign.",
        "The protest camp outside the presidential office is still there.",
    ];

    public static TheoryData<string, int> PassingMention => new()
    {
        // The date is in a relative clause about the lender; the sentence's news is the guarantee. Published first, it
        // stood alone (the first report shares nothing with it); the grown report of the closure shares the run: one happening.
        { "The guarantee came two days after the insurer took over the lender, which had collapsed on [Friday|2024-03-08] after a run by its clients.", 1 },
        // The same words in a main clause: a statement of its own, left to the placing (it shares too little to join).
        { "Tellers at the lender said the run by its clients began on [Friday|2024-03-08] before dawn.", 2 },
        // Subordinate, but sharing nothing with the closure and next to no statement of it: not taken to be part of it.
        { "The insurer's chairman, who had flown in on [Friday|2024-03-08], declined to comment.", 2 },
    };

    [Theory]
    [MemberData(nameof(PassingMention))]
    public void SubordinateStatementJoinsTheBetterReportedHappeningOfItsDay(string line, int events)
    {
        // The passing mention's article sorts first (same day, path 01), so it is placed before the closure's reports.
        TaggedStory weekly = Story("articles/01.txt", "Weekly", Fri.PlusDays(1), [.. BankBackground, line]);
        TaggedStory wire = Story("articles/02.txt", "Wire", Fri.PlusDays(1), "Regulators closed Harbour Bank on [Friday|2024-03-08].");
        TaggedStory herald = Story("articles/03.txt", "Herald", Fri.PlusDays(1), "State regulators closed Harbour Bank on [Friday|2024-03-08] after a run by its clients.");
        Chronology c = Build(Banking, weekly, wire, herald);
        Assert.Equal(events, HappeningsOn(c, d => d == "2024-03-08"));
    }

    public static TheoryData<bool, int> Neighbour => new()
    {
        // The clashes are told in passing, in the sentence before the article's own report of the emergency: one happening.
        { true, 1 },
        // The same sentence two sentences away from the article's report (and sharing no words with it): left as it is.
        { false, 2 },
    };

    [Theory]
    [MemberData(nameof(Neighbour))]
    public void SubordinateStatementJoinsTheEventOfTheNextSentence(bool adjacent, int events)
    {
        TaggedStory wire = Story("articles/01.txt", "Wire", Wed.PlusDays(1), "Acting president Mehta declared a state of emergency on [Wednesday|2024-05-01] after protesters stormed the prime minister's office.");
        TaggedStory herald = Story("articles/02.txt", "Herald", Wed.PlusDays(1), "Mehta imposed a state of emergency and a curfew on [Wednesday|2024-05-01] as protesters stormed the prime minister's office.");
        string fragment = "Soldiers in armoured vehicles were deployed around the assembly after clashes outside it on [Wednesday night|2024-05-01].";
        string emergency = "Mehta declared a state of emergency on [Wednesday|2024-05-01] after protesters stormed the prime minister's office.";
        string[] lines = adjacent ? [.. CrisisBackground, fragment, emergency] : [.. CrisisBackground, fragment, "Police made dozens of arrests.", "Hospitals treated the injured.", emergency];
        TaggedStory daily = Story("articles/03.txt", "Daily", Wed.PlusDays(2), lines);
        Chronology c = Build(Crisis, wire, herald, daily);
        Assert.Equal(events, HappeningsOn(c, d => d.StartsWith("2024-05-01", StringComparison.Ordinal)));
    }
}
