using Timeline.Site.Bench;

namespace Timeline.Site.Tests.Bench;

/// <summary>The benchmark corpora: the default one repeats the sample's sentences, the distinct one reads like a real archive.</summary>
public sealed class SyntheticCorpusTest : IDisposable
{
    private static readonly string Sample = Path.Combine(Timeline.TestSupport.RepoRoot.Path, "input");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-corpus-test-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void ADistinctCorpusHasNearlyNoRepeatedSentenceWhereTheDefaultOneRepeatsMost()
    {
        // Given 300 articles of each kind from the same sample and seed
        string repeated = Path.Combine(_root, "repeated");
        string distinct = Path.Combine(_root, "distinct");
        SyntheticCorpus.Generate(Sample, repeated, 300);
        SyntheticCorpus.Generate(Sample, distinct, 300, distinct: true);

        // When their cleaned sentences are counted
        (long repeatedSentences, long repeatedDistinct) = SyntheticCorpus.CountSentences(repeated);
        (long distinctSentences, long distinctDistinct) = SyntheticCorpus.CountSentences(distinct);

        // Then the default corpus repeats most sentences (why a build's string sharing flatters it), the distinct one
        // almost none (wire copies and boilerplate lines such as "Click to Gallery" are the repeats left)
        Assert.InRange(repeatedDistinct, 1, repeatedSentences / 2);
        Assert.InRange(distinctDistinct, distinctSentences * 85 / 100, distinctSentences);
        // and both have about as many sentences: the rewrite varies words, it does not drop or split sentences
        Assert.InRange(distinctSentences, repeatedSentences * 9 / 10, repeatedSentences * 11 / 10);
    }

    [Fact]
    public void ADistinctCorpusIsTheSameForTheSameSeedAndDiffersForAnother()
    {
        // Given the same 40 articles generated twice with seed 1, and once with seed 2
        string first = Path.Combine(_root, "a");
        string second = Path.Combine(_root, "b");
        string other = Path.Combine(_root, "c");
        SyntheticCorpus.Generate(Sample, first, 40, seed: 1, distinct: true);
        SyntheticCorpus.Generate(Sample, second, 40, seed: 1, distinct: true);
        SyntheticCorpus.Generate(Sample, other, 40, seed: 2, distinct: true);

        // Then the two seed-1 corpora are byte for byte the same, and the seed-2 one differs
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(first, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(40, files.Length);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first, "articles", f)), File.ReadAllBytes(Path.Combine(second, "articles", f))));
        Assert.Contains(files, f => !File.ReadAllBytes(Path.Combine(first, "articles", f)).SequenceEqual(File.ReadAllBytes(Path.Combine(other, "articles", f))));
    }

    [Fact]
    public void ARewriteKeepsDatesAndTimeWordsAndGivesAStoryOneSetOfNames()
    {
        // Given a sample line with names, a date, a weekday, a time, a year and counts
        string line = "Putin met Sharaa in Moscow on Wednesday, Jan. 28, 2026, at 10:30, and said 12 projects were ready after 3 years of talks.";
        var rewriter = new DistinctText(Directory.EnumerateFiles(Path.Combine(Sample, "articles")).SelectMany(File.ReadAllLines));

        // When two articles of story 7 and one of story 8 rewrite it
        string a = rewriter.Rewrite(line, story: 7, variant: 1);
        string b = rewriter.Rewrite(line, story: 7, variant: 2);
        string c = rewriter.Rewrite(line, story: 8, variant: 1);

        // Then each keeps what the tagger reads: the date, the weekday, the time, the duration's unit
        Assert.All(new[] { a, b, c }, text =>
        {
            Assert.Contains("on Wednesday, Jan. 28, 2026, at 10:30", text, StringComparison.Ordinal);
            Assert.Contains(" years of ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Moscow", text, StringComparison.Ordinal);
        });
        // the two articles of story 7 name the same people and places but read differently (a word or a number changed)
        Assert.Equal(Names(a), Names(b));
        Assert.NotEqual(a, b);
        // and story 8 has people of its own
        Assert.NotEqual(Names(a), Names(c));
        // and the same variant of the same line is the same text (wire copies repeat word for word)
        Assert.Equal(a, rewriter.Rewrite(line, story: 7, variant: 1));
    }

    private static string[] Names(string text) =>
        [.. text.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0]))];
}
