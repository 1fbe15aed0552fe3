using Timeline.Site.Evaluation;

namespace Timeline.Site.Tests.Evaluation;

public class SentenceContextTest
{
    private const string Text = "First sentence here. The blast came at 10:35 a.m. Friday, officials said. Last one.\nNext paragraph.";

    private static TimexAnnotation At(string s) =>
        new(Text.IndexOf(s, StringComparison.Ordinal), Text.IndexOf(s, StringComparison.Ordinal) + s.Length, s, "DATE", "x", null);

    [Fact]
    public void Shows_the_sentence_with_the_gold_extent_bracketed()
    {
        string context = SentenceContext.Around(Text, new TaskAError(TaskAErrorKind.Missed, At("Last one"), null));

        Assert.Equal("[Last one].", context);
    }

    [Fact]
    public void Wrong_extent_shows_both_extents()
    {
        var error = new TaskAError(TaskAErrorKind.WrongExtent, At("10:35 a.m. Friday"), At("Friday"));

        string context = SentenceContext.Around(Text, error);

        Assert.EndsWith("[10:35 a.m. {Friday}], officials said.", context, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_extent_around_the_gold_one_nests_the_other_way()
    {
        var error = new TaskAError(TaskAErrorKind.WrongExtent, At("Friday"), At("10:35 a.m. Friday"));

        Assert.EndsWith("{10:35 a.m. [Friday]}, officials said.", SentenceContext.Around(Text, error), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_end_the_context_and_whitespace_is_collapsed()
    {
        const string Spaced = "Para one ends\n  and   then   Friday  came\nnext";
        var friday = new TimexAnnotation(Spaced.IndexOf("Friday", StringComparison.Ordinal), Spaced.IndexOf("Friday", StringComparison.Ordinal) + 6, "Friday", "DATE", "x", null);

        Assert.Equal("and then [Friday] came", SentenceContext.Around(Spaced, new TaskAError(TaskAErrorKind.Missed, friday, null)));
    }

    [Fact]
    public void Long_sentences_are_cut_with_an_ellipsis()
    {
        string text = new string('a', 300) + " Friday " + new string('b', 300);
        var friday = new TimexAnnotation(301, 307, "Friday", "DATE", "x", null);

        string context = SentenceContext.Around(text, new TaskAError(TaskAErrorKind.Missed, friday, null));

        Assert.StartsWith("…", context, StringComparison.Ordinal);
        Assert.EndsWith("…", context, StringComparison.Ordinal);
        Assert.Contains(" [Friday] ", context, StringComparison.Ordinal);
        Assert.True(context.Length < 220);
    }
}
