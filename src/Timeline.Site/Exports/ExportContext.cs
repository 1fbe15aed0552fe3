using System.Text.Json;
using System.Xml;
using Timeline.Core.Events;
using Timeline.Site.Rendering;

namespace Timeline.Site.Exports;

/// <summary>
/// What the exports of one build share: the model, its links, and the memo of where each export wrote each event in
/// the previous build. An export is a head, one fragment per event and a tail, written straight to its output in
/// order (never held whole); a fragment is made (in parallel chunks) only for an event whose digest (see
/// <see cref="EventDigest"/>) the memo does not hold, else copied from the export file the previous build wrote.
/// </summary>
/// <remarks>
/// Fragments are cut out of a writer set up exactly as the whole file's writer is at that point (same nesting, after
/// a sibling), so joined they are byte for byte the file one writer makes.
/// </remarks>
internal sealed class ExportContext
{
    private const int ChunkSize = 64;

    /// <summary>At most this many bytes of remembered fragments are read back from the previous export file at once.</summary>
    private const int CopyChunk = 1 << 20;

    /// <summary>
    /// Events whose fragments are in memory at once while an export is written (made in parallel, then written in order):
    /// a few chunks per core, so a window's fragments (~6 MB of events.json at 100,000 articles) are let go before
    /// collections promote them to the old generation, where 4 exports' worth of them (~900 MB) made the full
    /// collections of a large build come sooner and pause longer.
    /// </summary>
    private const int WindowSize = 4 * ChunkSize;

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

    /// <summary>
    /// Opens an export file as the last committed build wrote it (by output path), or gives null when it is gone or
    /// changed since: the memo's fragments are read back from there. Null (the default) reuses no fragment.
    /// </summary>
    public Func<string, Stream?>? Previous { get; init; }

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
    /// Writes export <paramref name="fileName"/> (fragment kind <paramref name="kind"/>) to <paramref name="output"/>:
    /// <paramref name="head"/>, the fragment of each event at <paramref name="indexes"/> (into the chronology) and
    /// <paramref name="tail"/>. Remembered fragments are copied from the previous build's file; the others are made by
    /// <paramref name="make"/> in chunks (one writer per chunk), a window of events at a time.
    /// </summary>
    /// <param name="separator">
    /// What every fragment <paramref name="make"/> returns starts with and the file has between fragments only (JSON's
    /// comma): the first fragment is written without it.
    /// </param>
    public void Write(Stream output, int kind, string fileName, ReadOnlySpan<byte> head, IReadOnlyList<int> indexes, Func<IReadOnlyList<TimelineEvent>, byte[][]> make, ReadOnlySpan<byte> tail, ReadOnlySpan<byte> separator = default)
    {
        IReadOnlyList<TimelineEvent> events = Model.Chronology.Events;
        UInt128[]? digests = _digests?.Value;
        using Stream? previous = digests is null ? null : Previous?.Invoke(fileName);
        output.Write(head);
        long at = head.Length;
        byte[] copy = [];
        byte[] sep = separator.ToArray();
        // Remembered fragments lying back to back in the previous file, not yet copied: (position, where it was).
        var run = new List<(int Position, RenderMemo.Span Span)>();
        long runEnd = 0;
        var made = new byte[Math.Min(WindowSize, indexes.Count)][];
        var spans = new RenderMemo.Span[made.Length];
        for (int window = 0; window < indexes.Count; window += WindowSize)
        {
            int count = Math.Min(WindowSize, indexes.Count - window);
            var missing = new List<int>();
            for (int i = 0; i < count; i++)
            {
                made[i] = null!;
                if (previous is null || !_memo!.TryGet(kind, digests![indexes[window + i]], out spans[i]))
                {
                    missing.Add(i);
                }
            }

            int chunks = (missing.Count + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
            {
                List<int> slots = missing.GetRange(c * ChunkSize, Math.Min(ChunkSize, missing.Count - (c * ChunkSize)));
                byte[][] chunk = make(slots.Select(slot => events[indexes[window + slot]]).ToList());
                for (int j = 0; j < slots.Count; j++)
                {
                    made[slots[j]] = chunk[j];
                }
            });

            for (int i = 0; i < count; i++)
            {
                int position = window + i;
                if (made[i] is { } fresh)
                {
                    FlushRun();
                    WriteFragment(position, Body(fresh, sep));
                }
                else if (run.Count > 0 && spans[i].Offset == runEnd + separator.Length && spans[i].Offset + spans[i].Length - run[0].Span.Offset <= CopyChunk)
                {
                    // Right after the run's last fragment and its separator in the previous file: the run grows.
                    run.Add((position, spans[i]));
                    runEnd = spans[i].Offset + spans[i].Length;
                }
                else
                {
                    FlushRun();
                    run.Add((position, spans[i]));
                    runEnd = spans[i].Offset + spans[i].Length;
                }
            }
        }

        FlushRun();

        // Writes a fragment made (or made again) in this build at the next position.
        void WriteFragment(int position, ReadOnlySpan<byte> body)
        {
            if (position > 0)
            {
                output.Write(sep);
                at += sep.Length;
            }

            if (digests is not null)
            {
                _memo!.Put(kind, digests[indexes[position]], new RenderMemo.Span(at, body.Length));
            }

            output.Write(body);
            at += body.Length;
        }

        // Copies the run of remembered fragments (back to back in the previous file, separators between them included:
        // at most a megabyte, or one larger fragment) with one read instead of one per fragment.
        void FlushRun()
        {
            if (run.Count == 0)
            {
                return;
            }

            long start = run[0].Span.Offset;
            if (ReadBack(previous!, new RenderMemo.Span(start, (int)(runEnd - start)), ref copy) is { } copied)
            {
                if (run[0].Position > 0)
                {
                    output.Write(sep);
                    at += sep.Length;
                }

                output.Write(copy, 0, copied);
                foreach ((int position, RenderMemo.Span span) in run)
                {
                    _memo!.Put(kind, digests![indexes[position]], new RenderMemo.Span(at + (span.Offset - start), span.Length));
                    _memo.Reused();
                }

                at += copied;
            }
            else
            {
                // The previous file could not be read there after all (changed under us): each fragment it still holds
                // is copied alone, the others made afresh.
                foreach ((int position, RenderMemo.Span span) in run)
                {
                    if (ReadBack(previous!, span, ref copy) is { } length)
                    {
                        WriteFragment(position, copy.AsSpan(0, length));
                        _memo!.Reused();
                    }
                    else
                    {
                        WriteFragment(position, Body(make([events[indexes[position]]])[0], sep));
                    }
                }
            }

            run.Clear();
        }

        output.Write(tail);
    }

    /// <summary>A made fragment without its leading separator.</summary>
    private static ReadOnlySpan<byte> Body(byte[] fragment, ReadOnlySpan<byte> separator) =>
        fragment.AsSpan().StartsWith(separator)
            ? fragment.AsSpan(separator.Length)
            : throw new InvalidOperationException("An export fragment does not start with its separator.");

    /// <summary>Reads <paramref name="span"/> of the previous file into <paramref name="buffer"/> (grown as needed); null when it cannot.</summary>
    private static int? ReadBack(Stream previous, RenderMemo.Span span, ref byte[] buffer)
    {
        if (buffer.Length < span.Length)
        {
            buffer = new byte[Math.Max(span.Length, buffer.Length * 2)];
        }

        try
        {
            previous.Position = span.Offset;
            previous.ReadExactly(buffer, 0, span.Length);
            return span.Length;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Writes an export through <paramref name="write"/> into memory (for callers outside a build's output).</summary>
    public static SiteFile InMemory(string fileName, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return new SiteFile(fileName, buffer.ToArray());
    }

    /// <summary>All event indexes, 0..n-1.</summary>
    public IReadOnlyList<int> AllEvents => Enumerable.Range(0, Model.Chronology.Events.Count).ToList();

    /// <summary>What an indented JSON writer puts before an array element after the first: the fragments' separator.</summary>
    public static ReadOnlySpan<byte> JsonSeparator => ","u8;

    /// <summary>
    /// Writes a placeholder element (<c>null</c>) where the events' fragments go in a JSON array, and returns where it
    /// starts and where what follows it starts in <paramref name="buffer"/>: the head and the tail of <see cref="Write"/>,
    /// whose fragments each start with the separator the writer puts before a next element (<see cref="JsonSeparator"/>).
    /// </summary>
    public static (int Head, int Sibling) JsonPlaceholder(Utf8JsonWriter w, MemoryStream buffer)
    {
        w.Flush();
        int head = (int)buffer.Length;
        w.WriteNullValue();
        w.Flush();
        return (head, (int)buffer.Length);
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
        // The writer keeps its state (nesting, a sibling written) but not the bytes it flushed: the buffer is emptied after
        // each fragment, so it stays the size of one fragment instead of growing to a whole chunk's (large-object heap).
        var fragments = new byte[events.Count][];
        for (int i = 0; i < events.Count; i++)
        {
            int start = (int)buffer.Length;
            write(events[i]);
            flush();
            fragments[i] = buffer.GetBuffer().AsSpan(start, (int)buffer.Length - start).ToArray();
            buffer.SetLength(0);
        }

        return fragments;
    }
}
