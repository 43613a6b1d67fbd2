using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// Collects the duties of "Tổ chức thực hiện": each top-level point ("1.", or "a)" / "-" when the section is not
/// numbered) starts a duty, deeper points are added to it, and a plain paragraph after the duties is the closing
/// remark ("Ủy ban nhân dân thành phố yêu cầu …"), not a duty.
/// </summary>
internal sealed partial class DutyList
{
    private readonly List<(int Ordinal, List<string> Lines, DocumentLocation Location)> _duties = [];
    private string? _topLevel;
    private bool _closed;

    public void Add(DocLine line)
    {
        if (_closed) return;
        var m = Point().Match(line.Text);
        var kind = !m.Success ? null : m.Groups["number"].Success ? "number" : m.Groups["letter"].Success ? "letter" : "dash";
        if (kind is null)
        {
            if (_duties.Count > 0) _closed = true;
            return;
        }
        _topLevel ??= kind;
        if (kind == _topLevel)
        {
            var ordinal = m.Groups["number"].Success ? int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture) : _duties.Count + 1;
            _duties.Add((ordinal, [m.Groups["text"].Value.Trim()], line.Location));
        }
        else if (_duties.Count > 0)
        {
            _duties[^1].Lines.Add(line.Text);
        }
    }

    public List<PlanDutyEntry> Entries =>
        _duties.Select(d =>
        {
            var text = string.Join("\n", d.Lines);
            return new PlanDutyEntry(d.Ordinal, text, DutyAgencyFinder.Find(text), d.Location);
        }).ToList();

    [GeneratedRegex(@"^(?:(?<number>\d{1,2})\s*[.)]|(?<letter>[a-zđ])\s*\)|[-–+•])\s*(?<text>\S.*)$")]
    private static partial Regex Point();
}
