using System.Text;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;

namespace Timeline.Site.Evaluation;

/// <summary>The micro-summed counts of one corpus folder.</summary>
public sealed record CorpusScore(string Corpus, int Documents, TaskACounts Counts);

/// <summary>A scoring error located in its document, with the sentence it occurs in.</summary>
public sealed record LocatedError(string Document, int Line, int Column, TaskAError Error, string Context);

/// <summary>The result of evaluating a tagger on a folder of TimeML gold files.</summary>
/// <param name="Corpora">Per corpus folder (path relative to the gold folder), in ordinal order.</param>
/// <param name="Overall">Micro-summed over every document.</param>
/// <param name="Errors">The first errors, in document then text order.</param>
/// <param name="ErrorCounts">How many errors of each kind there were in all.</param>
/// <param name="Diagnostics">Files that could not be read (they are not scored).</param>
public sealed record EvaluationReport(
    IReadOnlyList<CorpusScore> Corpora,
    CorpusScore Overall,
    IReadOnlyList<LocatedError> Errors,
    IReadOnlyDictionary<TaskAErrorKind, int> ErrorCounts,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Runs a tagger over TimeML gold files and scores it with <see cref="TaskAScorer"/>: each document's plain text is
/// tagged against its DCT, optionally written back as TimeML for the official TE3 toolkit, and the counts are
/// micro-summed per corpus folder and overall.
/// </summary>
/// <remarks>Thread-safe if the tagger is. Documents are processed one at a time, in ordinal path order.</remarks>
public static class TimeMlEvaluation
{
    /// <summary>Evaluates every <c>*.tml</c> under <paramref name="goldDirectory"/> (recursively).</summary>
    /// <param name="goldDirectory">Folder of gold files; its subfolders are reported as corpora.</param>
    /// <param name="systemDirectory">Where to write the system copies (mirroring the gold tree), or null.</param>
    /// <param name="tagger">The tagger under evaluation.</param>
    /// <param name="maxErrors">How many errors to keep with their context.</param>
    public static EvaluationReport Run(string goldDirectory, string? systemDirectory, ITemporalTagger tagger, int maxErrors)
    {
        ArgumentNullException.ThrowIfNull(goldDirectory);
        ArgumentNullException.ThrowIfNull(tagger);
        var rootName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(goldDirectory)));
        var files = Directory.EnumerateFiles(goldDirectory, "*.tml", SearchOption.AllDirectories)
            .Select(path => (Path: path, Name: Path.GetRelativePath(goldDirectory, path).Replace('\\', '/')))
            .Where(f => !Path.GetFileName(f.Name).StartsWith("._", StringComparison.Ordinal))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        var diagnostics = new List<Diagnostic>();
        var corpora = new SortedDictionary<string, (int Documents, TaskACounts Counts)>(StringComparer.Ordinal);
        var errors = new List<LocatedError>();
        var errorCounts = Enum.GetValues<TaskAErrorKind>().ToDictionary(k => k, _ => 0);
        foreach ((string path, string name) in files)
        {
            TimeMlReadResult read = TimeMlReader.ReadFile(path, name);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Document is not { } document)
            {
                continue;
            }

            IReadOnlyList<TemporalMention> mentions = tagger.Tag(document.PlainText, document.DocumentTime);
            if (systemDirectory is not null)
            {
                string target = Path.Combine(systemDirectory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var output = new StreamWriter(target, false, new UTF8Encoding(false));
                TimeMlWriter.Write(document, mentions, output);
            }

            TaskAResult result = TaskAScorer.Score(document.Gold, mentions.Select(TimexAnnotation.FromMention).ToList());
            string corpus = Path.GetDirectoryName(name)?.Replace('\\', '/') is { Length: > 0 } dir ? dir : rootName;
            corpora[corpus] = corpora.TryGetValue(corpus, out var sum)
                ? (sum.Documents + 1, sum.Counts + result.Counts)
                : (1, result.Counts);
            foreach (TaskAError error in result.Errors)
            {
                errorCounts[error.Kind]++;
                if (errors.Count < maxErrors)
                {
                    (int line, int column) = document.SourcePosition(error.Position);
                    errors.Add(new LocatedError(name, line, column, error, SentenceContext.Around(document.PlainText, error)));
                }
            }
        }

        var scores = corpora.Select(c => new CorpusScore(c.Key, c.Value.Documents, c.Value.Counts)).ToList();
        var overall = new CorpusScore(
            "all",
            scores.Sum(s => s.Documents),
            scores.Aggregate(default(TaskACounts), (sum, s) => sum + s.Counts));
        return new EvaluationReport(scores, overall, errors, errorCounts, diagnostics);
    }
}
