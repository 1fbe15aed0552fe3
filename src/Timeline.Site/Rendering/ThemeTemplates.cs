using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Timeline.Site.Rendering;

/// <summary>
/// The parsed templates of a theme: every layout and partial found through <see cref="ThemeFiles"/>, parsed once
/// per build. Only these trusted files ever reach <see cref="Template.Parse"/>; article text never does.
/// </summary>
/// <remarks>
/// Immutable after construction (but for its pool of idle contexts, which is thread-safe); a parsed <see cref="Template"/>
/// can be rendered from several threads. The contexts share one set of locked-down builtins, which templates cannot change.
/// </remarks>
public sealed partial class ThemeTemplates : ITemplateLoader
{
    private readonly ThemeFiles _files;
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partialsByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _partialPaths = new(StringComparer.Ordinal);
    private readonly ScriptObject _builtins = HtmlTemplateContext.LockedDownBuiltins();
    private readonly Dictionary<string, string> _layoutTexts = new(StringComparer.Ordinal);
    private readonly List<string> _partialTexts = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Layout, string Key), bool> _siteValueReads = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<HtmlTemplateContext> _idleContexts = [];

    /// <summary>Parses every layout and partial; throws <see cref="ThemeException"/> listing every parse error as file(line,col).</summary>
    public ThemeTemplates(ThemeFiles files)
    {
        _files = files;
        var errors = new List<string>();
        foreach (string name in files.Names(ThemeFileKind.Layout))
        {
            string path = files.Find(ThemeFileKind.Layout, name)!;
            string text = File.ReadAllText(path);
            if (Parse(path, text, errors) is { } t)
            {
                _layouts[name] = t;
                _layoutTexts[name] = text;
            }
        }

        foreach (string name in files.Names(ThemeFileKind.Partial))
        {
            string path = files.Find(ThemeFileKind.Partial, name)!;
            string text = File.ReadAllText(path);
            if (Parse(path, text, errors) is { } t)
            {
                _partialsByPath[path] = t;
                _partialPaths[name] = path;
                _partialTexts.Add(text);
            }
        }

        if (errors.Count > 0)
        {
            throw new ThemeException(errors);
        }

        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach ((string name, string text) in _layoutTexts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"layout {name} {text.Length}\n{text}\n"));
        }

        foreach ((string name, string path) in _partialPaths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"partial {name} {text.Length}\n{text}\n"));
        }

        Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A hash of every layout's and partial's name and text: equal fingerprints render alike.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Whether layout <paramref name="layout"/> may read <c>site.<paramref name="key"/></c>: its text or any partial's
    /// names it, or uses <c>site</c> other than as <c>site.NAME</c> (which could reach any member). Conservative, so a
    /// page is given (and fingerprinted with) only the site-wide values it can show.
    /// </summary>
    public bool MayReadSiteValue(string layout, string key) =>
        _siteValueReads.GetOrAdd((layout, key), k => FindSiteValueRead(k.Layout, k.Key));

    private bool FindSiteValueRead(string layout, string key)
    {
        bool Reads(string text) => CodeBlock().Matches(text).Any(m => m.Value.Contains("site." + key, StringComparison.Ordinal) || SiteWhole().IsMatch(m.Value));
        return (_layoutTexts.TryGetValue(layout, out string? own) && Reads(own)) || _partialTexts.Any(Reads);
    }

    /// <summary>The theme files these templates came from.</summary>
    public ThemeFiles Files => _files;

    /// <summary>Whether the theme (or a site override) provides layout <paramref name="name"/>.</summary>
    public bool HasLayout(string name) => _layouts.ContainsKey(name);

    /// <summary>The parsed layout <paramref name="name"/>; throws <see cref="ThemeException"/> when the theme lacks it.</summary>
    public Template Layout(string name) => _layouts.TryGetValue(name, out Template? t)
        ? t
        : throw new ThemeException([$"Layout '{name}' not found; looked in: {string.Join(", ", _files.SearchFolders(ThemeFileKind.Layout))}"]);

    /// <summary>The parsed partial <paramref name="name"/> (a site override first), or null when the theme lacks it.</summary>
    public Template? Partial(string name) =>
        _partialPaths.TryGetValue(name, out string? path) ? _partialsByPath[path] : null;

    /// <summary>A fresh, locked-down context for one page whose <c>include</c> resolves only theme partials, already parsed.</summary>
    public HtmlTemplateContext NewContext()
    {
        var context = new HtmlTemplateContext(_builtins) { TemplateLoader = this };
        AddPartials(context);
        return context;
    }

    /// <summary>Gives <paramref name="context"/> every partial, already parsed, so that <c>include</c> never parses.</summary>
    private void AddPartials(HtmlTemplateContext context)
    {
        foreach ((string path, Template template) in _partialsByPath)
        {
            context.CachedTemplates[path] = template;
        }
    }

    /// <summary>
    /// A context from this theme's pool (or a new one): making a context costs more than rendering a small page, so
    /// contexts are reset and reused. Give it back with <see cref="ReturnContext"/> after a render that did not throw;
    /// a context a render failed in is simply dropped.
    /// </summary>
    public HtmlTemplateContext RentContext() => _idleContexts.TryTake(out HtmlTemplateContext? context) ? context : NewContext();

    /// <summary>
    /// Resets <paramref name="context"/> to what <see cref="NewContext"/> makes (Scriban's <see cref="TemplateContext.Reset"/>:
    /// outputs, globals, cultures, source files, cached templates and output limit; then the partials again and the
    /// new-line state a fresh context starts with) and puts it back in the pool.
    /// </summary>
    public void ReturnContext(HtmlTemplateContext context)
    {
        context.Reset();
        context.ResetPreviousNewLine();
        AddPartials(context);
        _idleContexts.Add(context);
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        // Names were resolved once, when the theme was parsed: no file system access per include.
        if (!_partialPaths.TryGetValue(templateName, out string? path))
        {
            throw new ScriptRuntimeException(callerSpan, $"Partial '{templateName}' is not a theme partial (names: letters, digits, '_', '-', '/'; looked in: {string.Join(", ", _files.SearchFolders(ThemeFileKind.Partial))}).");
        }

        return path;
    }

    // Every allowed partial is pre-parsed and placed in the context's cache, so Scriban never needs to load text.
    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"Partial '{templatePath}' was not pre-parsed.");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"Partial '{templatePath}' was not pre-parsed.");

    /// <summary><c>site</c> not followed by <c>.NAME</c>: <c>site[x]</c>, <c>for x in site</c>, <c>s = site</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.])site(?!\.\w|\w)", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial System.Text.RegularExpressions.Regex SiteWhole();

    /// <summary>A Scriban code block, <c>{{ … }}</c>; text outside code blocks is output, not code.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{.*?\}\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.ExplicitCapture | System.Text.RegularExpressions.RegexOptions.Singleline, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial System.Text.RegularExpressions.Regex CodeBlock();

    private static Template? Parse(string path, string text, List<string> errors)
    {
        Template t = Template.Parse(text, path);
        if (!t.HasErrors)
        {
            return t;
        }

        errors.AddRange(t.Messages.Select(m => m.ToString()));
        return null;
    }
}

/// <summary>A theme that cannot be used: a template that does not parse, or a layout or asset it lacks.</summary>
public sealed class ThemeException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Each problem, with its file(line,col) where known.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
