using System.Security.Cryptography;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Timeline.Site.Loading;

public sealed record LoadResult(IReadOnlyList<Article> Articles, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Loads <c>articles/</c>. PROVISIONAL (lead's first cut; ingestion replaces it).</summary>
public static class ArticleLoader
{
    public static LoadResult LoadDirectory(string inputDir, SiteConfig config)
    {
        var articles = new List<Article>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(inputDir, "articles")).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var stream = new YamlStream();
            stream.Load(new StringReader(text[4..end]));
            var map = (YamlMappingNode)stream.Documents[0].RootNode;
            string Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? n) ? ((YamlScalarNode)n).Value ?? "" : "";
            DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(Get("time_zone")) ?? config.TimeZone;
            string published = Get("published");
            DocumentTime time = published.Length > 10
                ? new DocumentTime(OffsetDateTimePattern.ExtendedIso.Parse(published).Value.InZone(zone), true)
                : DocumentTime.FromDate(LocalDatePattern.Iso.Parse(published).Value, zone);
            string body = text[(end + 5)..];
            int bodyLine = text[..(end + 5)].Count(c => c == '\n') + 1;
            string rel = Path.GetRelativePath(inputDir, file).Replace('\\', '/');
            articles.Add(new Article(rel, Get("title"), Get("source"), time, ArticleFormat.Text, body, bodyLine)
            {
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))),
            });
        }

        return new LoadResult(articles, []);
    }
}
