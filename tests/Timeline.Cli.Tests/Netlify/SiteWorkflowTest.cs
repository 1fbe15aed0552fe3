using YamlDotNet.RepresentationModel;
using Timeline.TestSupport;

namespace Timeline.Cli.Tests.Netlify;

/// <summary>.github/workflows/site.yml regenerates the site when it should, with the cache, the checks and the strict build.</summary>
public sealed class SiteWorkflowTest
{
    private static readonly YamlMappingNode Workflow = Load();

    [Fact]
    public void Runs_on_input_or_theme_pushes_on_demand_and_on_a_schedule()
    {
        var on = (YamlMappingNode)Workflow["on"];
        var paths = ((YamlSequenceNode)((YamlMappingNode)on["push"])["paths"]).Select(p => ((YamlScalarNode)p).Value).ToList();

        Assert.Equal(["input/**", "themes/**"], paths);
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        Assert.NotEmpty((YamlSequenceNode)on["schedule"]);
    }

    [Fact]
    public void Restores_the_article_cache_then_checks_then_builds_strictly_then_uploads()
    {
        List<YamlMappingNode> steps = Steps();
        int cache = steps.FindIndex(s => Uses(s).StartsWith("actions/cache@", StringComparison.Ordinal));
        int check = steps.FindIndex(s => Run(s).Contains("-- check", StringComparison.Ordinal));
        int build = steps.FindIndex(s => Run(s).Contains("-- build", StringComparison.Ordinal));
        int upload = steps.FindIndex(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));

        Assert.True(cache >= 0 && cache < check && check < build && build < upload, $"cache {cache}, check {check}, build {build}, upload {upload}");
        Assert.Equal(".timeline-cache", ((YamlScalarNode)((YamlMappingNode)steps[cache]["with"])["path"]).Value);
        Assert.Contains("--strict", Run(steps[build]), StringComparison.Ordinal);
        Assert.Equal("global.json", ((YamlScalarNode)((YamlMappingNode)steps.Single(s => Uses(s).StartsWith("actions/setup-dotnet@", StringComparison.Ordinal))["with"])["global-json-file"]).Value);
    }

    [Fact]
    public void Deploys_with_the_netlify_cli_only_when_both_secrets_are_set()
    {
        YamlMappingNode deploy = Steps().Single(s => Run(s).Contains("netlify", StringComparison.Ordinal) && Run(s).Contains("deploy", StringComparison.Ordinal));
        YamlMappingNode probe = Steps().Single(s => s.Children.TryGetValue(new YamlScalarNode("id"), out YamlNode? id) && ((YamlScalarNode)id).Value == "netlify");

        Assert.Contains("steps.netlify.outputs.enabled == 'true'", ((YamlScalarNode)deploy["if"]).Value, StringComparison.Ordinal);
        Assert.Contains("NETLIFY_AUTH_TOKEN", Run(probe), StringComparison.Ordinal);
        Assert.Contains("NETLIFY_SITE_ID", Run(probe), StringComparison.Ordinal);
        Assert.Contains("--dir output", Run(deploy), StringComparison.Ordinal);
    }

    private static List<YamlMappingNode> Steps() =>
        [.. ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)Workflow["jobs"])["build"])["steps"]).Cast<YamlMappingNode>()];

    private static string Uses(YamlMappingNode step) => Scalar(step, "uses");

    private static string Run(YamlMappingNode step) => Scalar(step, "run");

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? ((YamlScalarNode)value).Value ?? "" : "";

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoRoot.Path, ".github", "workflows", "site.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
