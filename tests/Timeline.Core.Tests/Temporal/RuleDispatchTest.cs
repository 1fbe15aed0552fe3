using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Core.Temporal.Recognition;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// The parser calls a rule only where the first token (and, at numbers and "the", the second) can start it. This dispatch
/// must never change what is tagged: these tests compare the tagger with one that tries every rule at every token, on
/// texts built from the lexicon, the words the rules test for and glued forms ("1990s", "10:30", "o'clock").
/// When a rule learns a new way to start and these fail, widen the rule's condition in ChunkParser.Core.
/// </summary>
public class RuleDispatchTest
{
    private static readonly TemporalTagger Exhaustive = new(exhaustive: true);

    // Words the rules compare by spelling (not in the lexicon), and forms whose tokens touch: the adjacency tests of the rules.
    private static readonly string[] Literals =
    [
        "B", "BC", "BCE", "B.C.", "B.C.E.", "C", "E", "Q", "Q3", "q3", "T", "Z", "st", "nd", "rd", "th", "o'clock", "o", "clock", "near", "short",
        "long", "final", "remaining", "additional", "initial", "extra", "ahead", "throughout", "old", "local", "time", "ended", "ending", "ends",
        "account", "events", "percent", "million", "dollars", "cents", "door", "GMT", "EST", "UTC", "PT", "twenties", "forties", "nineties",
        "seventies", "1990s", "1800s", "'90s", "'98", "20th", "21st", "3rd", "1st", "10:30", "7:40:15", "14.30", "0540", "1430", "2026-01-28",
        "2021-03-23T16:05:00+02:00", "23/3", "23/03/2021", "3/23/21", "23.3.2021", "1,000", "2,000", "1.5", "2 1/2", "p.m.", "a.m.", "pm", "PM",
        "15-day", "day-long", "year-end", "year's", "year-ago", "year-earlier", "mid-", "1915-16", "480-479", "10-18", "6-7", "12-18", "$", "%",
        ",", ".", "-", "\u2013", "'", "\u2019", ":", "/", "(", ")", ";", "\"", "Christmas", "New", "Year's", "Eve", "Thanksgiving", "Election", "Day", "\n",
    ];

    private static readonly string[] Vocabulary = [.. Lexicon.Words, .. Literals];

    // The words a rule can start at or lead into (numbers, temporal words, "the", "last", "about"…), drawn more often than the rest.
    private static readonly string[] Focus = [.. Lexicon.Words.Where(w => Lexicon.Find(w) is { Temporal: true } or { Lead: true }), .. Literals];

    private static readonly LocalDate[] Dates = [new(2026, 1, 28), new(1998, 3, 3), new(2015, 12, 31), new(1941, 6, 22)];

    private static Gen<string> Word() =>
        Gen.Frequency(
            (5, Gen.Elements(Focus)),
            (2, Gen.Elements(Vocabulary)),
            (1, Gen.Elements(Focus).Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w)),
            (2, Gen.Choose(0, 99999).SelectMany(n => Gen.Choose(1, 5), (n, digits) => (n % (int)Math.Pow(10, digits)).ToString(System.Globalization.CultureInfo.InvariantCulture))));

    // Mostly spaces between words; sometimes glued, or joined by the punctuation that dates and numbers use.
    private static Gen<string> Separator() => Gen.Frequency((6, Gen.Constant(" ")), (1, Gen.Elements("", "-", ",", ".", "/", ":", "'", ", ")));

    private static Arbitrary<string> Texts() =>
        Gen.Zip(Word(), Separator()).ListOf()
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)))
            .ToArbitrary();

    [Property(MaxTest = 1500)]
    public Property DispatchMatchesTryingEveryRule() =>
        Prop.ForAll(Texts(), Gen.Elements(Dates).ToArbitrary(), (text, dct) => Same(text, DocumentTime.FromDate(dct)));

    // Real prose: the sample articles, tagged with each date (which moves narrative and tense decisions).
    [Fact]
    public void DispatchMatchesTryingEveryRuleOnTheSampleArticles()
    {
        var files = Directory.GetFiles(FindArticles(), "*.txt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            string text = File.ReadAllText(file);
            foreach (var dct in Dates)
            {
                Assert.True(Same(text, DocumentTime.FromDate(dct)), $"{Path.GetFileName(file)} at {dct}");
            }
        }
    }

    // Mentions are records: equal when extent, type, value, mod, rule and range all agree.
    private static bool Same(string text, DocumentTime time) => Exhaustive.Tag(text, time).SequenceEqual(TemporalTagger.Default.Tag(text, time));

    private static string FindArticles()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "input", "articles");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("input/articles not found above the test binaries");
    }
}
