using NodaTime;
using Timeline.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Timeline.Site.Loading;

/// <summary>Reads <c>site.yml</c>. PROVISIONAL (lead's first cut; ingestion replaces it).</summary>
public static class SiteConfigLoader
{
    public static (SiteConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string inputDir)
    {
        string path = Path.Combine(inputDir, "site.yml");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var map = (YamlMappingNode)stream.Documents[0].RootNode;
        string Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? n) ? ((YamlScalarNode)n).Value ?? "" : "";
        var config = new SiteConfig(Get("title"), Get("topic"))
        {
            Description = Get("description"),
            TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Get("time_zone")) ?? DateTimeZone.Utc,
            BaseUrl = Get("base_url") is { Length: > 0 } baseUrl ? baseUrl : "/",
            Theme = Get("theme") is { Length: > 0 } theme ? theme : "default",
            Language = Get("language") is { Length: > 0 } language ? language : "en",
        };
        return (config, []);
    }
}
