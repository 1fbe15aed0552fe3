using System.Collections.Concurrent;
using System.Security.Cryptography;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// One build's write to an output folder: files are added (from several threads) as they are rendered and go to a
/// staging folder beside the output folder; <see cref="Commit"/> then moves them in. Disposing without committing (a
/// failed build) deletes the staging folder and leaves the output folder as it was.
/// </summary>
/// <remarks>
/// A whole write (the first of a state) stages every file and swaps folders; an incremental write stages only the
/// files whose bytes differ from what the state recorded and reuses pages whose fingerprint is unchanged without
/// rendering them. <see cref="Reuse"/> and <see cref="Add"/> are thread-safe; <see cref="Commit"/> is not.
/// </remarks>
internal sealed class OutputSession : ISiteOutput, IDisposable
{
    internal static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    private readonly OutputState _state;
    private readonly string _full;
    private readonly string _staging;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private bool _done;
    private int _reused;

    internal OutputSession(OutputState state, string full, bool incremental)
    {
        _state = state;
        _full = full;
        Incremental = incremental;
        string parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("The output folder cannot be a root.", nameof(full));
        _staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Guid.NewGuid():N}");
    }

    /// <summary>Whether this write replaces changed files one by one (true) or swaps in a whole new folder (false).</summary>
    public bool Incremental { get; }

    /// <inheritdoc/>
    public RenderMemo Memo => _state.Memo;

    /// <summary>Pages handed back by <see cref="Reuse"/> (not rendered again).</summary>
    public int Reused => _reused;

    /// <inheritdoc/>
    public SiteFile? Reuse(string path, string fingerprint)
    {
        if (!Incremental || !_state.TryGet(path, out OutputState.Written before) || before.Fingerprint != fingerprint)
        {
            return null;
        }

        string target = Target(_full, path);
        if (!Unchanged(target, before) || !_entries.TryAdd(path, new Entry(before, Staged: false)))
        {
            return null;
        }

        Interlocked.Increment(ref _reused);
        return SiteFile.Written(path, target, fingerprint);
    }

    /// <inheritdoc/>
    public SiteFile Add(SiteFile file)
    {
        byte[] content = file.Content;
        byte[] hash = SHA256.HashData(content);
        string target = Target(_full, file.Path);
        Entry entry;
        if (Incremental && _state.TryGet(file.Path, out OutputState.Written before) && before.Hash.AsSpan().SequenceEqual(hash) && Unchanged(target, before))
        {
            entry = new Entry(before with { Fingerprint = file.Fingerprint }, Staged: false);
        }
        else
        {
            string staged = Target(_staging, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
            File.WriteAllBytes(staged, content);
            entry = new Entry(new OutputState.Written(hash, content.LongLength, default, file.Fingerprint), Staged: true);
        }

        if (!_entries.TryAdd(file.Path, entry))
        {
            throw new InvalidOperationException($"Two files for '{file.Path}' in one build.");
        }

        return SiteFile.Written(file.Path, target, file.Fingerprint);
    }

    /// <inheritdoc/>
    public SiteFile Add(string path, Action<Stream> write)
    {
        string staged = Target(_staging, path);
        string target = Target(_full, path);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        byte[] hash;
        long length;
        using (var file = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (var hashing = new HashingStream(file))
        {
            write(hashing);
            (hash, length) = (hashing.Hash(), hashing.Length);
        }

        Entry entry;
        if (Incremental && _state.TryGet(path, out OutputState.Written before) && before.Hash.AsSpan().SequenceEqual(hash) && Unchanged(target, before))
        {
            // The same bytes as the file already there: nothing to move in.
            File.Delete(staged);
            entry = new Entry(before with { Fingerprint = null }, Staged: false);
        }
        else
        {
            entry = new Entry(new OutputState.Written(hash, length, default, null), Staged: true);
        }

        if (!_entries.TryAdd(path, entry))
        {
            throw new InvalidOperationException($"Two files for '{path}' in one build.");
        }

        return SiteFile.Written(path, target, null);
    }

    /// <inheritdoc/>
    public Stream? OpenPrevious(string path)
    {
        string target = Target(_full, path);
        if (!_state.TryGet(path, out OutputState.Written before) || !Unchanged(target, before))
        {
            return null;
        }

        try
        {
            return new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Moves the staged files into the output folder, deletes files the build no longer makes, records the state; returns how many files were written.</summary>
    public int Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var staged = _entries.Where(p => p.Value.Staged).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (!Incremental)
        {
            Directory.CreateDirectory(_staging);
            Swap();
        }
        else
        {
            foreach (string path in staged)
            {
                string target = Target(_full, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Target(_staging, path), target, overwrite: true);
            }

            foreach (string gone in _state.Paths.Where(p => !_entries.ContainsKey(p)).ToList())
            {
                string target = Target(_full, gone);
                // A page someone else (a second build, a clean-up) already removed, folder and all, needs no deleting.
                if (File.Exists(target))
                {
                    File.Delete(target);
                }

                DeleteEmptyFolders(Path.GetDirectoryName(target)!, _full);
            }

            DeleteTree(_staging);
        }

        _done = true;
        var next = new Dictionary<string, OutputState.Written>(_entries.Count, StringComparer.Ordinal);
        var entries = _entries.ToArray();
        var recorded = new OutputState.Written[entries.Length];
        Parallel.For(0, entries.Length, Parallelism, i =>
        {
            (string path, Entry entry) = entries[i];
            if (entry.Staged)
            {
                var info = new FileInfo(Target(_full, path));
                recorded[i] = entry.File with { Length = info.Length, Stamp = info.LastWriteTimeUtc };
            }
            else
            {
                recorded[i] = entry.File;
            }
        });
        for (int i = 0; i < entries.Length; i++)
        {
            next[entries[i].Key] = recorded[i];
        }

        _state.Replace(next);
        _state.Memo.Commit();
        return staged.Count;
    }

    /// <summary>Without <see cref="Commit"/>: deletes what was staged; the output folder is untouched.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            DeleteTree(_staging);
        }
    }

    /// <summary>Deletes a folder tree (if it exists), its files in parallel.</summary>
    internal static void DeleteTree(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        Parallel.ForEach(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), Parallelism, File.Delete);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>; refuses paths that leave it.</summary>
    internal static string Target(string root, string relative)
    {
        string target = Path.GetFullPath(Path.Combine(root, relative));
        return target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : throw new InvalidOperationException($"Refusing to write '{relative}' outside the output folder.");
    }

    /// <summary>The staging folder replaces the output folder: two renames, then the old site is deleted.</summary>
    private void Swap()
    {
        string previous = Path.Combine(Path.GetDirectoryName(_full)!, $".{Path.GetFileName(_full)}.previous-{Guid.NewGuid():N}");
        if (Directory.Exists(_full))
        {
            Directory.Move(_full, previous);
        }

        try
        {
            Directory.Move(_staging, _full);
        }
        catch
        {
            if (!Directory.Exists(_full) && Directory.Exists(previous))
            {
                Directory.Move(previous, _full);
            }

            throw;
        }

        DeleteTree(previous);
    }

    private static bool Unchanged(string path, OutputState.Written before)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == before.Length && info.LastWriteTimeUtc == before.Stamp;
    }

    private static void DeleteEmptyFolders(string folder, string root)
    {
        for (string? dir = folder; dir is not null && dir.Length > root.Length && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any(); dir = Path.GetDirectoryName(dir))
        {
            Directory.Delete(dir);
        }
    }

    private readonly record struct Entry(OutputState.Written File, bool Staged);

    /// <summary>Passes writes on to a stream and hashes them (SHA-256) on the way; write-only.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        /// <summary>The hash of everything written; call once, after the last write.</summary>
        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
            _written += buffer.Length;
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
