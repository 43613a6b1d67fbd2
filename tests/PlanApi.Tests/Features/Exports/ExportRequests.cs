using System.Net;
using System.Text;
using PlanApi.Tests.Infrastructure;

namespace PlanApi.Tests.Features.Exports;

/// <summary>Fetching exports and reading them back.</summary>
public static class ExportRequests
{
    public static string CsvUrl(string planId) => $"/api/v1/plans/{planId}/export.csv";
    public static string XlsxUrl(string planId) => $"/api/v1/plans/{planId}/export.xlsx";
    public static string PlanIcsUrl(string planId) => $"/api/v1/plans/{planId}/calendar.ics";
    public static string AgencyIcsUrl(string code, string query = "") => $"/api/v1/agencies/{code}/calendar.ics{query}";

    /// <summary>GETs <paramref name="url"/>, asserts 200 and the media type, and returns the body's bytes.</summary>
    public static async Task<byte[]> GetFileAsync(this HttpClient client, string url, string mediaType)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {url}: expected 200 but got {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    public static async Task<string> GetTextAsync(this HttpClient client, string url, string mediaType)
    {
        var bytes = await client.GetFileAsync(url, mediaType);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    public static async Task<string> GetCalendarAsync(this HttpClient client, string url) =>
        await client.GetTextAsync(url, "text/calendar");

    /// <summary>
    /// A strict RFC 4180 reader: CRLF between records, fields quoted when they hold a comma, a quote or a line break,
    /// quotes doubled inside. Anything else fails the test, so a writer that quotes wrongly cannot pass by luck.
    /// </summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                Assert.True(field.Length == 0, $"A quote inside an unquoted field at {i}.");
                for (i++; ; i++)
                {
                    Assert.True(i < text.Length, "A quoted field is never closed.");
                    if (text[i] != '"') { field.Append(text[i]); continue; }
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; continue; }
                    i++;
                    break;
                }
                Assert.True(i == text.Length || text[i] is ',' or '\r', $"Text after a closing quote at {i}.");
                continue;
            }
            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"A CR without LF at {i}.");
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\n':
                    Assert.Fail($"A bare LF outside quotes at {i}: records end with CRLF.");
                    break;
                default:
                    field.Append(text[i++]);
                    break;
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        return records;
    }
}
