using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

public class DateRangeTest
{
    private static DateRange Month(int y, int m) =>
        new(new LocalDate(y, m, 1), new LocalDate(y, m, 1).PlusMonths(1).PlusDays(-1), Granularity.Month);

    private static DateRange Day(int y, int m, int d) => new(new LocalDate(y, m, d), new LocalDate(y, m, d), Granularity.Day);

    [Fact]
    public void MonthContainsItsDays() => Assert.True(Month(2025, 10).Contains(Day(2025, 10, 15)));

    [Fact]
    public void MonthDoesNotContainNextMonthsDay() => Assert.False(Month(2025, 10).Contains(Day(2025, 11, 1)));

    [Fact]
    public void MonthSortsBeforeItsFirstDay() => Assert.True(Month(2026, 1).CompareTo(Day(2026, 1, 1)) < 0);

    [Fact]
    public void EndBeforeStartIsRejected() =>
        Assert.Throws<ArgumentException>(() => new DateRange(new LocalDate(2026, 1, 2), new LocalDate(2026, 1, 1), Granularity.Day));
}
