using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// Writes <c>events.json</c>, the documented machine-readable timeline (schema in README). Fields are only ever added.
/// </summary>
public static class EventsJson
{
    public const string FileName = "events.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static SiteFile Write(SiteModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("title", model.Config.Title);
            w.WriteString("topic", model.Config.Topic);
            w.WriteStartArray("events");
            foreach (TimelineEvent e in model.Chronology.Events)
            {
                WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return new SiteFile(FileName, buffer.ToArray());
    }

    private static void WriteEvent(Utf8JsonWriter w, TimelineEvent e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("date", e.Date);
        if (e.Modifier.ToTimex() is { } mod)
        {
            w.WriteString("modifier", mod);
        }

        w.WriteString("headline", e.Headline);
        w.WriteBoolean("key", e.Key);
        w.WriteStartArray("sources");
        foreach (EventMention m in e.Sources)
        {
            w.WriteStartObject();
            w.WriteString("file", m.Source.ArticlePath);
            w.WriteString("outlet", m.Source.Outlet);
            w.WriteString("published", FormatPublished(m.Source.Published));
            w.WriteString("quote", m.Quote);
            w.WriteString("expression", m.Time.Text);
            w.WriteString("value", m.Time.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>"2026-01-28" for a date-only publication, else the offset date-time "2026-01-29T00:30:00+08:00".</summary>
    public static string FormatPublished(DocumentTime published) => published.HasTimeOfDay
        ? OffsetDateTimePattern.ExtendedIso.Format(published.Published.ToOffsetDateTime())
        : LocalDatePattern.Iso.Format(published.Date);
}
