using Timeline.Core.Temporal;

namespace Timeline.Core.Text;

/// <summary>The format of an article body.</summary>
public enum ArticleFormat
{
    Text,
    Markdown,
    Html,
}

/// <summary>
/// One input article as loaded: front-matter metadata and the raw body, not yet cleaned.
/// <see cref="Path"/> is relative to the input folder with forward slashes ("articles/000_x.txt").
/// <see cref="BodyLine"/> is the 1-based line of the file where <see cref="Body"/> starts, so offsets in the
/// body map back to file positions.
/// </summary>
public sealed record Article(
    string Path,
    string Title,
    string Source,
    DocumentTime Published,
    ArticleFormat Format,
    string Body,
    int BodyLine)
{
    public string? Url { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Front-matter keys this tool does not interpret, kept as written.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Hex SHA-256 of the file's bytes; the cache key together with the engine version.</summary>
    public string ContentHash { get; init; } = "";
}
