using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// Writes <c>timeline.json</c> in the TimelineJS3 JSON format: a title slide and one slide per event with
/// <c>start_date</c>/<c>end_date</c> <c>{year, month, day}</c> at the event's true precision (a month has no day),
/// <c>display_date</c> in words, <c>text {headline, text}</c>, <c>unique_id</c> (the page slug) and <c>group</c>
/// ("Key events" or "Background"). TimelineJS renders text fields as HTML, so every piece of article text is
/// HTML-encoded here before it is put in markup.
/// </summary>
public static class TimelineJsJson
{
    public const string FileName = "timeline.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The fragment kind of this export in a <see cref="RenderMemo"/>.</summary>
    internal const int Kind = 2;

    public static SiteFile Write(SiteModel model, SiteLinks links) => Write(new ExportContext(model, links, null, null));

    /// <summary>The file in memory (see <see cref="Write(ExportContext, Stream)"/>).</summary>
    internal static SiteFile Write(ExportContext x) => ExportContext.InMemory(FileName, output => Write(x, output));

    /// <summary>Writes the file to <paramref name="output"/> from the events' fragments (see <see cref="ExportContext"/>).</summary>
    internal static void Write(ExportContext x, Stream output)
    {
        SiteModel model = x.Model;
        SiteLinks links = x.Links;
        using var buffer = new MemoryStream();
        int head = -1, sibling = -1;
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("title");
            w.WriteStartObject("text");
            w.WriteString("headline", Encode(model.Config.Title));
            w.WriteString("text", $"<p>{Encode(model.Config.Description)}</p>");
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("events");
            if (model.Chronology.Events.Count > 0)
            {
                // The slides go where this placeholder element is.
                (head, sibling) = ExportContext.JsonPlaceholder(w, buffer);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        ReadOnlySpan<byte> all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (head < 0)
        {
            output.Write(all);
            return;
        }

        x.Write(output, Kind, FileName, all[..head], x.AllEvents, events => ExportContext.JsonFragments(events, WriterOptions, (w, e) => WriteSlide(w, e, links)), all[sibling..], ExportContext.JsonSeparator);
    }

    private static void WriteSlide(Utf8JsonWriter w, TimelineEvent e, SiteLinks links)
    {
        DateRange r = e.Range;
        string display = PageData.When(e);
        w.WriteStartObject();
        w.WriteString("unique_id", links.EventSlug(e));
        WriteDate(w, "start_date", r.Start.Year, r.Granularity >= Granularity.Month || r.Granularity is Granularity.Season or Granularity.Quarter or Granularity.Half ? r.Start.Month : null,
            r.Granularity >= Granularity.Week ? r.Start.Day : null, display);

        // A span only where the precision is not a single unit TimelineJS can express by omission.
        switch (r.Granularity)
        {
            case Granularity.Week:
                WriteDate(w, "end_date", r.End.Year, r.End.Month, r.End.Day, null);
                break;
            case Granularity.Season or Granularity.Quarter or Granularity.Half:
                WriteDate(w, "end_date", r.End.Year, r.End.Month, null, null);
                break;
            case Granularity.Decade or Granularity.Century:
                WriteDate(w, "end_date", r.End.Year, null, null, null);
                break;
        }

        w.WriteString("display_date", display);
        w.WriteStartObject("text");
        w.WriteString("headline", Encode(e.Headline));
        w.WriteString("text", SlideText(e, links, display));
        w.WriteEndObject();
        w.WriteString("group", e.Key ? "Key events" : "Background");
        w.WriteBoolean("autolink", false);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, int year, int? month, int? day, string? display)
    {
        w.WriteStartObject(name);
        w.WriteNumber("year", year);
        if (month is { } m)
        {
            w.WriteNumber("month", m);
        }

        if (day is { } d)
        {
            w.WriteNumber("day", d);
        }

        if (display is not null)
        {
            w.WriteString("display_date", display);
        }

        w.WriteEndObject();
    }

    private static string SlideText(TimelineEvent e, SiteLinks links, string display)
    {
        int count = PageData.SourceCount(e);
        var sb = new StringBuilder();
        sb.Append("<p>").Append(Encode(display)).Append(" · ").Append(count).Append(count == 1 ? " source" : " sources").Append("</p>");
        sb.Append("<ul>");
        foreach (EventMention m in e.Sources)
        {
            sb.Append("<li><strong>").Append(Encode(m.Source.Outlet)).Append("</strong> (")
                .Append(Encode(DateText.ShortDay(m.Source.Published.Date))).Append("): “")
                .Append(Highlighter.Quote(m).Html).Append("”</li>");
        }

        sb.Append("</ul><p><a href=\"").Append(Encode(links.Url(links.EventPath(e)))).Append("\">Sources and dates</a></p>");
        return sb.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
