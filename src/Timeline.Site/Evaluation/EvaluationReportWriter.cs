using System.Globalization;

namespace Timeline.Site.Evaluation;

/// <summary>Formats the scores and errors of an <see cref="EvaluationReport"/> for the terminal (its diagnostics are the caller's to show).</summary>
/// <remarks>Stateless and thread-safe. Output is deterministic (invariant culture, <c>\n</c> line ends).</remarks>
public static class EvaluationReportWriter
{
    public static void Write(EvaluationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        output.Write("TempEval-3 Task A (timexes in <TEXT>, DCT excluded), micro-averaged over documents, in %\n");
        var table = new TextTable(
            "corpus", ">docs", ">gold", ">sys", ">strict P", ">R", ">F1", ">relaxed P", ">R", ">F1", ">type F1", ">value F1", ">value acc");
        foreach (CorpusScore score in report.Corpora.Append(report.Overall))
        {
            TaskACounts c = score.Counts;
            table.Add(
                score.Corpus,
                Int(score.Documents),
                Int(c.Gold),
                Int(c.System),
                Percent(c.StrictPrecision),
                Percent(c.StrictRecall),
                Percent(c.StrictF1),
                Percent(c.RelaxedPrecision),
                Percent(c.RelaxedRecall),
                Percent(c.RelaxedF1),
                Percent(c.TypeF1),
                Percent(c.ValueF1),
                Percent(c.ValueAccuracy));
        }

        output.Write(table.ToString());
        output.Write("errors: " + string.Join(", ", report.ErrorCounts.OrderBy(e => e.Key).Select(e => $"{Int(e.Value)} {Label(e.Key)}")) + "\n");
        if (report.Errors.Count == 0)
        {
            return;
        }

        output.Write($"first {Int(report.Errors.Count)} errors (gold in [ ], system in {{ }}):\n");
        foreach (LocatedError e in report.Errors)
        {
            string where = e.Line > 0 ? $"{e.Document}({Int(e.Line)},{Int(e.Column)})" : e.Document;
            output.Write($"{Label(e.Error.Kind),-12} {where}{Describe("gold", e.Error.Gold)}{Describe("system", e.Error.System)}\n");
            output.Write($"{string.Empty,-12} {e.Context}\n");
        }
    }

    private static string Describe(string who, TimexAnnotation? t) => t is null
        ? ""
        : $"  {who} \"{t.Text.ReplaceLineEndings(" ")}\" {t.Type} {t.Value}{(t.Mod is null ? "" : " " + t.Mod)}{(who == "system" && t.Origin is not null ? $" ({t.Origin})" : "")}";

    private static string Label(TaskAErrorKind kind) => kind switch
    {
        TaskAErrorKind.Missed => "missed",
        TaskAErrorKind.Spurious => "spurious",
        TaskAErrorKind.WrongExtent => "wrong extent",
        TaskAErrorKind.WrongType => "wrong type",
        TaskAErrorKind.WrongValue => "wrong value",
        _ => kind.ToString(),
    };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.00", CultureInfo.InvariantCulture);
}
