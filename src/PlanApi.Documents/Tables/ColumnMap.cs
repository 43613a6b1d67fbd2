using System.Globalization;
using System.Text.RegularExpressions;
using PlanApi.Documents.Parsing;
using PlanApi.Documents.Sources;

namespace PlanApi.Documents.Tables;

internal enum ColumnRole
{
    None,
    Ordinal,
    Content,
    /// <summary>One column for lead and coordinators ("Đơn vị thực hiện": "X chủ trì, phối hợp với Y").</summary>
    Units,
    Lead,
    Coordinators,
    Due,
}

/// <summary>
/// What each column of a task table holds, recognised from its header words (not its position), so that
/// "TT | Nội dung | Đơn vị thực hiện" and "STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp |
/// Thời gian hoàn thành" are both understood, with one or two header rows.
/// </summary>
internal sealed partial class ColumnMap
{
    private readonly ColumnRole[] _roles;
    private readonly string[] _headers;

    private ColumnMap(ColumnRole[] roles, string[] headers) => (_roles, _headers) = (roles, headers);

    public int Width => _roles.Length;

    public int this[ColumnRole role] => Array.IndexOf(_roles, role);

    public bool Has(ColumnRole role) => this[role] >= 0;

    public string HeaderOf(ColumnRole role) => Has(role) ? _headers[this[role]] : "";

    public bool SameLayout(ColumnMap other) => _roles.SequenceEqual(other._roles);

    /// <summary>Reads the header at the top of a table; HeaderRows says how many rows it took (header, sub-header, column numbers).</summary>
    public static ColumnMap? TryRead(IReadOnlyList<SourceRow> rows, out int headerRows)
    {
        headerRows = 0;
        for (var start = 0; start < Math.Min(rows.Count, 3); start++)
        {
            var roles = rows[start].Cells.Select(c => RoleOf(c.Text)).ToArray();
            if (!IsTaskHeader(roles)) continue;
            var headers = rows[start].Cells.Select(c => c.Text).ToArray();
            var next = start + 1;
            if (next < rows.Count && IsSubHeader(rows[next]))
            {
                Refine(roles, headers, rows[next]);
                next++;
            }
            if (next < rows.Count && IsColumnNumbers(rows[next])) next++;
            if (!roles.Contains(ColumnRole.Units) && !roles.Contains(ColumnRole.Lead)) continue;
            headerRows = next;
            return new ColumnMap(roles, headers);
        }
        return null;
    }

    /// <summary>A header row repeated after a page break.</summary>
    public bool IsRepeatedHeader(SourceRow row) =>
        RoleOf(row.TextAt(this[ColumnRole.Ordinal])) == ColumnRole.Ordinal
        && RoleOf(row.TextAt(this[ColumnRole.Content])) == ColumnRole.Content;

    public static bool IsSubHeader(SourceRow row)
    {
        var own = row.OwnCells.ToList();
        // Header words are short; a long cell that happens to say "thời gian" is a note or a task.
        return own.Count > 0 && own.All(c => c.Text.Length <= 40
            && RoleOf(c.Text) is ColumnRole.Lead or ColumnRole.Coordinators or ColumnRole.Due or ColumnRole.Units);
    }

    /// <summary>"(1) (2) (3)" or "1 2 3" under the header.</summary>
    public static bool IsColumnNumbers(SourceRow row)
    {
        var numbers = row.OwnCells.Select(c => ColumnNumber().Match(c.Text)).ToList();
        if (numbers.Count < 2 || numbers.Any(m => !m.Success)) return false;
        var values = numbers.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Zip(values.Skip(1)).All(p => p.Second > p.First);
    }

    private static bool IsTaskHeader(ColumnRole[] roles) =>
        roles.Contains(ColumnRole.Ordinal) && roles.Contains(ColumnRole.Content);

    private static void Refine(ColumnRole[] roles, string[] headers, SourceRow subHeader)
    {
        for (var i = 0; i < Math.Min(roles.Length, subHeader.Cells.Count); i++)
        {
            var text = subHeader.Cells[i].Text;
            var role = RoleOf(text);
            if (role == ColumnRole.None || roles.Contains(role) && roles[i] != role) continue;
            roles[i] = role;
            headers[i] = text;
        }
    }

    public static ColumnRole RoleOf(string header)
    {
        var folded = VietnameseText.Collapse(NonWord().Replace(VietnameseText.Fold(header), " "));
        if (folded.Length == 0) return ColumnRole.None;
        if (OrdinalHeader().IsMatch(folded)) return ColumnRole.Ordinal;
        if (Contains(folded, "thoi gian", "thoi han", "tien do", "thoi diem", "han hoan thanh")) return ColumnRole.Due;
        if (Contains(folded, "chu tri")) return ColumnRole.Lead;
        if (Contains(folded, "phoi hop")) return ColumnRole.Coordinators;
        if (Contains(folded, "don vi", "co quan", "trach nhiem", "phan cong", "to chuc thuc hien")) return ColumnRole.Units;
        if (Contains(folded, "noi dung", "nhiem vu", "cong viec", "hoat dong")) return ColumnRole.Content;
        return ColumnRole.None;
    }

    private static bool Contains(string folded, params string[] words) =>
        words.Any(w => $" {folded} ".Contains($" {w} ", StringComparison.Ordinal));

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^(s ?tt|tt|so tt|so thu tu|thu tu)( \d{1,2})?$")]
    private static partial Regex OrdinalHeader();

    [GeneratedRegex(@"^\(?(\d{1,2})\)?$")]
    private static partial Regex ColumnNumber();
}
