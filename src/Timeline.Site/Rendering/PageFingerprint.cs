using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Scriban.Runtime;

namespace Timeline.Site.Rendering;

/// <summary>
/// A hash of the plain data a page is rendered from (the script objects <see cref="PageData"/> makes: strings, numbers,
/// booleans, lists, objects and <see cref="RawHtml"/>). A template's output depends only on the template and this data,
/// so a page whose fingerprint has not changed need not be rendered again.
/// </summary>
/// <remarks>Not thread-safe: one instance per page.</remarks>
internal sealed class PageFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _unknown;

    /// <summary>The fingerprint of the given parts, or null when one holds a value this class cannot hash.</summary>
    public static string? Of(params ReadOnlySpan<object?> parts)
    {
        using var fingerprint = new PageFingerprint();
        foreach (object? part in parts)
        {
            fingerprint.Add(part);
        }

        return fingerprint._unknown ? null : Convert.ToHexStringLower(fingerprint._hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

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

    private void Tag(byte tag) => _hash.AppendData([tag]);

    private void Number(long n)
    {
        Span<byte> bytes = stackalloc byte[8];
        BitConverter.TryWriteBytes(bytes, n);
        _hash.AppendData(bytes);
    }

    private void Text(string s)
    {
        Number(s.Length);
        _hash.AppendData(MemoryMarshal.AsBytes(s.AsSpan()));
    }
}
