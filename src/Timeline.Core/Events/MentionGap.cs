using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>The text between two dates of one sentence, for rules that judge two dates told side by side (<see cref="LocalTimeGloss"/>, <see cref="DateApposition"/>).</summary>
internal static class MentionGap
{
    /// <summary>
    /// The text between <paramref name="a"/> and <paramref name="b"/> (either order; offsets in the story's text) in
    /// <paramref name="sentence"/>, which starts at <paramref name="sentenceStart"/>; false when they overlap or leave the sentence.
    /// </summary>
    public static bool TryGet(string sentence, int sentenceStart, TemporalMention a, TemporalMention b, out ReadOnlySpan<char> gap)
    {
        (int from, int to) = b.End <= a.Start ? (b.End, a.Start) : (a.End, b.Start);
        from -= sentenceStart;
        to -= sentenceStart;
        bool inside = from >= 0 && to <= sentence.Length && from <= to;
        gap = inside ? sentence.AsSpan(from, to - from) : default;
        return inside;
    }
}
