using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class TaskAScorerTest
{
    // "On February 5, 1998 and again today, for three years." — offsets of its expressions:
    private const string Text = "On February 5, 1998 and again today, for three years.";

    private static TimexAnnotation At(string expression, string type, string value, int occurrence = 0)
    {
        int start = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            start = Text.IndexOf(expression, start + 1, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"'{expression}' is not in the text");
        return new TimexAnnotation(start, start + expression.Length, expression, type, value, null);
    }

    private static readonly TimexAnnotation Feb5 = At("February 5, 1998", "DATE", "1998-02-05");
    private static readonly TimexAnnotation Today = At("today", "DATE", "1998-02-06");
    private static readonly TimexAnnotation ThreeYears = At("three years", "DURATION", "P3Y");
    private static readonly TimexAnnotation[] Gold = [Feb5, Today, ThreeYears];

    [Fact]
    public void Perfect_system_scores_100_everywhere()
    {
        TaskAResult result = TaskAScorer.Score(Gold, Gold);

        Assert.Equal(new TaskACounts(3, 3, 3, 3, 3, 3, 3, 3), result.Counts);
        Assert.Equal(1.0, result.Counts.StrictF1);
        Assert.Equal(1.0, result.Counts.RelaxedF1);
        Assert.Equal(1.0, result.Counts.TypeF1);
        Assert.Equal(1.0, result.Counts.ValueF1);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Overlap_only_is_relaxed_but_not_strict()
    {
        // The system takes "February 5" where gold has "February 5, 1998", with the right value.
        var partial = At("February 5", "DATE", "1998-02-05");

        TaskAResult result = TaskAScorer.Score([Feb5], [partial]);

        Assert.Equal(new TaskACounts(Gold: 1, System: 1, GoldRelaxed: 1, GoldStrict: 0, SystemRelaxed: 1, SystemStrict: 0, TypeCorrect: 1, ValueCorrect: 1), result.Counts);
        Assert.Equal(0.0, result.Counts.StrictF1);
        Assert.Equal(1.0, result.Counts.RelaxedF1);
        TaskAError error = Assert.Single(result.Errors);
        Assert.Equal(TaskAErrorKind.WrongExtent, error.Kind);
        Assert.Same(Feb5, error.Gold);
        Assert.Same(partial, error.System);
    }

    [Fact]
    public void Missed_gold_lowers_recall_only()
    {
        TaskAResult result = TaskAScorer.Score(Gold, [Feb5, Today]);

        Assert.Equal(1.0, result.Counts.RelaxedPrecision);
        Assert.Equal(2.0 / 3, result.Counts.RelaxedRecall, 12);
        Assert.Equal(0.8, result.Counts.RelaxedF1, 12);
        Assert.Equal(0.8, result.Counts.StrictF1, 12);
        Assert.Equal(0.8, result.Counts.ValueF1, 12);
        TaskAError error = Assert.Single(result.Errors);
        Assert.Equal(TaskAErrorKind.Missed, error.Kind);
        Assert.Same(ThreeYears, error.Gold);
        Assert.Null(error.System);
    }

    [Fact]
    public void Spurious_system_lowers_precision_only()
    {
        var again = At("again", "DATE", "PRESENT_REF");

        TaskAResult result = TaskAScorer.Score(Gold, [.. Gold, again]);

        Assert.Equal(0.75, result.Counts.RelaxedPrecision);
        Assert.Equal(1.0, result.Counts.RelaxedRecall);
        Assert.Equal(0.75, result.Counts.StrictPrecision);
        Assert.Equal(1.0, result.Counts.ValueAccuracy);
        TaskAError error = Assert.Single(result.Errors);
        Assert.Equal(TaskAErrorKind.Spurious, error.Kind);
        Assert.Null(error.Gold);
        Assert.Same(again, error.System);
    }

    [Fact]
    public void Wrong_value_keeps_extent_scores_and_lowers_value_F1()
    {
        TimexAnnotation wrong = Today with { Value = "1998-02-05" };

        TaskAResult result = TaskAScorer.Score(Gold, [Feb5, wrong, ThreeYears]);

        Assert.Equal(1.0, result.Counts.StrictF1);
        Assert.Equal(1.0, result.Counts.TypeF1);
        Assert.Equal(2.0 / 3, result.Counts.ValueAccuracy, 12);
        Assert.Equal(2.0 / 3, result.Counts.ValueF1, 12);
        TaskAError error = Assert.Single(result.Errors);
        Assert.Equal(TaskAErrorKind.WrongValue, error.Kind);
    }

    [Fact]
    public void Wrong_type_lowers_type_F1_only()
    {
        TimexAnnotation wrong = ThreeYears with { Type = "DATE" };

        TaskAResult result = TaskAScorer.Score(Gold, [Feb5, Today, wrong]);

        Assert.Equal(2.0 / 3, result.Counts.TypeF1, 12);
        Assert.Equal(1.0, result.Counts.ValueF1);
        Assert.Equal(TaskAErrorKind.WrongType, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Value_is_compared_as_an_exact_string()
    {
        // "1998-2-6" denotes the same day but is not the TIMEX3 spelling: the TE3 scorer counts it wrong.
        TaskAResult result = TaskAScorer.Score([Today], [Today with { Value = "1998-2-6" }]);

        Assert.Equal(0, result.Counts.ValueCorrect);
    }

    [Fact]
    public void Surrounding_whitespace_does_not_break_a_strict_match()
    {
        // Token-based strict matching ignores the blanks a gold file sometimes leaves inside the tag.
        var padded = new TimexAnnotation(Today.Start - 1, Today.End + 1, " today,", "DATE", "1998-02-06", null);
        var spaced = new TimexAnnotation(Today.Start - 1, Today.End, " today", "DATE", "1998-02-06", null);

        Assert.Equal(1, TaskAScorer.Score([spaced], [Today]).Counts.GoldStrict);
        Assert.Equal(0, TaskAScorer.Score([padded], [Today]).Counts.GoldStrict);
    }

    [Fact]
    public void One_system_timex_over_two_gold_matches_both_relaxed()
    {
        // "today, for three years" spans two gold timexes: each is overlapped, neither strictly.
        int start = Today.Start;
        var span = new TimexAnnotation(start, ThreeYears.End, Text[start..ThreeYears.End], "DATE", "1998-02-06", null);

        TaskACounts counts = TaskAScorer.Score([Today, ThreeYears], [span]).Counts;

        Assert.Equal(new TaskACounts(2, 1, 2, 0, 1, 0, 1, 1), counts);
    }

    [Fact]
    public void Two_system_timexes_in_one_gold_both_count_and_the_larger_is_compared()
    {
        // Gold "February 5, 1998" split into "February 5" (right value) and "1998" (year value): the pair is the longer one.
        var day = At("February 5", "DATE", "1998-02-05");
        var year = At("1998", "DATE", "1998");

        TaskAResult result = TaskAScorer.Score([Feb5], [year, day]);

        Assert.Equal(new TaskACounts(1, 2, 1, 0, 2, 0, 1, 1), result.Counts);
        Assert.Same(day, result.Errors.Single(e => e.Kind == TaskAErrorKind.WrongExtent).System);
    }

    [Fact]
    public void Adjacent_extents_do_not_overlap()
    {
        // End is exclusive: a system timex ending where the gold one starts is no match.
        var before = new TimexAnnotation(Today.Start - 6, Today.Start, "again ", "DATE", "x", null);

        TaskACounts counts = TaskAScorer.Score([Today], [before]).Counts;

        Assert.Equal(0, counts.GoldRelaxed);
        Assert.Equal(0, counts.SystemRelaxed);
    }

    [Fact]
    public void Empty_extents_are_ignored_as_the_toolkit_does()
    {
        var blank = new TimexAnnotation(2, 3, " ", "DATE", "1998", null);

        TaskACounts counts = TaskAScorer.Score([blank, Today], [Today]).Counts;

        Assert.Equal(1, counts.Gold);
        Assert.Equal(1.0, counts.StrictF1);
    }

    [Fact]
    public void No_timexes_anywhere_gives_zeros_not_NaN()
    {
        TaskACounts counts = TaskAScorer.Score([], []).Counts;

        Assert.Equal(0.0, counts.RelaxedF1);
        Assert.Equal(0.0, counts.ValueF1);
    }

    [Fact]
    public void Counts_are_micro_summed_not_averaged()
    {
        // Document A: 1 gold, found. Document B: 3 gold, none found. Micro recall = 1/4, not mean(1, 0) = 1/2.
        TaskACounts a = TaskAScorer.Score([Today], [Today]).Counts;
        TaskACounts b = TaskAScorer.Score(Gold, []).Counts;

        TaskACounts sum = a + b;

        Assert.Equal(0.25, sum.RelaxedRecall);
        Assert.Equal(1.0, sum.RelaxedPrecision);
    }

    [Fact]
    public void Attribute_F1_is_accuracy_times_relaxed_F1_as_in_the_task_paper()
    {
        // 20 gold, 20 system, 18 overlapping, 15 of those with the right value:
        // P = R = 0.9, F1 = 0.9, value accuracy = 15/18, value F1 = 0.75.
        var counts = new TaskACounts(20, 20, 18, 16, 18, 16, 17, 15);

        Assert.Equal(0.9, counts.RelaxedF1, 12);
        Assert.Equal(0.8, counts.StrictF1, 12);
        Assert.Equal(0.75, counts.ValueF1, 12);
        Assert.Equal(0.85, counts.TypeF1, 12);
    }

    [Fact]
    public void Errors_come_in_text_order()
    {
        TaskAResult result = TaskAScorer.Score([ThreeYears, Feb5], [At("again", "DATE", "x")]);

        Assert.Equal([TaskAErrorKind.Missed, TaskAErrorKind.Spurious, TaskAErrorKind.Missed], result.Errors.Select(e => e.Kind));
    }
}
