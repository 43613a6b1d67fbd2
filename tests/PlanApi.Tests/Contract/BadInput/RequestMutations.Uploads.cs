using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace PlanApi.Tests.Contract.BadInput;

/// <summary>The multipart uploads of the plan-import operations: odd files, names, form fields and media types.</summary>
public sealed partial class RequestMutations
{
    private const string PlanText =
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 77/KH-UBND\nCần Thơ, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\n" +
        "Triển khai công tác thi đua, khen thưởng năm 2024\n\nTT\tNội dung\tĐơn vị thực hiện\n" +
        "1\tTổ chức hội nghị (tháng 3)\tSở Nội vụ chủ trì\n2\tTuyên dương học sinh giỏi\tSở Giáo dục và Đào tạo chủ trì\n";

    private const string ProgressSheetKeys =
        "plan_id,version,plan_number,ordinal,content,due,current_status,status,percent,summary,evidence_number,evidence_date,evidence_url,period_from,period_to\r\n";

    private static Func<HttpContent?> Upload(string text, string fileName, string? replaceDraft = null) =>
        Upload(Encoding.UTF8.GetBytes(text), fileName, replaceDraft);

    private static Func<HttpContent?> Upload(byte[] bytes, string? fileName, string? replaceDraft = null, string fieldName = "file",
        IEnumerable<(string Name, string Value)>? fields = null) => () =>
    {
        // A fixed boundary: the same upload is the same bytes, so that an Idempotency-Key retry is a retry.
        var form = new MultipartFormDataContent("planapi-bad-input");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (fileName is null) form.Add(file, fieldName);
        else form.Add(file, fieldName, fileName);
        if (replaceDraft is not null) form.Add(new StringContent(replaceDraft), "replaceDraft");
        foreach (var (name, value) in fields ?? []) form.Add(new StringContent(value), name);
        return form;
    };

    private IEnumerable<RequestCase> Uploads(ContractOperation op)
    {
        var plan = Encoding.UTF8.GetBytes(PlanText);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
            writer.Write("not a document");
        var files = new (string Label, byte[] Bytes, string? Name)[]
        {
            ("empty file", [], "ke-hoach.txt"),
            ("binary junk", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray(), "ke-hoach.txt"),
            ("NUL bytes in the text", [.. plan[..40], 0, 0, 0, .. plan[40..]], "ke-hoach.txt"),
            ("Latin-1 text", Encoding.Latin1.GetBytes("TT\tNoi dung\n1\tKhen thuong \u00e0 \u00e9\tSo Noi vu\n"), "ke-hoach.txt"),
            ("invalid UTF-8 (surrogate bytes)", [.. plan[..40], 0xED, 0xA0, 0x80, .. plan[40..]], "ke-hoach.txt"),
            ("text named .docx", plan, "ke-hoach.docx"),
            ("zip that is not a Word document", zip.ToArray(), "ke-hoach.docx"),
            ("no task table", Encoding.UTF8.GetBytes("Số: 12/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2023\n\nKhông có bảng nhiệm vụ.\n"), "ke-hoach.txt"),
            ("NFD text", Encoding.UTF8.GetBytes(PlanText.Normalize(NormalizationForm.FormD)), "ke-hoach.txt"),
            ("emoji and RTL marks", Encoding.UTF8.GetBytes(PlanText.Replace("Tổ chức", "🏆\u200F Tổ chức")), "ke-hoach.txt"),
            ("noncharacters", Encoding.UTF8.GetBytes(PlanText.Replace("Tổ chức", "\uFFFE\uFFFF Tổ chức")), "ke-hoach.txt"),
            ("100,000-char row", Encoding.UTF8.GetBytes(PlanText + "3\t" + new string('a', 100_000) + "\tSở Nội vụ chủ trì\n"), "ke-hoach.txt"),
            ("2,000 rows", Encoding.UTF8.GetBytes(PlanText + string.Concat(Enumerable.Range(3, 2000).Select(i => $"{i}\tNhiệm vụ {i}\tSở Nội vụ chủ trì\n"))), "ke-hoach.txt"),
            ("UTF-16 text", Encoding.Unicode.GetBytes(PlanText), "ke-hoach.txt"),
            ("PDF header", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "ke-hoach.pdf"),
        };
        foreach (var (label, bytes, name) in files)
            yield return Case(op, $"upload: {label}", content: Upload(bytes, name));

        var names = new (string Label, string? Name)[]
        {
            ("no file name", null), ("1,000-char file name", new string('a', 1_000) + ".txt"), ("emoji file name", "🏆.txt"),
            ("path traversal file name", "../../etc/passwd"), ("noncharacter file name", "ke-hoach\uFFFF.txt"), ("file name without extension", "ke-hoach"), ("Windows path file name", @"C:\tmp\ke-hoach.md"),
        };
        foreach (var (label, name) in names)
            yield return Case(op, $"upload: {label}", content: Upload(plan, name));

        yield return Case(op, "upload: no file field", content: () => new MultipartFormDataContent { { new StringContent("true"), "replaceDraft" } });
        yield return Case(op, "upload: file under another field name", content: Upload(plan, "ke-hoach.txt", fieldName: "document"));
        yield return Case(op, "upload: file as a plain text field", content: () => new MultipartFormDataContent { { new StringContent(PlanText), "file" } });
        yield return Case(op, "upload: two files", content: () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(plan), "file", "a.txt");
            form.Add(new ByteArrayContent(plan), "file", "b.txt");
            return form;
        });
        yield return Case(op, "upload: unknown form field", content: Upload(plan, "ke-hoach.txt", fields: [("unexpected", "1")]));
        foreach (var value in new[] { "abc", "", "2", "TRUE", "null", "1", "%00" })
            yield return Case(op, $"upload: replaceDraft '{value}'", content: Upload(plan, "ke-hoach.txt", replaceDraft: value));
        yield return Case(op, "upload: replaceDraft twice", content: Upload(plan, "ke-hoach.txt", replaceDraft: "true", fields: [("replaceDraft", "false")]));

        var bodies = new (string Label, byte[] Bytes, string? ContentType)[]
        {
            ("JSON body", Utf8("{\"file\":\"x\"}"), "application/json"),
            ("text body", plan, "text/plain"),
            ("form urlencoded", Utf8("file=abc&replaceDraft=true"), "application/x-www-form-urlencoded"),
            ("multipart without boundary", plan, "multipart/form-data"),
            ("multipart with garbage body", Utf8("garbage"), "multipart/form-data; boundary=xyz"),
            ("multipart truncated", Utf8("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"), "multipart/form-data; boundary=xyz"),
            ("multipart with a 100-char boundary", Utf8("--" + new string('b', 100) + "--\r\n"), "multipart/form-data; boundary=" + new string('b', 100)),
            ("no body", [], null),
        };
        foreach (var (label, bytes, contentType) in bodies)
            yield return Case(op, $"upload: {label}", content: Bytes(bytes, contentType));
    }
}
