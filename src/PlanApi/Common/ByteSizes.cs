using System.Globalization;

namespace PlanApi.Common;

/// <summary>Sizes as a person reads them in a 413: "10 MiB (10485760 bytes)", so that the limit and the upload compare at a glance.</summary>
public static class ByteSizes
{
    public const long MiB = 1024 * 1024;

    public static string Describe(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.##} MiB ({bytes} bytes)");

    /// <summary>"… are limited to 10 MiB (10485760 bytes); this one is 12.5 MiB (13107200 bytes)."</summary>
    public static string TooLarge(string what, long limit, long size) =>
        $"{what} are limited to {Describe(limit)}; this one is {Describe(size)}.";
}
