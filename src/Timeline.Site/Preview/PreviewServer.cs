using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Timeline.Core.Diagnostics;
using Timeline.Site.Pipeline;

namespace Timeline.Site.Preview;

/// <summary>
/// <c>timeline preview</c>: builds the site, serves the output folder with Kestrel, watches the input and theme
/// folders and rebuilds (incrementally, through one long-lived <see cref="SiteBuilder"/> and its article cache) when
/// they change, and reloads open pages. A failed build keeps the last good site up and shows its errors over it.
/// </summary>
/// <remarks>
/// Serves only files under the output folder, re-resolved by path on every request (the writer swaps the folder).
/// Start once; <see cref="DisposeAsync"/> stops watching and serving. Thread-safe.
/// </remarks>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PreviewOptions _options;
    private readonly TextWriter _log;
    private readonly SiteBuilder _builder = new();
    private readonly LiveReload _live = new();
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _outputDir;
    private WebApplication? _app;
    private Task? _rebuildLoop;
    private int _buildNumber;

    public PreviewServer(PreviewOptions options, TextWriter? log = null)
    {
        _options = options;
        _log = log ?? TextWriter.Null;
        _outputDir = Path.GetFullPath(options.Build.OutputDir);
    }

    /// <summary>The address the server listens on (with the port actually bound); set by <see cref="StartAsync"/>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The outcome of the latest build.</summary>
    public BuildStatus Status { get; private set; } = new(0, false, [], "not built yet");

    /// <summary>Raised after every build, on the thread that built.</summary>
    public event Action<BuildStatus>? Rebuilt;

    /// <summary>Builds once, starts serving and starts watching.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Rebuild();
        // The content root is never served; configuration is not watched (a watcher on the working folder would see everything).
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{HostForUrl(_options.Host)}:{_options.Port}");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        // Ctrl+C belongs to the caller (RunAsync's token); the host must not install its own signal handlers.
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        string bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Address = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        Watch();
        _rebuildLoop = Task.Run(() => RebuildLoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled (Ctrl+C), then stops.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        _log.WriteLine($"Serving {_outputDir} at {Address} (Ctrl+C to stop)");
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _app!.Lifetime.ApplicationStopping);
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (FileSystemWatcher watcher in _watchers)
        {
            watcher.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        if (_rebuildLoop is not null)
        {
            await _rebuildLoop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    /// <summary>Builds now, publishes the outcome to open pages, and never throws.</summary>
    internal BuildStatus Rebuild()
    {
        var clock = Stopwatch.StartNew();
        int number = Interlocked.Increment(ref _buildNumber);
        BuildStatus status;
        try
        {
            BuildResult result = _builder.Build(_options.Build with { Strict = false });
            string[] errors = [.. result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())];
            status = new BuildStatus(number, false, errors, result.Summary);
            _log.WriteLine($"Built in {clock.ElapsedMilliseconds} ms ({result.ArticlesProcessed} articles processed, {result.ArticlesReused} reused): {result.Summary}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken template, an unreadable file…: keep serving the last good site and show why.
            string[] errors = e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            status = new BuildStatus(number, true, errors.Length > 0 ? errors : [e.GetType().Name], "build failed");
            _log.WriteLine($"Build failed after {clock.ElapsedMilliseconds} ms:");
            foreach (string line in status.Errors)
            {
                _log.WriteLine("  " + line);
            }
        }

        Status = status;
        _live.Publish(status);
        Rebuilt?.Invoke(status);
        return status;
    }

    private async Task RebuildLoopAsync(CancellationToken cancellationToken)
    {
        ChannelReader<string> changes = _changes.Reader;
        try
        {
            while (await changes.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Debounce: an editor's save, a git checkout or a copied folder is many events; wait for quiet.
                do
                {
                    while (changes.TryRead(out _))
                    {
                    }

                    await Task.Delay(_options.Debounce, cancellationToken).ConfigureAwait(false);
                }
                while (changes.TryPeek(out _));

                Rebuild();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Watch()
    {
        string input = Path.GetFullPath(_options.Build.InputDir);
        var folders = new List<string> { input };
        string? themes = _options.Build.ThemesDir ?? Path.Combine(input, "..", "themes");
        if (Directory.Exists(themes) && !IsUnder(Path.GetFullPath(themes), input))
        {
            folders.Add(Path.GetFullPath(themes));
        }

        string cache = Path.GetFullPath(_options.Build.CacheDir ?? Cache.ArticleCache.DefaultDirectoryFor(input));
        foreach (string folder in folders)
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            void OnChange(object sender, FileSystemEventArgs e)
            {
                if (!IsUnder(e.FullPath, _outputDir) && !IsUnder(e.FullPath, cache) && !Path.GetFileName(e.FullPath).StartsWith('.'))
                {
                    // The next build re-reads what the watcher saw change, even an edit that kept the file's size and time.
                    _builder.InputChanged(e.FullPath);
                    if (e is RenamedEventArgs renamed)
                    {
                        _builder.InputChanged(renamed.OldFullPath);
                    }

                    _changes.Writer.TryWrite(e.FullPath);
                }
            }

            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.Error += (_, _) =>
            {
                // The watcher lost events (its buffer overflowed): trust nothing under the folder.
                _builder.InputChanged(folder);
                _changes.Writer.TryWrite(folder);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.Headers.CacheControl = "no-store";
        string path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        switch (path)
        {
            case LiveReload.EventsPath:
                await StreamEventsAsync(context).ConfigureAwait(false);
                return;
            case LiveReload.ScriptPath:
                response.ContentType = "text/javascript; charset=utf-8";
                await response.WriteAsync(LiveReload.Script, context.RequestAborted).ConfigureAwait(false);
                return;
            case LiveReload.StatusPath:
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(_live.CurrentJson, context.RequestAborted).ConfigureAwait(false);
                return;
        }

        string? full = SafePath.Resolve(_outputDir, path);
        if (full is null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsync("Bad path.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(path + "/" + context.Request.QueryString, permanent: false);
                return;
            }

            full = Path.Combine(full, "index.html");
        }

        byte[]? content = await ReadAsync(full).ConfigureAwait(false);
        if (content is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            content = await ReadAsync(Path.Combine(_outputDir, "404.html")).ConfigureAwait(false)
                ?? "<!DOCTYPE html><title>Not found</title><p>Not found.</p>"u8.ToArray();
            full = "404.html";
        }

        if (!ContentTypes.TryGetContentType(full, out string? type))
        {
            type = "application/octet-stream";
        }

        if (type == "text/html")
        {
            content = LiveReload.Inject(content);
            type = "text/html; charset=utf-8";
        }

        response.ContentType = type;
        response.ContentLength = content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a file of the output; waits out the instant in which the writer swaps the folder.</summary>
    private async Task<byte[]?> ReadAsync(string full)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await File.ReadAllBytesAsync(full).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            {
                if (Directory.Exists(_outputDir) || attempt >= 20 || Status.Build == 0)
                {
                    return null;
                }

                await Task.Delay(25).ConfigureAwait(false);
            }
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = _live.Subscribe();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await response.WriteAsync("retry: 500\n\n", linked.Token).ConfigureAwait(false);
            await foreach (string message in subscription.Messages.ReadAllAsync(linked.Token).ConfigureAwait(false))
            {
                await response.WriteAsync($"data: {message}\n\n", linked.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed, or the server is stopping.
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        string f = folder.TrimEnd(Path.DirectorySeparatorChar);
        return path == f || path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static string HostForUrl(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    /// <summary>A host lifetime that leaves process signals alone.</summary>
    private sealed class CallerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
