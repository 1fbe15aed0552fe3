using Timeline.Core.Diagnostics;

namespace Timeline.Site.Loading;

/// <summary>Reads <c>input/site.yml</c> into a <see cref="SiteConfig"/>; bad values become diagnostics and defaults.</summary>
public static class SiteConfigLoader
{
    public const string FileName = "site.yml";

    /// <summary>The defaults used when site.yml is missing or a value is invalid.</summary>
    public static SiteConfig Defaults { get; } = new("Timeline", "");

    /// <summary>Loads <paramref name="inputDir"/>/site.yml. Never throws for bad input.</summary>
    public static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string inputDir)
    {
        string path = Path.Combine(inputDir, FileName);
        if (!File.Exists(path))
        {
            return (Defaults, [Diagnostic.Warning(FileName, 0, 0, $"{FileName} not found in {inputDir}; using defaults (title 'Timeline', time zone UTC)")]);
        }

        string text;
        try
        {
            text = TextDecoding.Decode(File.ReadAllBytes(path)).Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Defaults, [Diagnostic.Error(FileName, 0, 0, $"cannot read {FileName}: {ex.Message}")]);
        }

        return Parse(text);
    }

    /// <summary>Parses the text of a site.yml.</summary>
    internal static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        (var entries, var parseDiagnostics) = YamlMap.Parse(text, FileName, 1);
        var diagnostics = new List<Diagnostic>(parseDiagnostics);
        SiteConfig config = Defaults;
        foreach (YamlEntry entry in entries)
        {
            YamlValue v = entry.Value;
            string value = v.Text.Trim();
            switch (entry.Key)
            {
                case "title":
                    config = config with { Title = value };
                    break;
                case "topic":
                    config = config with { Topic = value };
                    break;
                case "description":
                    config = config with { Description = value };
                    break;
                case "base_url":
                    config = config with { BaseUrl = NormalizeBaseUrl(value) };
                    if (!IsValidBaseUrl(value))
                    {
                        diagnostics.Add(Diagnostic.Warning(FileName, v.Line, v.Column, $"base_url: '{value}' is neither a path starting with '/' nor an http(s) URL"));
                    }

                    break;
                case "time_zone":
                    if (DateValues.Zone(value) is { } zone)
                    {
                        config = config with { TimeZone = zone };
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error(FileName, v.Line, v.Column, $"time_zone: '{value}' is not an IANA time zone (for example Europe/Moscow or America/New_York)"));
                    }

                    break;
                case "theme":
                    config = config with { Theme = value.Length == 0 ? "default" : value };
                    break;
                case "language":
                    config = config with { Language = value.Length == 0 ? "en" : value };
                    break;
                default:
                    diagnostics.Add(Diagnostic.Info(FileName, entry.KeyLine, entry.KeyColumn, $"{entry.Key}: not a site setting this version reads; ignored"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(config.Title))
        {
            diagnostics.Add(Diagnostic.Warning(FileName, 0, 0, "title: missing; using 'Timeline'"));
            config = config with { Title = "Timeline" };
        }

        return (config, diagnostics);
    }

    private static bool IsValidBaseUrl(string value) =>
        value.Length == 0 || value.StartsWith('/')
        || (Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https");

    private static string NormalizeBaseUrl(string value)
    {
        if (value.Length == 0)
        {
            return "/";
        }

        return value.EndsWith('/') ? value : value + "/";
    }
}
