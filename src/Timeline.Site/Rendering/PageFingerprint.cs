using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Scriban.Runtime;

namespace Timeline.Site.Rendering;

/// <summary>
/// A hash of the plain data a page is rendered from (the script objects <see cref="PageData"/> makes: strings, numbers,
/// booleans, lists, objects and <see cref="RawHtml"/>). A template's output depends only on the template and this data,
/// so a page whose fingerprint has not changed need not be rendered again.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per page. The bytes are gathered in one pooled buffer and hashed once (the same
/// SHA-256 an incremental hash of the pieces gives, without a call into the hash per piece).
/// </remarks>
internal sealed class PageFingerprint : IDisposable
{
    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    private bool _unknown;

    /// <summary>The fingerprint of the given parts, or null when one holds a value this class cannot hash.</summary>
    public static string? Of(params ReadOnlySpan<object?> parts)
    {
        using var fingerprint = new PageFingerprint();
        foreach (object? part in parts)
        {
            fingerprint.Add(part);
        }

        return fingerprint._unknown ? null : Convert.ToHexStringLower(SHA256.HashData(fingerprint._buffer.AsSpan(0, fingerprint._length)));
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Add(object? value)
    {
        switch (value)
        {
            case null:
                Tag(0);
                break;
            case string s:
                Tag(1);
                Text(s);
                break;
            case bool b:
                Tag(b ? (byte)2 : (byte)3);
                break;
            case int i:
                Tag(4);
                Number(i);
                break;
            case long l:
                Tag(5);
                Number(l);
                break;
            case double d:
                Tag(6);
                Number(BitConverter.DoubleToInt64Bits(d));
                break;
            case RawHtml html:
                Tag(7);
                Text(html.Html);
                break;
            case ScriptArray array:
                Tag(8);
                Number(array.Count);
                foreach (object? item in array)
                {
                    Add(item);
                }

                break;
            case ScriptObject obj:
                // Members in insertion order: the order PageData sets them, the same in every build.
                Tag(9);
                Number(obj.Count);
                foreach (KeyValuePair<string, object?> member in obj)
                {
                    Text(member.Key);
                    Add(member.Value);
                }

                break;
            default:
                _unknown = true;
                break;
        }
    }

    private void Tag(byte tag) => Room(1)[0] = tag;

    private void Number(long n) => BitConverter.TryWriteBytes(Room(8), n);

    private void Text(string s)
    {
        Number(s.Length);
        MemoryMarshal.AsBytes(s.AsSpan()).CopyTo(Room(s.Length * 2));
    }

    /// <summary>The next <paramref name="count"/> bytes of the buffer, which grows as needed.</summary>
    private Span<byte> Room(int count)
    {
        if (_length + count > _buffer.Length)
        {
            byte[] larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        Span<byte> room = _buffer.AsSpan(_length, count);
        _length += count;
        return room;
    }
}
