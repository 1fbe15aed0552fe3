using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Loading;
using Timeline.Site.Rendering;

namespace Timeline.Site.Pipeline;

/// <summary>
/// The build pipeline: Load → Clean → Tag → Extract per article (independent, run in parallel),
/// then Merge → Order → Render → Write for the whole site.
/// </summary>
public sealed class SiteBuilder
{
    private readonly ITemporalTagger _tagger;

    public SiteBuilder(ITemporalTagger? tagger = null) => _tagger = tagger ?? TemporalTagger.Default;

    /// <summary>Builds and, unless the build failed, writes the site to <see cref="BuildOptions.OutputDir"/>.</summary>
    public BuildResult Build(BuildOptions options)
    {
        BuildResult result = Render(options);
        if (result.Succeeded)
        {
            SiteWriter.Write(options.OutputDir, result.Files);
        }

        return result;
    }

    /// <summary>Runs every stage but writes nothing.</summary>
    public BuildResult Render(BuildOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        (SiteConfig config, IReadOnlyList<Diagnostic> configDiagnostics) = SiteConfigLoader.Load(options.InputDir);
        diagnostics.AddRange(configDiagnostics);
        LoadResult loaded = ArticleLoader.LoadDirectory(options.InputDir, config);
        diagnostics.AddRange(loaded.Diagnostics);

        var eventOptions = new EventOptions(config.Topic);
        ArticleReport[] reports = loaded.Articles
            .AsParallel().AsOrdered()
            .Select(article => Process(article, eventOptions))
            .ToArray();
        diagnostics.AddRange(reports.SelectMany(r => r.Cleaned.Diagnostics));

        Chronology chronology = EventPipeline.Build(reports.SelectMany(r => r.Events), eventOptions);
        var model = new SiteModel(config, chronology, reports, diagnostics);
        string themeDir = ResolveTheme(options, config.Theme);
        IReadOnlyList<SiteFile> files = new SiteRenderer(themeDir).Render(model);

        bool failed = options.Strict && diagnostics.Any(d => d.Severity == Severity.Error);
        return new BuildResult(
            !failed,
            loaded.Articles.Count,
            reports.Sum(r => r.Stories.Count),
            reports.Sum(r => r.Stories.Sum(s => s.Mentions.Count)),
            reports.Sum(r => r.Events.Sum(e => e.Mentions.Count)),
            chronology.Events.Count,
            chronology.Excluded.Count,
            diagnostics,
            files);
    }

    /// <summary>The per-article stages; pure, so their result can be cached by content hash.</summary>
    private ArticleReport Process(Article article, EventOptions eventOptions)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        var source = SourceInfo.From(article);
        var tagged = cleaned.Stories
            .Select(story => new TaggedStory(source, story, _tagger.Tag(story.Text, article.Published)))
            .ToList();
        var events = tagged.Select(t => EventPipeline.Extract(t, eventOptions)).ToList();
        return new ArticleReport(article, cleaned, tagged, events);
    }

    private static string ResolveTheme(BuildOptions options, string theme)
    {
        string[] candidates =
        [
            .. options.ThemesDir is null ? Array.Empty<string>() : [Path.Combine(options.ThemesDir, theme)],
            Path.Combine(options.InputDir, "themes", theme),
            Path.Combine(options.InputDir, "..", "themes", theme),
            Path.Combine(AppContext.BaseDirectory, "themes", theme),
        ];
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"Theme '{theme}' not found; looked in: {string.Join(", ", candidates)}");
    }
}
