using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Timeline.Site.Preview;

namespace Timeline.Site.Tests.Preview;

/// <summary>The preview server on a free port, over a temporary copy of the sample input: serving, rebuilding, reloading, refusing.</summary>
public sealed partial class PreviewServerTest : IAsyncLifetime
{
    /// <summary>How long a test waits for a rebuild before failing: a guard against hanging, not a speed requirement.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempSite _site = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private PreviewServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new PreviewServer(new PreviewOptions(_site.Options) { Port = 0, Debounce = TimeSpan.FromMilliseconds(50) });
        await _server.StartAsync();
        _http.BaseAddress = _server.Address;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _site.Dispose();
    }

    [Fact]
    public async Task Serves_the_built_site_with_the_reload_script_in_pages_only()
    {
        HttpResponseMessage page = await _http.GetAsync("/");
        HttpResponseMessage json = await _http.GetAsync("/events.json");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Syria and Russia after Assad", html, StringComparison.Ordinal);
        Assert.Contains(LiveReload.ScriptTag + "</body>", html, StringComparison.Ordinal);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_site.Output, "events.json")), await json.Content.ReadAsByteArrayAsync());
        Assert.Contains("EventSource", await _http.GetStringAsync(LiveReload.ScriptPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Listens_on_loopback_by_default()
    {
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_server.Address.Host)), _server.Address.ToString());
    }

    [Fact]
    public async Task An_edited_article_shows_after_the_rebuild()
    {
        Assert.DoesNotContain("2026-04-09", await _http.GetStringAsync("/events.json"), StringComparison.Ordinal);

        _site.AppendToArticle(_site.Articles[3], "Syria and Russia signed a trade agreement in Damascus on April 9, 2026.");

        string json = await WaitForAsync("/events.json", body => body.Contains("2026-04-09", StringComparison.Ordinal));
        Assert.Contains("trade agreement in Damascus", json, StringComparison.Ordinal);

        // The status is published just after the files are swapped in.
        string status = await WaitForAsync(LiveReload.StatusPath, body => !body.Contains("\"build\":1,", StringComparison.Ordinal));
        Assert.Contains("\"failed\":false", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_pages_hear_of_each_build()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, LiveReload.EventsPath);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        JsonElement first = await NextMessageAsync(reader);

        _site.AddArticle("005_new.txt", "A summit was held on April 9, 2026.");
        JsonElement next = await NextMessageAsync(reader);

        Assert.Equal(1, first.GetProperty("build").GetInt32());
        Assert.True(next.GetProperty("build").GetInt32() > 1);
        Assert.False(next.GetProperty("failed").GetBoolean());
    }

    [Fact]
    public async Task A_template_error_is_reported_with_its_position_and_the_last_good_site_stays_up()
    {
        string layout = _site.Layout("index.sbnhtml");
        string good = await File.ReadAllTextAsync(layout);
        await File.WriteAllTextAsync(layout, "{{ for }}\n" + good);

        string status = await WaitForAsync(LiveReload.StatusPath, body => body.Contains("\"failed\":true", StringComparison.Ordinal));
        HttpResponseMessage page = await _http.GetAsync("/");

        string error = JsonDocument.Parse(status).RootElement.GetProperty("errors")[0].GetString()!;
        Assert.Matches(FileLineCol(), error);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Syria and Russia after Assad", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(layout, good + "<!-- fixed -->\n");
        await WaitForAsync(LiveReload.StatusPath, body => body.Contains("\"failed\":false", StringComparison.Ordinal));
        Assert.Contains("<!-- fixed -->", await _http.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_slash_redirects_and_a_missing_page_is_404()
    {
        string eventDir = Path.GetFileName(Directory.GetDirectories(Path.Combine(_site.Output, "events"))[0]);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Address };

        HttpResponseMessage folder = await noRedirect.GetAsync($"/events/{eventDir}");
        HttpResponseMessage page = await _http.GetAsync($"/events/{eventDir}/");
        HttpResponseMessage missing = await _http.GetAsync("/no-such-page/");

        Assert.Equal(HttpStatusCode.Redirect, folder.StatusCode);
        Assert.Equal($"/events/{eventDir}/", folder.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public static TheoryData<string> Escapes => new()
    {
        // Plain dot segments (a browser or HttpClient would remove them; a raw client does not).
        "/../secret.txt",
        "/events/../../secret.txt",
        // Percent-encoded dots, slashes and backslashes, alone and mixed.
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%252e%252e/secret.txt",
        // A backslash separator.
        "/..\\secret.txt",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Paths_that_leave_the_output_folder_are_refused(string target)
    {
        await File.WriteAllTextAsync(Path.Combine(_site.Root, "secret.txt"), "TOP-SECRET");

        (int status, string body) = await RawGetAsync(target);

        Assert.NotEqual(200, status);
        Assert.DoesNotContain("TOP-SECRET", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_request_for_a_page_works_so_the_refusals_above_are_real()
    {
        (int status, string body) = await RawGetAsync("/events.json");

        Assert.Equal(200, status);
        Assert.Contains("\"events\"", body, StringComparison.Ordinal);
    }

    /// <summary>Sends <paramref name="target"/> exactly as given (no client-side normalisation) and returns status and body.</summary>
    private async Task<(int Status, string Body)> RawGetAsync(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.Address.Host, _server.Address.Port);
        await using NetworkStream stream = client.GetStream();
        byte[] request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {_server.Address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        int status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    private async Task<string> WaitForAsync(string path, Func<string, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        string body = "";
        while (DateTime.UtcNow < deadline)
        {
            body = await _http.GetStringAsync(path);
            if (condition(body))
            {
                return body;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{path} never met the condition; last body: {body}");
        return body;
    }

    private static async Task<JsonElement> NextMessageAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line[6..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    [GeneratedRegex(@"index\.sbnhtml\(\d+,\d+\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FileLineCol();
}
