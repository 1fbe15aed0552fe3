using System.Text.RegularExpressions;

namespace Timeline.Site.Rendering;

/// <summary>The three kinds of theme file.</summary>
public enum ThemeFileKind
{
    /// <summary>A page layout: <c>layouts/NAME.sbnhtml</c>.</summary>
    Layout,

    /// <summary>A partial included by layouts: <c>partials/NAME.sbnhtml</c>.</summary>
    Partial,

    /// <summary>A static asset copied (fingerprinted) to <c>assets/</c>: <c>assets/NAME</c>.</summary>
    Asset,
}

/// <summary>
/// Finds theme files with a Hugo-style lookup order, so a site can override one layout, partial or asset and
/// keep the rest of its theme. For a site folder <c>input/</c> and theme NAME, the first existing file wins:
/// <list type="number">
/// <item><c>input/layouts/NAME.sbnhtml</c>, <c>input/layouts/partials/NAME.sbnhtml</c>, <c>input/assets/NAME</c> (site overrides)</item>
/// <item><c>input/themes/THEME/layouts|partials|assets/…</c> (a site-local copy of the theme)</item>
/// <item>the theme folder itself (<c>themes/THEME/…</c>)</item>
/// </list>
/// Names are an allow-list (<c>[A-Za-z0-9_-]</c> segments, '/' between folders, dots only in asset names):
/// no absolute paths, no "..", no backslashes, no symbolic links; a resolved file must lie under its root.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed partial class ThemeFiles
{
    /// <summary>Extension of layout and partial files.</summary>
    public const string TemplateExtension = ".sbnhtml";

    private readonly IReadOnlyList<Root> _roots;

    private ThemeFiles(IReadOnlyList<Root> roots) => _roots = roots;

    /// <summary>The folders searched, in lookup order, for each kind.</summary>
    public IEnumerable<string> SearchFolders(ThemeFileKind kind) => _roots.Select(r => r.Folder(kind));

    /// <summary>The lookup for a theme folder alone (no site overrides).</summary>
    public static ThemeFiles ForTheme(string themeDir) => Locate(themeDir, null, null);

    /// <summary>The lookup for a theme folder with the overrides of site folder <paramref name="siteDir"/> (usually input/).</summary>
    public static ThemeFiles Locate(string themeDir, string? siteDir, string? themeName)
    {
        var roots = new List<Root>();
        if (siteDir is not null)
        {
            string site = Path.GetFullPath(siteDir);
            roots.Add(new Root(Path.Combine(site, "layouts"), Path.Combine(site, "layouts", "partials"), Path.Combine(site, "assets")));
            if (!string.IsNullOrEmpty(themeName) && IsValidName(themeName, ThemeFileKind.Partial))
            {
                roots.Add(Root.OfTheme(Path.Combine(site, "themes", themeName)));
            }
        }

        roots.Add(Root.OfTheme(Path.GetFullPath(themeDir)));
        return new ThemeFiles(roots.DistinctBy(r => r.Layouts, StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether <paramref name="name"/> is an allowed name for a theme file of <paramref name="kind"/>.</summary>
    public static bool IsValidName(string? name, ThemeFileKind kind) =>
        name is { Length: > 0 and <= 200 } && (kind == ThemeFileKind.Asset ? AssetName() : TemplateName()).IsMatch(name);

    /// <summary>The full path of the winning file for <paramref name="name"/>, or null when no root has it or the name is not allowed.</summary>
    public string? Find(ThemeFileKind kind, string name)
    {
        if (!IsValidName(name, kind))
        {
            return null;
        }

        string relative = kind == ThemeFileKind.Asset ? name : name + TemplateExtension;
        foreach (Root root in _roots)
        {
            string folder = root.Folder(kind);
            string candidate = Path.GetFullPath(Path.Combine(folder, relative));
            if (IsInside(candidate, folder) && File.Exists(candidate) && new FileInfo(candidate).LinkTarget is null)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Every name of <paramref name="kind"/> that some root provides (each resolved through <see cref="Find"/>),
    /// sorted ordinally. Files with names outside the allow-list are ignored.
    /// </summary>
    public IReadOnlyList<string> Names(ThemeFileKind kind)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Root root in _roots)
        {
            string folder = root.Folder(kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            string pattern = kind == ThemeFileKind.Asset ? "*" : "*" + TemplateExtension;
            var option = kind == ThemeFileKind.Layout ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
            foreach (string file in Directory.EnumerateFiles(folder, pattern, option))
            {
                string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                string name = kind == ThemeFileKind.Asset ? relative : relative[..^TemplateExtension.Length];
                if (IsValidName(name, kind))
                {
                    names.Add(name);
                }
            }
        }

        return names.Where(n => Find(kind, n) is not null).ToList();
    }

    private static bool IsInside(string path, string folder)
    {
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]*(/[A-Za-z0-9_][A-Za-z0-9_-]*)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"^([A-Za-z0-9_][A-Za-z0-9_-]*/)*[A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeline.Core.RegexDefaults.TimeoutMs)]
    private static partial Regex AssetName();

    private sealed record Root(string Layouts, string Partials, string Assets)
    {
        public static Root OfTheme(string dir) =>
            new(Path.Combine(dir, "layouts"), Path.Combine(dir, "partials"), Path.Combine(dir, "assets"));

        public string Folder(ThemeFileKind kind) => kind switch
        {
            ThemeFileKind.Layout => Layouts,
            ThemeFileKind.Partial => Partials,
            _ => Assets,
        };
    }
}
