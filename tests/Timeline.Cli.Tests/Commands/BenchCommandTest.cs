using Timeline.Cli.Commands;

namespace Timeline.Cli.Tests.Commands;

/// <summary>How <c>timeline bench</c> refuses a sample folder it cannot make a corpus from.</summary>
public sealed class BenchCommandTest
{
    [Theory]
    [InlineData("--articles", "10")] // a timed run
    [InlineData("--profile", "10")] // the one-thread stage profile
    public void A_sample_without_articles_is_named_instead_of_thrown(string option, string value)
    {
        string missing = Path.Combine(Path.GetTempPath(), "timeline-bench-nosample-" + Guid.NewGuid().ToString("N"));

        (int exit, string output, string error) = CommandRunner.Run(BenchCommand.Create(), "bench", option, value, "--sample", missing);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("error: no sample articles in '" + Path.Combine(missing, "articles") + "'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }
}
