using System.Text.RegularExpressions;

namespace PlanApi.Documents.Parsing;

/// <summary>
/// Reads the end of the document: the recipients under "Nơi nhận:" (one per "- " line) and the signature block
/// "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (signed) / Trần Việt Trường", in either order.
/// </summary>
internal static partial class ClosingParser
{
    public static bool IsSignatureStart(string text) => IsAuthorityLine(text) || PositionLine().IsMatch(text);

    /// <summary>"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the title after the prefix is in capitals ("Q. Ninh Kiều" is not one).</summary>
    private static bool IsAuthorityLine(string text) =>
        AuthorityPrefix().Match(text) is { Success: true } m && VietnameseText.IsUpperText(m.Groups["body"].Value);

    public static (List<string> Recipients, PlanSignature? Signature) Parse(IReadOnlyList<DocLine> lines, int start)
    {
        var recipients = new List<string>();
        PlanSignature? signature = null;
        for (var i = start; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (RecipientsHeading().Match(text) is { Success: true } heading)
            {
                var inline = text[heading.Length..].Trim();
                if (inline.Length > 0) recipients.Add(Recipient(inline));
                while (i + 1 < lines.Count && IsRecipient(lines[i + 1].Text))
                    recipients.Add(Recipient(lines[++i].Text));
            }
            else if (signature is null && IsSignatureStart(text))
            {
                signature = ReadSignature(lines, ref i);
            }
        }
        return (recipients, signature);
    }

    private static PlanSignature ReadSignature(IReadOnlyList<DocLine> lines, ref int i)
    {
        string? prefix = null, body = null, position, forPrefix = null, signingFor = null;
        if (IsAuthorityLine(lines[i].Text) && AuthorityPrefix().Match(lines[i].Text) is { } p)
        {
            (prefix, body) = Authority(p);
            // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the outer authority, whom the signer stands in for,
            // and the signer's own position.
            while (i + 1 < lines.Count && IsAuthorityLine(lines[i + 1].Text))
                (forPrefix, signingFor) = Authority(AuthorityPrefix().Match(lines[++i].Text));
            position = i + 1 < lines.Count && !IsAnnotation(lines[i + 1].Text) ? Position(lines[++i].Text) : null;
        }
        else
        {
            position = Position(lines[i].Text);
        }
        string? signer = null;
        for (var j = i + 1; j < Math.Min(lines.Count, i + 8); j++)
        {
            var text = lines[j].Text;
            if (RecipientsHeading().IsMatch(text) || Bullet().IsMatch(text)) break;
            if (IsAnnotation(text) || !PersonName().IsMatch(text) || NotAName().IsMatch(VietnameseText.Fold(text))) continue;
            signer = VietnameseText.TitleCase(text);
            i = j;
            break;
        }
        return new PlanSignature(prefix, body, position, signer, forPrefix, signingFor);
    }

    private static (string Prefix, string Body) Authority(Match m) =>
        (m.Groups["prefix"].Value.ToUpperInvariant().Replace("/", "") + ".", Position(m.Groups["body"].Value.Trim()));

    /// <summary>"PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; "CHỦ TỊCH" → "Chủ tịch"; "ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân".</summary>
    private static string Position(string text)
    {
        var sentence = VietnameseText.SentenceCase(VietnameseText.Collapse(text));
        return sentence.StartsWith("Phó ", StringComparison.Ordinal) && sentence.Length > 4
            ? "Phó " + char.ToUpper(sentence[4], VietnameseText.Vi) + sentence[5..]
            : sentence;
    }

    private static string Recipient(string text) =>
        VietnameseText.Collapse(Bullet().Replace(text, "")).TrimEnd(';', '.', ',').Trim();

    /// <summary>A "- " line, or a short line ending like a list entry ("Như trên;") when Word dropped the dashes.</summary>
    private static bool IsRecipient(string text) =>
        Bullet().IsMatch(text)
        || text.Length < 150 && !VietnameseText.IsUpperText(text) && !IsSignatureStart(text)
            && (text.TrimEnd().EndsWith(';') || VietnameseText.Fold(text).StartsWith("luu", StringComparison.Ordinal));

    private static bool IsAnnotation(string text) =>
        text.StartsWith('(') || text.StartsWith('[') || Annotation().IsMatch(VietnameseText.Fold(text));

    [GeneratedRegex(@"^\s*(?:(?<prefix>TM|KT|TL|TUQ|Q)\s*\.|(?<prefix>T/M|K/T|T/L))\s*(?<body>\S.*)$")]
    private static partial Regex AuthorityPrefix();

    [GeneratedRegex(@"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|CHÁNH VĂN PHÒNG)$")]
    private static partial Regex PositionLine();

    [GeneratedRegex(@"^\s*Nơi nhận\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientsHeading();

    [GeneratedRegex(@"^\s*[-–+•]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:da ky|ky ten|ky,|\(ky)")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"^(?:phu luc|danh muc|danh sach|ke hoach|bieu|mau)\b")]
    private static partial Regex NotAName();

    // Two to six capitalised words, no digits or punctuation: "Trần Việt Trường", "NGUYỄN VĂN A".
    [GeneratedRegex(@"^\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){1,5}$")]
    private static partial Regex PersonName();
}
