using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

/// <summary>
/// A page streamed to its file (Scriban's TextWriterOutput over StreamOutput's writer) must be the bytes, and so have the
/// hash, of the page rendered whole (TextSink.ToUtf8), however its text falls into the writes and the writer's buffers.
/// </summary>
public sealed class StreamOutputTest
{
    // The writer's buffer is 32 Ki characters: these texts cross it, and end or split surrogates at its edges.
    private const int Buffer = 32 * 1024;

    public static TheoryData<string, int> Texts => new()
    {
        { "", 7 }, // nothing written: no bytes
        { "plain ASCII <p>text</p>", 5 }, // one buffer, several writes
        { "caf\u00e9 \u201cquoted\u201d \u2192 \ud83d\ude00", 3 }, // two-, three- and four-byte characters
        { new string('a', Buffer - 1) + "\ud83d\ude00" + "tail", 1000 }, // a surrogate pair split between two buffers
        { new string('b', Buffer - 1) + "\ud83d" + "x", 4096 }, // an unpaired high surrogate at a buffer's end: U+FFFD
        { new string('c', 3 * Buffer + 17) + "\ud83d", 50_000 }, // several buffers, a write longer than one, a lone surrogate at the very end
        { "\ude00 lone low " + new string('\u00e9', Buffer + 3), 1 }, // an unpaired low surrogate; a character per write
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void StreamedBytesAreTheWholeTextsBytes(string text, int writeSize)
    {
        using var whole = new TextSink();
        whole.Append(text);
        byte[] expected = whole.ToUtf8();

        using var file = new MemoryStream();
        using (StreamWriter writer = StreamOutput.Writer(file))
        {
            var output = new TextWriterOutput(writer);
            for (int at = 0; at < text.Length; at += writeSize)
            {
                output.Write(text, at, Math.Min(writeSize, text.Length - at));
            }

            writer.Flush();
        }

        Assert.True(file.CanWrite, "the writer leaves the page's stream open (it is hashed and closed by its owner)");

        Assert.Equal(expected, file.ToArray());
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text)), SHA256.HashData(file.ToArray()));
    }

    [Fact]
    public void StreamedHtmlWritesItsPartsInOrderAndReadsAsTheWholeText()
    {
        // More parts than one window makes at once, so windows follow each other.
        var parts = Enumerable.Range(0, 41).Select(i => $"<tr><td>{i}</td></tr>\n").ToArray();
        var streamed = new StreamedHtml(parts.Length, i => parts[i]);

        var written = new List<string>();
        streamed.WriteTo(written.Add);

        Assert.Equal(parts, written);
        Assert.Equal(string.Concat(parts), streamed.ToString());
    }
}
