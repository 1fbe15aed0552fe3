using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

/// <summary>The small gold files under Evaluation/Fixtures and taggers to run on them.</summary>
internal static class EvaluationFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Fixtures");

    public static TimeMlDocument Read(string relativePath)
    {
        TimeMlReadResult result = TimeMlReader.ReadFile(Path.Combine(Directory, relativePath), relativePath);
        Assert.Empty(result.Diagnostics);
        return result.Document!;
    }

    public static TimeMlReadResult Parse(string xml, string name = "doc.tml") => TimeMlReader.Read(new StringReader(xml), name);

    /// <summary>A gold annotation as the tagger would have produced it.</summary>
    public static TemporalMention ToMention(TimexAnnotation gold, string rule = "gold") =>
        new(gold.Start, gold.End, gold.Text, TimexSpelling.ParseType(gold.Type) ?? TimexType.Date, gold.Value, TimexModExtensions.ParseTimexMod(gold.Mod), rule);
}

/// <summary>Returns the gold timexes of whichever document it is given: a perfect tagger, to check the harness scores 100.</summary>
internal sealed class GoldEchoTagger(IEnumerable<TimeMlDocument> documents) : ITemporalTagger
{
    private readonly Dictionary<string, TemporalMention[]> byText = documents
        .GroupBy(d => d.PlainText, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Gold.Select(t => EvaluationFixtures.ToMention(t)).ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime) =>
        byText.TryGetValue(text, out TemporalMention[]? mentions) ? mentions : [];
}

/// <summary>Finds fixed words wherever they occur, with a fixed value: a predictable stand-in for the real tagger.</summary>
internal sealed class WordTagger(params (string Word, TimexType Type, string Value)[] words) : ITemporalTagger
{
    public List<(string Text, DocumentTime Reference)> Calls { get; } = [];

    public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime)
    {
        Calls.Add((text, documentTime));
        var result = new List<TemporalMention>();
        foreach ((string word, TimexType type, string value) in words)
        {
            for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
            {
                result.Add(new TemporalMention(i, i + word.Length, word, type, value, TimexMod.None, "word:" + word));
            }
        }

        return result.OrderBy(m => m.Start).ToList();
    }
}
