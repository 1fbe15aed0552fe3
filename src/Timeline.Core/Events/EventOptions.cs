namespace Timeline.Core.Events;

/// <summary>Settings for the event stages: the site's topic decides relevance.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record EventOptions(string Topic)
{
    /// <summary>How many events at most are marked <see cref="TimelineEvent.Key"/>.</summary>
    public int MaxKeyEvents { get; init; } = 12;

    /// <summary>Editor corrections (input/corrections.yml), applied by id after merging.</summary>
    public IReadOnlyList<EventCorrection> Corrections { get; init; } = [];

    /// <summary>
    /// Where the story happens (the site's time zone): an undatelined story's weekdays count there when it is already the
    /// next day there at publication (see <see cref="Text.DatelineZone"/>). Part of the cache key through the site settings.
    /// </summary>
    public NodaTime.DateTimeZone? SiteZone { get; init; }

    /// <summary>
    /// What <see cref="EventPipeline.Extract"/> depends on (the topic and the extraction version), for per-article
    /// cache keys: corrections and key-event settings apply only in <see cref="EventPipeline.Build"/>, so editing
    /// them must not re-process any article.
    /// </summary>
    public string ExtractionKey => $"topic={Topic}\nextract=4";
}

/// <summary>What extraction found in one story: event mentions and the dated sentences it left out, with reasons.</summary>
public sealed record StoryEvents(string StoryId, IReadOnlyList<EventMention> Mentions, IReadOnlyList<ExcludedMention> Excluded)
{
    /// <summary>The story's content terms (see <see cref="Terms"/>), for topic relevance across the corpus.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>The article the story comes from.</summary>
    public SourceInfo? Source { get; init; }

    /// <summary>
    /// Statements dated only relative to another event ("a day after X ordered…"), not yet dated: <see cref="EventAnchors.Resolve"/>
    /// dates them from the dated mentions of all stories before merging, or excludes them with a reason.
    /// </summary>
    public IReadOnlyList<EventMention> Anchored { get; init; } = [];
}
