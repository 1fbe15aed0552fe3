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

    /// <summary>The fragment kind of this export in a <see cref="RenderMemo"/>.</summary>
    internal const int Kind = 1;

    public static SiteFile Write(SiteModel model) => Write(ExportContext.Uncached(model));

    /// <summary>The file in memory (see <see cref="Write(ExportContext, Stream)"/>).</summary>
    internal static SiteFile Write(ExportContext x) => ExportContext.InMemory(FileName, output => Write(x, output));

    /// <summary>Writes the file to <paramref name="output"/> from the events' fragments (see <see cref="ExportContext"/>).</summary>
    internal static void Write(ExportContext x, Stream output)
    {
        SiteModel model = x.Model;
        using var buffer = new MemoryStream();
        int head = -1, sibling = -1;
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("title", model.Config.Title);
            w.WriteString("topic", model.Config.Topic);
            w.WriteStartArray("events");
            if (model.Chronology.Events.Count > 0)
            {
                // The events go where this placeholder element is.
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

        x.Write(output, Kind, FileName, all[..head], x.AllEvents, events => ExportContext.JsonFragments(events, WriterOptions, WriteEvent), all[sibling..], ExportContext.JsonSeparator);
    }

    private static void WriteEvent(Utf8JsonWriter w, TimelineEvent e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        WriteDate(w, e.Date);
        if (e.Modifier.ToTimex() is { } mod)
        {
            w.WriteString("modifier", mod);
        }

        w.WriteString("headline", e.Headline);
        w.WriteBoolean("key", e.Key);
        w.WriteNumber("salience", e.Salience);
        w.WriteStartArray("participants");
        foreach (string p in e.Participants)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        if (e.Conflicts.Count > 0)
        {
            // Sources disagree on the date: every date given, by which articles, and a sentence saying so.
            w.WriteStartArray("conflicts");
            foreach (DateConflict c in e.Conflicts)
            {
                w.WriteStartObject();
                w.WriteString("date", c.Value);
                w.WriteStartArray("files");
                foreach (string f in c.ArticlePaths)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteString("note", c.Note);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

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
        if (e.Happenings.Count > 0)
        {
            // A day that gathers several happenings: each with its id, date, headline, key flag and its entries in "sources".
            w.WriteStartArray("happenings");
            int next = 0;
            foreach (Happening h in e.Happenings)
            {
                w.WriteStartObject();
                w.WriteString("id", h.Id);
                WriteDate(w, h.Date);
                w.WriteString("headline", h.Headline);
                w.WriteBoolean("key", h.Key);
                w.WriteStartArray("sources");
                for (int i = 0; i < h.Sources.Count; i++)
                {
                    w.WriteNumberValue(next++);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// "date" is the calendar position (a day, month, year…); a time of day the sources give ("2023-02-19TEV",
    /// "2023-02-13T04:17") goes in "time" ("TEV", "T04:17"), so an entry is found under its day whatever the hour.
    /// </summary>
    private static void WriteDate(Utf8JsonWriter w, string value)
    {
        bool timed = value.Length > 11 && value[4] == '-' && value[7] == '-' && value[10] == 'T';
        w.WriteString("date", timed ? value[..10] : value);
        if (timed)
        {
            w.WriteString("time", value[10..]);
        }
    }

    /// <summary>"2026-01-28" for a date-only publication, else the offset date-time "2026-01-29T00:30:00+08:00".</summary>
    public static string FormatPublished(DocumentTime published) => published.HasTimeOfDay
        ? OffsetDateTimePattern.Rfc3339.Format(published.Published.ToOffsetDateTime())
        : LocalDatePattern.Iso.Format(published.Date);
}
