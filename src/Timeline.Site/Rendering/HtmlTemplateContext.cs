using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Timeline.Site.Rendering;

/// <summary>Trusted HTML (theme-built markup only); everything else written by a template is HTML-encoded.</summary>
public sealed record RawHtml(string Html)
{
    public static RawHtml Empty { get; } = new("");

    public override string ToString() => Html;
}

/// <summary>
/// A Scriban context in which article text is data: every expression value is HTML-encoded unless it is
/// <see cref="RawHtml"/> (built by C# code that encodes each piece); strict variables; <c>object.eval</c> and
/// <c>object.eval_template</c> removed; Scriban's default loop and recursion limits kept.
/// Partials come only from the allow-list loader of <see cref="ThemeTemplates"/>.
/// </summary>
/// <remarks>One context per page render; not thread-safe.</remarks>
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

        // A partial's output was already encoded while it rendered; keep its markup.
        if (BuiltinObject["include"] is IScriptCustomFunction include)
        {
            BuiltinObject.SetValue("include", new RawInclude(include), readOnly: true);
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

/// <summary>Scriban's <c>include</c>, returning the rendered partial as <see cref="RawHtml"/> so it is not encoded twice.</summary>
internal sealed class RawInclude(IScriptCustomFunction inner) : IScriptCustomFunction
{
    public int RequiredParameterCount => inner.RequiredParameterCount;

    public int ParameterCount => inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => inner.VarParamKind;

    public Type ReturnType => typeof(RawHtml);

    public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(inner.Invoke(context, callerContext, arguments, blockStatement));

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static RawHtml Wrap(object? rendered) => rendered switch
    {
        RawHtml raw => raw,
        string s => new RawHtml(s),
        null => RawHtml.Empty,
        _ => throw new InvalidOperationException("include returned " + rendered.GetType()),
    };
}
