using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;
using Timeline.Site.Evaluation;
using Timeline.TestSupport;

namespace Timeline.Benchmarks;

/// <summary>A text to tag and the time it resolves against.</summary>
internal sealed record CorpusDocument(string Id, string Text, DocumentTime Reference);

/// <summary>
/// News text for throughput measurements. In order of preference: the folder in TIMELINE_BENCH_CORPUS (.tml or
/// article files), the TimeBank plain texts in ../shared/eval/tbaq/TimeBank next to the repository, or the sample
/// articles in input/articles (always present, so the benchmarks run in any clone).
/// </summary>
internal static class BenchmarkCorpus
{
    private static readonly Lazy<(string Source, IReadOnlyList<CorpusDocument> Documents)> Loaded = new(Load);

    public static string Source => Loaded.Value.Source;

    public static IReadOnlyList<CorpusDocument> Documents => Loaded.Value.Documents;

    /// <summary>UTF-8 size of all texts, the unit of the MB/s figures (1 MB = 10^6 bytes).</summary>
    public static long TextBytes => Documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));

    /// <summary>Writes one jsonl line <c>{"id","text","ref"}</c> per document, as <c>timeline tag --jsonl</c> reads.</summary>
    public static void WriteJsonl(IEnumerable<CorpusDocument> documents, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (CorpusDocument d in documents)
        {
            writer.WriteStartObject();
            writer.WriteString("id", d.Id);
            writer.WriteString("text", d.Text);
            writer.WriteString("ref", d.Reference.HasTimeOfDay
                ? OffsetDateTimePattern.ExtendedIso.Format(d.Reference.Published.ToOffsetDateTime())
                : LocalDatePattern.Iso.Format(d.Reference.Date));
            writer.WriteEndObject();
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }
    }

    private static (string, IReadOnlyList<CorpusDocument>) Load()
    {
        string? root = RepoRoot.TryFind(Environment.CurrentDirectory) ?? RepoRoot.TryFind(AppContext.BaseDirectory);
        string? configured = Environment.GetEnvironmentVariable("TIMELINE_BENCH_CORPUS");
        string?[] candidates =
        [
            string.IsNullOrEmpty(configured) ? null : configured,
            root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "tbaq", "TimeBank")),
            root is null ? null : Path.Combine(root, "input", "articles"),
        ];
        foreach (string? folder in candidates)
        {
            if (folder is not null && Directory.Exists(folder))
            {
                var documents = LoadFolder(folder);
                if (documents.Count > 0)
                {
                    return (folder, documents);
                }
            }
        }

        throw new InvalidOperationException("No benchmark corpus: set TIMELINE_BENCH_CORPUS or run from inside the repository.");
    }

    private static List<CorpusDocument> LoadFolder(string folder)
    {
        var result = new List<CorpusDocument>();
        foreach (string path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string id = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (path.EndsWith(".tml", StringComparison.Ordinal))
            {
                if (TimeMlReader.ReadFile(path, id).Document is { } doc)
                {
                    result.Add(new CorpusDocument(id, doc.PlainText, doc.DocumentTime));
                }
            }
            else if (path.EndsWith(".txt", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
            {
                result.Add(Article(id, File.ReadAllText(path)));
            }
        }

        return result;
    }

    /// <summary>An article body and its <c>published</c> date from the front matter (2026-01-28 when it has none).</summary>
    private static CorpusDocument Article(string id, string content)
    {
        DocumentTime reference = DocumentTime.FromDate(new LocalDate(2026, 1, 28));
        string body = content;
        if (content.StartsWith("---", StringComparison.Ordinal) && content.IndexOf("\n---", 3, StringComparison.Ordinal) is int end and > 0)
        {
            foreach (string line in content[..end].Split('\n'))
            {
                if (line.StartsWith("published:", StringComparison.Ordinal)
                    && ReferenceTime.Parse(line["published:".Length..].Trim().Trim('"', '\'')) is { Success: true } parsed)
                {
                    reference = parsed.Value;
                }
            }

            int bodyStart = content.IndexOf('\n', end + 4);
            body = bodyStart < 0 ? "" : content[(bodyStart + 1)..];
        }

        return new CorpusDocument(id, body, reference);
    }
}
