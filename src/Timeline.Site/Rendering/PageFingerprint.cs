using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Scriban.Runtime;

namespace Timeline.Site.Rendering;

/// <summary>
/// A hash of the plain data a page is rendered from (the script objects <see cref="PageData"/> makes: strings, numbers,
/// booleans, lists, objects and <see cref="RawHtml"/>). A template's output depends only on the template and this data,
/// so a page whose fingerprint has not changed need not be rendered again. Also the hasher of <see cref="EventDigest"/>.
/// </summary>
/// <remarks>
/// Not thread-safe: one instance per page. The bytes are gathered in one pooled buffer and hashed once (the same
/// SHA-256 an incremental hash of the pieces gives, without a call into the hash per piece).
/// A <see cref="DigestedObject"/> is hashed as its digest (of the members it was made with) and its later members, so
/// data whose costly part is known by digest hashes the same as the whole data.
/// </remarks>
internal sealed class PageFingerprint : IDisposable
{
    private byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4 * 1024);
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

    /// <summary>The digest of one script value (see <see cref="DigestedObject"/>); null when it holds a value this class cannot hash.</summary>
    public static UInt128? DigestOf(object? value)
    {
        using var fingerprint = new PageFingerprint();
        fingerprint.Add(value);
        return fingerprint._unknown ? null : fingerprint.Digest();
    }

    public void Dispose()
    {
        System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>The first 128 bits of the SHA-256 of what was added.</summary>
    public UInt128 Digest()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    public void AddText(string? s)
    {
        if (s is null)
        {
            Tag(0);
            return;
        }

        Tag(1);
        Text(s);
    }

    public void AddNumber(long n) => Number(n);

    public void AddDigest(UInt128 digest) => MemoryMarshal.Write(Room(16), in digest);

    public void Add(object? value)
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
            case DigestedObject digested when digested.Digest is { } digest:
                // Its first members by their digest; the members added after it one by one.
                Tag(10);
                AddDigest(digest);
                Number(digested.Count - digested.DigestedCount);
                int index = 0;
                foreach (KeyValuePair<string, object?> member in digested)
                {
                    if (index++ >= digested.DigestedCount)
                    {
                        Text(member.Key);
                        Add(member.Value);
                    }
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

/// <summary>
/// Page data whose first <see cref="DigestedCount"/> members are known by <see cref="Digest"/> (a digest of exactly
/// those members, remembered from an earlier build): the fingerprint of a page need not make them again. When
/// <see cref="Complete"/> is false those members are absent and the page must be made again before it is rendered.
/// </summary>
internal sealed class DigestedObject : ScriptObject
{
    // Not Scriban's default for a subclass, which imports the subclass's static members by reflection on every construction.
    public DigestedObject()
        : base(16, autoImportStaticsFromThisType: false)
    {
    }

    public UInt128? Digest { get; set; }

    public int DigestedCount { get; set; }

    public bool Complete { get; init; } = true;
}
