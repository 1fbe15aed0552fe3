using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Rendering;

/// <summary>One output file: a path relative to the output folder (forward slashes) and its bytes.</summary>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>Everything the per-article stages produced for one article, for its article page and the report.</summary>
public sealed record ArticleReport(Article Article, CleanedArticle Cleaned, IReadOnlyList<TaggedStory> Stories, IReadOnlyList<StoryEvents> Events);

/// <summary>The whole input of rendering: settings, the ordered events, the articles, and what the build noticed.</summary>
public sealed record SiteModel(
    SiteConfig Config,
    Chronology Chronology,
    IReadOnlyList<ArticleReport> Articles,
    IReadOnlyList<Diagnostic> Diagnostics);
