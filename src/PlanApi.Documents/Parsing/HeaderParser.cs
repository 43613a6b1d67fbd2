using System.Globalization;
using System.Text.RegularExpressions;
using PlanApi.Documents.Agencies;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// Reads the heading of a plan: issuer lines ("ỦY BAN NHÂN DÂN" / "TỈNH THÁI BÌNH"), "Số: 244/KH-UBND",
/// "Cần Thơ, ngày 20 tháng 12 năm 2022", the type line ("KẾ HOẠCH") and the title under it. Returns where
/// the body starts. When no issuer is written, it is implied by the symbol ("UBND") and the place.
/// </summary>
internal static partial class HeaderParser
{
    public static (PlanHeader Header, int BodyStart) Parse(IReadOnlyList<DocLine> lines, List<ParseWarning> warnings)
    {
        var issuerLines = new List<string>();
        string? number = null, symbolType = null, issuerSymbol = null, place = null, typeCode = null;
        DateOnly? issuedOn = null;
        var titleLines = new List<string>();
        var i = 0;
        for (; i < lines.Count && !BodySections.IsBodyStart(lines[i].Text); i++)
        {
            var text = lines[i].Text;
            // "Số:" alone, the number on the next line (web copies of documents do this).
            if (number is null && BareNumberLabel().IsMatch(text) && i + 1 < lines.Count) text = $"Số: {lines[++i].Text}";
            if (number is null && NumberPattern().Match(text) is { Success: true } n)
            {
                (number, symbolType, issuerSymbol) = ReadNumber(n, lines[i].Location, warnings);
                text = text.Remove(n.Index, n.Length).Trim();
            }
            if (place is null && PlaceDate().Match(text) is { Success: true } d)
            {
                place = d.Groups["place"].Value.Trim();
                issuedOn = VietnameseDates.FromGroups(d);
                if (issuedOn is null) warnings.Add(new("the date of issue is incomplete", lines[i].Location));
                text = text[..d.Index].Trim();
            }
            if (typeCode is null && TypeLine().Match(text) is { Success: true } t)
            {
                typeCode = TypeCode(VietnameseText.Fold(t.Groups["type"].Value));
                var rest = VietnameseText.Collapse(t.Groups["rest"].Value);
                if (rest.Length > 0) titleLines.Add(rest);
                i = ReadTitle(lines, i + 1, titleLines);
                break;
            }
            if (typeCode is null) issuerLines.AddRange(IssuerPart(text));
        }

        var title = titleLines.Count > 0 ? VietnameseText.Collapse(string.Join(" ", titleLines)) : null;
        var names = IssuerNames(issuerLines);
        var (issuer, parent) = names.Count switch
        {
            0 => ((string?)null, (string?)null),
            1 => (names[0], null),
            _ => (names[^1], string.Join(" ", names.Take(names.Count - 1))),
        };
        var implied = issuer is null && issuerSymbol is not null;
        if (implied) issuer = ImpliedIssuer(issuerSymbol!, place);
        var jurisdiction = Localities.OfIssuer(implied ? [issuer!] : names, place, implied);
        var header = new PlanHeader(issuer, implied, parent, number, symbolType ?? typeCode, issuerSymbol, place, issuedOn, title,
            PlanYear(title) ?? issuedOn?.Year, jurisdiction);
        return (header, i);
    }

    private static int ReadTitle(IReadOnlyList<DocLine> lines, int start, List<string> title)
    {
        var i = start;
        for (; i < lines.Count && title.Count < 4; i++)
        {
            // A title is bold or in capitals; "THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG …" in capitals is a title,
            // "Thực hiện Chỉ thị số 19/CT-TTg …" in sentence case is the first legal basis.
            var line = lines[i];
            var emphasised = line.IsBold || VietnameseText.IsUpperText(line.Text);
            if (Separator().IsMatch(line.Text) || BodySections.IsSectionHeading(line.Text)) break;
            if (BodySections.IsBodyStart(line.Text) && !emphasised) break;
            if (title.Count > 0 && (!emphasised || line.Text.EndsWith(':'))) break;
            title.Add(line.Text);
        }
        while (i < lines.Count && Separator().IsMatch(lines[i].Text)) i++;
        return i;
    }

    /// <summary>State form "244/KH-UBND" (type-issuer after the slash) or Party form "45-KH/TU" (type before it).</summary>
    private static (string? Number, string? Type, string? IssuerSymbol) ReadNumber(Match m, DocumentLocation location, List<ParseWarning> warnings)
    {
        var symbol = Regex.Replace(m.Groups["symbol"].Value, @"\s+", "").Replace('–', '-');
        var separator = m.Groups["sep"].Value;
        string type;
        string? issuerSymbol;
        if (separator == "-")
        {
            var slash = symbol.IndexOf('/');
            type = slash > 0 ? symbol[..slash] : symbol;
            issuerSymbol = slash > 0 ? symbol[(slash + 1)..] : null;
        }
        else
        {
            var last = symbol.Split('/')[^1];
            var dash = last.IndexOf('-');
            type = dash > 0 ? last[..dash] : last;
            issuerSymbol = dash > 0 ? last[(dash + 1)..] : null;
        }
        if (m.Groups["n"].Value.Length == 0)
        {
            warnings.Add(new("the document number is blank (a draft?)", location));
            return (null, type, issuerSymbol);
        }
        return ($"{m.Groups["n"].Value}{separator}{symbol}", type, issuerSymbol);
    }

    /// <summary>The issuer part of a heading line, without the national motto typed beside it.</summary>
    private static IEnumerable<string> IssuerPart(string text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (var motto in new[] { "cong hoa xa hoi chu nghia viet nam", "doc lap" })
        {
            var at = folded.IndexOf(motto, StringComparison.Ordinal);
            if (at >= 0) text = text[..at];
        }
        // Party documents print "ĐẢNG CỘNG SẢN VIỆT NAM" where State ones print the national motto.
        var party = PartyMotto().Match(VietnameseText.Fold(text));
        if (party.Success) text = text[..party.Index];
        text = VietnameseText.Collapse(text.Trim('-', '_', '–', ' '));
        if (text.Length > 0 && VietnameseText.IsUpperText(text) && !Separator().IsMatch(text)) yield return text;
    }

    /// <summary>
    /// The names of the heading, general first: "ỦY BAN NHÂN DÂN" + "TỈNH THÁI BÌNH" is one name; "UBND TỈNH THÁI
    /// BÌNH" + "SỞ NỘI VỤ" are parent and issuer.
    /// </summary>
    private static List<string> IssuerNames(List<string> lines)
    {
        var names = new List<string>();
        foreach (var line in lines)
        {
            if (names.Count > 0 && LocalityStart().IsMatch(VietnameseText.Fold(line))) names[^1] += " " + line;
            else names.Add(line);
        }
        return names;
    }

    private static string ImpliedIssuer(string issuerSymbol, string? place)
    {
        var name = issuerSymbol.ToUpperInvariant() switch
        {
            "UBND" => "Ủy ban nhân dân",
            "HĐND" => "Hội đồng nhân dân",
            "TU" => "Thành ủy",
            _ => issuerSymbol,
        };
        return place is null ? name : $"{name} {place}";
    }

    private static string TypeCode(string folded) => folded switch
    {
        "ke hoach" => "KH",
        "chuong trinh" => "CTr",
        "de an" => "ĐA",
        "phuong an" => "PA",
        "huong dan" => "HD",
        "chi thi" => "CT",
        "quyet dinh" => "QĐ",
        "thong bao" => "TB",
        _ => folded.ToUpperInvariant(),
    };

    private static int? PlanYear(string? title)
    {
        if (title is null) return null;
        var years = Regex.Matches(VietnameseText.Fold(title), @"\bnam\s+(\d{4})\b");
        return years.Count > 0 ? int.Parse(years[^1].Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\bS[ốỐ]\s*[:.]?\s*(?<n>\d*)\s*(?<sep>[/-])\s*(?<symbol>[\p{L}\d]+(?:\s*[/\-–]\s*[\p{L}\d&.]+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?<place>(?:\p{Lu}\p{Ll}*\.?\s+){0,4}\p{Lu}\p{Ll}*)\s*,\s*(?:ngày|NGÀY)\s*" + VietnameseDates.DateBody)]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(?<type>KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|HƯỚNG DẪN|CHỈ THỊ|QUYẾT ĐỊNH|THÔNG BÁO)\b\s*:?\s*(?<rest>.*)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^\s*S[ốỐ]\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareNumberLabel();

    [GeneratedRegex(@"^[\s\-_–—=*.~]+$")]
    private static partial Regex Separator();

    // "TỈNH ỦY NGHỆ AN" on its own line is an issuer, not the locality of the line above.
    [GeneratedRegex(@"^(tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\b(?!\s+(uy|doan|doi)\b)")]
    private static partial Regex LocalityStart();

    // Alone on the line, or set apart from the issuer by a tab or a run of spaces.
    [GeneratedRegex(@"(?:^|\t|\s{2,})\s*dang cong san viet nam")]
    private static partial Regex PartyMotto();
}
