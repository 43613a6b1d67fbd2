using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>The body between the heading and the closing: legal bases, preamble, purposes, requirements, duties.</summary>
internal sealed record PlanBody(
    List<LegalBasisEntry> LegalBases,
    string? Preamble,
    List<LabeledPoint> Purposes,
    List<LabeledPoint> Requirements,
    List<PlanDutyEntry> Duties,
    int ClosingStart);

/// <summary>
/// Walks the body by its Roman-numbered sections ("I. MỤC ĐÍCH, YÊU CẦU", "III. TỔ CHỨC THỰC HIỆN"), recognised
/// by their words rather than their numbers, until "Nơi nhận" or the signature.
/// </summary>
internal static partial class BodySections
{
    private enum Section { BeforeFirst, LegalBases, Purposes, Requirements, Duties, Other }

    public static bool IsBodyStart(string text) => IsOpener(text) || SectionHeading().IsMatch(text);

    public static bool IsSectionHeading(string text) => SectionHeading().IsMatch(text);

    public static bool IsClosingStart(string text) =>
        RecipientsHeading().IsMatch(VietnameseText.Fold(text)) || ClosingParser.IsSignatureStart(text);

    public static PlanBody Parse(IReadOnlyList<DocLine> lines, int start)
    {
        var legalBases = new List<LegalBasisEntry>();
        var preamble = new List<string>();
        var purposes = new List<LabeledPoint>();
        var requirements = new List<LabeledPoint>();
        var duties = new DutyList();
        var section = Section.BeforeFirst;
        var i = start;
        for (; i < lines.Count && !IsClosingStart(lines[i].Text); i++)
        {
            var line = lines[i];
            if (SectionHeading().Match(line.Text) is { Success: true } heading)
            {
                section = KindOf(heading.Groups["title"].Value);
                continue;
            }
            switch (section)
            {
                case Section.BeforeFirst when IsOpener(line.Text):
                case Section.LegalBases:
                    var (citations, clause) = LegalBasisParser.SplitPreamble(line.Text);
                    legalBases.AddRange(LegalBasisParser.Parse(line with { Text = citations }));
                    if (clause is not null) preamble.Add(clause);
                    break;
                case Section.BeforeFirst:
                    // A sentence of the preamble that cites a document in passing keeps its words and adds the basis.
                    var at = LegalBasisParser.CitationInSentenceAt(line.Text);
                    if (at >= 0)
                        legalBases.AddRange(LegalBasisParser.Parse(line with { Text = LegalBasisParser.SplitPreamble(line.Text[at..]).Citations }));
                    preamble.Add(line.Text);
                    break;
                case Section.Purposes or Section.Requirements:
                    section = ReadPoint(line.Text, section, purposes, requirements);
                    break;
                case Section.Duties:
                    duties.Add(line);
                    break;
            }
        }
        return new PlanBody(legalBases, preamble.Count == 0 ? null : string.Join("\n", preamble),
            purposes, requirements, duties.Entries, i);
    }

    /// <summary>Adds a point to the current list; "1. Mục đích:" / "2. Yêu cầu:" switch lists.</summary>
    private static Section ReadPoint(string text, Section section, List<LabeledPoint> purposes, List<LabeledPoint> requirements)
    {
        var sub = SubHeading().Match(VietnameseText.Fold(text));
        if (sub.Success && (sub.Groups["label"].Success || sub.Groups["colon"].Success || sub.Groups["rest"].Length == 0))
        {
            section = sub.Groups["kind"].Value == "muc dich" ? Section.Purposes : Section.Requirements;
            var inline = text[sub.Groups["rest"].Index..].Trim();
            if (inline.Length > 0) (section == Section.Purposes ? purposes : requirements).Add(new LabeledPoint(null, inline));
            return section;
        }
        var point = Point().Match(text);
        (section == Section.Purposes ? purposes : requirements).Add(point.Success
            ? new LabeledPoint(point.Groups["label"].Success ? point.Groups["label"].Value : null, point.Groups["text"].Value.Trim())
            : new LabeledPoint(null, text));
        return section;
    }

    private static Section KindOf(string title)
    {
        var folded = VietnameseText.Fold(title);
        if (folded.Contains("to chuc thuc hien") || folded.Contains("trach nhiem thuc hien")) return Section.Duties;
        if (folded.StartsWith("can cu", StringComparison.Ordinal)) return Section.LegalBases;
        if (folded.Contains("muc dich")) return Section.Purposes;
        if (folded.Contains("yeu cau")) return Section.Requirements;
        return Section.Other;
    }

    private static bool IsOpener(string text) => Opener().IsMatch(VietnameseText.Fold(text));

    // "Theo" and "Trên cơ sở" open a basis only when a numbered document follows ("Theo đó, …" is prose).
    [GeneratedRegex(@"^(?:(?:\d{1,2}\s*[.)]|[-–+•])\s*)?(?:can cu|thuc hien|trien khai thuc hien|(?:theo|tren co so)\s+(?:cac\s+)?(?:nghi quyet|nghi dinh|quyet dinh|chi thi|thong tu|ke hoach|cong van|van ban|huong dan|chuong trinh|thong bao|ket luan|de an|cong dien|luat)\b)\b")]
    private static partial Regex Opener();

    [GeneratedRegex(@"^(?<roman>[IVX]{1,5})\s*[.:/)\-–]\s*(?<title>\S.*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?:(?<label>\d{1,2}|[a-z])\s*[.)/]\s*)?(?<kind>muc dich|yeu cau)\s*(?<colon>:)?\s*(?<rest>.*)$")]
    private static partial Regex SubHeading();

    [GeneratedRegex(@"^(?:(?<label>[a-zđ]|\d{1,2})\s*[).]|[-–+•*])\s+(?<text>\S.*)$")]
    private static partial Regex Point();

    [GeneratedRegex(@"^noi nhan\b")]
    private static partial Regex RecipientsHeading();
}
