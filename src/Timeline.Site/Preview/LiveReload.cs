using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Timeline.Site.Preview;

/// <summary>
/// Live reload for preview only: the script injected into served pages, and the Server-Sent Events hub that tells
/// every open page about each build (reload on success, an overlay listing the errors otherwise).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class LiveReload
{
    /// <summary>The URL prefix of the preview's own endpoints; never part of a site.</summary>
    public const string Prefix = "/__timeline/";

    public const string EventsPath = Prefix + "events";

    public const string ScriptPath = Prefix + "live.js";

    public const string StatusPath = Prefix + "status";

    /// <summary>The tag injected before <c>&lt;/body&gt;</c>: an external script, so a theme's CSP with script-src 'self' still allows it.</summary>
    public const string ScriptTag = "<script src=\"" + ScriptPath + "\"></script>";

    /// <summary>
    /// Connects to the events endpoint; the first message is the current status. A later message with another build
    /// number reloads the page when the build wrote a site, else shows the overlay. The overlay is built with DOM calls and
    /// textContent only (error text is data).
    /// </summary>
    public const string Script = """
        (() => {
          "use strict";
          const id = "__timeline-overlay";
          let seen = null;
          function show(status) {
            const old = document.getElementById(id);
            if (old) old.remove();
            if (!status.errors.length) return;
            const box = document.createElement("div");
            box.id = id;
            box.setAttribute("role", "alert");
            Object.assign(box.style, {
              position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto", padding: "2rem",
              background: "rgba(20,20,24,.94)", color: "#f8f8f2", font: "14px/1.5 ui-monospace, monospace"
            });
            const title = document.createElement("h2");
            title.textContent = status.failed ? "Build failed: showing the last good site" : "Build finished with errors";
            title.style.color = "#ff6b6b";
            const list = document.createElement("pre");
            list.style.whiteSpace = "pre-wrap";
            list.textContent = status.errors.join("\n");
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.addEventListener("click", () => box.remove());
            box.append(title, list, close);
            document.body.append(box);
          }
          const source = new EventSource("/__timeline/events");
          source.onmessage = (e) => {
            const status = JSON.parse(e.data);
            if (seen !== null && status.build !== seen && !status.failed) {
              location.reload();
              return;
            }
            seen = status.build;
            show(status);
          };
        })();

        """;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Channel<string>, byte> _clients = new();
    private volatile string _current = Serialize(new BuildStatus(0, false, [], "not built yet"));

    /// <summary>The latest status as JSON.</summary>
    public string CurrentJson => _current;

    public int Clients => _clients.Count;

    /// <summary>Sends <paramref name="status"/> to every open page.</summary>
    public void Publish(BuildStatus status)
    {
        _current = Serialize(status);
        foreach (Channel<string> client in _clients.Keys)
        {
            client.Writer.TryWrite(_current);
        }
    }

    /// <summary>A stream of status messages for one page, starting with the current one; dispose to leave.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest });
        channel.Writer.TryWrite(_current);
        _clients[channel] = 0;
        return new Subscription(this, channel);
    }

    /// <summary>Inserts <see cref="ScriptTag"/> before the last <c>&lt;/body&gt;</c> of an HTML page, or at its end.</summary>
    public static byte[] Inject(byte[] html)
    {
        string text = Encoding.UTF8.GetString(html);
        int at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        string result = at < 0 ? text + ScriptTag : text.Insert(at, ScriptTag);
        return Encoding.UTF8.GetBytes(result);
    }

    private static string Serialize(BuildStatus status) => JsonSerializer.Serialize(status, JsonOptions);

    /// <summary>One page's stream of status messages.</summary>
    public sealed class Subscription(LiveReload hub, Channel<string> channel) : IDisposable
    {
        public ChannelReader<string> Messages => channel.Reader;

        public void Dispose()
        {
            hub._clients.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }
    }
}
