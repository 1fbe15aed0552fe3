using System.Net;
using System.Text.Json;
using Timeline.Site.Exports;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

public sealed class TimelineJsJsonTest
{
    private static readonly JsonElement Root = JsonDocument.Parse(ExportsFixture.Site[TimelineJsJson.FileName]).RootElement;

    private static JsonElement Slide(string id) =>
        Root.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("unique_id").GetString() == id);

    private static string Keys(JsonElement date) => string.Join(",", date.EnumerateObject().Select(p => p.Name).Where(n => n != "display_date"));

    [Fact]
    public void HasATitleSlideAndOneSlidePerEvent()
    {
        Assert.Equal("Test timeline", Root.GetProperty("title").GetProperty("text").GetProperty("headline").GetString());
        Assert.Equal(7, Root.GetProperty("events").GetArrayLength());
        var ids = Root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("unique_id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    // A day has year, month and day.
    [InlineData("2026-01-24-truce-expires", "year,month,day", null)]
    // A month has no day: TimelineJS shows the precision it is given.
    [InlineData("2025-10-al-sharaa-first-visits-russia", "year,month", null)]
    // A year has only the year.
    [InlineData("2011-civil-war-begins", "year", null)]
    // A week starts on its Monday and ends on its Sunday.
    [InlineData("2026-w04-talks", "year,month,day", "year,month,day")]
    // A decade is a span of years.
    [InlineData("201-roots", "year", "year")]
    public void DatesCarryTheirTruePrecision(string id, string startKeys, string? endKeys)
    {
        JsonElement slide = Slide(id);
        Assert.Equal(startKeys, Keys(slide.GetProperty("start_date")));
        Assert.Equal(endKeys, slide.TryGetProperty("end_date", out JsonElement end) ? Keys(end) : null);
    }

    [Fact]
    public void ModifiersAreSpelledInTheDisplayDate()
    {
        JsonElement slide = Slide("2026-01-fighting-breaks-out");
        Assert.Equal("early January 2026", slide.GetProperty("display_date").GetString());
        Assert.Equal("Key events", slide.GetProperty("group").GetString());
        Assert.Equal("Background", Slide("2011-civil-war-begins").GetProperty("group").GetString());
    }

    [Fact]
    public void TextFieldsAreHtmlEncodedBecauseTimelineJsRendersHtml()
    {
        Assert.DoesNotContain("<script", ExportsFixture.Site[TimelineJsJson.FileName], StringComparison.Ordinal);
        JsonElement text = Slide("2026-01-28-payload").GetProperty("text");
        Assert.Equal(WebUtility.HtmlEncode(TestSite.Payload), text.GetProperty("headline").GetString());
        Assert.Contains(WebUtility.HtmlEncode("Outlet " + TestSite.Payload), text.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mark class=\"timex\"", text.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
