namespace Timeline.Core.Temporal;

/// <summary>
/// Finds the temporal expressions of a text and resolves each against the document time.
/// Implementations are immutable and thread-safe; they never throw on any input text.
/// </summary>
public interface ITemporalTagger
{
    /// <summary>The mentions of <paramref name="text"/>, in text order, non-overlapping, offsets in UTF-16 code units.</summary>
    IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime);
}
