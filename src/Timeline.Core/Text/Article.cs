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

    /// <summary>
    /// The text of the file after the front matter, when <see cref="Body"/> was converted from it (Markdown, HTML);
    /// null when the body is that text itself. Used with <see cref="BodyMap"/> to give file positions.
    /// </summary>
    public string? RawBody { get; init; }

    /// <summary>Maps <see cref="Body"/> offsets to <see cref="RawBody"/> offsets; null when the body is the raw text.</summary>
    public SourceMap? BodyMap { get; init; }

    /// <summary>The 1-based file line and column of body offset <paramref name="bodyOffset"/>.</summary>
    public (int Line, int Column) Locate(int bodyOffset)
    {
        string text = Body;
        int offset = bodyOffset;
        if (RawBody is not null && BodyMap is not null)
        {
            text = RawBody;
            offset = BodyMap.ToSource(bodyOffset);
        }

        offset = Math.Clamp(offset, 0, text.Length);
        int line = BodyLine;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
