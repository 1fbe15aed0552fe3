using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Timeline.Site.Rendering;

/// <summary>
/// Where a template writes a page (or a list's items): a growable buffer rented from the array pool, so the text is
/// encoded to UTF-8 once, straight from the buffer, instead of first becoming a string (of twice its size) and being
/// copied out of Scriban's builder.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is empty on purpose: <see cref="Scriban.Template.Render(Scriban.TemplateContext)"/> returns
/// its output's <c>ToString()</c>, which nobody reads here; the text is taken with <see cref="ToUtf8"/> or
/// <see cref="ToText"/>. Dispose returns the buffer. Not thread-safe: one sink per render.
/// </remarks>
internal sealed class TextSink : IScriptOutput, IDisposable
{
    private char[] _buffer;
    private int _length;

    public TextSink(int capacity = 16 * 1024) => _buffer = ArrayPool<char>.Shared.Rent(capacity);

    /// <summary>The text written so far.</summary>
    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public void Write(string text, int offset, int count) => Append(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Append(text.AsSpan(offset, count));
        return default;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    public void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    /// <summary>The text as UTF-8 (unpaired surrogates become U+FFFD, as <see cref="Encoding.UTF8"/> makes them from a string).</summary>
    public byte[] ToUtf8()
    {
        ReadOnlySpan<char> text = Written;
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>The text as a string.</summary>
    public string ToText() => new(Written);

    /// <summary>Empty: see the remarks.</summary>
    public override string ToString() => "";

    public void Dispose()
    {
        char[] buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Grow(int more)
    {
        char[] larger = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * _buffer.Length, (long)_length + more)));
        Written.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

/// <summary>
/// Where a template writes a page that goes straight to a file: Scriban's <see cref="TextWriterOutput"/> over the
/// <see cref="StreamWriter"/> made here, so a long page (the sources index of a large site) is encoded a buffer at a time
/// and never held whole, neither as text nor as bytes. The bytes are those <see cref="TextSink.ToUtf8"/> gives for the whole
/// text: no byte-order mark, a surrogate pair split between buffers kept whole, an unpaired surrogate made U+FFFD.
/// </summary>
internal static class StreamOutput
{
    private const int BufferChars = 32 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A writer over <paramref name="stream"/> that leaves it open; call <see cref="StreamWriter.Flush()"/> at the end.</summary>
    public static StreamWriter Writer(Stream stream) => new(stream, Utf8, BufferChars, leaveOpen: true);
}
