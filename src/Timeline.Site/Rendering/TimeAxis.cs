using System.Globalization;
using System.Net;
using System.Text;
using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Site.Rendering;

/// <summary>One mark on the time axis: the days an event covers, whether it is key, its link and its spoken label.</summary>
public sealed record AxisMark(DateRange Range, bool Key, string Url, string Label);

/// <summary>
/// Renders "the story at a glance": an inline SVG time axis built at build time (no script), spanning every event,
/// one linked mark per event (key events larger), marks stacked in lanes where events crowd so density shows,
/// coarse dates (a month, a year) drawn as translucent bands over the days they cover. Each mark is a link with a
/// spoken label; the SVG is a labelled group, so screen readers list the marks as links.
/// </summary>
/// <remarks>Stateless and thread-safe; output depends only on its input.</remarks>
public static class TimeAxis
{
    private const double Width = 960;
    private const double Left = 24;
    private const double Right = 24;
    private const double LaneHeight = 18;
    private const int MaxLanes = 6;
    private const double KeyRadius = 7;
    private const double BackgroundRadius = 4.5;

    /// <summary>The SVG markup (every text piece encoded), or empty markup when there is nothing to show.</summary>
    public static RawHtml Render(IReadOnlyList<AxisMark> marks, string title)
    {
        if (marks.Count == 0)
        {
            return RawHtml.Empty;
        }

        (int from, int to) = Span(marks);
        double plot = Width - Left - Right;
        double X(int day) => Left + plot * (day - from) / (to - from);

        var placed = marks
            .Select((m, i) => (Mark: m, Index: i, X0: X(DayNumber(m.Range.Start)), X1: X(DayNumber(m.Range.End) + 1)))
            .Select(p => (p.Mark, p.Index, p.X0, p.X1, Cx: (p.X0 + p.X1) / 2))
            .OrderBy(p => p.Cx).ThenBy(p => p.Index)
            .ToList();

        // Greedy lanes: a mark goes to the lowest lane where it does not touch the previous mark.
        var laneEnds = new List<double>();
        var lanes = new int[placed.Count];
        for (int i = 0; i < placed.Count; i++)
        {
            double r = placed[i].Mark.Key ? KeyRadius : BackgroundRadius;
            int lane = laneEnds.FindIndex(end => end + 1.5 <= placed[i].Cx - r);
            if (lane < 0)
            {
                if (laneEnds.Count < MaxLanes)
                {
                    laneEnds.Add(double.MinValue);
                    lane = laneEnds.Count - 1;
                }
                else
                {
                    lane = laneEnds.IndexOf(laneEnds.Min());
                }
            }

            laneEnds[lane] = placed[i].Cx + r;
            lanes[i] = lane;
        }

        int laneCount = Math.Max(1, laneEnds.Count);
        double axisY = 12 + laneCount * LaneHeight + 8;
        double height = axisY + 34;
        int keyCount = marks.Count(m => m.Key);

        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"axis\" viewBox=\"0 0 {N(Width)} {N(height)}\" preserveAspectRatio=\"xMidYMid meet\" role=\"group\" aria-labelledby=\"axis-title\" aria-describedby=\"axis-desc\">\n");
        sb.Append("<title id=\"axis-title\">").Append(Encode(title)).Append("</title>\n");
        sb.Append("<desc id=\"axis-desc\">").Append(Encode(
            $"{DateText.Count(marks.Count, "event")}, {DateText.Count(keyCount, "key event")} drawn larger, from {Describe(marks.Min(m => m.Range.Start))} to {Describe(marks.Max(m => m.Range.End))}. Each mark links to its event."))
            .Append("</desc>\n");

        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"axis-line\" x1=\"{N(Left)}\" y1=\"{N(axisY)}\" x2=\"{N(Width - Right)}\" y2=\"{N(axisY)}\"/>\n");
        AppendTicks(sb, from, to, X, axisY);

        // Bands first (under the marks): coarse dates cover their days; overlapping bands darken where events crowd.
        foreach (var p in placed.Where(p => p.Mark.Range.Granularity < Granularity.Day && p.X1 - p.X0 >= 3))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{N(p.X0)}\" y=\"{N(axisY - 4)}\" width=\"{N(p.X1 - p.X0)}\" height=\"8\" rx=\"2\"/>\n");
        }

        for (int i = 0; i < placed.Count; i++)
        {
            var p = placed[i];
            double cy = axisY - 16 - lanes[i] * LaneHeight;
            double r = p.Mark.Key ? KeyRadius : BackgroundRadius;
            string label = p.Mark.Label + (p.Mark.Key ? " (key event)" : "");
            sb.Append("<a href=\"").Append(Encode(p.Mark.Url)).Append("\" aria-label=\"").Append(Encode(label)).Append("\">")
                .Append("<title>").Append(Encode(label)).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<line class=\"stem\" x1=\"{N(p.Cx)}\" y1=\"{N(cy + r)}\" x2=\"{N(p.Cx)}\" y2=\"{N(axisY)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<circle class=\"{(p.Mark.Key ? "mark mark-key" : "mark mark-bg")}\" cx=\"{N(p.Cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"/>")
                .Append("</a>\n");
        }

        sb.Append("</svg>");
        return new RawHtml(sb.ToString());
    }

    /// <summary>The axis span in day numbers: whole months around the events, at least two months wide.</summary>
    private static (int From, int To) Span(IReadOnlyList<AxisMark> marks)
    {
        LocalDate first = marks.Min(m => m.Range.Start);
        LocalDate last = marks.Max(m => m.Range.End);
        LocalDate from = new(first.Year, first.Month, 1);
        LocalDate to = new LocalDate(last.Year, last.Month, 1).PlusMonths(1);
        if (Period.Between(from, to, PeriodUnits.Months).Months < 2)
        {
            from = from.PlusMonths(-1);
            to = to.PlusMonths(1);
        }

        return (DayNumber(from), DayNumber(to));
    }

    private static void AppendTicks(StringBuilder sb, int from, int to, Func<int, double> x, double axisY)
    {
        LocalDate start = FromDayNumber(from);
        LocalDate end = FromDayNumber(to);
        int months = Period.Between(start, end, PeriodUnits.Months).Months;
        if (months > 36)
        {
            int years = end.Year - start.Year;
            int step = Math.Max(1, (int)Math.Ceiling(years / 10.0));
            for (int y = start.Year + (start.Month == 1 ? 0 : 1); y <= end.Year; y++)
            {
                bool labelled = (y - start.Year) % step == 0;
                Tick(sb, x(DayNumber(new LocalDate(y, 1, 1))), axisY, labelled ? y.ToString(CultureInfo.InvariantCulture) : null, major: true);
            }

            return;
        }

        int monthStep = Math.Max(1, (int)Math.Ceiling(months / 10.0));
        int index = 0;
        for (LocalDate d = start; d <= end; d = d.PlusMonths(1), index++)
        {
            bool labelled = index % monthStep == 0;
            string? label = labelled ? (d.Month == 1 || index == 0 ? DateText.ShortMonth(new YearMonth(d.Year, d.Month)) : ShortMonthName(d)) : null;
            Tick(sb, x(DayNumber(d)), axisY, label, major: d.Month == 1);
        }
    }

    private static void Tick(StringBuilder sb, double x, double axisY, string? label, bool major)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"{(major ? "tick tick-major" : "tick")}\" x1=\"{N(x)}\" y1=\"{N(axisY)}\" x2=\"{N(x)}\" y2=\"{N(axisY + (major ? 8 : 5))}\"/>");
        if (label is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"tick-label\" x=\"{N(x)}\" y=\"{N(axisY + 22)}\" text-anchor=\"middle\" aria-hidden=\"true\">")
                .Append(Encode(label)).Append("</text>");
        }

        sb.Append('\n');
    }

    private static string ShortMonthName(LocalDate d) => DateText.ShortMonth(new YearMonth(d.Year, d.Month))[..3];

    private static string Describe(LocalDate d) => DateText.Month(new YearMonth(d.Year, d.Month));

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private static LocalDate FromDayNumber(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
