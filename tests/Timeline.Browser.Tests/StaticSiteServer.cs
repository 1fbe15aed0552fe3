using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Timeline.Browser.Tests;

/// <summary>
/// A tiny static file server on 127.0.0.1 (a free port) for the built site: folders serve index.html, unknown paths
/// serve 404.html with status 404. <c>/__tools/</c> serves the npm packages and <c>/__harness/</c> test pages.
/// Only reads files under its roots.
/// </summary>
internal sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".ics"] = "text/calendar; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
    };

    private readonly HttpListener _listener = new();
    private readonly string _siteRoot;
    private readonly Dictionary<string, string> _harness;
    private readonly Task _loop;

    public StaticSiteServer(string siteRoot, IReadOnlyDictionary<string, string> harnessPages)
    {
        _siteRoot = Path.GetFullPath(siteRoot);
        _harness = new Dictionary<string, string>(harnessPages, StringComparer.Ordinal);
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Serve(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The browser went away mid-response.
            }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        string path = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/");
        HttpListenerResponse response = context.Response;
        if (_harness.TryGetValue(path, out string? page))
        {
            Write(response, 200, ".html", Encoding.UTF8.GetBytes(page));
            return;
        }

        string? file = path.StartsWith("/__tools/", StringComparison.Ordinal)
            ? Resolve(BrowserPrerequisites.ToolsModules, path["/__tools/".Length..])
            : Resolve(_siteRoot, path.TrimStart('/'));
        if (file is not null && Directory.Exists(file))
        {
            file = Path.Combine(file, "index.html");
        }

        if (file is not null && File.Exists(file))
        {
            Write(response, 200, Path.GetExtension(file), File.ReadAllBytes(file));
            return;
        }

        string notFound = Path.Combine(_siteRoot, "404.html");
        Write(response, 404, ".html", File.Exists(notFound) ? File.ReadAllBytes(notFound) : Encoding.UTF8.GetBytes("not found"));
    }

    private static string? Resolve(string root, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(root, relative));
        string prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) || full == prefix.TrimEnd(Path.DirectorySeparatorChar) ? full : null;
    }

    private static void Write(HttpListenerResponse response, int status, string extension, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = Types.GetValueOrDefault(extension, "application/octet-stream");
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.OutputStream.Close();
    }
}
