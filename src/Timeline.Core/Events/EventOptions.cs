namespace Timeline.Core.Events;

/// <summary>Settings for the event stages: the site's topic decides relevance.</summary>
/// <remarks>Immutable; change with <c>with</c>.</remarks>
public sealed record EventOptions(string Topic)
{
    /// <summary>How many events at most are marked <see cref="TimelineEvent.Key"/>.</summary>
    public int MaxKeyEvents { get; init; } = 12;
}

/// <summary>What extraction found in one story: event mentions and the dated sentences it left out, with reasons.</summary>
public sealed record StoryEvents(string StoryId, IReadOnlyList<EventMention> Mentions, IReadOnlyList<ExcludedMention> Excluded);
