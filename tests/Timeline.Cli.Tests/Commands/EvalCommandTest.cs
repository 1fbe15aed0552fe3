using Timeline.Cli.Commands;
using Timeline.Core.Temporal;

namespace Timeline.Cli.Tests.Commands;

public sealed class EvalCommandTest : IDisposable
{
    private const string Gold = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>d</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" functionInDocument="CREATION_TIME">19980808</TIMEX3></DCT>
        <TEXT>
        Bombs went off <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> for a <TIMEX3 tid="t2" type="DURATION" value="P1W">week</TIMEX3>.
        </TEXT>
        </TimeML>
        """;

    private readonly string temp = Path.Combine(Path.GetTempPath(), "timeline-evalcmd-" + Guid.NewGuid().ToString("N"));

    public EvalCommandTest()
    {
        Directory.CreateDirectory(Path.Combine(temp, "gold", "news"));
        File.WriteAllText(Path.Combine(temp, "gold", "news", "d.tml"), Gold);
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Prints_scores_per_corpus_and_the_first_errors()
    {
        var tagger = new WordTagger(("Friday", TimexType.Date, "1998-08-07"));

        (int exit, string output, string error) = CommandRunner.Run(EvalCommand.Create(tagger), "eval", "timeml", Path.Combine(temp, "gold"), "--errors", "5");

        Assert.Equal((0, ""), (exit, error));
        // One of two gold found, exactly and with the right value: P 100, R 50, F1 66.67 in every column.
        Assert.Matches(@"\nnews\s+1\s+2\s+1\s+100\.00\s+50\.00\s+66\.67\s+100\.00\s+50\.00\s+66\.67\s+66\.67\s+66\.67\s+100\.00\n", output);
        Assert.Contains("errors: 1 missed, 0 spurious", output, StringComparison.Ordinal);
        Assert.Contains("missed       news/d.tml(6,", output, StringComparison.Ordinal);
        Assert.Contains("Bombs went off Friday for a [week].", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_system_tml_files()
    {
        var tagger = new WordTagger(("week", TimexType.Duration, "P1W"));

        CommandRunner.Run(EvalCommand.Create(tagger), "eval", "timeml", Path.Combine(temp, "gold"), "--out", Path.Combine(temp, "sys"));

        string written = File.ReadAllText(Path.Combine(temp, "sys", "news", "d.tml"));
        Assert.Contains("Bombs went off Friday for a <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P1W\">week</TIMEX3>.", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_gold_folder_exits_2()
    {
        (int exit, _, string error) = CommandRunner.Run(EvalCommand.Create(new WordTagger()), "eval", "timeml", Path.Combine(temp, "absent"));

        Assert.Equal(2, exit);
        Assert.Contains("no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_gold_files_are_reported_on_stderr_and_exit_1()
    {
        File.WriteAllText(Path.Combine(temp, "gold", "news", "bad.tml"), "<TimeML><TEXT>");

        (int exit, string output, string error) = CommandRunner.Run(EvalCommand.Create(new WordTagger()), "eval", "timeml", Path.Combine(temp, "gold"));

        Assert.Equal(1, exit);
        Assert.StartsWith("news/bad.tml(", error, StringComparison.Ordinal);
        Assert.Contains("\nall ", output, StringComparison.Ordinal);
    }
}
