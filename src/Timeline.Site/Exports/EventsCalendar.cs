using System.Text;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// Writes <c>events.ics</c> (iCalendar, RFC 5545): one all-day VEVENT per event. A day is DTSTART;VALUE=DATE with
/// the next day as DTEND; a week, month, season, quarter, half or year is the span of days it covers
/// (DTSTART..DTEND exclusive) with its precision in the description and X-TIMELINE-PRECISION. Decades and
/// centuries are not calendar material: they are left out and named in the calendar description.
/// UIDs come from the event slug; DTSTAMP is the latest publication time of the event's sources (never the clock),
/// so the file is byte-identical on rebuild. Lines end in CRLF and are folded at 75 octets.
/// </summary>
public static class EventsCalendar
{
    public const string FileName = "events.ics";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly InstantPattern StampPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>Whether an event of this precision goes into the calendar (coarser ones are listed as excluded).</summary>
    public static bool IsIncluded(DateRange range) => range.Granularity >= Granularity.Year;

    /// <summary>The fragment kind of this export in a <see cref="RenderMemo"/>.</summary>
    internal const int Kind = 4;

    public static SiteFile Write(SiteModel model, SiteLinks links) => Write(new ExportContext(model, links, null, null));

    /// <summary>The calendar in memory (see <see cref="Write(ExportContext, Stream)"/>).</summary>
    internal static SiteFile Write(ExportContext x) => ExportContext.InMemory(FileName, output => Write(x, output));

    /// <summary>Writes the calendar to <paramref name="output"/> from the events' VEVENTs (see <see cref="ExportContext"/>).</summary>
    internal static void Write(ExportContext x, Stream output)
    {
        SiteModel model = x.Model;
        SiteLinks links = x.Links;
        string host = links.AbsoluteBase?.Host is { Length: > 0 } h ? h : "timeline.invalid";
        var excluded = model.Chronology.Events.Where(e => !IsIncluded(e.Range)).ToList();
        string description = model.Config.Description;
        if (excluded.Count > 0)
        {
            description += (description.Length > 0 ? "\n" : "") +
                $"Not in this calendar (dated only to a decade or century): {string.Join("; ", excluded.Select(e => $"{PageData.When(e)}: {e.Headline}"))}";
        }

        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Timeline//Timeline static site generator//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(model.Config.Title));
        if (description.Length > 0)
        {
            Line(sb, "X-WR-CALDESC:" + Escape(description));
        }

        var included = new List<int>();
        for (int i = 0; i < model.Chronology.Events.Count; i++)
        {
            if (IsIncluded(model.Chronology.Events[i].Range))
            {
                included.Add(i);
            }
        }

        var tail = new StringBuilder();
        Line(tail, "END:VCALENDAR");
        x.Write(output, Kind, FileName, Encoding.UTF8.GetBytes(sb.ToString()), included, chunk => [.. chunk.Select(e => Encoding.UTF8.GetBytes(VEvent(e, links, host)))], Encoding.UTF8.GetBytes(tail.ToString()));
    }

    /// <summary>One event's VEVENT lines.</summary>
    private static string VEvent(TimelineEvent e, SiteLinks links, string host)
    {
        var sb = new StringBuilder();
        DateRange r = e.Range;
        string precision = r.Granularity >= Granularity.Day ? "day" : r.Granularity.ToString().ToLowerInvariant();
        var text = new StringBuilder();
        text.Append("Date: ").Append(PageData.When(e));
        if (r.Granularity < Granularity.Day)
        {
            text.Append(" (known to the ").Append(precision).Append(", shown as the days it covers)");
        }

        foreach (EventMention m in e.Sources)
        {
            text.Append('\n').Append(m.Source.Outlet).Append(", ").Append(DateText.ShortDay(m.Source.Published.Date))
                .Append(": “").Append(m.Quote).Append('”');
        }

        Line(sb, "BEGIN:VEVENT");
        Line(sb, $"UID:{links.EventSlug(e)}@{host}");
        Line(sb, "DTSTAMP:" + StampPattern.Format(ExportText.LatestPublication(e)));
        Line(sb, "DTSTART;VALUE=DATE:" + DatePattern.Format(r.Start));
        Line(sb, "DTEND;VALUE=DATE:" + DatePattern.Format(r.End.PlusDays(1)));
        Line(sb, "SUMMARY:" + Escape(e.Headline));
        Line(sb, "DESCRIPTION:" + Escape(text.ToString()));
        Line(sb, "CATEGORIES:" + (e.Key ? "Key event" : "Background"));
        Line(sb, "TRANSP:TRANSPARENT");
        Line(sb, "X-TIMELINE-PRECISION:" + precision);
        if (links.AbsoluteBase is not null)
        {
            Line(sb, "URL:" + links.AbsoluteOrRooted(links.EventPath(e)));
        }

        Line(sb, "END:VEVENT");
        return sb.ToString();
    }

    /// <summary>RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default:
                    if (!char.IsControl(c) || c == '\t')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets (never inside a UTF-8 sequence or surrogate pair), CRLF-terminated.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.Length; i++)
        {
            // ASCII (most of a calendar) is one octet; anything else is measured as UTF-8 writes it.
            int width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            int size = char.IsAscii(line[i]) ? 1 : Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }

            sb.Append(line, i, width);
            octets += size;
            i += width - 1;
        }

        sb.Append("\r\n");
    }
}
