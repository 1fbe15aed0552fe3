using System.Text;
using System.Xml;
using Timeline.Core.Events;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// Writes <c>feed.xml</c>, an Atom 1.0 feed (RFC 4287) with one entry per event, newest event first. Every
/// <c>updated</c> is a publication time from the input (an entry: its latest source; the feed: the latest of all),
/// never the clock. Ids are the absolute page URLs when site.yml <c>base_url</c> is absolute, else name-based
/// <c>urn:uuid:</c> ids; both are stable across rebuilds. Text is written by <see cref="XmlWriter"/>, which escapes it.
/// </summary>
public static class AtomFeed
{
    public const string FileName = "feed.xml";

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The fragment kind of this export in a <see cref="RenderMemo"/>.</summary>
    internal const int Kind = 3;

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    public static SiteFile Write(SiteModel model, SiteLinks links) => Write(new ExportContext(model, links, null, null));

    /// <summary>The file in memory (see <see cref="Write(ExportContext, Stream)"/>).</summary>
    internal static SiteFile Write(ExportContext x) => ExportContext.InMemory(FileName, output => Write(x, output));

    /// <summary>Writes the feed to <paramref name="output"/> from the events' entries (see <see cref="ExportContext"/>).</summary>
    internal static void Write(ExportContext x, Stream output)
    {
        SiteModel model = x.Model;
        SiteLinks links = x.Links;
        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        NodaTime.Instant updated = events.Count == 0
            ? model.Articles.Select(a => a.Article.Published.Published.ToInstant()).DefaultIfEmpty(NodaTime.Instant.FromUtc(1970, 1, 1, 0, 0)).Max()
            : events.Max(ExportText.LatestPublication);

        using var buffer = new MemoryStream();
        int head;
        using (var w = XmlWriter.Create(buffer, Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Atom);
            w.WriteAttributeString("xml", "lang", null, string.IsNullOrWhiteSpace(model.Config.Language) ? "en" : model.Config.Language);
            if (links.AbsoluteBase is not null)
            {
                w.WriteAttributeString("xml", "base", null, links.AbsoluteBase.AbsoluteUri);
            }

            Text(w, "title", model.Config.Title);
            if (model.Config.Description.Length > 0)
            {
                Text(w, "subtitle", model.Config.Description);
            }

            w.WriteElementString("id", Atom, links.AbsoluteBase?.AbsoluteUri ?? ExportText.UuidUrn("timeline:" + model.Config.Title));
            w.WriteElementString("updated", Atom, ExportText.Rfc3339.Format(updated));
            Link(w, "alternate", "text/html", links.AbsoluteOrRooted(""));
            Link(w, "self", "application/atom+xml", links.AbsoluteOrRooted(FileName));
            w.WriteStartElement("author", Atom);
            w.WriteElementString("name", Atom, model.Config.Title);
            w.WriteEndElement();
            w.WriteElementString("generator", Atom, "Timeline");

            // The entries (newest first) go here.
            w.Flush();
            head = (int)buffer.Length;
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        IReadOnlyList<int> newestFirst = Enumerable.Range(0, events.Count).Reverse().ToList();
        string title = model.Config.Title;
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        x.Write(output, Kind, FileName, all[..head], newestFirst, chunk => ExportContext.XmlFragments(chunk, Settings, "feed", Atom, (w, e) => WriteEntry(w, e, links, title)), all[head..]);
    }

    private static void WriteEntry(XmlWriter w, TimelineEvent e, SiteLinks links, string siteTitle)
    {
        string path = links.EventPath(e);
        w.WriteStartElement("entry", Atom);
        Text(w, "title", $"{PageData.When(e)}: {e.Headline}");
        w.WriteElementString("id", Atom, links.AbsoluteBase is null ? ExportText.UuidUrn($"timeline:{siteTitle}:{links.EventSlug(e)}") : links.AbsoluteOrRooted(path));
        w.WriteElementString("updated", Atom, ExportText.Rfc3339.Format(ExportText.LatestPublication(e)));
        Link(w, "alternate", "text/html", links.AbsoluteOrRooted(path));
        w.WriteStartElement("category", Atom);
        w.WriteAttributeString("term", e.Key ? "key" : "background");
        w.WriteEndElement();

        int count = PageData.SourceCount(e);
        var summary = new StringBuilder()
            .Append(PageData.When(e)).Append(". ").Append(count).Append(count == 1 ? " source: " : " sources: ")
            .AppendJoin(", ", e.Sources.Select(m => m.Source.Outlet).Distinct(StringComparer.Ordinal)).Append('.');
        Text(w, "summary", summary.ToString());

        var html = new StringBuilder("<ul>");
        foreach (EventMention m in e.Sources)
        {
            html.Append("<li><strong>").Append(System.Net.WebUtility.HtmlEncode(m.Source.Outlet)).Append("</strong>, ")
                .Append(System.Net.WebUtility.HtmlEncode(DateText.ShortDay(m.Source.Published.Date))).Append(": “")
                .Append(Highlighter.Quote(m).Html).Append("”</li>");
        }

        html.Append("</ul>");
        w.WriteStartElement("content", Atom);
        w.WriteAttributeString("type", "html");
        w.WriteString(html.ToString());
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string text)
    {
        w.WriteStartElement(name, Atom);
        w.WriteAttributeString("type", "text");
        w.WriteString(XmlSafe(text));
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", Atom);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot carry (control characters), which would make the writer throw.</summary>
    private static string XmlSafe(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
