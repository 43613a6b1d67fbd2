using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;

namespace PlanApi.Documents.Sources;

/// <summary>
/// Cleans one line or cell of the text and Markdown forms: inline HTML tags (&lt;b&gt;, &lt;sup&gt;20&lt;/sup&gt;),
/// Markdown emphasis and headings, escapes and entities. Tags are removed without a space, as a reader sees them
/// ("HK&lt;sub&gt;lv&lt;/sub&gt;" is "HKlv"); whitespace is then collapsed.
/// </summary>
internal static partial class InlineMarkup
{
    public static string Clean(string raw)
    {
        var text = raw.Normalize(NormalizationForm.FormC);
        text = LineBreakTag().Replace(text, " ");
        text = Tag().Replace(text, "");
        text = Heading().Replace(text, "");
        text = Strong().Replace(text, "$2");
        text = Emphasis().Replace(text, "$1");
        text = Escape().Replace(text, "$1");
        text = WebUtility.HtmlDecode(text);
        return VietnameseText.Collapse(text);
    }

    /// <summary>Whether the whole line or cell is bold: wrapped in &lt;b&gt;, &lt;strong&gt;, ** or __.</summary>
    public static bool IsBold(string raw)
    {
        var text = Heading().Replace(raw.Trim(), "");
        return WholeBold().IsMatch(text);
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\s*(?:(?:<b>|<strong>)(?s:.*)(?:</b>|</strong>)|\*\*(?s:.*)\*\*|__(?s:.*)__)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeBold();
}
