using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;

namespace Timeline.Site.Cache;

/// <summary>
/// One build's write to an output folder: files are added (from several threads) as they are rendered and go to a
/// staging folder beside the output folder; <see cref="Commit"/> then moves them in. Disposing without committing (a
/// failed build) deletes the staging folder and leaves the output folder as it was.
/// </summary>
/// <remarks>
/// <para>A whole write (no output folder yet) stages every file in a tree and swaps folders. Any later write, with or
/// without a state (a <c>--no-cache</c> build over an existing site too), is incremental: it stages, flat and without
/// making folders, only the files whose bytes differ from what is on disk (known from the state, or else read and
/// compared), reuses pages whose fingerprint is unchanged without rendering them, and touches nothing else. Making and
/// deleting a whole tree of files was most of a build's kernel time: each page is a folder and a file, and ext4 searches
/// past every recently deleted inode to allocate a new one.</para>
/// <para>An incremental commit first writes a journal of its renames and deletions into the staging folder (the commit
/// point), then carries it out; a commit cut short (the process killed) is finished from that journal by the next
/// build of the folder (<see cref="Recover"/>), so the site ends as the complete new build, never half of one.</para>
/// <para><see cref="Reuse"/> and <see cref="Add"/> are thread-safe; <see cref="Commit"/> is not.</para>
/// </remarks>
internal sealed class OutputSession : ISiteOutput, IDisposable
{
    internal static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) };

    private readonly OutputState _state;
    private readonly string _full;
    private readonly string _staging;
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private bool _done;
    private int _reused;
    private int _staged;

    internal OutputSession(OutputState state, string full, bool incremental)
    {
        _state = state;
        _full = full;
        Incremental = incremental;
        // Sized for the files the last build wrote (about as many as this one writes): never grown while pages are added from every thread.
        _entries = new(Environment.ProcessorCount, Math.Max(31, state.Count + (state.Count / 8)), StringComparer.Ordinal);
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
        if (!Unchanged(target, before) || !_entries.TryAdd(path, new Entry(before, StagedAs: null)))
        {
            return null;
        }

        Interlocked.Increment(ref _reused);
        return SiteFile.Written(path, _full, fingerprint);
    }

    /// <inheritdoc/>
    public SiteFile Add(SiteFile file)
    {
        byte[] content = file.Content;
        byte[] hash = SHA256.HashData(content);
        string target = Target(_full, file.Path);
        Entry entry;
        if (Incremental && OnDisk(target, content.LongLength, hash, _state.TryGet(file.Path, out OutputState.Written before) ? before : null, t => SameBytes(t, content)) is { } stamp)
        {
            entry = new Entry(new OutputState.Written(hash, content.LongLength, stamp, file.Fingerprint), StagedAs: null);
        }
        else
        {
            string staged = StagingPath(file.Path);
            WriteNew(staged, content);
            entry = new Entry(new OutputState.Written(hash, content.LongLength, default, file.Fingerprint), StagedAs: Recorded(staged));
        }

        if (!_entries.TryAdd(file.Path, entry))
        {
            throw new InvalidOperationException($"Two files for '{file.Path}' in one build.");
        }

        return SiteFile.Written(file.Path, _full, file.Fingerprint);
    }

    /// <inheritdoc/>
    public SiteFile Add(string path, Action<Stream> write)
    {
        string target = Target(_full, path);
        string staged = StagingPath(path);
        byte[] hash;
        long length;
        using (var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            // The bytes are hashed on their way to the file.
            using var hashing = new HashingStream(file);
            write(hashing);
            (hash, length) = (hashing.Hash(), file.Length);
        }

        Entry entry;
        if (Incremental && OnDisk(target, length, hash, _state.TryGet(path, out OutputState.Written before) ? before : null, t => SameFiles(t, staged)) is { } stamp)
        {
            // The same bytes as the file already there: nothing to move in.
            File.Delete(staged);
            entry = new Entry(new OutputState.Written(hash, length, stamp, null), StagedAs: null);
        }
        else
        {
            entry = new Entry(new OutputState.Written(hash, length, default, null), StagedAs: Recorded(staged));
        }

        if (!_entries.TryAdd(path, entry))
        {
            throw new InvalidOperationException($"Two files for '{path}' in one build.");
        }

        return SiteFile.Written(path, _full, null);
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

    /// <summary>Where a file is staged: flat (no folder per page) in an incremental write; in the tree a whole write swaps in.</summary>
    private string StagingPath(string path)
    {
        if (Incremental)
        {
            Directory.CreateDirectory(_staging);
            return Path.Combine(_staging, Interlocked.Increment(ref _staged).ToString(CultureInfo.InvariantCulture));
        }

        string staged = Target(_staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        return staged;
    }

    /// <summary>
    /// What an entry keeps of where its file was staged: the staged file in an incremental write (the journal renames
    /// it); in a whole write, only that it was staged (the whole tree is swapped in), so a large site's entries hold no
    /// full path per file.
    /// </summary>
    private string Recorded(string staged) => Incremental ? staged : InTree;

    /// <summary>An entry's <see cref="Entry.StagedAs"/> in a whole write: staged in the tree that is swapped in.</summary>
    private const string InTree = "";

    /// <summary>
    /// The last-write time of <paramref name="target"/> when it already holds the new bytes (<paramref name="length"/> long,
    /// SHA-256 <paramref name="hash"/>); null when it must be written. The state's record, if the file is as recorded,
    /// answers without reading it; otherwise <paramref name="sameBytes"/> compares the file's bytes with the new ones.
    /// </summary>
    private static DateTime? OnDisk(string target, long length, byte[] hash, OutputState.Written? before, Func<string, bool> sameBytes)
    {
        var info = new FileInfo(target);
        if (!info.Exists || info.Length != length)
        {
            return null;
        }

        if (before is not null && info.LastWriteTimeUtc == before.Stamp && before.Length == info.Length)
        {
            return before.Hash.AsSpan().SequenceEqual(hash) ? before.Stamp : null;
        }

        try
        {
            return sameBytes(target) ? info.LastWriteTimeUtc : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether two files hold the same bytes (a streamed export against the one already on disk).</summary>
    private static bool SameFiles(string path, string other)
    {
        using var a = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
        using var b = new FileStream(other, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        byte[] x = new byte[1 << 16], y = new byte[1 << 16];
        while (true)
        {
            int read = a.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            if (read != b.ReadAtLeast(y, y.Length, throwOnEndOfStream: false) || !x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }

    private static bool SameBytes(string path, byte[] content)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(content.Length, 1 << 20) + 1);
        try
        {
            long offset = 0;
            while (true)
            {
                int read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0)
                {
                    return offset == content.LongLength;
                }

                if (offset + read > content.LongLength || !buffer.AsSpan(0, read).SequenceEqual(content.AsSpan((int)offset, read)))
                {
                    return false;
                }

                offset += read;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the staged files into the output folder, deletes files the build no longer makes, records the state; returns how many files were written.</summary>
    public int Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var staged = _entries.Where(p => p.Value.StagedAs is not null).Select(p => (Path: p.Key, From: p.Value.StagedAs!)).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        if (!Incremental)
        {
            Directory.CreateDirectory(_staging);
            Swap();
        }
        else
        {
            // Without a state, what the folder holds is what the last build left (anything else there, too, as a whole write would replace it).
            IEnumerable<string> before = _state.Paths.Any() ? _state.Paths : Directory.EnumerateFiles(_full, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_full, f).Replace(Path.DirectorySeparatorChar, '/'));
            var gone = before.Where(p => !_entries.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
            if (staged.Count > 0 || gone.Count > 0)
            {
                var journal = new StringBuilder();
                foreach ((string path, string from) in staged)
                {
                    journal.Append("M\t").Append(Path.GetFileName(from)).Append('\t').Append(path).Append('\n');
                }

                foreach (string path in gone)
                {
                    journal.Append("D\t\t").Append(path).Append('\n');
                }

                Directory.CreateDirectory(_staging);
                string temp = Path.Combine(_staging, JournalName + ".tmp");
                File.WriteAllText(temp, journal.ToString(), new UTF8Encoding(false));
                File.Move(temp, Path.Combine(_staging, JournalName));
                if (BeforeApply?.Invoke(_staging) == false)
                {
                    // A test's stand-in for a process killed right after the commit point.
                    _done = true;
                    return staged.Count;
                }

                Apply(_staging, _full);
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
            if (entry.StagedAs is not null)
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

    /// <summary>The journal's name in a staging folder; present only once every file is staged.</summary>
    internal const string JournalName = "journal";

    /// <summary>A test hook: runs after the journal is written and before it is carried out; false stops there, as a killed process would.</summary>
    internal static Func<string, bool>? BeforeApply { get; set; }

    /// <summary>
    /// Finishes any commit to <paramref name="full"/> that was cut short (a staging folder beside it with a journal) and
    /// deletes staging folders abandoned without a journal over an hour ago (a build killed while rendering); returns how many commits it finished.
    /// </summary>
    internal static int Recover(string full)
    {
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return 0;
        }

        int finished = 0;
        foreach (string staging in Directory.EnumerateDirectories(parent, $".{Path.GetFileName(full)}.staging-*"))
        {
            try
            {
                if (File.Exists(Path.Combine(staging, JournalName)))
                {
                    Apply(staging, full);
                    finished++;
                    DeleteTree(staging);
                }
                else if (Directory.GetLastWriteTimeUtc(staging) < DateTime.UtcNow.AddHours(-1))
                {
                    DeleteTree(staging);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another build is finishing it, or it cannot be read: left for later.
            }
        }

        return finished;
    }

    /// <summary>Carries out a staging folder's journal (again, if need be: a rename already done is skipped).</summary>
    private static void Apply(string staging, string full)
    {
        foreach (string line in File.ReadAllLines(Path.Combine(staging, JournalName)))
        {
            string[] parts = line.Split('\t', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            string target = Target(full, parts[2]);
            if (parts[0] == "M")
            {
                string from = Path.Combine(staging, parts[1]);
                if (File.Exists(from))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(from, target, overwrite: true);
                }
            }
            else if (parts[0] == "D")
            {
                // A page someone else (a second build, a clean-up) already removed, folder and all, needs no deleting.
                if (File.Exists(target))
                {
                    File.Delete(target);
                }

                DeleteEmptyFolders(Path.GetDirectoryName(target)!, full);
            }
        }
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

    /// <summary>
    /// Writes a file that does not exist yet (a staged file's name is new). Not <see cref="File.WriteAllBytes(string, byte[])"/>:
    /// that opens for truncation and truncates an empty new file, after which ext4 flushes the file to disk when it is
    /// closed (its guard for files replaced by truncation), a synchronous write per page that cost more than the rest of
    /// writing it; nor does it reserve the file's blocks up front (the kernel allocates them later, for many files at once).
    /// </summary>
    internal static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
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
        // A plain relative path ("events/x/index.html": segments that are neither empty, "." nor "..") is already what
        // Path.GetFullPath would make of it: joined without normalising it again (a reused page is looked up per build).
        if (Path.DirectorySeparatorChar == '/' && IsPlain(relative))
        {
            return string.Concat(root, "/", relative);
        }

        string target = Path.GetFullPath(Path.Combine(root, relative));
        return target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? target
            : throw new InvalidOperationException($"Refusing to write '{relative}' outside the output folder.");
    }

    /// <summary>Whether <paramref name="relative"/> is non-empty '/'-separated segments, none empty, "." or "..", without '\\' or NUL.</summary>
    private static bool IsPlain(string relative) => relative.Length > 0 && SitePath.HasPlainSegments(relative, allowEmptySegments: false);

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

    private readonly record struct Entry(OutputState.Written File, string? StagedAs);

    /// <summary>
    /// Writes through to a stream and hashes (SHA-256) what passes: a CryptoStream over a hash copies every write
    /// through the transform's output buffer and an async state machine, a cost per write that an export's many small
    /// writes (one per event fragment) paid on tens of megabytes.
    /// </summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The SHA-256 of everything written, after flushing it to the inner stream.</summary>
        public byte[] Hash()
        {
            inner.Flush();
            return _hash.GetHashAndReset();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
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
