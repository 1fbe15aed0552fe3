using Tomlyn;
using Tomlyn.Model;
using Timeline.TestSupport;

namespace Timeline.Cli.Tests.Netlify;

/// <summary>netlify.toml builds the same site as README's build command, and serves it with the promised headers.</summary>
public sealed class NetlifyConfigTest
{
    private static readonly string Root = RepoRoot.Path;

    private static readonly TomlTable Config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Root, "netlify.toml")))!;

    [Fact]
    public void The_build_command_builds_the_same_project_input_and_output_as_the_readme()
    {
        var build = (TomlTable)Config["build"];
        string readmeCommand = File.ReadLines(Path.Combine(Root, "README.md"))
            .First(line => line.StartsWith("dotnet run --project", StringComparison.Ordinal) && line.Contains("-- build", StringComparison.Ordinal));

        BuildInvocation netlify = BuildInvocation.Find((string)build["command"]);
        BuildInvocation readme = BuildInvocation.Find(readmeCommand.Split('#')[0]);

        Assert.Equal(readme with { Strict = false }, netlify with { Strict = false });
        Assert.Equal(readme.Output, (string)build["publish"]);
        Assert.True(File.Exists(Path.Combine(Root, netlify.Project, "Timeline.Cli.csproj")));
    }

    [Fact]
    public void The_sdk_is_installed_from_global_json_when_missing()
    {
        string command = (string)((TomlTable)Config["build"])["command"];

        Assert.Contains("dotnet-install.sh", command, StringComparison.Ordinal);
        Assert.Contains("--jsonfile global.json", command, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "global.json")));
    }

    [Fact]
    public void Fingerprinted_assets_are_cached_long()
    {
        TomlTable assets = Headers("/assets/*");

        Assert.Contains("immutable", (string)assets["Cache-Control"], StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", (string)assets["Cache-Control"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_gets_the_security_headers_and_the_policy_allows_no_inline_code()
    {
        TomlTable all = Headers("/*");
        string csp = (string)all["Content-Security-Policy"];

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", (string)all["X-Content-Type-Options"]);
        Assert.False(string.IsNullOrWhiteSpace((string)all["Referrer-Policy"]));
    }

    [Fact]
    public void Unknown_urls_get_the_404_page()
    {
        var redirects = (TomlTableArray)Config["redirects"];

        Assert.Contains(redirects, r => (string)r["to"] == "/404.html" && (long)r["status"] == 404 && (string)r["from"] == "/*");
    }

    private static TomlTable Headers(string pattern) =>
        (TomlTable)((TomlTableArray)Config["headers"]).Single(h => (string)h["for"] == pattern)["values"];

    /// <summary>A <c>dotnet run --project P … -- build [--input I] [--output O] [--strict]</c> found in a shell command.</summary>
    private sealed record BuildInvocation(string Project, string Input, string Output, bool Strict)
    {
        public static BuildInvocation Find(string shell)
        {
            string[] words = shell.Split([' ', '\t', '\n', ';', '&', '|', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('"', '\''))
                .ToArray();
            int run = Array.FindIndex(words, (w) => w == "run");
            Assert.True(run > 0 && words[run - 1] == "dotnet", $"no 'dotnet run' in: {shell}");
            int separator = Array.IndexOf(words, "--", run);
            Assert.True(separator > run && words[separator + 1] == "build", $"no '-- build' in: {shell}");
            string[] runArgs = words[(run + 1)..separator];
            string[] buildArgs = words[(separator + 2)..];
            string? Value(string[] args, string name)
            {
                int at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
            }

            return new BuildInvocation(
                Normalize(Value(runArgs, "--project") ?? "."),
                Normalize(Value(buildArgs, "--input") ?? "input"),
                Normalize(Value(buildArgs, "--output") ?? "output"),
                buildArgs.Contains("--strict"));
        }

        private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');
    }
}
