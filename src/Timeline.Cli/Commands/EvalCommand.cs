using System.CommandLine;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;

namespace Timeline.Cli.Commands;

/// <summary>
/// <c>timeline eval timeml GOLD_DIR [--out SYS_DIR] [--errors N]</c>: TempEval-3 Task A scores of the temporal tagger
/// on TimeML gold files, per corpus folder and overall.
/// </summary>
public static class EvalCommand
{
    public static Command Create() => Create(TemporalTagger.Default);

    public static Command Create(ITemporalTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var gold = new Argument<DirectoryInfo>("gold-dir") { Description = "Folder of gold .tml files (searched recursively; subfolders are reported as corpora)." };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Write the system-annotated .tml files here (same relative paths), for the official TE3 scorer.",
        };
        var errors = new Option<int>("--errors")
        {
            Description = "How many errors (missed, spurious, wrong extent/type/value) to list with their sentence.",
            DefaultValueFactory = _ => 10,
        };

        var timeml = new Command("timeml", "Score the tagger on TimeML gold files (TempEval-3 Task A: strict/relaxed P/R/F1, type F1, value F1).");
        timeml.Arguments.Add(gold);
        timeml.Options.Add(output);
        timeml.Options.Add(errors);
        timeml.SetAction(parseResult =>
        {
            TextWriter stdout = parseResult.InvocationConfiguration.Output;
            TextWriter stderr = parseResult.InvocationConfiguration.Error;
            DirectoryInfo goldDir = parseResult.GetValue(gold)!;
            int maxErrors = parseResult.GetValue(errors);
            if (!goldDir.Exists)
            {
                stderr.WriteLine($"{goldDir.FullName}: error: no such folder.");
                return 2;
            }

            if (maxErrors < 0)
            {
                stderr.WriteLine("error: --errors must be 0 or more.");
                return 2;
            }

            EvaluationReport report = TimeMlEvaluation.Run(goldDir.FullName, parseResult.GetValue(output)?.FullName, tagger, maxErrors);
            foreach (var diagnostic in report.Diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            EvaluationReportWriter.Write(report, stdout);
            return report.Diagnostics.Count == 0 && report.Overall.Documents > 0 ? 0 : 1;
        });

        var command = new Command("eval", "Evaluate the temporal tagger against gold annotations.");
        command.Subcommands.Add(timeml);
        return command;
    }
}
