using Timeline.Core.Diagnostics;

namespace Timeline.Core.Text;

/// <summary>A span of the article body removed by cleaning (body offsets, end exclusive) and why.</summary>
public sealed record RemovedBlock(int Start, int End, string Reason);

/// <summary>The result of cleaning one article: its stories, what was removed, and what was noticed.</summary>
public sealed record CleanedArticle(Article Article, IReadOnlyList<Story> Stories)
{
    public IReadOnlyList<RemovedBlock> Removed { get; init; } = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
