using Timeline.Core.Diagnostics;
using Timeline.Core.Text;

namespace Timeline.Site.Loading;

/// <summary>
/// What <c>stat</c> says about an article file: its size and last-write time (nanosecond resolution on Linux file
/// systems, 100 ns on NTFS). Two equal stamps of one path are taken to mean unchanged content; see <see cref="IsSettled"/>
/// for the one case where that would be wrong without a check, and <see cref="IUnchangedFiles{T}"/> for who trusts it.
/// </summary>
public readonly record struct FileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>
    /// How long after its last write a file's stamp is trusted. A file system with coarse timestamps (FAT: 2 s, HFS+ and
    /// some network file systems: 1 s) gives a same-size edit made within the same tick the same stamp; an edit that soon
    /// after the read is exactly what an editor saving twice does. So, as git does with its "racily clean" entries, a stamp
    /// taken less than this long after the write (or with a write time in the future: a skewed clock) is not remembered,
    /// and the file is read and hashed again next time.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    /// <summary>The file's stamp now, or null when it cannot be read (the loader then reports the file as it would anyway).</summary>
    public static FileStamp? Of(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether a stamp taken at <paramref name="statTimeUtc"/> may be trusted later (see <see cref="SettleTime"/>).</summary>
    public bool IsSettled(DateTime statTimeUtc) => statTimeUtc - LastWriteUtc >= SettleTime;
}

/// <summary>
/// Lets <see cref="ArticleLoader.LoadDirectory{T}(string, SiteConfig, Func{Article, T}, IUnchangedFiles{T})"/> skip reading
/// and hashing a file that a previous build of the same process already processed and whose <see cref="FileStamp"/> has not
/// changed. Called from the parallel load: implementations must be thread-safe.
/// </summary>
/// <typeparam name="T">What the loader's caller makes of an article.</typeparam>
public interface IUnchangedFiles<T>
{
    /// <summary>
    /// Before <paramref name="file"/> is read: the article (for duplicate detection; its body may be empty), the result and
    /// the load diagnostics remembered for it, if its stamp is still <paramref name="stamp"/>.
    /// </summary>
    bool TryReuse(string file, FileStamp stamp, out Article article, out T item, out IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>After <paramref name="file"/> was read (its stamp taken before the read) and processed into <paramref name="item"/>.</summary>
    void Loaded(string file, FileStamp stamp, T item, IReadOnlyList<Diagnostic> diagnostics);
}
