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
/// Immutable after construction; a parsed <see cref="Template"/> can be rendered from several threads. The contexts
/// share one set of locked-down builtins, which templates cannot change.
/// </remarks>
public sealed class ThemeTemplates : ITemplateLoader
{
    private readonly ThemeFiles _files;
    private readonly Dictionary<string, Template> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partialsByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _partialPaths = new(StringComparer.Ordinal);
    private readonly ScriptObject _builtins = HtmlTemplateContext.LockedDownBuiltins();

    /// <summary>Parses every layout and partial; throws <see cref="ThemeException"/> listing every parse error as file(line,col).</summary>
    public ThemeTemplates(ThemeFiles files)
    {
        _files = files;
        var errors = new List<string>();
        foreach (string name in files.Names(ThemeFileKind.Layout))
        {
            if (Parse(files.Find(ThemeFileKind.Layout, name)!, errors) is { } t)
            {
                _layouts[name] = t;
            }
        }

        foreach (string name in files.Names(ThemeFileKind.Partial))
        {
            string path = files.Find(ThemeFileKind.Partial, name)!;
            if (Parse(path, errors) is { } t)
            {
                _partialsByPath[path] = t;
                _partialPaths[name] = path;
            }
        }

        if (errors.Count > 0)
        {
            throw new ThemeException(errors);
        }
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
        foreach ((string path, Template template) in _partialsByPath)
        {
            context.CachedTemplates[path] = template;
        }

        return context;
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

    private static Template? Parse(string path, List<string> errors)
    {
        Template t = Template.Parse(File.ReadAllText(path), path);
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
