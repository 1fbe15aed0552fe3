using NodaTime;

namespace Timeline.Site.Loading;

/// <summary>Settings from <c>input/site.yml</c>.</summary>
public sealed record SiteConfig(string Title, string Topic)
{
    public string Description { get; init; } = "";

    /// <summary>Root URL path or absolute URL the site is served under; always ends with '/'.</summary>
    public string BaseUrl { get; init; } = "/";

    /// <summary>Default time zone for articles whose front matter names none.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    public string Theme { get; init; } = "default";

    public string Language { get; init; } = "en";
}
