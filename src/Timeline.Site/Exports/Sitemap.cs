using System.Text;
using System.Xml;
using NodaTime;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>A page of the site for the sitemap: its site-relative folder ("events/x/", "" for the home page) and last change.</summary>
public sealed record SitemapEntry(string Path, LocalDate? LastModified);

/// <summary>
/// Writes <c>sitemap.xml</c> (sitemaps.org 0.9), <c>robots.txt</c> and Netlify's <c>_headers</c> (long caching for
/// fingerprinted assets). Sitemap URLs are absolute when site.yml <c>base_url</c> is absolute (as the protocol
/// requires); otherwise they are rooted paths and robots.txt names no sitemap.
/// </summary>
public static class Sitemap
{
    public const string FileName = "sitemap.xml";

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static SiteFile Write(SiteLinks links, IEnumerable<SitemapEntry> pages)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("urlset", Namespace);
            foreach (SitemapEntry page in pages)
            {
                w.WriteStartElement("url", Namespace);
                w.WriteElementString("loc", Namespace, links.AbsoluteOrRooted(page.Path));
                if (page.LastModified is { } d)
                {
                    w.WriteElementString("lastmod", Namespace, DateText.Iso(d));
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return new SiteFile(FileName, buffer.ToArray());
    }

    public static SiteFile WriteRobots(SiteLinks links)
    {
        var sb = new StringBuilder("User-agent: *\nAllow: /\n");
        if (links.AbsoluteBase is not null)
        {
            sb.Append("Sitemap: ").Append(links.AbsoluteOrRooted(FileName)).Append('\n');
        }

        return new SiteFile("robots.txt", Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>Netlify <c>_headers</c>: fingerprinted assets never change, so they may be cached for a year.</summary>
    public static SiteFile WriteHeaders(SiteLinks links) => new("_headers", Encoding.UTF8.GetBytes(
        $"{links.BasePath}assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
}
