namespace Timeline.Site.Loading;

/// <summary>
/// Splits a file's text into YAML front matter (between a first line <c>---</c> and the next <c>---</c> or <c>...</c>)
/// and the body that follows.
/// </summary>
internal sealed record FrontMatter(string? Yaml, int YamlLine, string Body, int BodyLine, bool Unclosed)
{
    /// <summary>Splits <paramref name="text"/> (newlines already normalised to '\n').</summary>
    public static FrontMatter Split(string text)
    {
        int firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        string firstLine = firstEnd < 0 ? text : text[..firstEnd];
        if (firstLine.TrimEnd() != "---")
        {
            return new FrontMatter(null, 0, text, 1, false);
        }

        int lineStart = firstEnd + 1;
        int line = 2;
        while (firstEnd >= 0 && lineStart <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            string current = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (current.TrimEnd() is "---" or "...")
            {
                string yaml = text[(firstEnd + 1)..lineStart];
                string body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                return new FrontMatter(yaml, 2, body, line + 1, false);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return new FrontMatter(null, 0, text, 1, true);
    }
}
