using System.Security.Cryptography;

namespace Timeline.Site.Rendering;

/// <summary>
/// The theme's static assets (CSS, JS, images), fingerprinted by content ("assets/style.3f9c0a1b2d.css") so a host
/// can cache them for a year: a changed file gets a new name. Read once per build.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ThemeAssets
{
    private readonly Dictionary<string, SiteFile> _byName;

    private ThemeAssets(Dictionary<string, SiteFile> byName) => _byName = byName;

    /// <summary>The fingerprinted files, in name order.</summary>
    public IReadOnlyList<SiteFile> Files => _byName.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();

    /// <summary>Reads every asset the lookup of <paramref name="files"/> provides.</summary>
    public static ThemeAssets Load(ThemeFiles files)
    {
        var byName = new Dictionary<string, SiteFile>(StringComparer.Ordinal);
        foreach (string name in files.Names(ThemeFileKind.Asset))
        {
            byte[] content = File.ReadAllBytes(files.Find(ThemeFileKind.Asset, name)!);
            byName[name] = new SiteFile("assets/" + Fingerprinted(name, content), content);
        }

        return new ThemeAssets(byName);
    }

    /// <summary>The output path ("assets/style.HASH.css") of asset <paramref name="name"/>; throws <see cref="ThemeException"/> for an unknown asset.</summary>
    public string PathOf(string name) => _byName.TryGetValue(name, out SiteFile? file)
        ? file.Path
        : throw new ThemeException([$"Asset '{name}' not found in the theme's assets folders."]);

    /// <summary>"style.css" + content → "style.0123456789.css" (first 10 hex digits of SHA-256).</summary>
    public static string Fingerprinted(string name, byte[] content)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(content))[..10];
        int slash = name.LastIndexOf('/');
        int dot = name.IndexOf('.', slash + 1);
        return dot < 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }
}
