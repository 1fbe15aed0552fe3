using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>Parses the calendar TIMEX3 values an editor may pin an event to: a year, a month or a day.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class CalendarValue
{
    /// <summary>The days <paramref name="value"/> ("2025", "2025-10", "2025-10-15") covers, or null when it is not one of those.</summary>
    public static DateRange? TryParse(string? value)
    {
        string v = (value ?? "").Trim();
        if (v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1)
        {
            return new DateRange(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), Granularity.Year);
        }

        if (v.Length == 7 && YearMonthPattern.Iso.Parse(v) is { Success: true } ym)
        {
            YearMonth m = ym.Value;
            return new DateRange(m.OnDayOfMonth(1), m.OnDayOfMonth(m.Calendar.GetDaysInMonth(m.Year, m.Month)), Granularity.Month);
        }

        if (v.Length == 10 && LocalDatePattern.Iso.Parse(v) is { Success: true } d)
        {
            return new DateRange(d.Value, d.Value, Granularity.Day);
        }

        return null;
    }
}
