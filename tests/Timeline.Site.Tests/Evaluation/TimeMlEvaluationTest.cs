using System.Text;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public sealed class TimeMlEvaluationTest : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "timeline-eval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static List<TimeMlDocument> AllFixtures() =>
        new[] { "news/board.tml", "news/storm.tml", "tweets/weekend.tml" }.Select(EvaluationFixtures.Read).ToList();

    [Fact]
    public void Gold_echo_tagger_scores_100()
    {
        EvaluationReport report = TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, new GoldEchoTagger(AllFixtures()), 10);

        TaskACounts all = report.Overall.Counts;
        Assert.Equal(9, all.Gold);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (all.StrictF1, all.RelaxedF1, all.TypeF1, all.ValueF1));
        Assert.Empty(report.Errors);
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void Scores_are_per_corpus_folder_and_micro_summed_overall()
    {
        EvaluationReport report = TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, new GoldEchoTagger(AllFixtures()), 0);

        Assert.Equal([("news", 2, 7), ("tweets", 1, 2)], report.Corpora.Select(c => (c.Corpus, c.Documents, c.Counts.Gold)));
        Assert.Equal(("all", 3), (report.Overall.Corpus, report.Overall.Documents));
        Assert.Equal(report.Corpora[0].Counts + report.Corpora[1].Counts, report.Overall.Counts);
    }

    [Fact]
    public void Each_document_is_tagged_once_against_its_DCT()
    {
        var tagger = new WordTagger();

        TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, tagger, 0);

        Assert.Equal(
            ["1998-02-06", "2002-10-14", "2011-11-26"],
            tagger.Calls.Select(c => c.Reference.Date.ToString("uuuu-MM-dd", null)));
    }

    [Fact]
    public void A_partial_tagger_gets_the_expected_counts_and_errors()
    {
        // Finds "today" right, "Saturday" with a wrong value, "1998" inside "February 5, 1998" (overlap only),
        // and a spurious "again"; everything else is missed.
        var tagger = new WordTagger(
            ("today", TimexType.Date, "1998-02-06"),
            ("Saturday", TimexType.Date, "2011-11-19"),
            ("1998", TimexType.Date, "1998"),
            ("again", TimexType.Date, "PRESENT_REF"));

        EvaluationReport report = TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, tagger, 100);

        Assert.Equal(new TaskACounts(Gold: 9, System: 4, GoldRelaxed: 3, GoldStrict: 2, SystemRelaxed: 3, SystemStrict: 2, TypeCorrect: 3, ValueCorrect: 1), report.Overall.Counts);
        Assert.Equal(6, report.ErrorCounts[TaskAErrorKind.Missed]);
        Assert.Equal(1, report.ErrorCounts[TaskAErrorKind.Spurious]);
        Assert.Equal(1, report.ErrorCounts[TaskAErrorKind.WrongExtent]);
        Assert.Equal(2, report.ErrorCounts[TaskAErrorKind.WrongValue]);
        Assert.Equal(report.ErrorCounts.Values.Sum(), report.Errors.Count);
        LocatedError wrong = report.Errors.First(e => e.Error.Kind == TaskAErrorKind.WrongValue && e.Document == "tweets/weekend.tml");
        Assert.Equal((6, 69), (wrong.Line, wrong.Column)); // "Saturday" inside its TIMEX3 tag on line 6
        Assert.Contains("how's your [Saturday] been?", wrong.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_list_stops_at_the_limit_but_the_counts_do_not()
    {
        EvaluationReport report = TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, new WordTagger(), 2);

        Assert.Equal(2, report.Errors.Count);
        Assert.Equal(9, report.ErrorCounts[TaskAErrorKind.Missed]);
        Assert.Equal(["news/board.tml", "news/board.tml"], report.Errors.Select(e => e.Document));
    }

    [Fact]
    public void System_files_mirror_the_gold_tree_and_score_100_when_read_as_gold()
    {
        var tagger = new GoldEchoTagger(AllFixtures());

        TimeMlEvaluation.Run(EvaluationFixtures.Directory, temp, tagger, 0);
        EvaluationReport again = TimeMlEvaluation.Run(temp, null, tagger, 0);

        Assert.True(File.Exists(Path.Combine(temp, "news", "board.tml")));
        Assert.True(File.Exists(Path.Combine(temp, "tweets", "weekend.tml")));
        Assert.Equal(1.0, again.Overall.Counts.ValueF1);
        byte[] bytes = File.ReadAllBytes(Path.Combine(temp, "news", "board.tml"));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_reported_and_the_others_are_still_scored()
    {
        Directory.CreateDirectory(Path.Combine(temp, "news"));
        File.Copy(Path.Combine(EvaluationFixtures.Directory, "news", "storm.tml"), Path.Combine(temp, "news", "storm.tml"));
        File.WriteAllText(Path.Combine(temp, "news", "broken.tml"), "<TimeML><TEXT>unclosed</TimeML>");

        EvaluationReport report = TimeMlEvaluation.Run(temp, null, new WordTagger(), 0);

        Assert.Equal("news/broken.tml", Assert.Single(report.Diagnostics).File);
        Assert.Equal(1, report.Overall.Documents);
        Assert.Equal(3, report.Overall.Counts.Gold);
    }

    [Fact]
    public void Report_text_has_a_row_per_corpus_and_overall()
    {
        EvaluationReport report = TimeMlEvaluation.Run(EvaluationFixtures.Directory, null, new GoldEchoTagger(AllFixtures()), 0);
        var output = new StringWriter();

        EvaluationReportWriter.Write(report, output);

        string[] lines = output.ToString().Split('\n');
        Assert.StartsWith("corpus", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^news\s+2\s+7\s+7\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00$", lines[2]);
        Assert.Matches(@"^all\s+3\s+9\s+9\s", lines[4]);
        Assert.Equal("errors: 0 missed, 0 spurious, 0 wrong extent, 0 wrong type, 0 wrong value", lines[5]);
    }
}
