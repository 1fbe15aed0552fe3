using System.Text;
using Scriban;
using Scriban.Runtime;
using Timeline.Core.Events;
using Timeline.Site.Exports;

namespace Timeline.Site.Rendering;

/// <summary>
/// Renders a <see cref="SiteModel"/> with a theme's Scriban layouts into site files.
/// FIRST CUT: index and event pages plus events.json.
/// </summary>
public sealed class SiteRenderer
{
    private readonly Template _index;
    private readonly Template _event;

    public SiteRenderer(string themeDir)
    {
        _index = Parse(Path.Combine(themeDir, "layouts", "index.sbnhtml"));
        _event = Parse(Path.Combine(themeDir, "layouts", "event.sbnhtml"));
    }

    public IReadOnlyList<SiteFile> Render(SiteModel model)
    {
        var files = new List<SiteFile>
        {
            Page("index.html", _index, model, null),
        };
        foreach (TimelineEvent e in model.Chronology.Events)
        {
            files.Add(Page($"events/{e.Slug}/index.html", _event, model, e));
        }

        files.Add(EventsJson.Write(model));
        return files;
    }

    private static SiteFile Page(string path, Template template, SiteModel model, TimelineEvent? e)
    {
        var globals = new ScriptObject
        {
            ["site"] = new ScriptObject { ["title"] = model.Config.Title, ["topic"] = model.Config.Topic, ["description"] = model.Config.Description },
            ["events"] = model.Chronology.Events.Select(EventObject).ToList(),
            ["event"] = e is null ? null : EventObject(e),
        };
        var context = new HtmlTemplateContext();
        context.PushGlobal(globals);
        string html = template.Render(context);
        return new SiteFile(path, Encoding.UTF8.GetBytes(html));
    }

    private static ScriptObject EventObject(TimelineEvent e) => new()
    {
        ["id"] = e.Id,
        ["date"] = e.Date,
        ["headline"] = e.Headline,
        ["key"] = e.Key,
        ["url"] = $"events/{e.Slug}/",
        ["sources"] = e.Sources.Select(m => new ScriptObject
        {
            ["outlet"] = m.Source.Outlet,
            ["quote"] = m.Quote,
            ["expression"] = m.Time.Text,
            ["value"] = m.Time.Value,
        }).ToList(),
    };

    private static Template Parse(string path)
    {
        Template t = Template.Parse(File.ReadAllText(path), path);
        if (t.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, t.Messages));
        }

        return t;
    }
}
