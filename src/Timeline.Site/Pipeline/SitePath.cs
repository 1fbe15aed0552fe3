namespace Timeline.Site.Pipeline;

/// <summary>
/// The one check of a site-relative path ("events/x/index.html") that both the writer (<c>OutputSession</c>) and the
/// preview server (<c>Preview.SafePath</c>) make before joining it to the output folder: '/'-separated segments, none of
/// them "." or "..", no back slash and no NUL. Each caller adds its own rules (the server refuses ':' and '%'; the writer
/// refuses empty segments).
/// </summary>
/// <remarks>Thread-safe (stateless). Neither caller relies on it alone: both compare the joined full path with the root.</remarks>
internal static class SitePath
{
    /// <summary>Whether <paramref name="relative"/> has no '\\' or NUL and no "." or ".." segment (nor, unless <paramref name="allowEmptySegments"/>, an empty one).</summary>
    public static bool HasPlainSegments(ReadOnlySpan<char> relative, bool allowEmptySegments)
    {
        if (relative.IndexOfAny('\\', '\0') >= 0)
        {
            return false;
        }

        foreach (Range range in relative.Split('/'))
        {
            ReadOnlySpan<char> segment = relative[range];
            if (segment is "." or ".." || (segment.Length == 0 && !allowEmptySegments))
            {
                return false;
            }
        }

        return true;
    }
}
