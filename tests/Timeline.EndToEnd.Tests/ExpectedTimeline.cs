using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Timeline.EndToEnd.Tests;

/// <summary>Sample/expected-timeline.yml: the editors' expectations for the sample input.</summary>
public sealed class ExpectedTimeline
{
    public List<ExpectedEvent> Must { get; set; } = [];

    public List<ExpectedEvent> Should { get; set; } = [];

    public Forbidden MustNot { get; set; } = new();

    public static ExpectedTimeline Load { get; } = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build()
        .Deserialize<ExpectedTimeline>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sample", "expected-timeline.yml")));

    public sealed class ExpectedEvent
    {
        public string Date { get; set; } = "";

        public string? Modifier { get; set; }

        public string What { get; set; } = "";

        public List<string> Sources { get; set; } = [];

        public override string ToString() => $"{Date} {What}";
    }

    public sealed class Forbidden
    {
        public List<string> Dates { get; set; } = [];

        public List<string> EventText { get; set; } = [];

        public List<string> SiteText { get; set; } = [];
    }
}
