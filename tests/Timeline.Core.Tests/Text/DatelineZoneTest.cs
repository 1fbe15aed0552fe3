using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>A story's dateline names the place whose days its weekdays count in (<see cref="DatelineZone"/>).</summary>
public class DatelineZoneTest
{
    [Theory]
    // A zone id's city, with the country after it and an agency in parentheses.
    [InlineData("COLOMBO, Sri Lanka —", "Asia/Colombo")]
    [InlineData("MOSCOW (AP) —", "Europe/Moscow")]
    // Two-word cities are written with a space where the zone id has an underscore.
    [InlineData("NEW YORK —", "America/New_York")]
    // A country with a single zone, when the city is not a zone id.
    [InlineData("GALLE, Sri Lanka —", "Asia/Colombo")]
    // A country of several zones whose zone.tab names one as covering most of it, or its mainland.
    [InlineData("CHRISTCHURCH, New Zealand —", "Pacific/Auckland")]
    [InlineData("HAMBURG, Germany (Reuters) —", "Europe/Berlin")]
    [InlineData("SEVILLE, Spain —", "Europe/Madrid")]
    // A country of several zones with none covering most of it stays unknown (Australia: Sydney, Perth, Adelaide…).
    [InlineData("WOLLONGONG, Australia —", null)]
    // A place the tz database does not name, and no dateline at all.
    [InlineData("ISMAILIA —", null)]
    [InlineData(null, null)]
    public void FindsTheZoneOfTheDatelinePlace(string? dateline, string? zone)
    {
        Assert.Equal(zone, DatelineZone.Of(dateline)?.Id);
    }

    [Theory]
    // Tuesday 22:30 in Honolulu is Wednesday 14:00 in Colombo: "on Wednesday" in the past tense is that Wednesday, not six
    // days back (the Sri Lanka cluster's parliament vote).
    [InlineData("2022-07-19T22:30:00-10:00", "Pacific/Honolulu", "COLOMBO, Sri Lanka —", "Lawmakers on Wednesday elected a new president.", "Wednesday", "2022-07-20")]
    // Same time, datelined where the article was published: the days are the publisher's, so Wednesday is last week's.
    [InlineData("2022-07-19T22:30:00-10:00", "Pacific/Honolulu", "HONOLULU —", "Lawmakers on Wednesday elected a new president.", "Wednesday", "2022-07-13")]
    // Monday evening in New York is Tuesday in Cairo, but a NEW YORK story's "ran aground on Tuesday" is the Tuesday before
    // (the Ever Given cluster's article 09).
    [InlineData("2021-03-29T19:00:00-04:00", "America/New_York", "NEW YORK —", "The ship that ran aground on Tuesday was pulled free on Monday.", "Tuesday", "2021-03-23")]
    // Tuesday 06:00 in Honolulu is still Tuesday (21:30) in Colombo: nothing changes.
    [InlineData("2022-07-19T06:00:00-10:00", "Pacific/Honolulu", "COLOMBO, Sri Lanka —", "Lawmakers on Wednesday elected a new president.", "Wednesday", "2022-07-13")]
    // Future tense keeps pointing forward (the next day anyway).
    [InlineData("2022-07-19T22:30:00-10:00", "Pacific/Honolulu", "COLOMBO, Sri Lanka —", "Lawmakers will vote on Wednesday.", "Wednesday", "2022-07-20")]
    // No dateline: the site's zone is where the story happens (Sunday 23:40 in Los Angeles is Monday morning in Istanbul).
    [InlineData("2023-02-05T23:40:00-08:00", "America/Los_Angeles", null, "The quake hit at 4:17 a.m. on Monday, officials said.", "Monday", "2023-02-06", "Europe/Istanbul")]
    // …but a dateline wins over the site's zone.
    [InlineData("2023-02-05T23:40:00-08:00", "America/Los_Angeles", "LOS ANGELES —", "The fund-raiser was held on Monday.", "Monday", "2023-01-30", "Europe/Istanbul")]
    public void WeekdaysCountInTheDatelinePlace(string published, string zone, string? dateline, string text, string extent, string value, string? siteZone = null)
    {
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(published).Value;
        var doc = new DocumentTime(offset.InZone(DateTimeZoneProviders.Tzdb[zone]), true);
        var site = siteZone is null ? null : DateTimeZoneProviders.Tzdb[siteZone];
        var mentions = TemporalTagger.Default.Tag(text, DatelineZone.ForStory(doc, dateline, site));
        TemporalMention m = Assert.Single(mentions, x => x.Text == extent);
        Assert.Equal(value, m.Value);
    }
}
