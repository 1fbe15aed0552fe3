using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Events;

/// <summary>The facts about an article that events cite: path, outlet, title, publication time.</summary>
public sealed record SourceInfo(string ArticlePath, string Outlet, string Title, DocumentTime Published)
{
    public string? Url { get; init; }

    public static SourceInfo From(Article article) =>
        new(article.Path, article.Source, article.Title, article.Published) { Url = article.Url };
}

/// <summary>A cleaned story with the temporal expressions tagged in its text (offsets into <see cref="Story.Text"/>).</summary>
public sealed record TaggedStory(SourceInfo Source, Story Story, IReadOnlyList<TemporalMention> Mentions);

/// <summary>
/// A dated statement in one story: the sentence that states something happened (or will happen) at a resolved
/// time, with the evidence needed to show it (quote, expression, offsets into the story text).
/// </summary>
public sealed record EventMention(
    SourceInfo Source,
    string StoryId,
    int SentenceIndex,
    string Quote,
    int QuoteStart,
    TemporalMention Time)
{
    /// <summary>Whether the sentence is a photo caption (supporting evidence only).</summary>
    public bool IsCaption { get; init; }

    /// <summary>People, organisations and places named in the sentence.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>How relevant the sentence is to the site's topic, 0..1.</summary>
    public double TopicRelevance { get; init; }

    /// <summary>A concise clause derived from the sentence (main clause, attributions dropped), for headlines.</summary>
    public string Headline { get; init; } = "";

    /// <summary>The clause around the temporal expression: the text compared when merging mentions.</summary>
    public string Clause { get; init; } = "";

    /// <summary>Position among the story's body sentences (0 = lede), or -1 for captions and headlines.</summary>
    public int BodyPosition { get; init; } = -1;

    /// <summary>Whether the expression sits in a subordinate (relative or adverbial) clause rather than the main one.</summary>
    public bool Subordinate { get; init; }

    /// <summary>
    /// For a statement dated relative to another event ("a day after X ordered…"): the relation and the anchor. Set on
    /// <see cref="StoryEvents.Anchored"/> entries (date not yet known) and kept on the mentions <see cref="EventAnchors.Resolve"/> dates.
    /// </summary>
    public EventAnchor? Anchor { get; init; }

    /// <summary>Content terms of the quote (see <see cref="Events.Terms"/>), computed once in extraction.</summary>
    public IReadOnlyList<string> QuoteTerms { get; init; } = [];

    /// <summary>Content terms of the story's preceding body sentence: what "announced the order on Sunday" refers to.</summary>
    public IReadOnlyList<string> ContextTerms { get; init; } = [];
}
