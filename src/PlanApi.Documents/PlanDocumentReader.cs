using System.Globalization;
using System.Text;
using PlanApi.Documents.Parsing;
using PlanApi.Documents.Sources;

namespace PlanApi.Documents;

/// <summary>
/// Reads a plan document from a .docx, a text file (tab-separated table rows, as the seed) or a Markdown file
/// (pipe tables). The form is told by the content first (a ZIP package is a .docx) and the file name second.
/// Unusable input throws <see cref="PlanDocumentException"/> with a message and a location.
/// </summary>
public static class PlanDocumentReader
{
    /// <summary>Plans are a few dozen pages; anything far larger is not one.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public static PlanDocument Read(Stream content, string? fileName = null, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAll(content, maxBytes);
        return Parse(bytes, DetectFormat(bytes, fileName));
    }

    public static PlanDocument Read(Stream content, PlanDocumentFormat format, long maxBytes = DefaultMaxBytes)
    {
        var bytes = ReadAll(content, maxBytes);
        if (format == PlanDocumentFormat.Docx && !IsZip(bytes))
            throw new PlanDocumentException("The file is not a Word document (.docx): it is not a ZIP package.", DocumentLocation.File);
        return Parse(bytes, format);
    }

    /// <summary>The input form: .docx by its ZIP signature, Markdown by name or pipe rows, else text.</summary>
    public static PlanDocumentFormat DetectFormat(ReadOnlySpan<byte> bytes, string? fileName)
    {
        if (IsZip(bytes)) return PlanDocumentFormat.Docx;
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".docx")
            throw new PlanDocumentException("The file is named .docx but is not a Word document (no ZIP package).", DocumentLocation.File);
        if (extension is ".md" or ".markdown") return PlanDocumentFormat.Markdown;
        return PlanDocumentFormat.Text;
    }

    private static PlanDocument Parse(byte[] bytes, PlanDocumentFormat format)
    {
        if (format == PlanDocumentFormat.Docx)
            return PlanDocumentParser.Parse(DocxSourceReader.Read(new MemoryStream(bytes, writable: false)));
        var text = DecodeText(bytes);
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanDocumentException("The file is empty.", DocumentLocation.File);
        return PlanDocumentParser.Parse(TextSourceReader.Read(text, format));
    }

    private static byte[] ReadAll(Stream content, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new PlanDocumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The file is larger than {maxBytes / 1024.0 / 1024:0.##} MiB."), DocumentLocation.File);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new PlanDocumentException("The file is empty.", DocumentLocation.File);
        return buffer.ToArray();
    }

    private static bool IsZip(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with BOM; anything else, or text with control bytes, is refused.</summary>
    private static string DecodeText(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith("%PDF"u8))
            throw new PlanDocumentException("PDF files are not read; upload the .docx or a text export.", DocumentLocation.File);
        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
            throw new PlanDocumentException("Old Word (.doc) files are not read; save the document as .docx.", DocumentLocation.File);

        string text;
        try
        {
            text = bytes switch
            {
                [0xFF, 0xFE, ..] => new UnicodeEncoding(false, true, true).GetString(bytes, 2, bytes.Length - 2),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(true, true, true).GetString(bytes, 2, bytes.Length - 2),
                _ => new UTF8Encoding(false, true).GetString(bytes),
            };
        }
        catch (DecoderFallbackException e)
        {
            throw new PlanDocumentException("The file is not text in UTF-8 (binary data or another encoding).", LocationOf(bytes, (int)e.Index));
        }
        text = text.TrimStart('\uFEFF');
        var control = text.IndexOfAny([.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r' or '\f')).Select(c => (char)c)]);
        if (control >= 0)
            throw new PlanDocumentException("The file contains binary data (control characters), not text.",
                DocumentLocation.AtLine(text[..control].Count(c => c == '\n') + 1));
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            var bad = text.IndexOfAny(['\uFFFE', '\uFFFF']);
            throw new PlanDocumentException("The file contains characters that are not text (Unicode noncharacters).",
                DocumentLocation.AtLine(bad < 0 ? 1 : text[..bad].Count(c => c == '\n') + 1));
        }
    }

    private static DocumentLocation LocationOf(byte[] bytes, int index) =>
        index < 0 ? DocumentLocation.File : DocumentLocation.AtLine(bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n') + 1);
}
