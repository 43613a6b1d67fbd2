namespace PlanApi.Common;

/// <summary>
/// Writes to an existing resource name the version they change (the ETag the client read), so that no one
/// overwrites a change they never saw. Checked after validation and after the resource is found.
/// </summary>
public static class Preconditions
{
    /// <summary>Missing: 428; another version: 412. Returns the row version for the save to check again.</summary>
    public static uint Check<T>(string? expectedETag, T current) where T : IVersionedResource
    {
        if (string.IsNullOrWhiteSpace(expectedETag)) throw new PreconditionRequiredException();
        var etag = ETags.For(current);
        if (!ETags.Matches(expectedETag, etag)) throw new PreconditionFailedException(etag);
        return current.Version;
    }
}
