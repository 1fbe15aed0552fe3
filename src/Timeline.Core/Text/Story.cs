using System.Text;

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
    // The clean text: a string, or its UTF-8 bytes once compacted (see WithCompactText).
    private object _text = Text;

    /// <summary>The clean text (decoded on each read when the story was compacted with <see cref="WithCompactText"/>).</summary>
    public string Text
    {
        get => _text as string ?? Encoding.UTF8.GetString((byte[])_text);
        init => _text = value;
    }

    /// <summary>
    /// This story with its text held as UTF-8 bytes: half the memory for mostly-ASCII news text, for a site that keeps
    /// every story until its article page is rendered; each read of <see cref="Text"/> then decodes it (same value).
    /// </summary>
    public Story WithCompactText() => _text is string s ? this with { _text = Encoding.UTF8.GetBytes(s) } : this;

    /// <summary>Whether <see cref="Text"/> is held as UTF-8 bytes (see <see cref="WithCompactText"/>).</summary>
    public bool HasCompactText => _text is byte[];

    /// <summary>Equal members, the text compared by value however it is held.</summary>
    public bool Equals(Story? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(ArticlePath, other.ArticlePath, StringComparison.Ordinal)
            && Index == other.Index
            && EqualityComparer<IReadOnlyList<Sentence>>.Default.Equals(Sentences, other.Sentences)
            && EqualityComparer<SourceMap>.Default.Equals(Map, other.Map)
            && string.Equals(Dateline, other.Dateline, StringComparison.Ordinal)
            && string.Equals(Text, other.Text, StringComparison.Ordinal));

    /// <summary>A hash of the members but the text (equal stories have equal members; the text would have to be decoded).</summary>
    public override int GetHashCode() => HashCode.Combine(ArticlePath, Index, Sentences, Map, Dateline);

    /// <summary>Dateline that opened the story ("MOSCOW (AP) —"), if any.</summary>
    public string? Dateline { get; init; }

    /// <summary>A stable id: the article path plus the story index ("articles/000_x.txt#1").</summary>
    public string Id => Index == 0 ? ArticlePath : $"{ArticlePath}#{Index}";
}
