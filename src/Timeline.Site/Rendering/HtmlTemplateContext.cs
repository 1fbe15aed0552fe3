using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Timeline.Site.Rendering;

/// <summary>Trusted HTML (theme-built markup only); everything else written by a template is HTML-encoded.</summary>
public sealed record RawHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>
/// A Scriban context in which article text is data: every expression value is HTML-encoded unless it is
/// <see cref="RawHtml"/>; strict variables; <c>object.eval</c>/<c>eval_template</c> removed.
/// </summary>
public sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext()
    {
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        if (BuiltinObject["object"] is ScriptObject obj)
        {
            obj.Remove("eval");
            obj.Remove("eval_template");
        }
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        base.Write(span, Encode(textAsObject));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        base.WriteAsync(span, Encode(textAsObject));

    private object Encode(object? value) => value switch
    {
        null => "",
        RawHtml raw => raw.Html,
        string s => WebUtility.HtmlEncode(s),
        _ => WebUtility.HtmlEncode(ObjectToString(value) ?? ""),
    };
}
