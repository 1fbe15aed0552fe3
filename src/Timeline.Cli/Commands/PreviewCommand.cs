using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Timeline.Site.Pipeline;
using Timeline.Site.Preview;

namespace Timeline.Cli.Commands;

/// <summary><c>timeline preview [--port 5080] [--host 127.0.0.1] [--input DIR] [--output DIR] [--no-cache]</c>.</summary>
public static class PreviewCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "The input folder (site.yml, articles/).", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output") { Description = "The folder the site is written to and served from.", DefaultValueFactory = _ => "output" };
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free port).", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to listen on; loopback unless told otherwise.", DefaultValueFactory = _ => "127.0.0.1" };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not read or write the article cache on disk." };
        var command = new Command("preview", "Build, serve the site locally, and rebuild and reload pages when the input or theme changes.")
        {
            input, output, port, host, noCache,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var build = new BuildOptions(parse.GetValue(input)!, parse.GetValue(output)!) { NoCache = parse.GetValue(noCache) };
            return RunAsync(new PreviewOptions(build) { Port = parse.GetValue(port), Host = parse.GetValue(host)! }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(PreviewOptions options, CancellationToken cancellationToken)
    {
        if (!IsLoopback(options.Host))
        {
            Console.Error.WriteLine($"warning: listening on {options.Host}: the preview is reachable from other machines.");
        }

        // Ctrl+C and SIGTERM stop the server cleanly (open event streams closed, port released) instead of killing the process.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await using var server = new PreviewServer(options, Console.Out);
            await server.RunAsync(stop.Token).ConfigureAwait(false);
            Console.WriteLine("Stopped.");
            return 0;
        }
        catch (IOException e)
        {
            // Typically: the port is taken.
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}
