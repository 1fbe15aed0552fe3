using System.Text.Json;
using System.Xml;
using Timeline.Core.Events;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// What the exports of one build share: the model, its links, and the memo of the bytes each export wrote for each
/// event in the previous build. An export is a head, one fragment per event and a tail; a fragment is made (in
/// parallel chunks) only for an event whose digest (see <see cref="EventDigest"/>) the memo does not hold.
/// </summary>
/// <remarks>
/// Fragments are cut out of a writer set up exactly as the whole file's writer is at that point (same nesting, after
/// a sibling), so joined they are byte for byte the file one writer makes.
/// </remarks>
internal sealed class ExportContext
{
    private const int ChunkSize = 64;

    private readonly RenderMemo? _memo;
    private readonly Lazy<UInt128[]>? _digests;

    /// <param name="memo">The fragments of earlier builds; null makes every fragment.</param>
    public ExportContext(SiteModel model, SiteLinks links, RenderMemo? memo, Lazy<UInt128[]>? digests)
    {
        Model = model;
        Links = links;
        _memo = memo;
        _digests = memo is null ? null : digests ?? new Lazy<UInt128[]>(() => Digests(model, links));
    }

    public SiteModel Model { get; }

    public SiteLinks Links { get; }

    /// <summary>A context that reuses nothing.</summary>
    public static ExportContext Uncached(SiteModel model) => new(model, SiteLinks.For(model), null, null);

    /// <summary>Every event's digest, in chronology order, computed in parallel.</summary>
    public static UInt128[] Digests(SiteModel model, SiteLinks links)
    {
        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        var digests = new UInt128[events.Count];
        Parallel.For(0, events.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => digests[i] = EventDigest.Of(events[i], links));
        return digests;
    }

    /// <summary>
    /// The fragment of export <paramref name="kind"/> for each event at <paramref name="indexes"/> (into the chronology):
    /// remembered ones reused, the others made by <paramref name="make"/> in chunks (one writer per chunk).
    /// </summary>
    public byte[][] Fragments(int kind, IReadOnlyList<int> indexes, Func<IReadOnlyList<TimelineEvent>, byte[][]> make)
    {
        IReadOnlyList<TimelineEvent> events = Model.Chronology.Events;
        var fragments = new byte[indexes.Count][];
        var missing = new List<int>();
        UInt128[]? digests = _digests?.Value;
        for (int i = 0; i < indexes.Count; i++)
        {
            if (digests is null || !_memo!.TryGet(kind, digests[indexes[i]], out fragments[i]))
            {
                missing.Add(i);
            }
        }

        int chunks = (missing.Count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            List<int> slots = missing.GetRange(c * ChunkSize, Math.Min(ChunkSize, missing.Count - (c * ChunkSize)));
            byte[][] made = make(slots.Select(slot => events[indexes[slot]]).ToList());
            for (int j = 0; j < slots.Count; j++)
            {
                fragments[slots[j]] = made[j];
                if (digests is not null)
                {
                    _memo!.Put(kind, digests[indexes[slots[j]]], made[j]);
                }
            }
        });
        return fragments;
    }

    /// <summary>All event indexes, 0..n-1.</summary>
    public IReadOnlyList<int> AllEvents => Enumerable.Range(0, Model.Chronology.Events.Count).ToList();

    /// <summary>
    /// Writes a placeholder element (<c>null</c>) where the events' fragments go in a JSON array, and returns where it
    /// starts and where what follows it starts in <paramref name="buffer"/> (see <see cref="Join"/>, with <c>skipFirst: 1</c>
    /// for the separator the writer puts before the next element).
    /// </summary>
    public static (int Head, int Sibling) JsonPlaceholder(Utf8JsonWriter w, MemoryStream buffer)
    {
        w.Flush();
        int head = (int)buffer.Length;
        w.WriteNullValue();
        w.Flush();
        return (head, (int)buffer.Length);
    }

    /// <summary>Head, fragments and tail as one file; the first fragment without its first <paramref name="skipFirst"/> bytes (a separator).</summary>
    public static byte[] Join(ReadOnlySpan<byte> head, byte[][] fragments, ReadOnlySpan<byte> tail, int skipFirst = 0)
    {
        long length = head.Length + tail.Length - (fragments.Length > 0 ? skipFirst : 0);
        foreach (byte[] f in fragments)
        {
            length += f.Length;
        }

        byte[] all = new byte[length];
        head.CopyTo(all);
        int at = head.Length;
        for (int i = 0; i < fragments.Length; i++)
        {
            ReadOnlySpan<byte> f = i == 0 ? fragments[i].AsSpan(skipFirst) : fragments[i];
            f.CopyTo(all.AsSpan(at));
            at += f.Length;
        }

        tail.CopyTo(all.AsSpan(at));
        return all;
    }

    /// <summary>
    /// JSON fragments: each event written as an element of an array inside the root object, after a first element, so
    /// each starts with its separator (",\n    {"); the whole file's first element lacks the comma.
    /// </summary>
    public static byte[][] JsonFragments(IReadOnlyList<TimelineEvent> events, JsonWriterOptions options, Action<Utf8JsonWriter, TimelineEvent> write)
    {
        using var buffer = new MemoryStream();
        using var w = new Utf8JsonWriter(buffer, options);
        w.WriteStartObject();
        w.WriteStartArray("events");
        w.WriteNullValue();
        w.Flush();
        return Cut(buffer, events, e => write(w, e), w.Flush);
    }

    /// <summary>XML fragments: each event written as a child of the root element after a sibling, as the whole file writes it.</summary>
    public static byte[][] XmlFragments(IReadOnlyList<TimelineEvent> events, XmlWriterSettings settings, string rootName, string ns, Action<XmlWriter, TimelineEvent> write)
    {
        using var buffer = new MemoryStream();
        using var w = XmlWriter.Create(buffer, settings);
        w.WriteStartDocument();
        w.WriteStartElement(rootName, ns);
        w.WriteElementString("generator", ns, "");
        w.Flush();
        return Cut(buffer, events, e => write(w, e), w.Flush);
    }

    private static byte[][] Cut(MemoryStream buffer, IReadOnlyList<TimelineEvent> events, Action<TimelineEvent> write, Action flush)
    {
        var fragments = new byte[events.Count][];
        for (int i = 0; i < events.Count; i++)
        {
            int start = (int)buffer.Length;
            write(events[i]);
            flush();
            fragments[i] = buffer.GetBuffer().AsSpan(start, (int)buffer.Length - start).ToArray();
        }

        return fragments;
    }
}
