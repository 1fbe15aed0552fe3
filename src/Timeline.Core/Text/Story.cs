namespace Timeline.Core.Text;

/// <summary>What role a sentence plays in its story.</summary>
public enum SentenceKind
{
    /// <summary>Running text of the story.</summary>
    Body,

    /// <summary>A photo caption: supporting evidence, never the story's own main statement.</summary>
    Caption,

    /// <summary>A headline or title line.</summary>
    Headline,
}

/// <summary>A sentence of a story: offsets into <see cref="Story.Text"/> (end exclusive).</summary>
public sealed record Sentence(int Start, int End, SentenceKind Kind)
{
    public int Length => End - Start;
}

/// <summary>
/// One story of an article after cleaning: boilerplate removed, captions deduplicated, split from the other
/// stories of the same file. <see cref="Text"/> is the clean text; <see cref="Map"/> maps its offsets back to
/// the article body so quotes can be traced to file lines.
/// </summary>
public sealed record Story(
    string ArticlePath,
    int Index,
    string Text,
    IReadOnlyList<Sentence> Sentences,
    SourceMap Map)
{
    /// <summary>Dateline that opened the story ("MOSCOW (AP) —"), if any.</summary>
    public string? Dateline { get; init; }

    /// <summary>A stable id: the article path plus the story index ("articles/000_x.txt#1").</summary>
    public string Id => Index == 0 ? ArticlePath : $"{ArticlePath}#{Index}";
}
