using System.Text;

namespace Timeline.Site.Loading;

/// <summary>The text of a file and how it was read.</summary>
/// <param name="Note">Set when the bytes were not plain UTF-8 (for a warning), e.g. "read as Windows-1252".</param>
/// <param name="IsBinary">The bytes are not text (NUL bytes or many control characters).</param>
internal sealed record DecodedText(string Text, string? Note, bool IsBinary);

/// <summary>Turns file bytes into text: BOM-aware UTF-8/UTF-16, strict UTF-8, then Windows-1252 for legacy files.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>The control bytes <see cref="LooksBinary"/> counts: below 0x20 except tab, newline, carriage return, form feed and escape.</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b).Where(b => b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))]);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Normalize(Encoding.Unicode.GetString(bytes[2..])), "read as UTF-16 (little endian)", false);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Normalize(Encoding.BigEndianUnicode.GetString(bytes[2..])), "read as UTF-16 (big endian)", false);
        }

        if (LooksBinary(bytes))
        {
            return new DecodedText("", null, true);
        }

        try
        {
            return new DecodedText(Normalize(StrictUtf8.GetString(bytes)), null, false);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(Normalize(Windows1252.Value.GetString(bytes)), "not valid UTF-8; read as Windows-1252 (Latin-1)", false);
        }
    }

    /// <summary>Cuts <paramref name="bytes"/> to at most <paramref name="max"/> bytes without splitting a UTF-8 sequence.</summary>
    public static ReadOnlySpan<byte> CapAtCharBoundary(ReadOnlySpan<byte> bytes, int max)
    {
        if (bytes.Length <= max)
        {
            return bytes;
        }

        int end = max;
        int back = 0;
        while (end > 0 && back < 4 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
            back++;
        }

        return bytes[..end];
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> sample = bytes.Length > 8192 ? bytes[..8192] : bytes;
        if (sample.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        // Most text has no control character but tab and newline: one vectorised search rules them out.
        if (sample.IndexOfAny(ControlBytes) < 0)
        {
            return false;
        }

        int control = 0;
        foreach (byte b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B))
            {
                control++;
            }
        }

        return sample.Length > 0 && control > sample.Length / 20;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
}
